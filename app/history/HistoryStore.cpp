#include "HistoryStore.h"

#include "storage/Database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace onedial {

namespace {

const QString kColumns = QStringLiteral(
    "SELECT id, time_utc, account, contact_id, contact_name, callee, api, outcome, request_id, call_id,"
    " code_no, code, message, service_message, error, http_status, detail, status, reason, duration_s,"
    " updated_at FROM call_history");

// Milliseconds kept: two dials in the same second keep their order when compared by time.
QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QVariant &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : time;
}

// Qt Sql binds a null QString as NULL; the NOT NULL text columns hold '' instead.
QString nonNull(const QString &text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

OutcomeClass outcomeFrom(const QString &name)
{
    for (const OutcomeClass outcome : {OutcomeClass::Accepted, OutcomeClass::Refused, OutcomeClass::NotSent,
                                       OutcomeClass::Failed, OutcomeClass::Unknown}) {
        if (outcomeClassName(outcome) == name)
            return outcome;
    }
    return OutcomeClass::Unknown;
}

CallRecord recordFrom(const QSqlQuery &query)
{
    CallRecord record;
    record.id = query.value(0).toLongLong();
    record.time = timeFrom(query.value(1));
    record.account = query.value(2).toString();
    if (!query.value(3).isNull())
        record.contactId = query.value(3).toLongLong();
    record.contactName = query.value(4).toString();
    record.callee = query.value(5).toString();
    record.api = apiFromName(query.value(6).toString()).value_or(Api::V1);
    record.outcome = outcomeFrom(query.value(7).toString());
    record.requestId = query.value(8).toString();
    record.callId = query.value(9).toString();
    record.codeNo = query.value(10).toString();
    record.code = query.value(11).toString();
    record.message = query.value(12).toString();
    record.serviceMessage = query.value(13).toString();
    record.error = query.value(14).toString();
    record.httpStatus = query.value(15).toInt();
    record.detail = query.value(16).toString();
    record.progress.status = query.value(17).toString();
    record.progress.reason = query.value(18).toString();
    if (!query.value(19).isNull())
        record.progress.durationS = query.value(19).toInt();
    record.progress.updatedAt = timeFrom(query.value(20));
    return record;
}

} // namespace

HistoryStore::HistoryStore(Database &database)
    : m_database(database)
{}

StorageResult HistoryStore::add(CallRecord &record)
{
    if (!record.time.isValid())
        record.time = QDateTime::currentDateTimeUtc();
    return m_database.transaction([&]() -> StorageResult {
        QSqlQuery query(QSqlDatabase::database(m_database.connectionName(), false));
        query.prepare(QStringLiteral(
            "INSERT INTO call_history (time_utc, account, contact_id, contact_name, callee, api, outcome,"
            " request_id, call_id, code_no, code, message, service_message, error, http_status, detail,"
            " status, reason, duration_s, updated_at) VALUES (:time, :account, :contact, :name, :callee,"
            " :api, :outcome, :request, :call, :codeno, :code, :message, :service, :error, :http, :detail,"
            " :status, :reason, :duration, :updated)"));
        query.bindValue(QStringLiteral(":time"), timeText(record.time));
        query.bindValue(QStringLiteral(":account"), nonNull(record.account));
        query.bindValue(QStringLiteral(":contact"), record.contactId
                                                        ? QVariant(*record.contactId)
                                                        : QVariant(QMetaType::fromType<qint64>()));
        query.bindValue(QStringLiteral(":name"), nonNull(record.contactName));
        query.bindValue(QStringLiteral(":callee"), nonNull(record.callee));
        query.bindValue(QStringLiteral(":api"), apiName(record.api));
        query.bindValue(QStringLiteral(":outcome"), outcomeClassName(record.outcome));
        query.bindValue(QStringLiteral(":request"), textOrNull(record.requestId));
        query.bindValue(QStringLiteral(":call"), textOrNull(record.callId));
        query.bindValue(QStringLiteral(":codeno"), textOrNull(record.codeNo));
        query.bindValue(QStringLiteral(":code"), textOrNull(record.code));
        query.bindValue(QStringLiteral(":message"), nonNull(record.message));
        query.bindValue(QStringLiteral(":service"), textOrNull(record.serviceMessage));
        query.bindValue(QStringLiteral(":error"), textOrNull(record.error));
        query.bindValue(QStringLiteral(":http"), record.httpStatus ? QVariant(record.httpStatus)
                                                                   : QVariant(QMetaType::fromType<int>()));
        query.bindValue(QStringLiteral(":detail"), textOrNull(record.detail));
        query.bindValue(QStringLiteral(":status"), textOrNull(record.progress.status));
        query.bindValue(QStringLiteral(":reason"), textOrNull(record.progress.reason));
        query.bindValue(QStringLiteral(":duration"), record.progress.durationS
                                                         ? QVariant(*record.progress.durationS)
                                                         : QVariant(QMetaType::fromType<int>()));
        query.bindValue(QStringLiteral(":updated"), textOrNull(timeText(record.progress.updatedAt)));
        if (!query.exec())
            return m_database.failure(query.lastError());
        record.id = query.lastInsertId().toLongLong();
        return {};
    });
}

QList<CallRecord> HistoryStore::list(const QString &filter, int limit, StorageResult *status) const
{
    QList<CallRecord> records;
    QSqlQuery query(QSqlDatabase::database(m_database.connectionName(), false));
    query.setForwardOnly(true);
    if (!query.exec(kColumns + QStringLiteral(" ORDER BY id DESC"))) {
        if (status)
            *status = m_database.failure(query.lastError());
        return records;
    }
    // The filter is CallFilter's, the same one the history view uses, so both agree.
    const CallFilter matcher(filter);
    while ((limit < 0 || records.size() < limit) && query.next()) {
        CallRecord record = recordFrom(query);
        if (matcher.matches(record))
            records << std::move(record);
    }
    if (query.lastError().isValid()) {
        if (status)
            *status = m_database.failure(query.lastError());
        return {};
    }
    if (status)
        *status = {};
    return records;
}

std::optional<CallRecord> HistoryStore::latestSentTo(const QString &callee) const
{
    QSqlQuery query(QSqlDatabase::database(m_database.connectionName(), false));
    query.prepare(kColumns + QStringLiteral(" WHERE callee = :callee AND outcome IN (:accepted, :refused,"
                                            " :unknown) ORDER BY id DESC LIMIT 1"));
    query.bindValue(QStringLiteral(":callee"), callee);
    query.bindValue(QStringLiteral(":accepted"), outcomeClassName(OutcomeClass::Accepted));
    query.bindValue(QStringLiteral(":refused"), outcomeClassName(OutcomeClass::Refused));
    query.bindValue(QStringLiteral(":unknown"), outcomeClassName(OutcomeClass::Unknown));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return recordFrom(query);
}

std::optional<CallRecord> HistoryStore::get(qint64 id, StorageResult *status) const
{
    QSqlQuery query(QSqlDatabase::database(m_database.connectionName(), false));
    query.prepare(kColumns + QStringLiteral(" WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec()) {
        if (status)
            *status = m_database.failure(query.lastError());
        return std::nullopt;
    }
    if (!query.next()) {
        if (status)
            *status = {StorageError::NotFound, tr("This call is no longer in the history."), {}};
        return std::nullopt;
    }
    if (status)
        *status = {};
    return recordFrom(query);
}

StorageResult HistoryStore::updateProgress(const QString &callId, const RecordedProgress &progress)
{
    if (callId.isEmpty())
        return {StorageError::NotFound, tr("No call in the history has this call id."), {}};
    return m_database.transaction([&]() -> StorageResult {
        QSqlQuery query(QSqlDatabase::database(m_database.connectionName(), false));
        query.prepare(QStringLiteral("UPDATE call_history SET status = :status, reason = :reason,"
                                     " duration_s = :duration, updated_at = :updated WHERE call_id = :call"));
        query.bindValue(QStringLiteral(":status"), textOrNull(progress.status));
        query.bindValue(QStringLiteral(":reason"), textOrNull(progress.reason));
        query.bindValue(QStringLiteral(":duration"), progress.durationS
                                                         ? QVariant(*progress.durationS)
                                                         : QVariant(QMetaType::fromType<int>()));
        const QDateTime updated =
            progress.updatedAt.isValid() ? progress.updatedAt : QDateTime::currentDateTimeUtc();
        query.bindValue(QStringLiteral(":updated"), timeText(updated));
        query.bindValue(QStringLiteral(":call"), callId);
        if (!query.exec())
            return m_database.failure(query.lastError());
        if (query.numRowsAffected() == 0)
            return {StorageError::NotFound, tr("No call in the history has the call id %1.").arg(callId), {}};
        return {};
    });
}

qint64 HistoryStore::count(StorageResult *status) const
{
    QSqlQuery query(QSqlDatabase::database(m_database.connectionName(), false));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM call_history")) || !query.next()) {
        if (status)
            *status = m_database.failure(query.lastError());
        return 0;
    }
    if (status)
        *status = {};
    return query.value(0).toLongLong();
}

} // namespace onedial
