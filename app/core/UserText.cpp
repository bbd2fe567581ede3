#include "UserText.h"

#include <algorithm>

namespace onedial {

namespace {

bool isBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isLineBreak(char16_t c)
{
    return c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

} // namespace

bool UserText::isUnsafe(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || (u >= 0x7F && u <= 0x9F) || u == 0x2028 || u == 0x2029 || isBidiControl(u);
}

bool UserText::hasUnsafe(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return isUnsafe(c); });
}

QString UserText::cleanLine(const QString &text)
{
    if (!hasUnsafe(text))
        return text.trimmed();
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!isUnsafe(c)) {
            out += c;
        } else if ((c == u'\t' || isLineBreak(c.unicode())) && !out.endsWith(QLatin1Char(' '))) {
            out += QLatin1Char(' '); // "张三\n李四" stays two words, on one line
        }
    }
    return out.trimmed();
}

QString UserText::cleanMultiline(const QString &text)
{
    if (!hasUnsafe(text))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!isUnsafe(c) || c == u'\t' || c == u'\n') {
            out += c;
        } else if (isLineBreak(c.unicode())) {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                continue; // CR LF: its LF is the break
            out += QLatin1Char('\n');
        }
    }
    return out;
}

QString UserText::toolTip(const QString &text)
{
    if (text.isEmpty())
        return text;
    QString html = cleanMultiline(text).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return QLatin1String("<qt>") + html + QLatin1String("</qt>");
}

QString UserText::escaped(const QString &text, bool keepNewlines)
{
    if (!hasUnsafe(text))
        return text;
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        if (!isUnsafe(c) || (keepNewlines && c == u'\n'))
            out += c;
        else
            out += QLatin1String("\\u{") + QString::number(c.unicode(), 16).toUpper() + QLatin1Char('}');
    }
    return out;
}

} // namespace onedial
