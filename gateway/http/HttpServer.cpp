#include "HttpServer.h"

#include "RequestHead.h"
#include "TlsFiles.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace onedial::http {

namespace {

// RFC 9110's IMF-fixdate, always in English: "Sun, 06 Nov 1994 08:49:37 GMT".
QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

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
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
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
    case 204:
        return "No Content";
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
    default:
        return "Status";
    }
}

// One client connection: reads one request at a time against the limits, hands it to the
// handler, and writes its answer (or a stream). Owned by the server; deletes itself (later) when
// the socket closes.
class Server::Connection final : public QObject
{
public:
    Connection(Server *server, QTcpSocket *socket, const QHostAddress &peer)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_peer(peer)
    {
        socket->setParent(this);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &Connection::onTimeout);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
        connect(socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                m_socket->abort();
        });
        // Until the first byte: the idle limit (a TLS handshake counts against the header limit).
        m_timer.start(qobject_cast<QSslSocket *>(socket) ? server->m_limits.headerTimeoutMs
                                                         : server->m_limits.idleTimeoutMs);
    }

    ~Connection() override { finishExchange(); }

    QHostAddress peer() const { return m_peer; }

    void send(const Response &response, bool closeAfter);
    void startStream(int status, const QList<Header> &headers);
    bool writeStream(const QByteArray &bytes);
    void close();
    bool isOpen() const { return !m_closing && m_socket->state() == QAbstractSocket::ConnectedState; }
    void setClosedCallback(std::function<void()> closed) { m_closed = std::move(closed); }

    std::shared_ptr<Responder::Exchange> exchange;

private:
    enum class State { Head, Body, Handling, Streaming };
    void onReadyRead();
    void onTimeout();
    void onDisconnected();
    void process();
    void refuse(int status, const QString &code, const QString &message);
    void finishExchange();

    Server *m_server;
    QTcpSocket *m_socket;
    QHostAddress m_peer;
    QTimer m_timer;
    QByteArray m_buffer;
    qsizetype m_searchedUpTo = 0;
    State m_state = State::Head;
    RequestHead m_head;
    bool m_closing = false;
    bool m_keepAlive = false;
    std::function<void()> m_closed;
};

struct Responder::Exchange
{
    QPointer<Server::Connection> connection;
    QByteArray method;
    QString path;
    bool keepAlive = false;
    bool answered = false;
    bool streaming = false;
    std::function<void()> closed;
};

void Server::Connection::onReadyRead()
{
    if (m_closing)
        return;
    // While a request is being handled the next one (pipelined) waits in the socket.
    if (m_state == State::Handling || m_state == State::Streaming) {
        if (m_state == State::Streaming)
            m_socket->readAll(); // a stream's client has nothing more to say
        return;
    }
    const Limits &limits = m_server->m_limits;
    const qint64 room =
        (m_state == State::Head ? limits.maxHeaderBytes + 4 : m_head.contentLength) - m_buffer.size();
    if (room > 0)
        m_buffer += m_socket->read(room);
    process();
}

void Server::Connection::process()
{
    const Limits &limits = m_server->m_limits;
    if (m_state == State::Head) {
        if (m_buffer.isEmpty())
            return;
        if (!m_timer.isActive() || m_timer.interval() != limits.headerTimeoutMs) {
            m_timer.start(limits.headerTimeoutMs);
        }
        qsizetype headLength = 0;
        const qsizetype end = findHeadEnd(m_buffer, m_searchedUpTo, &headLength);
        if (end < 0) {
            m_searchedUpTo = m_buffer.size();
            if (m_buffer.size() > limits.maxHeaderBytes)
                refuse(431, QStringLiteral("headers_too_large"),
                       QStringLiteral("The request line and headers are larger than %1 KiB.")
                           .arg(limits.maxHeaderBytes / 1024));
            return;
        }
        if (headLength > limits.maxHeaderBytes) {
            refuse(431, QStringLiteral("headers_too_large"),
                   QStringLiteral("The request line and headers are larger than %1 KiB.")
                       .arg(limits.maxHeaderBytes / 1024));
            return;
        }
        m_head = parseRequestHead(QByteArrayView(m_buffer).first(headLength), limits.maxBodyBytes);
        m_buffer.remove(0, end);
        m_searchedUpTo = 0;
        if (!m_head.ok()) {
            refuse(m_head.errorStatus, m_head.errorCode, m_head.errorMessage);
            return;
        }
        m_state = State::Body;
        m_timer.start(limits.bodyTimeoutMs);
    }
    if (m_state == State::Body) {
        if (m_buffer.size() < m_head.contentLength) {
            const qint64 more = m_head.contentLength - m_buffer.size();
            m_buffer += m_socket->read(more);
            if (m_buffer.size() < m_head.contentLength)
                return;
        }
        m_timer.stop();
        Request request = m_head.request;
        request.body = m_buffer.left(m_head.contentLength);
        m_buffer.remove(0, m_head.contentLength);
        request.peer = m_peer;
        request.peerPort = m_socket->peerPort();
        request.secure = qobject_cast<QSslSocket *>(m_socket) != nullptr;
        m_keepAlive = m_head.keepAlive;
        m_state = State::Handling;
        exchange = std::make_shared<Responder::Exchange>();
        exchange->connection = this;
        exchange->method = request.method;
        exchange->path = request.path;
        exchange->keepAlive = m_keepAlive;
        Responder responder;
        responder.m_exchange = exchange;
        if (m_server->m_handler)
            m_server->m_handler(request, responder);
        else
            responder.respond(
                Response::error(503, QStringLiteral("unavailable"), QStringLiteral("Not serving.")));
    }
}

void Server::Connection::refuse(int status, const QString &code, const QString &message)
{
    // What was read of a refused head says nothing reliable: answer and close.
    m_state = State::Handling;
    exchange = std::make_shared<Responder::Exchange>();
    exchange->connection = this;
    exchange->method = m_head.request.method;
    exchange->path = m_head.request.path;
    send(Response::error(status, code, message), true);
}

void Server::Connection::send(const Response &response, bool closeAfter)
{
    if (m_closing)
        return;
    const bool close = closeAfter || !m_keepAlive;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     Response::reasonPhrase(response.status) + "\r\n";
    for (const Header &header : response.headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    else if (m_head.http10)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (exchange && exchange->method != "HEAD")
        out += response.body;
    m_socket->write(out);
    const QByteArray method = exchange ? exchange->method : QByteArray();
    const QString path = exchange ? exchange->path : QString();
    finishExchange();
    Q_EMIT m_server->answered(response.status, method, path);
    if (close) {
        this->close();
        return;
    }
    m_state = State::Head;
    m_timer.start(m_server->m_limits.idleTimeoutMs);
    // A pipelined request may already be waiting.
    if (m_socket->bytesAvailable() > 0 || !m_buffer.isEmpty())
        QTimer::singleShot(0, this, [this] { onReadyRead(); });
}

void Server::Connection::startStream(int status, const QList<Header> &headers)
{
    if (m_closing)
        return;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + Response::reasonPhrase(status) + "\r\n";
    for (const Header &header : headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "Date: " + httpDate() + "\r\nConnection: close\r\n\r\n";
    m_socket->write(out);
    m_state = State::Streaming;
    m_timer.stop();
    if (exchange)
        exchange->streaming = true;
    Q_EMIT m_server->answered(status, exchange ? exchange->method : QByteArray(),
                              exchange ? exchange->path : QString());
}

bool Server::Connection::writeStream(const QByteArray &bytes)
{
    if (!isOpen() || m_state != State::Streaming)
        return false;
    return m_socket->write(bytes) == bytes.size();
}

void Server::Connection::close()
{
    if (m_closing)
        return;
    m_closing = true;
    m_timer.stop();
    finishExchange();
    // Whatever is written goes out first; then the socket closes and the connection goes.
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        onDisconnected();
    else
        QTimer::singleShot(m_server->m_limits.headerTimeoutMs, m_socket,
                           [socket = m_socket] { socket->abort(); });
}

void Server::Connection::finishExchange()
{
    if (!exchange)
        return;
    const std::shared_ptr<Responder::Exchange> done = std::move(exchange);
    exchange.reset();
    done->answered = true;
    if (auto closed = std::move(done->closed)) {
        done->closed = nullptr;
        QTimer::singleShot(0, m_server, closed);
    }
}

void Server::Connection::onTimeout()
{
    if (m_state == State::Head && m_buffer.isEmpty()) {
        close(); // idle keep-alive, or a TLS handshake that never finished
        return;
    }
    if (m_state == State::Head || m_state == State::Body) {
        refuse(408, QStringLiteral("request_timeout"),
               QStringLiteral("The request did not arrive in time; send it again at once after connecting."));
    }
}

void Server::Connection::onDisconnected()
{
    if (m_state == State::Handling && exchange)
        exchange->connection = nullptr;
    m_closing = true;
    m_timer.stop();
    finishExchange();
    m_server->forget(this);
    deleteLater();
}

// --- Responder ---

void Responder::respond(const Response &response) const
{
    if (!m_exchange || m_exchange->answered || m_exchange->streaming)
        return;
    m_exchange->answered = true;
    if (Server::Connection *connection = m_exchange->connection;
        connection && connection->exchange == m_exchange)
        connection->send(response, false);
}

void Responder::startStream(int status, const QList<Header> &headers) const
{
    if (!m_exchange || m_exchange->answered || m_exchange->streaming)
        return;
    if (Server::Connection *connection = m_exchange->connection;
        connection && connection->exchange == m_exchange)
        connection->startStream(status, headers);
}

bool Responder::write(const QByteArray &bytes) const
{
    if (!m_exchange || !m_exchange->streaming)
        return false;
    Server::Connection *connection = m_exchange->connection;
    return connection && connection->exchange == m_exchange && connection->writeStream(bytes);
}

void Responder::closeStream() const
{
    if (!m_exchange || !m_exchange->streaming)
        return;
    if (Server::Connection *connection = m_exchange->connection;
        connection && connection->exchange == m_exchange)
        connection->close();
}

bool Responder::isOpen() const
{
    if (!m_exchange)
        return false;
    Server::Connection *connection = m_exchange->connection;
    return connection && connection->exchange == m_exchange && connection->isOpen();
}

void Responder::onClosed(std::function<void()> closed) const
{
    if (!m_exchange)
        return;
    Server::Connection *connection = m_exchange->connection;
    if (!connection || connection->exchange != m_exchange) {
        QTimer::singleShot(0, closed);
        return;
    }
    m_exchange->closed = std::move(closed);
}

// --- Server ---

Server::Server(QObject *parent)
    : QObject(parent)
{}

Server::~Server()
{
    close();
}

bool Server::loadTls(const QString &certificateFile, const QString &keyFile, QString *error)
{
    QSslConfiguration configuration;
    if (!loadTlsConfiguration(certificateFile, keyFile, &configuration, error))
        return false;
    m_tlsConfiguration = configuration;
    m_tls = true;
    if (auto *tls = qobject_cast<QSslServer *>(m_listener))
        tls->setSslConfiguration(m_tlsConfiguration);
    return true;
}

bool Server::listen(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    if (m_tls) {
        auto *tls = new QSslServer(this);
        tls->setSslConfiguration(m_tlsConfiguration);
        tls->setHandshakeTimeout(m_limits.headerTimeoutMs);
        m_listener = tls;
    } else {
        m_listener = new QTcpServer(this);
    }
    m_listener->setMaxPendingConnections(256);
    connect(m_listener, &QTcpServer::pendingConnectionAvailable, this, &Server::onNewConnection);
    if (!m_listener->listen(address, port)) {
        *error = QStringLiteral("Cannot listen on %1 port %2: %3.")
                     .arg(address.toString())
                     .arg(port)
                     .arg(m_listener->errorString());
        delete m_listener;
        m_listener = nullptr;
        return false;
    }
    return true;
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
    if (m_listener) {
        m_listener->close();
        delete m_listener;
        m_listener = nullptr;
    }
    const QList<Connection *> open = m_connections;
    m_connections.clear();
    m_perAddress.clear();
    for (Connection *connection : open)
        delete connection;
}

int Server::connectionCount() const
{
    return int(m_connections.size());
}

void Server::onNewConnection()
{
    while (m_listener && m_listener->hasPendingConnections()) {
        QTcpSocket *socket = m_listener->nextPendingConnection();
        if (!socket)
            break;
        QHostAddress peer = socket->peerAddress();
        bool isV4 = false;
        const quint32 v4 = peer.toIPv4Address(&isV4);
        if (isV4)
            peer = QHostAddress(v4);
        if (m_connections.size() >= m_limits.maxConnections ||
            m_perAddress.value(peer) >= m_limits.maxConnectionsPerAddress) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new Connection(this, socket, peer);
        m_connections.append(connection);
        ++m_perAddress[peer];
        // Bytes that came with the connection (or during the handshake).
        if (socket->bytesAvailable() > 0)
            QTimer::singleShot(0, connection, [socket] { Q_EMIT socket->readyRead(); });
    }
}

void Server::forget(Connection *connection)
{
    if (!m_connections.removeOne(connection))
        return;
    const QHostAddress peer = connection->peer();
    if (--m_perAddress[peer] <= 0)
        m_perAddress.remove(peer);
}

} // namespace onedial::http
