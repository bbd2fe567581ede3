// This process as one instance of the gateway among those sharing a database.
//
// It records itself in the database and says it is alive every few seconds (the heartbeat),
// which also finds out soon when the database is gone, and when it is back. Dials left "sending"
// by an instance that has stopped saying so are marked interrupted, by whichever instance sees
// it first. On PostgreSQL it listens for the call events other instances store
// (GatewayStore::kEventsChannel) and listens again after a lost connection; whatever was
// announced meanwhile is in the database, so streams read it then (databaseBack).
//
// With SQLite, one process owns the file: at start every dial of an earlier run still "sending"
// is interrupted, and there is nothing to listen to and no heartbeat.
#pragma once

#include "GatewayStore.h"

#include <QObject>
#include <QSqlDriver>
#include <QTimer>

namespace onedial::gateway {

class GatewayInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayInstance)

public:
    static constexpr int kHeartbeatMs = 5000;
    // While the database is away: how often to try it again.
    static constexpr int kRetryMs = 1000;
    // An instance not seen for this long is taken for stopped, and its dials in flight for
    // interrupted. Several heartbeats, so that a busy machine or a short pause is not taken for
    // a crash; instances' clocks are assumed to agree within a few seconds (NTP).
    static constexpr int kStaleAfterMs = 30000;

    // The store must be open and outlive the instance.
    explicit GatewayInstance(GatewayStore *store, QObject *parent = nullptr);
    ~GatewayInstance() override;

    // Registers this instance, interrupts what stopped instances left in flight, starts the
    // heartbeat and (PostgreSQL) listens. False, with the store's message, when the database
    // cannot be written.
    bool start(QString *error);
    QString id() const { return m_id; }
    bool isDatabaseUp() const { return m_up; }

    // Tests shorten the heartbeat and the time after which an instance is taken for stopped.
    void setTimings(int heartbeatMs, int staleAfterMs);

Q_SIGNALS:
    // Another instance stored one of the member's call events.
    void eventsStored(const QString &member);
    void databaseLost();
    // The database answers again: anything announced meanwhile was missed, and anything this
    // instance could not write may be written now.
    void databaseBack();

private:
    void beat();
    void listen();
    void onReconnected();
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    GatewayStore *m_store;
    QString m_id;
    QTimer m_timer;
    int m_heartbeatMs = kHeartbeatMs;
    int m_staleAfterMs = kStaleAfterMs;
    bool m_up = true;
};

} // namespace onedial::gateway
