#include "Output.h"

#include "core/UserText.h"

#include <QJsonDocument>

#include <cstdio>

namespace onedial {

namespace {

void write(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

// QJsonDocument escapes the C0 controls but writes DEL, the C1 controls and the bidirectional
// overrides as they are. In JSON they can only be inside strings, where \uXXXX means the same
// character: a program reading the output gets the same text, a terminal gets no raw control.
QByteArray jsonText(const QByteArray &json)
{
    const QString text = QString::fromUtf8(json);
    if (!UserText::hasUnsafe(text))
        return json;
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        if (UserText::isUnsafe(c))
            out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out.toUtf8();
}

} // namespace

void Output::out(const QString &line)
{
    write(stdout, UserText::escaped(line, true).toUtf8());
}

void Output::err(const QString &line)
{
    write(stderr, UserText::escaped(line, true).toUtf8());
}

void Output::json(const QJsonObject &object)
{
    write(stdout, jsonText(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void Output::json(const QJsonArray &array)
{
    write(stdout, jsonText(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

} // namespace onedial
