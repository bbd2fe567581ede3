// The gateway's database: its members, their dials and the audit log, in SQLite (WAL) in the
// state folder, or in PostgreSQL when several gateway instances share it, with a versioned
// schema migrated like the desktop's (storage/Database).
//
// The rules that must hold however many desktops and instances ask at once are the database's,
// not the process's: a member's daily limit is counted and the dial recorded in one write
// transaction that holds the member's row, and a unique index lets a member have only one dial
// in flight to a number. The audit log is
// append-only (triggers refuse UPDATE and DELETE); each dial gets an entry before the request
// leaves for OneNET and another with its outcome, so a crash in between leaves "sent, outcome
// unknown", never nothing.
//
// OneNET's status callbacks then tell how each accepted call goes. They may come twice or out of
// order; a call's state only moves forward, and each move is a call event (append-only too), the
// member's resumable record of their calls' progress. A member's events are stored one at a time
// (on PostgreSQL under a lock of the member's), so their ids grow in the order they are
// committed and a reader that resumes after an id misses nothing; on PostgreSQL each one is also
// announced on the channel kEventsChannel, with the member's name, to every instance listening.
#pragma once

#include "onenet/CallStatusReport.h"
#include "onenet/DialOutcome.h"
#include "storage/Database.h"
#include "storage/Schema.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class QSqlDatabase;
class QSqlQuery;

namespace onedial::gateway {

struct User
{
    qint64 id = 0;
    QString name;
    QString caller;     // API form
    int dailyLimit = 0; // 0: no limit
    bool disabled = false;
    QByteArray tokenId;
    QByteArray tokenHash;
    QDateTime created;

    QJsonObject toJson() const; // never the token's hash
};

struct DialRecord
{
    qint64 id = 0;
    QString user;
    QDateTime time;
    QString callee;
    QString state; // "sending", then the outcome class's name
    QString requestId;
    QString callId;
    QString codeNo;
    QString code;
    QString error;
    // From OneNET's status callbacks, once the call was accepted: the latest state
    // (CallingCaller … Disconnected, empty before the first), why it ended, how long it lasted
    // (when OneNET says), and OneNET's time of the report (YYYYmmDDHHMMSS, Beijing time).
    QString callStatus;
    QString reason;
    std::optional<qint64> callDuration;
    QString reportDate;

    QJsonObject toJson() const;
};

// A state one of the member's calls moved into. Its id only grows: the order the gateway
// stored the events in, and the point a reader resumes after.
struct CallEvent
{
    qint64 id = 0;
    QString user;
    qint64 dialId = 0;
    QString callId;
    QString callee; // the dial's, API form
    QString status; // CallingCaller, CallingCallee, Connected, Disconnected
    QString reason;
    std::optional<qint64> callDuration;
    std::optional<qint64> callerCallDuration;
    QString reportDate;
    QDateTime received;

    // As an event stream sends it (docs/gateway-api.md): event_id, dial_id, call_id, callee,
    // status, reason, call_duration, report_date, time.
    QJsonObject toJson() const;
};

struct AuditEntry
{
    qint64 id = 0;
    QDateTime time;
    QString event; // dial.sending, dial.finished, dial.interrupted, user.added, user.disabled, …
    QString user;
    qint64 dialId = 0;
    QString callee;
    QString outcome;
    QString requestId;
    QString callId;
    QString code;
    QString error;
    QString address; // the client's address, for requests
    QString detail;
    // call.status: what OneNET reported (outcome holds the state).
    QString reason;
    std::optional<qint64> callDuration;
    QString reportDate;

    QJsonObject toJson() const;
};

class GatewayStore final
{
    Q_DECLARE_TR_FUNCTIONS(GatewayStore)
    Q_DISABLE_COPY_MOVE(GatewayStore)

public:
    static const Schema &schema();
    static constexpr int kMaxCallsPerPage = 500;

    // PostgreSQL's NOTIFY channel of stored call events; the payload is the member's name.
    static constexpr char kEventsChannel[] = "onedial_call_events";

    explicit GatewayStore(const QString &path);
    explicit GatewayStore(ServerConnection server);

    // Opens (creating or migrating) the file or the server's database; the message says what to
    // do when it cannot.
    StorageResult open();
    bool isOpen() const { return m_database.isOpen(); }
    // The SQLite file, or the PostgreSQL server's postgresql://user@host:port/name.
    QString path() const { return m_database.path(); }
    bool isShared() const { return m_database.isShared(); }
    Database &database() { return m_database; }

    // This process as one instance of the gateway: recorded with its machine and process id,
    // named on each dial it sends, and seen again with each heartbeat().
    StorageResult registerInstance(const QString &instanceId);
    StorageResult heartbeat();
    QString instanceId() const { return m_instance; }

    // Members. Names are unique; a removed member's dials and audit entries stay.
    StorageResult addUser(User *user);
    std::optional<User> userByName(const QString &name, StorageResult *result = nullptr) const;
    std::optional<User> userByTokenId(const QByteArray &tokenId, StorageResult *result = nullptr) const;
    QList<User> users(StorageResult *result = nullptr) const;
    int userCount() const;
    StorageResult setDisabled(const QString &name, bool disabled);
    StorageResult removeUser(const QString &name);
    StorageResult replaceToken(const QString &name, const QByteArray &tokenId, const QByteArray &tokenHash);

    // Records a dial about to be sent, with its audit entry, unless the member reached the daily
    // limit or has a dial to the same number in flight.
    enum class Begin { Recorded, DailyLimit, InFlight, Failed };
    struct BeginResult
    {
        Begin status = Begin::Failed;
        qint64 dialId = 0;
        int dialsToday = 0;
        StorageResult storage;
    };
    BeginResult beginDial(const User &user, const QString &callee, const QString &address,
                          const QDate &today);
    // The outcome of a recorded dial, with its audit entry.
    StorageResult finishDial(qint64 dialId, const QString &user, const DialOutcome &outcome,
                             const QString &address);
    // Dials left "sending" by a gateway instance that stopped in the middle (a crash, a kill):
    // those of every other instance not seen since staleBefore (an invalid time: every other
    // instance, as when one process owns the database). Their outcome is unknown, and they no
    // longer block the member's next dial to that number.
    int recoverInterrupted(const QDateTime &staleBefore = {}, StorageResult *result = nullptr);

    int dialsOn(const QString &user, const QDate &day) const;
    QList<DialRecord> calls(const QString &user, qint64 sinceId, int limit = kMaxCallsPerPage,
                            StorageResult *result = nullptr) const;

    // Applies one of OneNET's status reports to the dial with its call_id, in one transaction. A
    // report that moves the call forward (CallingCaller < CallingCallee < Connected <
    // Disconnected) updates the dial and appends a call event and an audit entry (call.status);
    // a duplicate, or news the call has already passed, changes nothing (Unchanged).
    enum class Apply { Moved, Unchanged, UnknownCall, Failed };
    struct ApplyResult
    {
        Apply status = Apply::Failed;
        qint64 dialId = 0;
        QString user;
        qint64 eventId = 0; // when Moved
        CallEvent event;    // when Moved: the event as stored, for the member's open streams
        StorageResult storage;
    };
    ApplyResult applyCallStatus(const CallStatusReport &report, const QString &address);
    // The member's call events with an id greater than afterId, oldest first.
    QList<CallEvent> callEvents(const QString &user, qint64 afterId, int limit = kMaxCallsPerPage,
                                StorageResult *result = nullptr) const;
    // The highest call event id stored, of any member (0 when there is none).
    qint64 lastCallEventId(StorageResult *result = nullptr) const;
    // The highest of the member's call event ids (0 when they have none).
    qint64 lastCallEventId(const QString &user, StorageResult *result) const;

    StorageResult appendAudit(const AuditEntry &entry);
    QList<AuditEntry> audit(const QString &user, const QDateTime &since,
                            StorageResult *result = nullptr) const;

    // Copies every member, dial, call event and audit entry of source (another gateway's SQLite
    // database) into this one, which must hold none yet, keeping their ids, in one transaction;
    // copied: the rows per table.
    StorageResult importFrom(const GatewayStore &source, QList<QPair<QString, int>> *copied);

    // A cheap query that fails when the database cannot be used.
    bool isHealthy() const;

private:
    StorageResult failure(const QSqlQuery &query) const;
    // The connection for a statement (connected again after a loss, see Database).
    QSqlDatabase connection() const;
    // The connection for a statement outside a transaction; false, with the reason, while the
    // server cannot be reached (nothing is sent to a connection known to be gone).
    bool usable(QSqlDatabase *db, StorageResult *result) const;

    Database m_database;
    QString m_instance;
};

} // namespace onedial::gateway
