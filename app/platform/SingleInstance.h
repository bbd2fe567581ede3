// One running OneDial per user. The first start takes a lock file and listens on a local socket
// that only this user can reach; a later start finds the lock, hands its arguments over as one
// message and exits, and the first one brings its window to the front and acts on them.
//
// The message: a 4-byte big-endian length, then that many bytes of a UTF-8 JSON array of strings
// (at most kMaxMessageBytes). The running instance answers one byte, kAck, and closes. A message
// that is oversized, malformed or too slow to arrive is dropped and its connection closed.
//
// A request (its first string kRequestMarker; the browser's native-messaging host sends one) is
// answered too: after kAck the connection stays open until the running instance writes one reply,
// framed the same way (any bytes, at most kMaxMessageBytes), or until kMaxRequestWaitMs pass.
#pragma once

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QLocalServer;
class QLocalSocket;
class QLockFile;

namespace onedial {

// The open connection of a request, until its one reply is sent.
class PendingReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingReply)

public:
    explicit PendingReply(QLocalSocket *socket);
    // Writes the reply (at most SingleInstance::kMaxMessageBytes; longer is cut to nothing) and closes.
    void send(const QByteArray &reply);

private:
    QLocalSocket *m_socket;
    bool m_sent = false;
};

class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    static constexpr qsizetype kMaxMessageBytes = 64 * 1024;
    static constexpr int kMaxArguments = 256;
    static constexpr char kAck = '\x06';
    static constexpr int kDefaultConnectTimeoutMs = 5000;
    static constexpr int kDefaultReadTimeoutMs = 3000;
    // Connections still sending at once; more are closed at once, so nobody can pile them up.
    static constexpr int kMaxOpenConnections = 8;
    static constexpr char kRequestMarker[] = "--onedial-request";
    // How long a request may wait for its answer (a person confirming a call) before it is closed.
    static constexpr int kMaxRequestWaitMs = 10 * 60 * 1000;

    enum class Role {
        Undecided,
        Primary,   // this process runs the window; it holds the lock and listens
        Secondary, // another process does; hand the arguments to it
        Alone,     // no lock, or a hung owner: run without single instance rather than not at all
    };

    // directory and baseName default to the per-user hand-off folder and a name made of the app
    // id and the user; tests pass their own.
    explicit SingleInstance(const QString &directory = {}, const QString &baseName = {},
                            QObject *parent = nullptr);
    ~SingleInstance() override;

    static QString defaultBaseName();
    // The base name a OneDial whose home folder is homePath uses (defaultBaseName() is the one
    // for QDir::homePath()).
    static QString baseNameForHome(const QString &homePath);
    QString lockFilePath() const;
    // The local server's name: a socket path on Unix, a pipe name on Windows.
    QString serverName() const;

    // Takes the lock, or finds the instance that holds it (waiting up to connectTimeoutMs for it to
    // answer). A lock whose owner died is taken over; an owner that is alive and never answers
    // leaves this start Alone.
    Role claim(int connectTimeoutMs = kDefaultConnectTimeoutMs);
    Role role() const { return m_role; }
    bool isListening() const;

    // Secondary only: sends the arguments and waits for the running instance to acknowledge them.
    bool handOff(const QStringList &arguments, int timeoutMs = kDefaultConnectTimeoutMs);

    // Finds a running instance without ever taking the lock (a helper process must not become the
    // window): Secondary when one answered within timeoutMs, otherwise Undecided.
    Role connectToRunning(int timeoutMs);
    // Secondary only: sends the arguments as a request and waits up to timeoutMs for the reply.
    // Nothing when it was not acknowledged, or no reply came.
    std::optional<QByteArray> request(const QStringList &arguments, int timeoutMs);

    // How long a connection may take to deliver its message (tests shorten it).
    void setReadTimeoutMs(int ms) { m_readTimeoutMs = ms; }

    // A whole message, length prefix included; empty when the arguments exceed the limits.
    static QByteArray encodeMessage(const QStringList &arguments);
    // The arguments in a payload (the bytes after the length prefix); nothing when it is malformed.
    static std::optional<QStringList> decodePayload(const QByteArray &payload);

Q_SIGNALS:
    // Primary: a later start's arguments (without the program name), delivered from the event loop.
    void argumentsReceived(const QStringList &arguments);
    // Primary: a request's arguments (without the marker). Answer it with reply->send(); it is
    // destroyed when the asker goes away or kMaxRequestWaitMs pass, so keep it in a QPointer.
    void requestReceived(const QStringList &arguments, onedial::PendingReply *reply);

private:
    Role becomePrimary();
    bool connectToPrimary();
    // Secondary: writes message to the running instance and waits until takeAnswer (called as
    // bytes arrive, and once more at the end) says the answer is complete, the connection ends,
    // or timeoutMs pass; then disconnects. The hand-off and the request differ only in the answer.
    void exchange(const QByteArray &message, int timeoutMs, const std::function<bool()> &takeAnswer);
    void acceptConnections();
    void readMessage(QLocalSocket *socket);
    void drop(QLocalSocket *socket, const char *why);

    QString m_directory;
    QString m_baseName;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
    QLocalSocket *m_client = nullptr;
    Role m_role = Role::Undecided;
    int m_readTimeoutMs = kDefaultReadTimeoutMs;
    int m_openConnections = 0;
};

} // namespace onedial
