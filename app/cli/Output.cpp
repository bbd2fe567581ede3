#include "Output.h"

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

} // namespace

void Output::out(const QString &line)
{
    write(stdout, line.toUtf8());
}

void Output::err(const QString &line)
{
    write(stderr, line.toUtf8());
}

void Output::json(const QJsonObject &object)
{
    write(stdout, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void Output::json(const QJsonArray &array)
{
    write(stdout, QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace onedial
