#include "SingleInstance.h"

#include "ProcessHandOff.h"
#include "core/Log.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QPointer>
#include <QTimer>
#include <QtEndian>

namespace onedial {

namespace {

constexpr int kHeaderBytes = 4;
constexpr int kConnectAttemptMs = 1000;
constexpr int kRetryDelayMs = 100;

// Runs the event loop for up to ms or until a signal quits it; the other instance may be this
// very process (in tests), so nothing here may block the loop.
void waitBriefly(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

SingleInstance::SingleInstance(const QString &directory, const QString &baseName, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty() ? platform::handOffDirectory() : directory)
    , m_baseName(baseName.isEmpty() ? defaultBaseName() : baseName)
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultBaseName()
{
    return baseNameForHome(QDir::homePath());
}

QString SingleInstance::baseNameForHome(const QString &homePath)
{
    // The user is part of the name, so two users never meet even where the name is machine-wide
    // (Windows pipe names) or the folder is shared. Hashed: a user name may hold any character.
    const QString user = qEnvironmentVariable("USER") + QLatin1Char('\n') + qEnvironmentVariable("USERNAME") +
                         QLatin1Char('\n') + homePath;
    const QByteArray hash = QCryptographicHash::hash(user.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral(ONEDIAL_APP_ID) + QLatin1Char('-') + QString::fromLatin1(hash.left(12));
}

QString SingleInstance::lockFilePath() const
{
    return QDir(m_directory).filePath(m_baseName + QStringLiteral(".lock"));
}

QString SingleInstance::serverName() const
{
    // A full path: on Unix the socket then sits in the private folder instead of the shared /tmp;
    // on Windows it becomes the pipe name \\.\pipe\<path>, which names the user's own %TEMP%.
    return QDir(m_directory).filePath(m_baseName + QStringLiteral(".socket"));
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

SingleInstance::Role SingleInstance::claim(int connectTimeoutMs)
{
    if (m_role != Role::Undecided)
        return m_role;
    if (m_directory.isEmpty() || !QDir().mkpath(m_directory)) {
        qCWarning(lcInstance, "no private folder for the instance lock; running without one");
        return m_role = Role::Alone;
    }
    m_lock = std::make_unique<QLockFile>(lockFilePath());
    // The lock is held for as long as OneDial runs, so its age says nothing. Stale means only that
    // the process named in it is gone, which QLockFile checks by itself on every attempt.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0))
        return becomePrimary();
    if (m_lock->error() != QLockFile::LockFailedError) {
        qCWarning(lcInstance, "cannot create %s; running without an instance lock",
                  qUtf8Printable(lockFilePath()));
        return m_role = Role::Alone;
    }

    // The owner may still be starting (it listens right after locking) or may exit meanwhile.
    const QDeadlineTimer deadline(connectTimeoutMs);
    while (!deadline.hasExpired()) {
        if (connectToPrimary())
            return m_role = Role::Secondary;
        if (m_lock->tryLock(0))
            return becomePrimary();
        waitBriefly(kRetryDelayMs);
    }

    // The process named in the lock is alive and nobody answers. If it still holds the lock's
    // native lock it is a hung OneDial: this start then runs on its own, because leaving the user
    // without a window is worse than two. Otherwise an unrelated process reused a dead instance's
    // id, and the lock is taken over.
    qint64 pid = 0;
    QString host;
    QString app;
    m_lock->getLockInfo(&pid, &host, &app);
    if (m_lock->removeStaleLockFile() && m_lock->tryLock(0)) {
        qCWarning(lcInstance, "took over the lock of pid %lld, which does not answer", pid);
        return becomePrimary();
    }
    qCWarning(lcInstance, "the instance with pid %lld does not answer; running without single instance", pid);
    return m_role = Role::Alone;
}

SingleInstance::Role SingleInstance::becomePrimary()
{
    m_role = Role::Primary;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(kMaxOpenConnections);
    // A socket left by a crashed owner would make listen() fail; holding the lock, it is ours to remove.
    QLocalServer::removeServer(serverName());
    if (!m_server->listen(serverName())) {
        qCWarning(lcInstance, "cannot listen on %s: %s; later starts will open their own window",
                  qUtf8Printable(serverName()), qUtf8Printable(m_server->errorString()));
        return m_role;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    qCInfo(lcInstance, "listening on %s", qUtf8Printable(m_server->fullServerName()));
    return m_role;
}

bool SingleInstance::connectToPrimary()
{
    auto *socket = new QLocalSocket(this);
    socket->connectToServer(serverName());
    if (socket->waitForConnected(kConnectAttemptMs)) {
        m_client = socket;
        return true;
    }
    delete socket;
    return false;
}

void SingleInstance::exchange(const QByteArray &message, int timeoutMs,
                              const std::function<bool()> &takeAnswer)
{
    platform::allowForegroundHandOff();
    bool complete = false;
    QEventLoop loop;
    const auto take = [&] {
        if (!complete && takeAnswer()) {
            complete = true;
            loop.quit();
        }
    };
    connect(m_client, &QLocalSocket::readyRead, &loop, take);
    connect(m_client, &QLocalSocket::disconnected, &loop, &QEventLoop::quit);
    connect(m_client, &QLocalSocket::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    m_client->write(message);
    loop.exec();
    take(); // the answer and the close can arrive together
    m_client->disconnectFromServer();
}

bool SingleInstance::handOff(const QStringList &arguments, int timeoutMs)
{
    if (m_role != Role::Secondary || !m_client)
        return false;
    const QByteArray message = encodeMessage(arguments);
    if (message.isEmpty()) {
        qCWarning(lcInstance, "the arguments are too long to hand over");
        return false;
    }
    bool acknowledged = false;
    exchange(message, timeoutMs, [this, &acknowledged] {
        if (m_client->bytesAvailable() == 0)
            return false;
        acknowledged = m_client->read(1) == QByteArray(1, kAck);
        return true;
    });
    if (!acknowledged)
        qCWarning(lcInstance, "the running instance did not acknowledge the hand-off");
    return acknowledged;
}

SingleInstance::Role SingleInstance::connectToRunning(int timeoutMs)
{
    if (m_role != Role::Undecided)
        return m_role;
    const QDeadlineTimer deadline(timeoutMs);
    do {
        if (connectToPrimary())
            return m_role = Role::Secondary;
        waitBriefly(kRetryDelayMs);
    } while (!deadline.hasExpired());
    return m_role;
}

std::optional<QByteArray> SingleInstance::request(const QStringList &arguments, int timeoutMs)
{
    if (m_role != Role::Secondary || !m_client)
        return std::nullopt;
    const QByteArray message = encodeMessage(QStringList{QString::fromLatin1(kRequestMarker)} + arguments);
    if (message.isEmpty())
        return std::nullopt;
    // The acknowledgement byte, then one framed reply.
    bool acknowledged = false;
    std::optional<QByteArray> reply;
    exchange(message, timeoutMs, [this, &acknowledged, &reply] {
        if (!acknowledged && m_client->bytesAvailable() > 0) {
            acknowledged = m_client->read(1) == QByteArray(1, kAck);
            if (!acknowledged)
                return true; // not an answer: done, without a reply
        }
        if (m_client->bytesAvailable() < kHeaderBytes)
            return false;
        const quint32 length = qFromBigEndian<quint32>(m_client->peek(kHeaderBytes).constData());
        if (length > quint32(kMaxMessageBytes))
            return true;
        if (m_client->bytesAvailable() < kHeaderBytes + qint64(length))
            return false;
        m_client->skip(kHeaderBytes);
        reply = m_client->read(length);
        return true;
    });
    if (!reply)
        qCWarning(lcInstance, "the running instance did not answer the request");
    return reply;
}

PendingReply::PendingReply(QLocalSocket *socket)
    : QObject(socket)
    , m_socket(socket)
{}

void PendingReply::send(const QByteArray &reply)
{
    if (m_sent || m_socket->state() != QLocalSocket::ConnectedState)
        return;
    m_sent = true;
    QByteArray header(kHeaderBytes, '\0');
    const QByteArray payload = reply.size() <= SingleInstance::kMaxMessageBytes ? reply : QByteArray();
    qToBigEndian<quint32>(quint32(payload.size()), header.data());
    m_socket->write(header + payload);
    m_socket->disconnectFromServer(); // after the reply is written
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (m_openConnections >= kMaxOpenConnections) {
            drop(socket, "too many connections at once");
            continue;
        }
        ++m_openConnections;
        connect(socket, &QObject::destroyed, this, [this] { --m_openConnections; });
        // Bounded: nothing beyond one whole message is ever read into memory.
        socket->setReadBufferSize(kHeaderBytes + kMaxMessageBytes);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readMessage(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // A client that stalls loses its connection, so it cannot hold a slot for ever; a request
        // waiting for its answer is given longer.
        QTimer::singleShot(m_readTimeoutMs, socket, [this, socket] {
            if (!socket->findChild<PendingReply *>())
                drop(socket, "too slow");
        });
        readMessage(socket);
    }
}

void SingleInstance::readMessage(QLocalSocket *socket)
{
    if (socket->state() != QLocalSocket::ConnectedState || socket->bytesAvailable() < kHeaderBytes)
        return;
    const QByteArray header = socket->peek(kHeaderBytes);
    const quint32 length = qFromBigEndian<quint32>(header.constData());
    if (length == 0 || length > quint32(kMaxMessageBytes)) {
        drop(socket, "bad length");
        return;
    }
    if (socket->bytesAvailable() < kHeaderBytes + qint64(length))
        return;
    socket->skip(kHeaderBytes);
    const std::optional<QStringList> arguments = decodePayload(socket->read(length));
    if (!arguments) {
        drop(socket, "not a JSON array of strings");
        return;
    }
    // Read once: more bytes from the same connection are not another message.
    disconnect(socket, &QLocalSocket::readyRead, this, nullptr);
    if (arguments->value(0) == QLatin1String(kRequestMarker)) {
        qCInfo(lcInstance, "received a request with %lld arguments", qlonglong(arguments->size() - 1));
        socket->write(QByteArray(1, kAck));
        auto *reply = new PendingReply(socket);
        QTimer::singleShot(kMaxRequestWaitMs, socket,
                           [this, socket] { drop(socket, "request not answered in time"); });
        QMetaObject::invokeMethod(
            this,
            [this, arguments = arguments->mid(1), reply = QPointer<PendingReply>(reply)] {
                if (reply)
                    Q_EMIT requestReceived(arguments, reply);
            },
            Qt::QueuedConnection);
        return;
    }
    qCInfo(lcInstance, "received %lld arguments from a later start", qlonglong(arguments->size()));
    socket->write(QByteArray(1, kAck));
    socket->disconnectFromServer(); // after the answer is written
    // Queued: a slot may open a dialog with its own event loop, and must not do so from inside
    // this socket's signal.
    QMetaObject::invokeMethod(
        this, [this, arguments = *arguments] { Q_EMIT argumentsReceived(arguments); }, Qt::QueuedConnection);
}

void SingleInstance::drop(QLocalSocket *socket, const char *why)
{
    if (socket->state() == QLocalSocket::UnconnectedState && !socket->isOpen())
        return;
    qCWarning(lcInstance, "dropped a connection: %s", why);
    socket->abort();
    socket->deleteLater();
}

QByteArray SingleInstance::encodeMessage(const QStringList &arguments)
{
    if (arguments.size() > kMaxArguments)
        return {};
    const QByteArray payload =
        QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact);
    if (payload.size() > kMaxMessageBytes)
        return {};
    QByteArray message(kHeaderBytes, '\0');
    qToBigEndian<quint32>(quint32(payload.size()), message.data());
    return message + payload;
}

std::optional<QStringList> SingleInstance::decodePayload(const QByteArray &payload)
{
    if (payload.isEmpty() || payload.size() > kMaxMessageBytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    const QJsonArray array = document.array();
    if (array.size() > kMaxArguments)
        return std::nullopt;
    QStringList arguments;
    arguments.reserve(array.size());
    for (const auto &value : array) {
        if (!value.isString())
            return std::nullopt;
        arguments << value.toString();
    }
    return arguments;
}

} // namespace onedial
