#include "GatewayStore.h"

#include "StoreValues.h"
#include "core/Log.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSysInfo>
#include <QVariant>

namespace onedial::gateway {

using namespace storevalues;

namespace {

User userFrom(const QSqlQuery &query)
{
    User user;
    user.id = query.value(0).toLongLong();
    user.name = query.value(1).toString();
    user.caller = query.value(2).toString();
    user.dailyLimit = query.value(3).toInt();
    user.disabled = query.value(4).toBool();
    user.tokenId = query.value(5).toByteArray();
    user.tokenHash = query.value(6).toByteArray();
    user.created = timeFrom(query.value(7));
    return user;
}

constexpr char kUserColumns[] =
    "SELECT id, name, caller, daily_limit, disabled, token_id, token_hash, created_utc FROM users";

} // namespace

QJsonObject User::toJson() const
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("caller"), caller},
        {QStringLiteral("daily_limit"), dailyLimit > 0 ? QJsonValue(dailyLimit) : QJsonValue()},
        {QStringLiteral("disabled"), disabled},
        {QStringLiteral("created"), timeText(created)},
    };
}

QJsonObject DialRecord::toJson() const
{
    return QJsonObject{
        {QStringLiteral("dial_id"), id},
        {QStringLiteral("time"), timeText(time)},
        {QStringLiteral("callee"), callee},
        {QStringLiteral("state"), state},
        {QStringLiteral("ok"), state == outcomeClassName(OutcomeClass::Accepted)},
        {QStringLiteral("code_no"), jsonText(codeNo)},
        {QStringLiteral("code"), jsonText(code)},
        {QStringLiteral("error"), jsonText(error)},
        {QStringLiteral("request_id"), jsonText(requestId)},
        {QStringLiteral("call_id"), jsonText(callId)},
        {QStringLiteral("call_status"), jsonText(callStatus)},
        {QStringLiteral("reason"), jsonText(reason)},
        {QStringLiteral("call_duration"), jsonNumber(callDuration)},
        {QStringLiteral("report_date"), jsonText(reportDate)},
    };
}

QJsonObject AuditEntry::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("time"), timeText(time)},
        {QStringLiteral("event"), event},
        {QStringLiteral("user"), jsonText(user)},
        {QStringLiteral("dial_id"), dialId > 0 ? QJsonValue(dialId) : QJsonValue()},
        {QStringLiteral("callee"), jsonText(callee)},
        {QStringLiteral("outcome"), jsonText(outcome)},
        {QStringLiteral("request_id"), jsonText(requestId)},
        {QStringLiteral("call_id"), jsonText(callId)},
        {QStringLiteral("code"), jsonText(code)},
        {QStringLiteral("error"), jsonText(error)},
        {QStringLiteral("address"), jsonText(address)},
        {QStringLiteral("detail"), jsonText(detail)},
        {QStringLiteral("reason"), jsonText(reason)},
        {QStringLiteral("call_duration"), jsonNumber(callDuration)},
        {QStringLiteral("report_date"), jsonText(reportDate)},
    };
}

GatewayStore::GatewayStore(const QString &path)
    : m_database(path, schema())
{}

GatewayStore::GatewayStore(ServerConnection server)
    : m_database(std::move(server), schema())
{}

StorageResult GatewayStore::open()
{
    StorageResult opened = m_database.open();
    if (!opened.ok()) {
        // The Database's own words speak of the desktop's contacts; the gateway's administrator
        // gets the gateway's.
        const QString file = m_database.path();
        switch (opened.error) {
        case StorageError::Unavailable:
            opened.message = tr("The gateway cannot reach its database %1 (%2). Check that the PostgreSQL "
                                "server is running and that this machine may connect to it.")
                                 .arg(file, opened.detail);
            break;
        case StorageError::CannotOpen:
            if (m_database.isShared()) {
                opened.message =
                    opened.detail == QLatin1String("no QPSQL driver")
                        ? opened.message
                        : tr("The PostgreSQL server refused the gateway's login to %1 (%2). Check the user, "
                             "the database's name and the password (the file database-password in the "
                             "state folder, or the systemd credential database-password).")
                              .arg(file, opened.detail);
                break;
            }
            opened.message = tr("The gateway cannot open its database %1 (%2).").arg(file, opened.detail);
            break;
        case StorageError::Corrupt:
            opened.message = tr("The gateway's database %1 is damaged or is not a gateway database. It was "
                                "left as it is: restore a backup, or move it away to start with no members.")
                                 .arg(file);
            break;
        case StorageError::TooNew:
            opened.message = tr("The gateway's database %1 was written by a newer onedial-gateway. Update "
                                "this one to use it.")
                                 .arg(file);
            break;
        case StorageError::ReadOnly:
            opened.message = tr("The gateway cannot write its database %1. Check the permissions of the file "
                                "and of its folder (run admin commands as the service's user, or as root).")
                                 .arg(file);
            break;
        default:
            opened.message = tr("The gateway cannot open its database %1 (%2).").arg(file, opened.detail);
            break;
        }
    }
    return opened;
}

QSqlDatabase GatewayStore::connection() const
{
    return m_database.connection();
}

bool GatewayStore::usable(QSqlDatabase *db, StorageResult *result) const
{
    *db = connection();
    if (db->isValid())
        return true;
    if (result) {
        *result = {StorageError::Unavailable,
                   tr("The gateway's database %1 cannot be reached just now; nothing was written.")
                       .arg(m_database.path()),
                   QStringLiteral("the connection is lost")};
    }
    return false;
}

StorageResult GatewayStore::failure(const QSqlQuery &query) const
{
    StorageResult result = m_database.failure(query.lastError());
    result.message = result.error == StorageError::Unavailable
                         ? tr("The gateway's database %1 cannot be reached just now; nothing was written.")
                               .arg(m_database.path())
                         : tr("The gateway's database %1 could not be read or written (%2).")
                               .arg(m_database.path(), result.detail);
    return result;
}

StorageResult GatewayStore::registerInstance(const QString &instanceId)
{
    m_instance = instanceId;
    return m_database.transaction([&]() -> StorageResult {
        const QString now = timeText(QDateTime::currentDateTimeUtc());
        QSqlQuery query(connection());
        // Instances gone for a week, with no dial left in flight, are forgotten.
        query.prepare(
            QStringLiteral("DELETE FROM instances WHERE seen_utc < ? AND id NOT IN"
                           " (SELECT instance FROM dials WHERE state = 'sending' AND instance IS NOT NULL)"));
        query.addBindValue(timeText(QDateTime::currentDateTimeUtc().addDays(-7)));
        if (!query.exec())
            return failure(query);
        query.prepare(QStringLiteral("INSERT INTO instances (id, host, pid, started_utc, seen_utc)"
                                     " VALUES (?, ?, ?, ?, ?)"));
        query.addBindValue(instanceId);
        query.addBindValue(QSysInfo::machineHostName());
        query.addBindValue(QCoreApplication::applicationPid());
        query.addBindValue(now);
        query.addBindValue(now);
        if (!query.exec())
            return failure(query);
        return {};
    });
}

StorageResult GatewayStore::heartbeat()
{
    QSqlDatabase db;
    if (StorageResult unusable; !usable(&db, &unusable))
        return unusable;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE instances SET seen_utc = ? WHERE id = ?"));
    query.addBindValue(timeText(QDateTime::currentDateTimeUtc()));
    query.addBindValue(m_instance);
    if (!query.exec())
        return failure(query);
    if (query.numRowsAffected() == 0) {
        // Taken for gone by another instance and forgotten (after a week away): here again.
        return registerInstance(m_instance);
    }
    return {};
}

StorageResult GatewayStore::addUser(User *user)
{
    user->created = QDateTime::currentDateTimeUtc();
    return m_database.transaction([&]() -> StorageResult {
        if (userByName(user->name))
            return {StorageError::Rejected, tr("A member named \"%1\" already exists.").arg(user->name), {}};
        QSqlQuery query(connection());
        query.prepare(QStringLiteral("INSERT INTO users (name, caller, daily_limit, disabled, token_id,"
                                     " token_hash, created_utc) VALUES (?, ?, ?, 0, ?, ?, ?) RETURNING id"));
        query.addBindValue(user->name);
        query.addBindValue(user->caller);
        query.addBindValue(user->dailyLimit);
        query.addBindValue(QString::fromLatin1(user->tokenId));
        query.addBindValue(user->tokenHash);
        query.addBindValue(timeText(user->created));
        if (!query.exec() || !query.next()) {
            StorageResult failed = failure(query);
            // PostgreSQL has ended the transaction at the error: its code says what it was.
            const bool taken =
                failed.error != StorageError::Unavailable &&
                (m_database.isShared() ? query.lastError().nativeErrorCode() == QLatin1String("23505")
                                       : userByName(user->name).has_value());
            if (taken)
                return {
                    StorageError::Rejected, tr("A member named \"%1\" already exists.").arg(user->name), {}};
            return failed;
        }
        user->id = query.value(0).toLongLong();
        AuditEntry entry;
        entry.event = QStringLiteral("user.added");
        entry.user = user->name;
        entry.detail = QStringLiteral("caller %1, daily limit %2").arg(user->caller).arg(user->dailyLimit);
        return appendAudit(entry);
    });
}

std::optional<User> GatewayStore::userByName(const QString &name, StorageResult *result) const
{
    QSqlDatabase db;
    if (!usable(&db, result))
        return {};
    QSqlQuery query(db);
    query.prepare(QLatin1String(kUserColumns) + QStringLiteral(" WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec()) {
        if (result)
            *result = failure(query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return userFrom(query);
}

std::optional<User> GatewayStore::userByTokenId(const QByteArray &tokenId, StorageResult *result) const
{
    QSqlDatabase db;
    if (!usable(&db, result))
        return {};
    QSqlQuery query(db);
    query.prepare(QLatin1String(kUserColumns) + QStringLiteral(" WHERE token_id = ?"));
    query.addBindValue(QString::fromLatin1(tokenId));
    if (!query.exec()) {
        if (result)
            *result = failure(query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return userFrom(query);
}

QList<User> GatewayStore::users(StorageResult *result) const
{
    QList<User> list;
    QSqlDatabase db;
    if (!usable(&db, result))
        return {};
    QSqlQuery query(db);
    if (!query.exec(QLatin1String(kUserColumns) + QStringLiteral(" ORDER BY name"))) {
        if (result)
            *result = failure(query);
        return list;
    }
    while (query.next())
        list.append(userFrom(query));
    return list;
}

int GatewayStore::userCount() const
{
    QSqlDatabase db;
    if (!usable(&db, nullptr))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM users")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

StorageResult GatewayStore::setDisabled(const QString &name, bool disabled)
{
    return m_database.transaction([&]() -> StorageResult {
        QSqlQuery query(connection());
        query.prepare(QStringLiteral("UPDATE users SET disabled = ? WHERE name = ?"));
        query.addBindValue(disabled ? 1 : 0);
        query.addBindValue(name);
        if (!query.exec())
            return failure(query);
        if (query.numRowsAffected() == 0)
            return {StorageError::NotFound, tr("No member is named \"%1\".").arg(name), {}};
        AuditEntry entry;
        entry.event = disabled ? QStringLiteral("user.disabled") : QStringLiteral("user.enabled");
        entry.user = name;
        return appendAudit(entry);
    });
}

StorageResult GatewayStore::removeUser(const QString &name)
{
    return m_database.transaction([&]() -> StorageResult {
        QSqlQuery query(connection());
        query.prepare(QStringLiteral("DELETE FROM users WHERE name = ?"));
        query.addBindValue(name);
        if (!query.exec())
            return failure(query);
        if (query.numRowsAffected() == 0)
            return {StorageError::NotFound, tr("No member is named \"%1\".").arg(name), {}};
        AuditEntry entry;
        entry.event = QStringLiteral("user.removed");
        entry.user = name;
        return appendAudit(entry);
    });
}

StorageResult GatewayStore::replaceToken(const QString &name, const QByteArray &tokenId,
                                         const QByteArray &tokenHash)
{
    return m_database.transaction([&]() -> StorageResult {
        QSqlQuery query(connection());
        query.prepare(QStringLiteral("UPDATE users SET token_id = ?, token_hash = ? WHERE name = ?"));
        query.addBindValue(QString::fromLatin1(tokenId));
        query.addBindValue(tokenHash);
        query.addBindValue(name);
        if (!query.exec())
            return failure(query);
        if (query.numRowsAffected() == 0)
            return {StorageError::NotFound, tr("No member is named \"%1\".").arg(name), {}};
        AuditEntry entry;
        entry.event = QStringLiteral("user.token");
        entry.user = name;
        entry.detail = QStringLiteral("a new token; the previous one no longer works");
        return appendAudit(entry);
    });
}

int GatewayStore::dialsOn(const QString &user, const QDate &day) const
{
    QSqlDatabase db;
    if (!usable(&db, nullptr))
        return 0;
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT count(*) FROM dials WHERE user_name = ? AND day = ? AND state <> ?"));
    query.addBindValue(user);
    query.addBindValue(day.toString(Qt::ISODate));
    query.addBindValue(outcomeClassName(OutcomeClass::NotSent));
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toInt();
}

GatewayStore::BeginResult GatewayStore::beginDial(const User &user, const QString &callee,
                                                  const QString &address, const QDate &today)
{
    BeginResult begun;
    begun.storage = m_database.transaction([&]() -> StorageResult {
        QSqlDatabase db = connection();
        QSqlQuery query(db);
        // Holding the member's row, the count below stays true until this dial is committed,
        // whichever instance another of their desktops asks.
        query.prepare(QStringLiteral("SELECT id FROM users WHERE name = ?") + m_database.forUpdate());
        query.addBindValue(user.name);
        if (!query.exec())
            return failure(query);
        query.prepare(
            QStringLiteral("SELECT 1 FROM dials WHERE user_name = ? AND callee = ? AND state = 'sending'"));
        query.addBindValue(user.name);
        query.addBindValue(callee);
        if (!query.exec())
            return failure(query);
        if (query.next()) {
            begun.status = Begin::InFlight;
            return {StorageError::Rejected, {}, {}};
        }
        query.finish();
        begun.dialsToday = dialsOn(user.name, today);
        if (user.dailyLimit > 0 && begun.dialsToday >= user.dailyLimit) {
            begun.status = Begin::DailyLimit;
            return {StorageError::Rejected, {}, {}};
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        query.prepare(
            QStringLiteral("INSERT INTO dials (user_name, time_utc, day, callee, state, address, instance)"
                           " VALUES (?, ?, ?, ?, 'sending', ?, ?) RETURNING id"));
        query.addBindValue(user.name);
        query.addBindValue(timeText(now));
        query.addBindValue(today.toString(Qt::ISODate));
        query.addBindValue(callee);
        query.addBindValue(textOrNull(address));
        query.addBindValue(textOrNull(m_instance));
        if (!query.exec() || !query.next())
            return failure(query);
        begun.dialId = query.value(0).toLongLong();
        AuditEntry entry;
        entry.time = now;
        entry.event = QStringLiteral("dial.sending");
        entry.user = user.name;
        entry.dialId = begun.dialId;
        entry.callee = callee;
        entry.address = address;
        entry.detail = QStringLiteral("caller %1").arg(user.caller);
        return appendAudit(entry);
    });
    if (begun.storage.ok()) {
        begun.status = Begin::Recorded;
        ++begun.dialsToday;
    } else if (begun.status != Begin::InFlight && begun.status != Begin::DailyLimit) {
        begun.status = Begin::Failed;
    }
    return begun;
}

StorageResult GatewayStore::finishDial(qint64 dialId, const QString &user, const DialOutcome &outcome,
                                       const QString &address)
{
    return m_database.transaction([&]() -> StorageResult {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QSqlQuery query(connection());
        query.prepare(QStringLiteral("UPDATE dials SET state = ?, api = ?, request_id = ?, call_id = ?,"
                                     " code_no = ?, code = ?, error = ?, http_status = ?, finished_utc = ?"
                                     " WHERE id = ? AND (state = 'sending' OR error = 'interrupted')"));
        query.addBindValue(outcomeClassName(outcome.outcome));
        query.addBindValue(apiName(outcome.api));
        query.addBindValue(textOrNull(outcome.requestId));
        query.addBindValue(textOrNull(outcome.callId));
        query.addBindValue(textOrNull(outcome.codeNo));
        query.addBindValue(textOrNull(outcome.code));
        query.addBindValue(textOrNull(outcome.error));
        query.addBindValue(outcome.httpStatus == 0 ? QVariant(QMetaType(QMetaType::Int))
                                                   : QVariant(outcome.httpStatus));
        query.addBindValue(timeText(now));
        query.addBindValue(dialId);
        if (!query.exec())
            return failure(query);
        AuditEntry entry;
        entry.time = now;
        entry.event = QStringLiteral("dial.finished");
        entry.user = user;
        entry.dialId = dialId;
        entry.callee = outcome.callee;
        entry.outcome = outcomeClassName(outcome.outcome);
        entry.requestId = outcome.requestId;
        entry.callId = outcome.callId;
        entry.code = outcome.codeNo.isEmpty() ? outcome.code : outcome.codeNo;
        entry.error = outcome.error;
        entry.address = address;
        entry.detail = outcome.detail;
        return appendAudit(entry);
    });
}

int GatewayStore::recoverInterrupted(const QDateTime &staleBefore, StorageResult *result)
{
    int recovered = 0;
    const StorageResult done = m_database.transaction([&]() -> StorageResult {
        QSqlQuery query(connection());
        // Another instance recovering at the same moment waits here, then finds nothing left.
        QString sql = QStringLiteral("SELECT id, user_name, callee FROM dials WHERE state = 'sending'"
                                     " AND (instance IS NULL OR instance <> :self)");
        if (staleBefore.isValid()) {
            sql += QStringLiteral(" AND (instance IS NULL OR instance NOT IN"
                                  " (SELECT id FROM instances WHERE seen_utc >= :cutoff))");
        }
        query.prepare(sql + m_database.forUpdate());
        query.bindValue(QStringLiteral(":self"), m_instance);
        if (staleBefore.isValid())
            query.bindValue(QStringLiteral(":cutoff"), timeText(staleBefore));
        if (!query.exec())
            return failure(query);
        QList<AuditEntry> entries;
        while (query.next()) {
            AuditEntry entry;
            entry.event = QStringLiteral("dial.interrupted");
            entry.dialId = query.value(0).toLongLong();
            entry.user = query.value(1).toString();
            entry.callee = query.value(2).toString();
            entry.outcome = outcomeClassName(OutcomeClass::Unknown);
            entry.detail = QStringLiteral("the gateway stopped while the request was out: the call may have "
                                          "been placed");
            entries.append(entry);
        }
        query.finish();
        for (const AuditEntry &entry : std::as_const(entries)) {
            QSqlQuery update(connection());
            update.prepare(
                QStringLiteral("UPDATE dials SET state = ?, error = 'interrupted', finished_utc = ?"
                               " WHERE id = ? AND state = 'sending'"));
            update.addBindValue(entry.outcome);
            update.addBindValue(timeText(QDateTime::currentDateTimeUtc()));
            update.addBindValue(entry.dialId);
            if (!update.exec())
                return failure(update);
            if (StorageResult appended = appendAudit(entry); !appended.ok())
                return appended;
            ++recovered;
        }
        return {};
    });
    if (result)
        *result = done;
    return done.ok() ? recovered : 0;
}

QList<DialRecord> GatewayStore::calls(const QString &user, qint64 sinceId, int limit,
                                      StorageResult *result) const
{
    QList<DialRecord> list;
    QSqlDatabase db;
    if (!usable(&db, result))
        return {};
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT id, user_name, time_utc, callee, state, request_id, call_id, code_no,"
                       " code, error, call_status, reason, call_duration, report_date"
                       " FROM dials WHERE user_name = ? AND id > ? ORDER BY id LIMIT ?"));
    query.addBindValue(user);
    query.addBindValue(sinceId);
    query.addBindValue(qBound(1, limit, kMaxCallsPerPage));
    if (!query.exec()) {
        if (result)
            *result = failure(query);
        return list;
    }
    while (query.next()) {
        DialRecord record;
        record.id = query.value(0).toLongLong();
        record.user = query.value(1).toString();
        record.time = timeFrom(query.value(2));
        record.callee = query.value(3).toString();
        record.state = query.value(4).toString();
        record.requestId = query.value(5).toString();
        record.callId = query.value(6).toString();
        record.codeNo = query.value(7).toString();
        record.code = query.value(8).toString();
        record.error = query.value(9).toString();
        record.callStatus = query.value(10).toString();
        record.reason = query.value(11).toString();
        record.callDuration = numberFrom(query.value(12));
        record.reportDate = query.value(13).toString();
        list.append(record);
    }
    return list;
}

StorageResult GatewayStore::appendAudit(const AuditEntry &entry)
{
    return m_database.transaction([&]() -> StorageResult {
        QSqlQuery query(connection());
        query.prepare(
            QStringLiteral("INSERT INTO audit (time_utc, event, user_name, dial_id, callee, outcome,"
                           " request_id, call_id, code, error, address, detail, reason, call_duration,"
                           " report_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(timeText(entry.time.isValid() ? entry.time : QDateTime::currentDateTimeUtc()));
        query.addBindValue(entry.event);
        query.addBindValue(textOrNull(entry.user));
        query.addBindValue(entry.dialId > 0 ? QVariant(entry.dialId)
                                            : QVariant(QMetaType(QMetaType::LongLong)));
        query.addBindValue(textOrNull(entry.callee));
        query.addBindValue(textOrNull(entry.outcome));
        query.addBindValue(textOrNull(entry.requestId));
        query.addBindValue(textOrNull(entry.callId));
        query.addBindValue(textOrNull(entry.code));
        query.addBindValue(textOrNull(entry.error));
        query.addBindValue(textOrNull(entry.address));
        query.addBindValue(textOrNull(entry.detail));
        query.addBindValue(textOrNull(entry.reason));
        query.addBindValue(numberOrNull(entry.callDuration));
        query.addBindValue(textOrNull(entry.reportDate));
        if (!query.exec())
            return failure(query);
        return {};
    });
}

QList<AuditEntry> GatewayStore::audit(const QString &user, const QDateTime &since,
                                      StorageResult *result) const
{
    QList<AuditEntry> list;
    QString sql =
        QStringLiteral("SELECT id, time_utc, event, user_name, dial_id, callee, outcome, request_id,"
                       " call_id, code, error, address, detail, reason, call_duration, report_date"
                       " FROM audit WHERE 1 = 1");
    if (!user.isEmpty())
        sql += QStringLiteral(" AND user_name = :user");
    if (since.isValid())
        sql += QStringLiteral(" AND time_utc >= :since");
    sql += QStringLiteral(" ORDER BY id");
    QSqlDatabase db;
    if (!usable(&db, result))
        return {};
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    if (!user.isEmpty())
        query.bindValue(QStringLiteral(":user"), user);
    if (since.isValid())
        query.bindValue(QStringLiteral(":since"), timeText(since));
    if (!query.exec()) {
        if (result)
            *result = failure(query);
        return list;
    }
    while (query.next()) {
        AuditEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.time = timeFrom(query.value(1));
        entry.event = query.value(2).toString();
        entry.user = query.value(3).toString();
        entry.dialId = query.value(4).toLongLong();
        entry.callee = query.value(5).toString();
        entry.outcome = query.value(6).toString();
        entry.requestId = query.value(7).toString();
        entry.callId = query.value(8).toString();
        entry.code = query.value(9).toString();
        entry.error = query.value(10).toString();
        entry.address = query.value(11).toString();
        entry.detail = query.value(12).toString();
        entry.reason = query.value(13).toString();
        entry.callDuration = numberFrom(query.value(14));
        entry.reportDate = query.value(15).toString();
        list.append(entry);
    }
    return list;
}

StorageResult GatewayStore::importFrom(const GatewayStore &source, QList<QPair<QString, int>> *copied)
{
    static const char *const tables[] = {"users", "dials", "call_events", "audit"};
    return m_database.transaction([&]() -> StorageResult {
        QSqlQuery query(connection());
        for (const char *table : tables) {
            if (!query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) ||
                !query.next())
                return failure(query);
            if (query.value(0).toLongLong() > 0) {
                return {StorageError::Rejected,
                        tr("The database %1 already holds the gateway's data (%2). Copy into an empty one.")
                            .arg(m_database.path(), QLatin1String(table)),
                        {}};
            }
        }
        for (const char *table : tables) {
            const QLatin1String name(table);
            QSqlQuery read(source.connection());
            read.setForwardOnly(true);
            if (!read.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(name)))
                return source.failure(read);
            QSqlRecord columns = read.record();
            QStringList names;
            QStringList marks;
            for (int i = 0; i < columns.count(); ++i) {
                names.append(columns.fieldName(i));
                marks.append(QStringLiteral("?"));
            }
            QSqlQuery write(connection());
            write.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                              .arg(name, names.join(QLatin1String(", ")), marks.join(QLatin1String(", "))));
            int rows = 0;
            while (read.next()) {
                for (int i = 0; i < columns.count(); ++i)
                    write.bindValue(i, read.value(i));
                if (!write.exec())
                    return failure(write);
                ++rows;
            }
            if (read.lastError().isValid())
                return source.failure(read);
            if (m_database.isShared()) {
                // New rows get the ids after the copied ones.
                if (!query.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'),"
                                               " coalesce(max(id), 0) + 1, false) FROM %1")
                                    .arg(name))) {
                    return failure(query);
                }
            }
            copied->append({name, rows});
        }
        AuditEntry entry;
        entry.event = QStringLiteral("gateway.migrated");
        entry.detail = QStringLiteral("copied from %1").arg(source.path());
        return appendAudit(entry);
    });
}

bool GatewayStore::isHealthy() const
{
    if (!m_database.isOpen())
        return false;
    QSqlDatabase db;
    if (!usable(&db, nullptr))
        return false;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT 1")) || !query.next()) {
        // Marks a lost server connection as lost, so the next use connects again.
        m_database.failure(query.lastError());
        return false;
    }
    return true;
}

} // namespace onedial::gateway
