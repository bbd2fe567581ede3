#include "HttpServer.h"

#include "RequestHead.h"
#include "TlsFiles.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace onedial::http {

Q_LOGGING_CATEGORY(lcHttp, "onedial.gateway.http", QtWarningMsg)

namespace {

// How much Qt reads ahead from a socket whose bytes the server is not taking yet (while a
// handler works on the request before them): the rest waits in the kernel, so a client that
// pipelines without end holds at most this much of the server's memory.
constexpr qint64 kReadBufferBytes = 64 * 1024;
// After an answer that closes the connection, how long bytes still arriving are read and thrown
// away, so that the client reads the answer instead of a reset.
constexpr int kLingerMs = 2000;
// After the listener failed to take a connection (out of file descriptors, typically), how long
// until it tries again: Qt stops accepting after such an error until told to go on.
constexpr int kAcceptRetryMs = 1000;

// RFC 9110 IMF-fixdate, always in GMT: "Sun, 06 Nov 1994 08:49:37 GMT".
QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

// Headers only the server writes, and headers that could not be sent safely, are left out of
// what a handler gave.
bool isHandlerHeader(const Header &header)
{
    const QByteArray name = header.first.toLower();
    if (name == "content-length" || name == "date" || name == "connection" || name == "transfer-encoding" ||
        name == "keep-alive" || name == "server")
        return false;
    if (!isHttpToken(header.first) || !isHttpFieldValue(header.second)) {
        qCWarning(lcHttp) << "a response header with characters HTTP does not allow was left out:"
                          << header.first;
        return false;
    }
    return true;
}

enum class Framing { KeepAlive, KeepAlive10, Close };

// The status line and headers. contentLength < 0: none (a stream, or a status without a body).
QByteArray responseHead(int status, const QList<Header> &headers, qint64 contentLength, Framing framing)
{
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + Response::reasonPhrase(status) + "\r\n";
    for (const Header &header : headers) {
        if (isHandlerHeader(header))
            head += header.first + ": " + header.second + "\r\n";
    }
    if (contentLength >= 0)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    head += "Date: " + httpDate() + "\r\n";
    if (framing == Framing::Close)
        head += "Connection: close\r\n";
    else if (framing == Framing::KeepAlive10)
        head += "Connection: keep-alive\r\n";
    return head + "\r\n";
}

bool hasNoBody(int status)
{
    return status < 200 || status == 204 || status == 304;
}

// Plain TCP or TLS by the configuration in force when the connection arrives, so a reloaded
// certificate applies to new connections only. The server's own listener rather than QSslServer:
// QSslServer hands a connection over only after its handshake, so connections still in their
// handshake would escape the connection limits and the header time limit.
class Listener final : public QTcpServer
{
public:
    Listener(std::function<QTcpSocket *()> makeSocket, QObject *parent)
        : QTcpServer(parent)
        , m_makeSocket(std::move(makeSocket))
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket *socket = m_makeSocket();
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setParent(this);
        addPendingConnection(socket);
    }

private:
    std::function<QTcpSocket *()> m_makeSocket;
};

} // namespace

QByteArray Request::header(const QByteArray &lowerCaseName) const
{
    for (const Header &header : headers) {
        if (header.first == lowerCaseName)
            return header.second;
    }
    return {};
}

bool Request::hasHeader(const QByteArray &lowerCaseName) const
{
    for (const Header &header : headers) {
        if (header.first == lowerCaseName)
            return true;
    }
    return false;
}

Response Response::json(int status, const QJsonObject &object)
{
    Response response;
    response.status = status;
    response.headers.append(Header(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

Response Response::error(int status, const QString &code, const QString &message)
{
    return json(status, QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}});
}

QByteArray Response::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

// One request and its answer. The connection holds it while the request is being answered; the
// handler's responders hold it as long as they like. It only points at its connection weakly,
// so an answer after the client went is dropped.
struct Responder::Exchange
{
    QPointer<QObject> connection; // the Server::Connection
    QPointer<Server> server;
    bool answered = false;
    bool streaming = false;
    bool ended = false;
    std::function<void()> closed;
    std::function<void()> drained; // a stream's writer waiting for its output to go out

    // The request is over: its onClosed callback runs from the event loop, once.
    void end()
    {
        if (ended)
            return;
        ended = true;
        std::function<void()> callback = std::move(closed);
        closed = nullptr;
        if (callback && server)
            QMetaObject::invokeMethod(server.data(), std::move(callback), Qt::QueuedConnection);
    }
};

// One client connection: reads one request at a time, hands it to the handler, writes the answer.
class Server::Connection final : public QObject
{
public:
    Connection(Server *server, QTcpSocket *socket);
    ~Connection() override;

    void start();
    // Ends without a word (the server is going away): no callbacks, the socket aborted.
    void discard();
    QHostAddress address() const { return m_address; }

    void respond(const std::shared_ptr<Exchange> &exchange, const Response &response);
    void startStream(const std::shared_ptr<Exchange> &exchange, int status, const QList<Header> &headers);
    bool write(const std::shared_ptr<Exchange> &exchange, const QByteArray &bytes);
    qint64 pendingBytes(const std::shared_ptr<Exchange> &exchange) const;
    void onDrained(const std::shared_ptr<Exchange> &exchange, std::function<void()> drained);
    void closeStream(const std::shared_ptr<Exchange> &exchange);
    bool isOpen(const std::shared_ptr<Exchange> &exchange) const
    {
        return !m_gone && exchange == m_exchange && (!exchange->answered || m_state == State::Streaming);
    }

private:
    // Waiting: for the first byte of a request; Head: request line and headers arriving; Body: the
    // body arriving; Handling: the handler has it; Streaming: a started stream; Closing: the last
    // answer is out and the connection is being closed.
    enum class State { Waiting, Head, Body, Handling, Streaming, Closing };

    void onReadyRead();
    void parse();
    void resume();
    void dispatch();
    void fail(int status, const char *code, const QString &message);
    void answered(int status);
    void endExchange();
    void closeAfterWrite();
    void onBytesWritten();
    void onDeadline();
    void gone();
    void startDeadline(int ms) { m_deadline.start(ms); }

    Server *m_server;
    QTcpSocket *m_socket;
    bool m_secure;
    QHostAddress m_address;
    quint16 m_port;
    QTimer m_deadline;
    QByteArray m_buffer;
    qsizetype m_scanned = 0;
    State m_state = State::Waiting;
    std::unique_ptr<RequestHead> m_head;
    std::shared_ptr<Exchange> m_exchange;
    int m_served = 0;
    bool m_gone = false;
    bool m_writeClosed = false;
};

Server::Connection::Connection(Server *server, QTcpSocket *socket)
    : QObject(server)
    , m_server(server)
    , m_socket(socket)
    , m_secure(qobject_cast<QSslSocket *>(socket) != nullptr)
    , m_address(socket->peerAddress())
    , m_port(socket->peerPort())
{
    m_socket->setParent(this);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &Connection::onDeadline);
}

Server::Connection::~Connection()
{
    m_socket->disconnect(this);
    m_socket->abort();
}

void Server::Connection::start()
{
    m_socket->setReadBufferSize(kReadBufferBytes);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::gone);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // A failed handshake or a reset: the socket may not say disconnected on its own.
        if (error == QAbstractSocket::SslHandshakeFailedError ||
            m_socket->state() == QAbstractSocket::UnconnectedState)
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_socket->abort();
                    gone();
                },
                Qt::QueuedConnection);
    });
    // The first request's time (a TLS handshake included) counts from the connection.
    startDeadline(m_server->m_limits.headerTimeoutMs);
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket))
        tls->startServerEncryption();
}

void Server::Connection::discard()
{
    m_gone = true;
    if (m_exchange) {
        m_exchange->closed = nullptr;
        m_exchange->ended = true;
        m_exchange.reset();
    }
    m_socket->disconnect(this);
    m_socket->abort();
}

void Server::Connection::onReadyRead()
{
    switch (m_state) {
    case State::Handling:
        return; // the next request waits until this one is answered
    case State::Streaming:
    case State::Closing:
        m_socket->skip(m_socket->bytesAvailable());
        return;
    default:
        m_buffer += m_socket->readAll();
        parse();
    }
}

void Server::Connection::resume()
{
    if (m_gone || m_state != State::Waiting)
        return;
    m_buffer += m_socket->readAll();
    parse();
}

void Server::Connection::parse()
{
    const Limits &limits = m_server->m_limits;
    if (m_state == State::Waiting) {
        // Line ends between requests are allowed (RFC 9112 2.2).
        qsizetype blank = 0;
        while (blank < m_buffer.size() && (m_buffer.at(blank) == '\r' || m_buffer.at(blank) == '\n'))
            ++blank;
        m_buffer.remove(0, blank);
        if (m_buffer.isEmpty())
            return;
        m_state = State::Head;
        m_scanned = 0;
        if (m_served > 0)
            startDeadline(limits.headerTimeoutMs);
    }
    if (m_state == State::Head) {
        qsizetype headLength = 0;
        const qsizetype end = findHeadEnd(m_buffer, m_scanned, &headLength);
        if ((end < 0 && m_buffer.size() > limits.maxHeaderBytes) || headLength > limits.maxHeaderBytes) {
            fail(431, "headers_too_large",
                 QStringLiteral("The request line and headers are larger than the %1 bytes this server "
                                "accepts; send fewer or shorter headers.")
                     .arg(limits.maxHeaderBytes));
            return;
        }
        if (end < 0) {
            m_scanned = m_buffer.size();
            return;
        }
        auto head = std::make_unique<RequestHead>(
            parseRequestHead(QByteArrayView(m_buffer).first(headLength), limits.maxBodyBytes));
        m_buffer.remove(0, end);
        m_head = std::move(head);
        if (!m_head->ok()) {
            fail(m_head->errorStatus, qPrintable(m_head->errorCode), m_head->errorMessage);
            return;
        }
        if (m_head->contentLength == 0) {
            dispatch();
            return;
        }
        m_state = State::Body;
        startDeadline(limits.bodyTimeoutMs);
    }
    if (m_state == State::Body && m_buffer.size() >= m_head->contentLength)
        dispatch();
}

void Server::Connection::dispatch()
{
    Request request = m_head->request;
    request.body = m_buffer.left(m_head->contentLength);
    m_buffer.remove(0, m_head->contentLength);
    request.peer = m_address;
    request.peerPort = m_port;
    request.secure = m_secure;
    m_state = State::Handling;
    m_deadline.stop(); // the handler answers in its own time

    m_exchange = std::make_shared<Exchange>();
    m_exchange->connection = this;
    m_exchange->server = m_server;
    Responder responder;
    responder.m_exchange = m_exchange;
    if (m_server->m_handler)
        m_server->m_handler(request, responder);
    else
        responder.respond(Response::error(404, QStringLiteral("not_found"),
                                          QStringLiteral("This server has nothing to serve yet.")));
}

void Server::Connection::answered(int status)
{
    Q_EMIT m_server->answered(status, m_head ? m_head->request.method : QByteArray(),
                              m_head ? m_head->request.path : QString());
}

void Server::Connection::endExchange()
{
    if (m_exchange)
        m_exchange->end();
    m_exchange.reset();
}

void Server::Connection::respond(const std::shared_ptr<Exchange> &exchange, const Response &response)
{
    if (m_gone || exchange != m_exchange || m_state != State::Handling)
        return;
    const bool keepAlive = m_head->keepAlive;
    const Framing framing = !keepAlive       ? Framing::Close
                            : m_head->http10 ? Framing::KeepAlive10
                                             : Framing::KeepAlive;
    const bool bodyless = hasNoBody(response.status);
    QByteArray bytes = responseHead(response.status, response.headers,
                                    bodyless && response.status != 304 ? -1 : response.body.size(), framing);
    if (!bodyless && m_head->request.method != "HEAD")
        bytes += response.body;
    m_socket->write(bytes);
    answered(response.status);
    endExchange();
    m_head.reset();
    if (!keepAlive) {
        closeAfterWrite();
        return;
    }
    ++m_served;
    m_state = State::Waiting;
    startDeadline(m_server->m_limits.idleTimeoutMs);
    // Requests that came meanwhile are read from the event loop, not from inside respond().
    QMetaObject::invokeMethod(this, &Connection::resume, Qt::QueuedConnection);
}

void Server::Connection::startStream(const std::shared_ptr<Exchange> &exchange, int status,
                                     const QList<Header> &headers)
{
    if (m_gone || exchange != m_exchange || m_state != State::Handling)
        return;
    exchange->streaming = true;
    m_state = State::Streaming;
    m_socket->write(responseHead(status, headers, -1, Framing::Close));
    answered(status);
}

bool Server::Connection::write(const std::shared_ptr<Exchange> &exchange, const QByteArray &bytes)
{
    if (m_gone || exchange != m_exchange || m_state != State::Streaming)
        return false;
    if (m_socket->bytesToWrite() + bytes.size() > m_server->m_limits.maxStreamBacklogBytes) {
        qCInfo(lcHttp) << "a stream's reader fell behind; closing it:" << m_address;
        m_socket->abort();
        gone();
        return false;
    }
    return m_socket->write(bytes) == bytes.size();
}

qint64 Server::Connection::pendingBytes(const std::shared_ptr<Exchange> &exchange) const
{
    if (m_gone || exchange != m_exchange || m_state != State::Streaming)
        return 0;
    return m_socket->bytesToWrite();
}

void Server::Connection::onDrained(const std::shared_ptr<Exchange> &exchange, std::function<void()> drained)
{
    if (m_gone || exchange != m_exchange || m_state != State::Streaming)
        return;
    if (m_socket->bytesToWrite() > 0) {
        exchange->drained = std::move(drained);
        return;
    }
    // Nothing to wait for; still from the event loop, and not after the connection has gone.
    QMetaObject::invokeMethod(this, std::move(drained), Qt::QueuedConnection);
}

void Server::Connection::closeStream(const std::shared_ptr<Exchange> &exchange)
{
    if (m_gone || exchange != m_exchange || m_state != State::Streaming)
        return;
    endExchange();
    closeAfterWrite();
}

void Server::Connection::fail(int status, const char *code, const QString &message)
{
    const Response response = Response::error(status, QLatin1String(code), message);
    m_socket->write(responseHead(status, response.headers, response.body.size(), Framing::Close) +
                    response.body);
    answered(status);
    m_head.reset();
    closeAfterWrite();
}

// Closes in two steps: once the answer is written, the server's side of the connection is shut
// (the client reads the end of the stream) while late bytes from the client are read and thrown
// away; the client then closes, or the linger time runs out. Closing at once instead would reset
// a connection the client is still sending on, and a reset can discard the answer before it is read.
void Server::Connection::closeAfterWrite()
{
    m_state = State::Closing;
    m_buffer.clear();
    m_buffer.squeeze();
    startDeadline(kLingerMs);
    m_socket->skip(m_socket->bytesAvailable());
    onBytesWritten();
}

void Server::Connection::onBytesWritten()
{
    if (m_state == State::Streaming && m_exchange && m_exchange->drained && m_socket->bytesToWrite() == 0) {
        const std::function<void()> drained = std::move(m_exchange->drained);
        m_exchange->drained = nullptr;
        drained();
        return;
    }
    if (m_state != State::Closing || m_writeClosed || m_gone || m_socket->bytesToWrite() > 0)
        return;
    m_writeClosed = true;
    if (m_secure) {
        m_socket->disconnectFromHost(); // sends TLS close_notify after what is still encrypted
        return;
    }
    ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
}

void Server::Connection::onDeadline()
{
    switch (m_state) {
    case State::Head:
    case State::Body:
        fail(408, "request_timeout",
             QStringLiteral("The request did not arrive in time; send the whole request without pausing."));
        return;
    case State::Waiting:
        if (m_secure && !static_cast<QSslSocket *>(m_socket)->isEncrypted()) {
            m_socket->abort(); // no TLS handshake in time: nothing to say, nothing to say it with
            gone();
            return;
        }
        closeAfterWrite(); // idle: close without a word
        return;
    case State::Closing:
        m_socket->abort();
        gone();
        return;
    case State::Handling:
    case State::Streaming:
        return;
    }
}

void Server::Connection::gone()
{
    if (m_gone)
        return;
    m_gone = true;
    m_deadline.stop();
    endExchange();
    m_server->forget(this);
    deleteLater();
}

// Responder

void Responder::respond(const Response &response) const
{
    if (!m_exchange || m_exchange->answered)
        return;
    if (auto *connection = static_cast<Server::Connection *>(m_exchange->connection.data()))
        connection->respond(m_exchange, response);
    m_exchange->answered = true;
    m_exchange->end();
}

void Responder::startStream(int status, const QList<Header> &headers) const
{
    if (!m_exchange || m_exchange->answered)
        return;
    if (auto *connection = static_cast<Server::Connection *>(m_exchange->connection.data()))
        connection->startStream(m_exchange, status, headers);
    m_exchange->answered = true;
    if (!m_exchange->streaming)
        m_exchange->end(); // the client had gone: there is no stream
}

bool Responder::write(const QByteArray &bytes) const
{
    if (!m_exchange || !m_exchange->streaming || m_exchange->ended)
        return false;
    auto *connection = static_cast<Server::Connection *>(m_exchange->connection.data());
    return connection && connection->write(m_exchange, bytes);
}

qint64 Responder::pendingBytes() const
{
    if (!m_exchange || !m_exchange->streaming || m_exchange->ended)
        return 0;
    auto *connection = static_cast<Server::Connection *>(m_exchange->connection.data());
    return connection ? connection->pendingBytes(m_exchange) : 0;
}

void Responder::onDrained(std::function<void()> drained) const
{
    if (!m_exchange || !m_exchange->streaming || m_exchange->ended)
        return;
    if (auto *connection = static_cast<Server::Connection *>(m_exchange->connection.data()))
        connection->onDrained(m_exchange, std::move(drained));
}

void Responder::closeStream() const
{
    if (!m_exchange)
        return;
    if (auto *connection = static_cast<Server::Connection *>(m_exchange->connection.data()))
        connection->closeStream(m_exchange);
    m_exchange->end();
}

bool Responder::isOpen() const
{
    if (!m_exchange || m_exchange->ended)
        return false;
    auto *connection = static_cast<Server::Connection *>(m_exchange->connection.data());
    return connection && connection->isOpen(m_exchange);
}

void Responder::onClosed(std::function<void()> closed) const
{
    if (!m_exchange)
        return;
    if (!m_exchange->ended) {
        m_exchange->closed = std::move(closed);
        return;
    }
    if (m_exchange->server)
        QMetaObject::invokeMethod(m_exchange->server.data(), std::move(closed), Qt::QueuedConnection);
}

// Server

Server::Server(QObject *parent)
    : QObject(parent)
{}

Server::~Server()
{
    const QList<Connection *> connections = m_connections;
    m_connections.clear();
    for (Connection *connection : connections) {
        connection->discard();
        delete connection;
    }
}

bool Server::loadTls(const QString &certificateFile, const QString &keyFile, QString *error)
{
    QSslConfiguration configuration;
    if (!loadTlsConfiguration(certificateFile, keyFile, &configuration, error))
        return false;
    m_tlsConfiguration = configuration;
    m_tls = true;
    return true;
}

bool Server::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!m_listener) {
        m_listener = new Listener(
            [this]() -> QTcpSocket * {
                if (!m_tls)
                    return new QTcpSocket;
                auto *socket = new QSslSocket;
                socket->setSslConfiguration(m_tlsConfiguration);
                return socket;
            },
            this);
        connect(m_listener, &QTcpServer::newConnection, this, &Server::onNewConnection);
        connect(m_listener, &QTcpServer::acceptError, this, &Server::onAcceptError);
    }
    m_listener->close();
    if (m_listener->listen(address, port))
        return true;
    if (error)
        *error = QStringLiteral("Cannot listen on %1 port %2: %3.")
                     .arg(address.toString())
                     .arg(port)
                     .arg(m_listener->errorString());
    return false;
}

quint16 Server::serverPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QHostAddress Server::serverAddress() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

void Server::close()
{
    if (m_listener)
        m_listener->close();
}

int Server::connectionCount() const
{
    return int(m_connections.size());
}

void Server::onNewConnection()
{
    while (m_listener->hasPendingConnections()) {
        QTcpSocket *socket = m_listener->nextPendingConnection();
        const QHostAddress address = socket->peerAddress();
        const bool shared = m_isShared && m_isShared(address);
        if (m_connections.size() >= m_limits.maxConnections ||
            (!shared && m_perAddress.value(address) >= m_limits.maxConnectionsPerAddress)) {
            qCInfo(lcHttp) << "connection limit reached; closing a new connection from" << address;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new Connection(this, socket);
        m_connections.append(connection);
        ++m_perAddress[address];
        connection->start();
    }
}

void Server::onAcceptError()
{
    qCWarning(lcHttp).noquote() << "Could not take a new connection:" << m_listener->errorString()
                                << "- trying again in a second";
    QTimer::singleShot(kAcceptRetryMs, this, &Server::listenAgain);
}

void Server::listenAgain()
{
    if (!m_listener->isListening())
        return;
    // Qt's socket engine keeps the first error it met and takes every later "no connection
    // waiting" for that error, so resumeAccepting() alone would stop again after each batch. The
    // same listening socket goes to a fresh engine instead: connections waiting in it are kept.
    const int descriptor = ::fcntl(int(m_listener->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (descriptor < 0) {
        QTimer::singleShot(kAcceptRetryMs, this, &Server::listenAgain); // still no descriptor free
        return;
    }
    m_listener->close();
    if (!m_listener->setSocketDescriptor(descriptor)) {
        ::close(descriptor);
        qCCritical(lcHttp).noquote() << "The server stopped listening:" << m_listener->errorString();
    }
}

void Server::forget(Connection *connection)
{
    if (!m_connections.removeOne(connection))
        return;
    auto it = m_perAddress.find(connection->address());
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

} // namespace onedial::http
