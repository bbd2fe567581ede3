// GatewayStore's part for OneNET's status callbacks: applying a report to its dial, and reading
// the call events back.
#include "GatewayStore.h"
#include "StoreValues.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace onedial::gateway {

using namespace storevalues;

namespace {
// The first key of the members' event locks (PostgreSQL advisory locks take two 32-bit keys):
// "ODev", so that they cannot meet another program's locks on the same database.
constexpr int kEventLockSpace = 0x4f446576;
} // namespace

QJsonObject CallEvent::toJson() const
{
    return QJsonObject{
        {QStringLiteral("event_id"), id},
        {QStringLiteral("dial_id"), dialId},
        {QStringLiteral("call_id"), callId},
        {QStringLiteral("callee"), callee},
        {QStringLiteral("status"), status},
        {QStringLiteral("reason"), jsonText(reason)},
        {QStringLiteral("call_duration"), jsonNumber(callDuration)},
        {QStringLiteral("report_date"), jsonText(reportDate)},
        {QStringLiteral("time"), timeText(received)},
    };
}

GatewayStore::ApplyResult GatewayStore::applyCallStatus(const CallStatusReport &report,
                                                        const QString &address)
{
    ApplyResult applied;
    applied.storage = m_database.transaction([&]() -> StorageResult {
        QSqlQuery query(connection());
        // OneNET's call ids are its own and unique; should one ever come back, the newest dial
        // is the one OneNET is talking about.
        // FOR UPDATE: a report of the same call at another instance waits, then reads the state
        // this one leaves, so the call still only moves forward.
        query.prepare(QStringLiteral("SELECT id, user_name, callee, call_status FROM dials"
                                     " WHERE call_id = ? ORDER BY id DESC LIMIT 1") +
                      m_database.forUpdate());
        query.addBindValue(report.callId);
        if (!query.exec())
            return failure(query);
        if (!query.next()) {
            applied.status = Apply::UnknownCall;
            return {StorageError::NotFound, {}, {}};
        }
        applied.dialId = query.value(0).toLongLong();
        applied.user = query.value(1).toString();
        const QString callee = query.value(2).toString();
        const QString stored = query.value(3).toString();
        query.finish();
        // Forward only: a duplicate is not a move, and neither is news the call has passed
        // (Disconnected, the last state, is final).
        if (const auto current = callProgressFromName(stored); current && *current >= report.progress) {
            applied.status = Apply::Unchanged;
            return {};
        }

        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString status = callProgressName(report.progress);
        query.prepare(QStringLiteral("UPDATE dials SET call_status = ?, reason = ?, call_duration = ?,"
                                     " report_date = ?, status_utc = ? WHERE id = ?"));
        query.addBindValue(status);
        query.addBindValue(textOrNull(report.reason));
        query.addBindValue(numberOrNull(report.callDuration));
        query.addBindValue(textOrNull(report.reportDate));
        query.addBindValue(timeText(now));
        query.addBindValue(applied.dialId);
        if (!query.exec())
            return failure(query);

        if (m_database.isShared()) {
            // The member's events one at a time: an id is taken only after the member's previous
            // event is committed, so ids grow in commit order and a reader resuming after one
            // misses nothing. Released at commit.
            query.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(?, hashtext(?))"));
            query.addBindValue(kEventLockSpace);
            query.addBindValue(applied.user);
            if (!query.exec())
                return failure(query);
        }
        query.prepare(QStringLiteral("INSERT INTO call_events (user_name, dial_id, call_id, status, reason,"
                                     " call_duration, caller_call_duration, report_date, received_utc)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
        query.addBindValue(applied.user);
        query.addBindValue(applied.dialId);
        query.addBindValue(report.callId);
        query.addBindValue(status);
        query.addBindValue(textOrNull(report.reason));
        query.addBindValue(numberOrNull(report.callDuration));
        query.addBindValue(numberOrNull(report.callerCallDuration));
        query.addBindValue(textOrNull(report.reportDate));
        query.addBindValue(timeText(now));
        if (!query.exec() || !query.next())
            return failure(query);
        applied.eventId = query.value(0).toLongLong();
        query.finish();
        applied.event.id = applied.eventId;
        applied.event.user = applied.user;
        applied.event.dialId = applied.dialId;
        applied.event.callId = report.callId;
        applied.event.callee = callee;
        applied.event.status = status;
        applied.event.reason = report.reason;
        applied.event.callDuration = report.callDuration;
        applied.event.callerCallDuration = report.callerCallDuration;
        applied.event.reportDate = report.reportDate;
        applied.event.received = now;

        AuditEntry entry;
        entry.time = now;
        entry.event = QStringLiteral("call.status");
        entry.user = applied.user;
        entry.dialId = applied.dialId;
        entry.callee = callee;
        entry.outcome = status;
        entry.callId = report.callId;
        entry.address = address;
        entry.reason = report.reason;
        entry.callDuration = report.callDuration;
        entry.reportDate = report.reportDate;
        if (StorageResult appended = appendAudit(entry); !appended.ok())
            return appended;
        if (m_database.isShared()) {
            // Delivered to the listening instances when, and only if, this transaction commits.
            query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
            query.addBindValue(QLatin1String(kEventsChannel));
            query.addBindValue(applied.user);
            if (!query.exec())
                return failure(query);
        }
        applied.status = Apply::Moved;
        return {};
    });
    if (!applied.storage.ok() && applied.status != Apply::UnknownCall) {
        applied.status = Apply::Failed;
        applied.eventId = 0;
        applied.event = {};
    }
    return applied;
}

qint64 GatewayStore::lastCallEventId(StorageResult *result) const
{
    QSqlDatabase db;
    if (!usable(&db, result))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT max(id) FROM call_events")) || !query.next()) {
        if (result)
            *result = failure(query);
        return 0;
    }
    return query.value(0).toLongLong();
}

qint64 GatewayStore::lastCallEventId(const QString &user, StorageResult *result) const
{
    QSqlDatabase db;
    if (!usable(&db, result))
        return 0;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT max(id) FROM call_events WHERE user_name = ?"));
    query.addBindValue(user);
    if (!query.exec() || !query.next()) {
        if (result)
            *result = failure(query);
        return 0;
    }
    return query.value(0).toLongLong();
}

QList<CallEvent> GatewayStore::callEvents(const QString &user, qint64 afterId, int limit,
                                          StorageResult *result) const
{
    QList<CallEvent> list;
    QSqlDatabase db;
    if (!usable(&db, result))
        return {};
    QSqlQuery query(db);
    // The callee is the dial's: an event is only ever added for a dial that exists.
    query.prepare(QStringLiteral("SELECT e.id, e.user_name, e.dial_id, e.call_id, e.status, e.reason,"
                                 " e.call_duration, e.caller_call_duration, e.report_date, e.received_utc,"
                                 " d.callee FROM call_events e JOIN dials d ON d.id = e.dial_id"
                                 " WHERE e.user_name = ? AND e.id > ? ORDER BY e.id LIMIT ?"));
    query.addBindValue(user);
    query.addBindValue(afterId);
    query.addBindValue(qBound(1, limit, kMaxCallsPerPage));
    if (!query.exec()) {
        if (result)
            *result = failure(query);
        return list;
    }
    while (query.next()) {
        CallEvent event;
        event.id = query.value(0).toLongLong();
        event.user = query.value(1).toString();
        event.dialId = query.value(2).toLongLong();
        event.callId = query.value(3).toString();
        event.status = query.value(4).toString();
        event.reason = query.value(5).toString();
        event.callDuration = numberFrom(query.value(6));
        event.callerCallDuration = numberFrom(query.value(7));
        event.reportDate = query.value(8).toString();
        event.received = timeFrom(query.value(9));
        event.callee = query.value(10).toString();
        list.append(event);
    }
    return list;
}

} // namespace onedial::gateway
