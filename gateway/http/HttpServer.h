// The gateway's HTTP/1.1 server, on QtNetwork's QTcpServer and QSslServer.
//
// Its own rather than Qt HttpServer: Qt HttpServer 6.4 reads a whole request body into memory
// before any handler sees it, with no cap on the size of headers or body and no time limit, so a
// single hostile client could exhaust the server's memory or hold connections open forever. Here
// every limit is checked while the bytes arrive: header bytes, body bytes (from Content-Length,
// before the body is read), the time for headers and body, idle keep-alive time, connections in
// all and per address. A handler can answer later (a dial waits for OneNET) or stream (server-sent
// events).
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace onedial::http {

using Header = QPair<QByteArray, QByteArray>;

struct Request
{
    QByteArray method; // as sent: "GET", "POST", …
    QByteArray target; // the request target as sent: "/api/v1/calls?since=3"
    QString path;      // decoded path without the query: "/api/v1/calls"
    QUrlQuery query;
    QList<Header> headers; // names in lower case, values trimmed, in the order received
    QByteArray body;
    QHostAddress peer; // the TCP peer (a reverse proxy's address when there is one)
    quint16 peerPort = 0;
    bool secure = false; // arrived over TLS

    // The first header of that name (lower case), or an empty array.
    QByteArray header(const QByteArray &lowerCaseName) const;
    bool hasHeader(const QByteArray &lowerCaseName) const;
};

struct Response
{
    int status = 200;
    QList<Header> headers; // Content-Length, Date, Connection are added by the server
    QByteArray body;

    // A JSON body with Content-Type application/json.
    static Response json(int status, const QJsonObject &object);
    // {"error": code, "message": message}
    static Response error(int status, const QString &code, const QString &message);
    static QByteArray reasonPhrase(int status);
};

// One request's way back to its client. Answer exactly once (later calls are ignored), or
// start a stream. When the client has gone away meanwhile, the answer is dropped without harm;
// isOpen() tells whether anyone is still listening.
class Responder
{
public:
    Responder() = default;

    void respond(const Response &response) const;
    // Sends the status line and headers (no Content-Length) and keeps the connection for write();
    // for text/event-stream. The connection is never reused for another request.
    void startStream(int status, const QList<Header> &headers) const;
    // Writes bytes of a started stream; false when the client has gone away, or when the stream's
    // unsent output would go over Limits::maxStreamBacklogBytes: a reader that fell that far
    // behind is disconnected rather than buffered for without end.
    bool write(const QByteArray &bytes) const;
    // The bytes of a started stream not yet handed to the network (0 once it has gone).
    qint64 pendingBytes() const;
    // Called once, from the event loop, when a started stream has handed all its bytes to the
    // network: a writer with much to send writes a part, then waits for this before the next.
    // Never called for a stream that has gone (onClosed is).
    void onDrained(std::function<void()> drained) const;
    void closeStream() const;
    bool isOpen() const;
    // Called once when the client goes away (or the stream is closed, or the answer was sent),
    // from the event loop.
    void onClosed(std::function<void()> closed) const;

private:
    friend class Server;
    struct Exchange;
    std::shared_ptr<Exchange> m_exchange;
};

class Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    struct Limits
    {
        int maxHeaderBytes = 16 * 1024; // request line and headers; over it: 431
        int maxBodyBytes = 64 * 1024;   // Content-Length over it: 413, before the body is read
        int headerTimeoutMs = 10000;    // from the first byte of a request to its blank line: 408
        int bodyTimeoutMs = 10000;      // from the blank line to the body's last byte: 408
        int idleTimeoutMs = 60000;      // a kept-alive connection waiting for its next request
        // Accepted and not yet closed; more are closed at once. Each open event stream holds one:
        // room for the gateway's 10,000 streams and 2,000 requests besides.
        int maxConnections = 12000;
        int maxConnectionsPerAddress = 256;
        // A started stream's output not yet taken by its reader; a write beyond it closes the stream.
        qint64 maxStreamBacklogBytes = 256 * 1024;
    };

    // The handler gets every complete, well-formed request. It answers through the responder,
    // at once or later.
    using Handler = std::function<void(const Request &, Responder)>;

    explicit Server(QObject *parent = nullptr);
    ~Server() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }
    // Addresses that stand for many clients (the reverse proxies in front): their connections
    // count against maxConnections only, not maxConnectionsPerAddress.
    void setSharedAddresses(std::function<bool(const QHostAddress &)> isShared)
    {
        m_isShared = std::move(isShared);
    }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    // TLS from PEM files: the certificate (chain) and its private key. Until this is called the
    // server speaks plain HTTP. Calling it again (on SIGHUP) replaces both for new connections;
    // on failure the previous ones stay and error says why.
    bool loadTls(const QString &certificateFile, const QString &keyFile, QString *error);
    bool isTls() const { return m_tls; }

    // Listens; false with the reason in error. Port 0 picks a free one.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    void close();

    int connectionCount() const;

Q_SIGNALS:
    // Every answer the server or a handler sent (for metrics and the access log).
    void answered(int status, const QByteArray &method, const QString &path);

private:
    friend class Responder;
    class Connection;
    using Exchange = Responder::Exchange;
    void onNewConnection();
    void onAcceptError();
    void listenAgain();
    void forget(Connection *connection);

    Limits m_limits;
    Handler m_handler;
    std::function<bool(const QHostAddress &)> m_isShared;
    QTcpServer *m_listener = nullptr;
    QSslConfiguration m_tlsConfiguration;
    bool m_tls = false;
    QList<Connection *> m_connections;
    QHash<QHostAddress, int> m_perAddress;
};

} // namespace onedial::http
