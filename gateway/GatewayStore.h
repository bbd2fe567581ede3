// The gateway's database: its members, their dials and the audit log, in SQLite (WAL) in the
// state folder, with a versioned schema migrated like the desktop's (storage/Database).
//
// The rules that must hold however many desktops ask at once are the database's, not the
// process's: a member's daily limit is counted and the dial recorded in one write transaction,
// and a unique index lets a member have only one dial in flight to a number. The audit log is
// append-only (triggers refuse UPDATE and DELETE); each dial gets an entry before the request
// leaves for OneNET and another with its outcome, so a crash in between leaves "sent, outcome
// unknown", never nothing.
//
// OneNET's status callbacks then tell how each accepted call goes. They may come twice or out of
// order; a call's state only moves forward, and each move is a call event (append-only too), the
// member's resumable record of their calls' progress.
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

    explicit GatewayStore(const QString &path);

    // Opens (creating or migrating) the file; the message says what to do when it cannot.
    StorageResult open();
    bool isOpen() const { return m_database.isOpen(); }
    QString path() const { return m_database.path(); }

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
    // Dials left "sending" by a gateway that stopped in the middle (a crash, a kill): their
    // outcome is unknown, and they no longer block the member's next dial to that number.
    int recoverInterrupted(StorageResult *result = nullptr);

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

    StorageResult appendAudit(const AuditEntry &entry);
    QList<AuditEntry> audit(const QString &user, const QDateTime &since,
                            StorageResult *result = nullptr) const;

    // A cheap query that fails when the database cannot be used.
    bool isHealthy() const;

private:
    StorageResult failure(const QSqlQuery &query) const;

    Database m_database;
};

} // namespace onedial::gateway
