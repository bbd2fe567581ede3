#include "VCardReader.h"

#include "TextEncoding.h"
#include "VCardText.h"
#include "contacts/PhoneLabels.h"
#include "core/UserText.h"

#include <QHash>
#include <QStringDecoder>

#include <algorithm>
#include <map>
#include <thread>
#include <utility>
#include <vector>

namespace onedial {

using namespace vcard;

namespace {

bool startsWithNoCase(QByteArrayView text, QByteArrayView prefix)
{
    return text.size() >= prefix.size() && qstrnicmp(text.data(), prefix.data(), prefix.size()) == 0;
}

bool equalsNoCase(QByteArrayView text, QByteArrayView other)
{
    return text.size() == other.size() && qstrnicmp(text.data(), other.data(), other.size()) == 0;
}

// Physical lines, without their CR LF or LF.
class LineSource
{
public:
    explicit LineSource(QByteArrayView data)
        : m_data(data)
    {}

    bool atEnd() const { return m_pos >= m_data.size(); }
    int lineNumber() const { return m_line; }

    QByteArrayView peek() const
    {
        qsizetype end = m_data.indexOf('\n', m_pos);
        if (end < 0)
            end = m_data.size();
        QByteArrayView line = m_data.sliced(m_pos, end - m_pos);
        if (line.endsWith('\r'))
            line.chop(1);
        return line;
    }

    QByteArrayView next()
    {
        const QByteArrayView line = peek();
        const qsizetype end = m_data.indexOf('\n', m_pos);
        m_pos = end < 0 ? m_data.size() : end + 1;
        ++m_line;
        return line;
    }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
    int m_line = 0;
};

struct Property
{
    QByteArray group; // upper case, e.g. ITEM1
    QByteArray name;  // upper case
    QList<QByteArray> types;
    QByteArray charset;
    bool quotedPrintable = false;
    bool uriValue = false;
    QByteArray value;
    bool oversized = false;
    bool tooManyParameters = false;
};

// The first ':' outside a double-quoted parameter value (4.0 allows ':' inside quotes).
qsizetype headEnd(QByteArrayView line)
{
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (c == '"')
            quoted = !quoted;
        else if (c == ':' && !quoted)
            return i;
    }
    return -1;
}

QByteArrayView unquoted(QByteArrayView value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        return value.sliced(1, value.size() - 2);
    return value;
}

// The property's name (and group) from its head, which is everything before the value's ':'.
void parseName(QByteArrayView head, Property &property)
{
    qsizetype end = 0;
    while (end < head.size() && head.at(end) != ';')
        ++end;
    QByteArrayView name = head.first(end).trimmed();
    if (const qsizetype dot = name.lastIndexOf('.'); dot >= 0) {
        property.group = name.first(dot).toByteArray().toUpper();
        name = name.sliced(dot + 1);
    }
    property.name = name.toByteArray().toUpper();
}

// Calls take(part) for each part of text between separators outside double quotes, without
// building a list of them (a hostile line has millions); stops when take returns false.
template<typename Take> void forEachOutsideQuotes(QByteArrayView text, char separator, Take take)
{
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '"') {
            quoted = !quoted;
        } else if (c == separator && !quoted) {
            if (!take(text.sliced(start, i - start)))
                return;
            start = i + 1;
        }
    }
    take(text.sliced(start));
}

// The parameters of a property OneDial reads. A real card has a handful; a property with more
// than kMaxParameters (types counted one by one) is not read, and its card is reported.
void parseParameters(QByteArrayView head, Property &property)
{
    int count = -1; // the name comes first
    const auto tooMany = [&count, &property] {
        if (++count <= VCardReader::kMaxParameters)
            return false;
        property.tooManyParameters = true;
        property.types.clear();
        return true;
    };
    forEachOutsideQuotes(head, ';', [&](QByteArrayView part) {
        if (count < 0) {
            count = 0;
            return true;
        }
        if (tooMany())
            return false;
        const QByteArrayView parameter = part.trimmed();
        const qsizetype equals = parameter.indexOf('=');
        if (equals < 0) {
            // vCard 2.1 writes parameters bare: TEL;CELL;PREF, NOTE;QUOTED-PRINTABLE.
            if (equalsNoCase(parameter, "QUOTED-PRINTABLE"))
                property.quotedPrintable = true;
            else if (!parameter.isEmpty())
                property.types << parameter.toByteArray();
            return true;
        }
        const QByteArrayView key = parameter.first(equals).trimmed();
        const QByteArrayView value = parameter.sliced(equals + 1);
        if (equalsNoCase(key, "TYPE")) {
            bool more = true;
            bool first = true; // counted as the parameter itself
            forEachOutsideQuotes(unquoted(value), ',', [&](QByteArrayView type) {
                if (!std::exchange(first, false) && tooMany())
                    return more = false;
                property.types << unquoted(type).toByteArray();
                return true;
            });
            return more;
        }
        if (equalsNoCase(key, "ENCODING"))
            property.quotedPrintable = equalsNoCase(unquoted(value), "QUOTED-PRINTABLE");
        else if (equalsNoCase(key, "CHARSET"))
            property.charset = unquoted(value).toByteArray();
        else if (equalsNoCase(key, "VALUE"))
            property.uriValue = equalsNoCase(unquoted(value), "uri");
        return true;
    });
}

struct Card
{
    int line = 0;
    bool version21 = false;
    bool favourite = false;
    QString formattedName;
    QStringList structuredName;
    QString organization;
    QStringList notes;
    struct Number
    {
        QByteArray group;
        ContactNumber number;
    };
    QList<Number> numbers;
    QHash<QByteArray, QString> groupLabels; // item1.X-ABLabel → the label of item1.TEL
    QString problem;
};

// The bytes to read and how their values are decoded; the same for every part of a file read in parallel.
struct Source
{
    QByteArray converted; // a UTF-16 file as UTF-8
    QByteArrayView data;
    QString encoding;      // of the file, as reported
    QString valueEncoding; // for values without a CHARSET
    bool override = false; // the user chose the encoding
    bool ignoreCharset = false;
};

void prepare(Source &source, const QByteArray &bytes, const QString &encoding)
{
    const QString chosen =
        encoding.isEmpty() ? TextEncoding::detect(bytes) : TextEncoding::canonicalName(encoding);
    source.encoding = chosen.isEmpty() ? QStringLiteral("UTF-8") : chosen;
    source.override = !encoding.isEmpty() && !chosen.isEmpty();
    if (source.encoding.startsWith(QLatin1String("UTF-16"))) {
        // Nothing in a UTF-16 file is in another charset: read it as UTF-8 from here on.
        source.converted = TextEncoding::decode(bytes, source.encoding).toUtf8();
        source.data = source.converted;
        source.valueEncoding = QStringLiteral("UTF-8");
        source.ignoreCharset = true;
    } else {
        source.data = QByteArrayView(bytes).sliced(bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0);
        source.valueEncoding = source.encoding;
    }
}

class Reader
{
public:
    // Reads part, a run of whole cards of source (or all of it).
    Reader(const Source &source, QByteArrayView part)
        : m_data(part)
        , m_valueEncoding(source.valueEncoding)
        , m_override(source.override)
        , m_ignoreCharset(source.ignoreCharset)
    {
        m_result.encoding = source.encoding;
    }

    int lineCount() const { return m_lineCount; }
    // The part ended inside a card: it was not a run of whole cards after all.
    bool endedInCard() const { return m_endedInCard; }

    ReadResult run()
    {
        LineSource lines(m_data);
        std::optional<Card> card;
        int nested = 0; // an AGENT's embedded vCard (2.1) inside the card being read
        while (!lines.atEnd()) {
            const QByteArrayView line = lines.next();
            const int lineNumber = lines.lineNumber();
            if (line.isEmpty() || line.front() == ' ' || line.front() == '\t')
                continue; // blank, or the rest of a property that was skipped
            const qsizetype colon = headEnd(line);
            if (colon < 0)
                continue;
            const QByteArrayView head = line.first(colon);
            const QByteArrayView rawValue = line.sliced(colon + 1);
            if (equalsNoCase(head.trimmed(), "BEGIN") && equalsNoCase(rawValue.trimmed(), "VCARD")) {
                if (card) {
                    ++nested;
                } else {
                    card.emplace();
                    card->line = lineNumber;
                }
                continue;
            }
            if (equalsNoCase(head.trimmed(), "END") && equalsNoCase(rawValue.trimmed(), "VCARD")) {
                if (nested > 0) {
                    --nested;
                } else if (card) {
                    finish(*card);
                    card.reset();
                }
                continue;
            }
            if (!card)
                continue; // text between cards

            Property property;
            parseName(head, property);
            // The parameters of a property OneDial does not read (a PHOTO's, an X-anything's) are
            // never looked at; a read one's head counts towards the longest value kept.
            if (isKept(property.name)) {
                if (head.size() > VCardReader::kMaxValueBytes)
                    property.oversized = true;
                else
                    parseParameters(head, property);
            }
            readValue(lines, rawValue, card->version21, property);
            if (nested == 0)
                apply(*card, property);
        }
        m_endedInCard = card.has_value();
        if (card) {
            // A file cut off after its last card's properties: what was read is still a contact.
            finish(*card);
        }
        m_lineCount = lines.lineNumber();
        return std::move(m_result);
    }

private:
    static bool isKept(const QByteArray &name)
    {
        return name == "FN" || name == "N" || name == "ORG" || name == "NOTE" || name == "TEL" ||
               name == "X-ABLABEL" || name == "VERSION" || name == "X-ONEDIAL-FAVOURITE";
    }

    // The value with its folded lines (a CRLF followed by a space or tab) and, for
    // quoted-printable, its soft line breaks (a line ending in '=') joined back. The value of a
    // property OneDial does not keep (a PHOTO of several hundred KiB) is passed over, not copied.
    static void readValue(LineSource &lines, QByteArrayView first, bool version21, Property &property)
    {
        const bool keep = isKept(property.name);
        if (keep && first.size() > VCardReader::kMaxValueBytes)
            property.oversized = true;
        else if (keep)
            property.value = first.toByteArray();
        QByteArrayView last = first;
        while (!lines.atEnd()) {
            const QByteArrayView next = lines.peek();
            const bool softBreak =
                property.quotedPrintable && (keep ? property.value.endsWith('=') : last.endsWith('='));
            if (softBreak && !startsWithNoCase(next, "END:VCARD")) {
                lines.next();
                last = next;
                if (keep) {
                    property.value.chop(1);
                    append(property, next);
                }
            } else if (!next.isEmpty() && (next.front() == ' ' || next.front() == '\t')) {
                lines.next();
                last = next;
                // 2.1 unfolds a line break followed by white space into that white space; 3.0 and
                // 4.0 drop the white space too.
                if (keep)
                    append(property, version21 ? next : next.sliced(1));
            } else {
                break;
            }
        }
    }

    static void append(Property &property, QByteArrayView more)
    {
        if (property.oversized)
            return;
        if (property.value.size() + more.size() > VCardReader::kMaxValueBytes) {
            property.oversized = true;
            property.value.clear();
            return;
        }
        property.value += more;
    }

    QString text(const Property &property)
    {
        const QByteArray bytes =
            property.quotedPrintable ? decodeQuotedPrintable(property.value) : property.value;
        QString encoding;
        if (!property.charset.isEmpty() && !m_ignoreCharset)
            encoding = TextEncoding::canonicalName(QString::fromLatin1(property.charset));
        if (encoding.isEmpty()) {
            if (property.quotedPrintable && !m_override && !m_ignoreCharset)
                encoding =
                    TextEncoding::isValidUtf8(bytes) ? QStringLiteral("UTF-8") : QStringLiteral("GB18030");
            else
                encoding = m_valueEncoding;
        }
        if (encoding == QLatin1String("UTF-8"))
            return QString::fromUtf8(bytes);
        auto found = m_decoders.find(encoding);
        if (found == m_decoders.end()) {
            const QByteArray name = encoding.toLatin1();
            found = m_decoders.emplace(encoding, QStringDecoder(name.constData())).first;
        }
        QStringDecoder &decoder = found->second;
        if (!decoder.isValid())
            return QString::fromUtf8(bytes);
        QString decoded = decoder.decode(bytes);
        decoder.resetState();
        return decoded;
    }

    void apply(Card &card, const Property &property)
    {
        const QByteArray &name = property.name;
        if (!isKept(name))
            return;
        if (property.oversized) {
            if (card.problem.isEmpty()) {
                card.problem = VCardReader::tr("Its %1 is longer than %2 KiB; this card was not read.")
                                   .arg(QString::fromLatin1(name))
                                   .arg(VCardReader::kMaxValueBytes / 1024);
            }
            return;
        }
        if (property.tooManyParameters) {
            if (card.problem.isEmpty()) {
                card.problem = VCardReader::tr("Its %1 has more than %2 parameters; this card was not read.")
                                   .arg(QString::fromLatin1(name))
                                   .arg(VCardReader::kMaxParameters);
            }
            return;
        }
        if (name == "VERSION") {
            card.version21 = property.value.trimmed() == "2.1";
        } else if (name == "FN") {
            card.formattedName = unescape(text(property)).trimmed();
        } else if (name == "N") {
            card.structuredName = components(text(property));
        } else if (name == "ORG") {
            if (card.organization.isEmpty())
                card.organization = components(text(property)).value(0).trimmed();
        } else if (name == "NOTE") {
            card.notes << withUnixNewlines(unescape(text(property)));
        } else if (name == "X-ABLABEL") {
            if (!property.group.isEmpty())
                card.groupLabels.insert(property.group, PhoneLabels::fromApple(unescape(text(property))));
        } else if (name == "TEL") {
            addNumber(card, property);
        } else if (name == "X-ONEDIAL-FAVOURITE") {
            card.favourite = property.value.trimmed().compare("TRUE", Qt::CaseInsensitive) == 0;
        }
    }

    void addNumber(Card &card, const Property &property)
    {
        QString number = text(property).trimmed();
        // 4.0 writes TEL;VALUE=uri:tel:+86-138-0013-8000;ext=12 (and some 3.0 writers do too).
        if (property.uriValue || number.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive)) {
            if (number.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
                number = number.mid(4);
            // The URI's parameters say nothing about whom to call, except ;ext=, which is kept so
            // that the number is refused with its extension named rather than dialled without it.
            const QStringList parts = number.split(QLatin1Char(';'));
            number = parts.first();
            for (const QString &part : parts.mid(1)) {
                if (part.startsWith(QLatin1String("ext="), Qt::CaseInsensitive))
                    number += QLatin1Char(';') + part;
            }
        }
        if (number.isEmpty())
            return;
        if (card.numbers.size() >= VCardReader::kMaxNumbersPerCard) {
            if (card.problem.isEmpty()) {
                card.problem = VCardReader::tr("It has more than %1 phone numbers; this card was not read.")
                                   .arg(VCardReader::kMaxNumbersPerCard);
            }
            return;
        }
        QStringList types;
        for (const QByteArray &type : property.types)
            types << QString::fromLatin1(type);
        card.numbers.append({property.group, ContactNumber{PhoneLabels::fromVCardTypes(types), number, {}}});
    }

    void finish(Card &card)
    {
        if (!card.problem.isEmpty()) {
            m_result.problems.append(
                {card.line, ImportIssue::Kind::Invalid, card.problem, card.formattedName});
            return;
        }
        // Cleaned of control and bidirectional characters here, where the text enters OneDial.
        ImportRecord record;
        record.line = card.line;
        Contact &contact = record.contact;
        contact.name = UserText::cleanLine(card.formattedName);
        if (contact.name.isEmpty())
            contact.name = UserText::cleanLine(nameFromComponents(card.structuredName));
        contact.company = UserText::cleanLine(card.organization);
        if (contact.name.isEmpty())
            contact.name = contact.company; // a company's own card (a switchboard) has only ORG
        contact.notes = UserText::cleanMultiline(card.notes.join(QLatin1Char('\n')));
        contact.favourite = card.favourite;
        for (Card::Number &number : card.numbers) {
            if (!number.group.isEmpty()) {
                const auto label = card.groupLabels.constFind(number.group);
                if (label != card.groupLabels.cend() && !label->isEmpty())
                    number.number.label = *label;
            }
            number.number.label = UserText::cleanLine(number.number.label);
            number.number.apiForm = UserText::cleanLine(number.number.apiForm);
            contact.numbers << std::move(number.number);
        }
        m_result.records << std::move(record);
    }

    QByteArrayView m_data;
    QString m_valueEncoding;
    bool m_override = false;
    bool m_ignoreCharset = false;
    int m_lineCount = 0;
    bool m_endedInCard = false;
    std::map<QString, QStringDecoder> m_decoders;
    ReadResult m_result;
};

// Where part k of n of data may start: at a BEGIN:VCARD line that follows an END:VCARD line, so
// that no card (nor an AGENT's card inside one) is cut in two. -1 when there is none.
qsizetype cardBoundaryAfter(QByteArrayView data, qsizetype from)
{
    static const QByteArrayView begin("\nBEGIN:VCARD");
    for (qsizetype at = data.indexOf(begin, from); at >= 0; at = data.indexOf(begin, at + 1)) {
        qsizetype lineStart = at;
        while (lineStart > 0 && data.at(lineStart - 1) != '\n')
            --lineStart;
        if (equalsNoCase(data.sliced(lineStart, at - lineStart).trimmed(), "END:VCARD"))
            return at + 1;
    }
    return -1;
}

} // namespace

ReadResult VCardReader::read(const QByteArray &bytes, const QString &encoding, int threads)
{
    Source source;
    prepare(source, bytes, encoding);
    if (threads <= 0) {
        threads = source.data.size() < kParallelFromBytes
                      ? 1
                      : int(std::clamp(std::thread::hardware_concurrency(), 1U, 4U));
    }
    threads = std::min(threads, 16);
    // The file in parts of whole cards, read side by side; one part is the plain sequential read.
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    for (int k = 1; k < threads; ++k) {
        const qsizetype boundary =
            cardBoundaryAfter(source.data, std::max(start, source.data.size() * k / threads));
        if (boundary < 0)
            break;
        parts << source.data.sliced(start, boundary - start);
        start = boundary;
    }
    parts << source.data.sliced(start);
    if (parts.size() == 1)
        return Reader(source, parts.first()).run();

    std::vector<ReadResult> results(size_t(parts.size()));
    std::vector<int> lines(size_t(parts.size()));
    std::vector<char> cut(size_t(parts.size()), 0);
    const auto readPart = [&](qsizetype i) {
        Reader reader(source, parts.at(i));
        results[size_t(i)] = reader.run();
        lines[size_t(i)] = reader.lineCount();
        cut[size_t(i)] = reader.endedInCard();
    };
    std::vector<std::thread> helpers;
    for (qsizetype i = 1; i < parts.size(); ++i)
        helpers.emplace_back(readPart, i);
    readPart(0);
    for (std::thread &helper : helpers)
        helper.join();
    // Every part but the last must end outside a card; then each one started where one pass would
    // be outside a card too, and the parts read what one pass reads. An END:VCARD that closed an
    // AGENT's card, or one that was the folded rest of a property, fails this: read in one pass.
    if (std::any_of(cut.cbegin(), cut.cend() - 1, [](char c) { return c != 0; }))
        return Reader(source, source.data).run();

    ReadResult all;
    all.encoding = source.encoding;
    int offset = 0; // the lines of the parts before this one
    for (size_t i = 0; i < results.size(); ++i) {
        for (ImportRecord &record : results[i].records) {
            record.line += offset;
            all.records << std::move(record);
        }
        for (ImportIssue &problem : results[i].problems) {
            problem.line += offset;
            all.problems << std::move(problem);
        }
        offset += lines[i];
    }
    return all;
}

bool VCardReader::looksLikeVCard(const QByteArray &bytes)
{
    QByteArray head = bytes.left(4096);
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        head = TextEncoding::decode(head, {}).toUtf8();
    else if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3);
    return startsWithNoCase(head.trimmed(), "BEGIN:VCARD");
}

} // namespace onedial
