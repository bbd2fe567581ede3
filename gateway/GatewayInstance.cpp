#include "GatewayInstance.h"

#include "GatewayLog.h"

#include <QPointer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

namespace onedial::gateway {

GatewayInstance::GatewayInstance(GatewayStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &GatewayInstance::beat);
    // A weak reference: the store may outlive this instance (or, in a test, be gone before it).
    m_store->database().setReconnected([self = QPointer<GatewayInstance>(this)] {
        if (self)
            self->onReconnected();
    });
}

GatewayInstance::~GatewayInstance() = default;

void GatewayInstance::onReconnected()
{
    // Inside the statement that found the server again: listen at once (on the new connection),
    // tell the rest once that statement is done.
    listen();
    QMetaObject::invokeMethod(
        this,
        [this] {
            // Even if no heartbeat noticed the gap: announcements may have been missed in it.
            m_up = true;
            qCInfo(lcGateway).noquote() << "The database" << m_store->path() << "answers again";
            Q_EMIT databaseBack();
        },
        Qt::QueuedConnection);
}

void GatewayInstance::setTimings(int heartbeatMs, int staleAfterMs)
{
    m_heartbeatMs = qMax(10, heartbeatMs);
    m_staleAfterMs = qMax(m_heartbeatMs, staleAfterMs);
}

bool GatewayInstance::start(QString *error)
{
    const StorageResult registered = m_store->registerInstance(m_id);
    if (!registered.ok()) {
        *error = registered.message;
        return false;
    }
    StorageResult recovered;
    // SQLite: this process owns the file, so every other instance has stopped.
    const QDateTime staleBefore =
        m_store->isShared() ? QDateTime::currentDateTimeUtc().addMSecs(-m_staleAfterMs) : QDateTime();
    if (const int interrupted = m_store->recoverInterrupted(staleBefore, &recovered); interrupted > 0) {
        qCWarning(lcGateway)
            << interrupted
            << "dial(s) were in flight when their gateway stopped: recorded as outcome unknown";
    }
    listen();
    qCInfo(lcGateway).noquote() << "Instance" << m_id << "on" << m_store->path();
    // One process owns an SQLite file: nobody needs to hear that it is alive, and an idle
    // gateway then does no work at all.
    if (m_store->isShared())
        m_timer.start(m_heartbeatMs);
    return true;
}

void GatewayInstance::listen()
{
    if (!m_store->isShared())
        return;
    QSqlDriver *driver = m_store->database().connection().driver();
    if (!driver)
        return;
    const QString channel = QLatin1String(GatewayStore::kEventsChannel);
    if (!driver->subscribedToNotifications().contains(channel) && !driver->subscribeToNotification(channel)) {
        qCWarning(lcGateway).noquote()
            << "Cannot listen for other instances' call events:" << driver->lastError().text();
        return;
    }
    // A new connection has a new driver; an old one's connection went with it.
    connect(driver, &QSqlDriver::notification, this, &GatewayInstance::onNotification, Qt::UniqueConnection);
}

void GatewayInstance::onNotification(const QString &name, QSqlDriver::NotificationSource source,
                                     const QVariant &payload)
{
    // This instance's own events reached its streams when it stored them.
    if (name != QLatin1String(GatewayStore::kEventsChannel) || source == QSqlDriver::SelfSource)
        return;
    const QString member = payload.toString();
    if (!member.isEmpty())
        Q_EMIT eventsStored(member);
}

void GatewayInstance::beat()
{
    const StorageResult beaten = m_store->heartbeat();
    if (!beaten.ok()) {
        if (m_up) {
            m_up = false;
            qCWarning(lcGateway).noquote() << "The database cannot be used:" << beaten.message
                                           << "- requests are answered 503 until it is back";
            Q_EMIT databaseLost();
        }
        m_timer.start(kRetryMs);
        return;
    }
    if (!m_up) {
        // Back without a reconnection (SQLite, or a server that was only slow).
        m_up = true;
        qCInfo(lcGateway).noquote() << "The database" << m_store->path() << "answers again";
        Q_EMIT databaseBack();
    }
    if (m_store->isShared()) {
        StorageResult recovered;
        const QDateTime staleBefore = QDateTime::currentDateTimeUtc().addMSecs(-m_staleAfterMs);
        if (const int interrupted = m_store->recoverInterrupted(staleBefore, &recovered); interrupted > 0) {
            qCWarning(lcGateway)
                << interrupted << "dial(s) of a stopped instance were in flight: recorded as outcome unknown";
        }
    }
    m_timer.start(m_heartbeatMs);
}

} // namespace onedial::gateway
