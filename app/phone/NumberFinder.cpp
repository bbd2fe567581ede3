#include "NumberFinder.h"

#include "core/UserText.h"

#include <QRegularExpression>
#include <QSet>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <vector>

namespace onedial {

using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// How many candidates the matcher may try before it gives up on a text: plenty for a page of
// prose, and a bound on the time a hostile selection can cost.
constexpr int kMaxTries = 20000;

// Dates, times and amounts, which the matcher would otherwise read as numbers ("2023-11-08 13" is
// a valid Guangzhou landline to it): 2023-11-08, 2023/11/8, 2023.11.08, 2023年11月8日, 2023年11月,
// 11月8日, 08/11/2023, 13:30 or 13:30:05, and a sum after a currency sign or before 元
// (¥13800138000, 13800138000元). extension/src/numbers.js blanks out the same spans.
const QRegularExpression &notANumberPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"((?<!\d)(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d))"
                       R"(|(?<!\d)(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?)"
                       R"(|(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*[日号])"
                       R"(|(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}(?!\d))"
                       R"(|(?<!\d)\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?!\d))"
                       R"(|[¥￥$€£]\s*\d[\d,]*(?:\.\d+)?)"
                       R"(|(?<![\d,.])\d[\d,]*(?:\.\d+)?\s*(?:元|万元|美元|块))"));
    return pattern;
}

// The text as the matcher can read it, one unit for one so positions stay the same: an unpaired
// surrogate becomes U+FFFD (QString::toUtf8() would write one byte for it, out of step with the
// positions counted below), and a control character other than a tab or a line break becomes a
// space (the matcher finds nothing at all in a text with one, \x01 or U+0085 say).
QString matchable(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text.at(i).unicode();
        if (QChar::isHighSurrogate(unit) && i + 1 < text.size() &&
            QChar::isLowSurrogate(text.at(i + 1).unicode()))
            ++i;
        else if (QChar::isSurrogate(unit))
            text[i] = QChar::ReplacementCharacter;
        else if (QChar::category(unit) == QChar::Other_Control && unit != u'\t' && unit != u'\n' &&
                 unit != u'\r')
            text[i] = QLatin1Char(' ');
    }
    return text;
}

// The text with every date, time and amount replaced by as many spaces, so positions stay the same.
QString withoutNonNumbers(QString text)
{
    QRegularExpressionMatchIterator it = notANumberPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        for (qsizetype i = match.capturedStart(); i < match.capturedEnd(); ++i)
            text[i] = QLatin1Char(' ');
    }
    return text;
}

// For each byte offset of text's UTF-8 form that starts a character, the UTF-16 position of that
// character (the matcher answers in bytes); one more entry for the end.
std::vector<qsizetype> utf16Positions(const QString &text, qsizetype utf8Size)
{
    std::vector<qsizetype> positions(size_t(utf8Size) + 1, 0);
    qsizetype byte = 0;
    for (qsizetype i = 0; i < text.size() && byte < utf8Size; ++i) {
        const char16_t unit = text.at(i).unicode();
        int bytes = 3;
        if (QChar::isHighSurrogate(unit) && i + 1 < text.size() &&
            QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            positions[size_t(byte)] = i;
            byte += 4;
            ++i;
            continue;
        }
        if (unit < 0x80)
            bytes = 1;
        else if (unit < 0x800)
            bytes = 2;
        positions[size_t(byte)] = i;
        byte += bytes;
    }
    positions[size_t(utf8Size)] = text.size();
    return positions;
}

bool isLineEnd(QChar c)
{
    return c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QChar(0x2028) || c == QChar(0x2029);
}

// The words either side of a number, within its own line.
QString contextOf(const QString &text, qsizetype start, qsizetype length)
{
    qsizetype from = start;
    while (from > 0 && start - from < NumberFinder::kContextLength && !isLineEnd(text.at(from - 1)))
        --from;
    qsizetype to = start + length;
    while (to < text.size() && to - start - length < NumberFinder::kContextLength && !isLineEnd(text.at(to)))
        ++to;
    QString context = UserText::cleanLine(text.mid(from, to - from).simplified());
    if (from > 0 && !isLineEnd(text.at(from - 1)))
        context.prepend(QChar(0x2026));
    if (to < text.size() && !isLineEnd(text.at(to)))
        context.append(QChar(0x2026));
    return context;
}

// An extension written after the number in a way the matcher does not know ("转 8001", "分机 12"):
// the number is then read with it, so the dial's own rule refuses it as it refuses a typed one.
const QRegularExpression &extensionAfterPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(?:转|分机号?|内线)\s*[:：]?\s*\d{1,10})"));
    return pattern;
}

} // namespace

QList<FoundNumber> NumberFinder::find(const QString &text)
{
    QList<FoundNumber> found;
    const QString searched = matchable(withoutNonNumbers(text.left(kMaxTextLength)));
    // Valid UTF-8 (the matcher finds nothing at all in invalid UTF-8), as long as the positions.
    const std::string utf8 = searched.toUtf8().toStdString();
    const std::vector<qsizetype> positions = utf16Positions(searched, qsizetype(utf8.size()));

    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumberMatcher matcher(util, utf8, "CN", PhoneNumberMatcher::VALID, kMaxTries);
    while (found.size() < kMaxNumbers && matcher.HasNext()) {
        PhoneNumberMatch match;
        if (!matcher.Next(&match))
            break;
        const size_t startByte = size_t(match.start());
        const size_t endByte = startByte + size_t(match.length());
        if (endByte >= positions.size())
            break;
        FoundNumber number;
        number.start = positions[startByte];
        number.length = positions[endByte] - number.start;
        number.written = text.mid(number.start, number.length);
        std::string e164;
        util.Format(match.number(), PhoneNumberUtil::E164, &e164);
        number.e164 = QString::fromStdString(e164);
        // Read as a dial reads it: "ext. 8001" or "转 8001" make it a number OneDial cannot dial.
        const QRegularExpressionMatch extension =
            extensionAfterPattern().match(text.mid(number.start + number.length, 24));
        number.number = PhoneNumber::parse(number.written + extension.captured());
        number.context = contextOf(text, number.start, number.length);
        found.append(number);
    }
    return found;
}

QList<FoundNumber> NumberFinder::dialableOf(const QList<FoundNumber> &found)
{
    QList<FoundNumber> dialable;
    QSet<QString> seen;
    for (const FoundNumber &number : found) {
        if (number.dialable() && !seen.contains(number.number.apiForm())) {
            seen.insert(number.number.apiForm());
            dialable.append(number);
        }
    }
    return dialable;
}

} // namespace onedial
