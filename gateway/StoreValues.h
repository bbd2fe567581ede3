// How the gateway's store writes its values into SQLite columns and JSON and reads them back:
// times as UTC ISO 8601 text, empty text and absent numbers as NULL (null in JSON). Shared by
// the store's source files.
#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QVariant>

#include <optional>

namespace onedial::gateway::storevalues {

inline QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

inline QDateTime timeFrom(const QVariant &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

inline QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

inline QJsonValue jsonText(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

inline QVariant numberOrNull(const std::optional<qint64> &number)
{
    return number ? QVariant(*number) : QVariant(QMetaType(QMetaType::LongLong));
}

inline std::optional<qint64> numberFrom(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

inline QJsonValue jsonNumber(const std::optional<qint64> &number)
{
    return number ? QJsonValue(*number) : QJsonValue();
}

} // namespace onedial::gateway::storevalues
