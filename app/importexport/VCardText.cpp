#include "VCardText.h"

namespace onedial::vcard {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

} // namespace

QByteArray decodeQuotedPrintable(QByteArrayView encoded)
{
    QByteArray decoded;
    decoded.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded.at(i);
        if (c == '=' && i + 2 < encoded.size()) {
            const int high = hexValue(encoded.at(i + 1));
            const int low = hexValue(encoded.at(i + 2));
            if (high >= 0 && low >= 0) {
                decoded += char(high * 16 + low);
                i += 2;
                continue;
            }
        }
        if (c == '=' && i + 1 == encoded.size())
            break;    // a soft line break with nothing after it (the card ended)
        decoded += c; // any other lone '=' is kept as written, as lenient readers do
    }
    return decoded;
}

QString unescape(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            const QChar next = text.at(i + 1);
            if (next == QLatin1Char('n') || next == QLatin1Char('N')) {
                out += QLatin1Char('\n');
                ++i;
                continue;
            }
            if (next == QLatin1Char('\\') || next == QLatin1Char(',') || next == QLatin1Char(';') ||
                next == QLatin1Char(':')) {
                out += next;
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QStringList components(QStringView text)
{
    QStringList parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\')) {
            ++i;
        } else if (text.at(i) == QLatin1Char(';')) {
            parts << unescape(text.sliced(start, i - start));
            start = i + 1;
        }
    }
    parts << unescape(text.sliced(start));
    return parts;
}

QString withUnixNewlines(QString text)
{
    if (text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    }
    return text;
}

namespace {

bool hasHan(const QString &text)
{
    for (const QChar c : text) {
        if (c.script() == QChar::Script_Han)
            return true;
    }
    return false;
}

} // namespace

QString nameFromComponents(const QStringList &n)
{
    const QString family = n.value(0).trimmed();
    const QString given = n.value(1).trimmed();
    const QString additional = n.value(2).trimmed();
    if (hasHan(family) || hasHan(given))
        return family + given + additional;
    QStringList parts;
    for (const QString &part : {n.value(3).trimmed(), given, additional, family, n.value(4).trimmed()}) {
        if (!part.isEmpty())
            parts << part;
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace onedial::vcard
