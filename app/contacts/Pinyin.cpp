#include "Pinyin.h"

#include "core/Log.h"

#include <QHash>
#include <QMutex>
#include <QStringList>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <memory>

namespace onedial {

namespace {

bool isAsciiAlnum(char32_t c)
{
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

char lowerAscii(char32_t c)
{
    return char(c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
}

std::unique_ptr<icu::Transliterator> makeTransliterator(const char *id)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
        qCWarning(lcContacts) << "ICU transliterator" << id << "is not available:" << u_errorName(status);
        made.reset();
    }
    return made;
}

// ICU's transliterators are not documented as safe for concurrent use, so every use goes
// through one mutex; the per-character cache makes that use rare.
class Engine final
{
public:
    Engine()
        : m_plain(makeTransliterator("Han-Latin; Latin-ASCII"))
        // CLDR's surname readings; an ICU built without them falls back to the plain reading.
        , m_names(makeTransliterator("Han-Latin/Names; Latin-ASCII"))
    {}

    // The lowercase ASCII spelling of one character, empty when it has none.
    const QByteArray &reading(char32_t c, bool asSurname)
    {
        QHash<char32_t, QByteArray> &cache = asSurname && m_names ? m_namesCache : m_plainCache;
        auto found = cache.constFind(c);
        if (found != cache.constEnd())
            return *found;
        icu::Transliterator *transliterator = asSurname && m_names ? m_names.get() : m_plain.get();
        QByteArray spelling;
        if (transliterator) {
            icu::UnicodeString text{UChar32(c)};
            transliterator->transliterate(text);
            for (int32_t i = 0; i < text.length(); ++i) {
                const char16_t unit = text.charAt(i);
                if (!isAsciiAlnum(unit)) {
                    spelling.clear(); // not (only) Latin letters: no spelling
                    break;
                }
                spelling += lowerAscii(unit);
            }
        }
        return *cache.insert(c, spelling);
    }

    QMutex mutex;

private:
    std::unique_ptr<icu::Transliterator> m_plain;
    std::unique_ptr<icu::Transliterator> m_names;
    QHash<char32_t, QByteArray> m_plainCache;
    QHash<char32_t, QByteArray> m_namesCache;
};

Engine &engine()
{
    static Engine shared;
    return shared;
}

bool isHan(char32_t c)
{
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(UChar32(c), &status) == USCRIPT_HAN;
}

} // namespace

QByteArrayList Pinyin::syllables(QStringView text, Kind kind)
{
    QByteArrayList result;
    QByteArray word;
    auto endWord = [&] {
        if (!word.isEmpty())
            result << word;
        word.clear();
    };

    Engine &shared = engine();
    QMutexLocker locker(&shared.mutex);
    bool first = true;
    for (const char32_t c : text.toUcs4()) {
        const bool leading = std::exchange(first, false);
        if (c < 0x80) {
            if (isAsciiAlnum(c))
                word += lowerAscii(c);
            else
                endWord();
            continue;
        }
        if (isHan(c)) {
            endWord();
            const QByteArray &reading = shared.reading(c, leading && kind == Kind::PersonName);
            if (!reading.isEmpty())
                result << reading;
            continue;
        }
        // Accented and full-width Latin letters continue the word they are in: Zoë → zoe.
        const QByteArray &reading = shared.reading(c, false);
        if (reading.isEmpty())
            endWord();
        else
            word += reading;
    }
    endWord();
    return result;
}

} // namespace onedial
