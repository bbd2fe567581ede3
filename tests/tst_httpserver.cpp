// The gateway's HTTP server on 127.0.0.1, with raw bytes from real sockets: well-formed requests,
// keep-alive and pipelining, answers given later and streams, and the hostile cases its limits are
// for (huge headers and bodies, slow clients, idle and surplus connections), plain and over TLS.
#include "http/HttpServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <fcntl.h>
#include <memory>
#include <optional>
#include <sys/resource.h>

using namespace onedial::http;

namespace {

// Generous: the machine running the tests may be busy. Passing tests never wait this long.
constexpr int kWaitMs = 10000;

struct RawResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Takes one complete response with a Content-Length off the front of buffer.
bool takeResponse(QByteArray *buffer, RawResponse *response)
{
    const qsizetype end = buffer->indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer->left(end).split('\n');
    RawResponse parsed;
    parsed.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        parsed.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                              lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = parsed.headers.value("content-length", "0").toLongLong();
    if (buffer->size() < end + 4 + length)
        return false;
    parsed.body = buffer->mid(end + 4, length);
    buffer->remove(0, end + 4 + length);
    *response = parsed;
    return true;
}

// A raw client: sends bytes as given and reads responses as they come.
class Client
{
public:
    explicit Client(QTcpSocket *socket = new QTcpSocket)
        : m_socket(socket)
    {}

    bool connectTo(quint16 port)
    {
        m_socket->connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor([this] { return m_socket->state() == QAbstractSocket::ConnectedState; },
                               kWaitMs);
    }
    QTcpSocket *socket() const { return m_socket.get(); }
    void send(const QByteArray &bytes) { m_socket->write(bytes); }
    bool next(RawResponse *response)
    {
        return QTest::qWaitFor(
            [&] {
                m_received += m_socket->readAll();
                return takeResponse(&m_received, response);
            },
            kWaitMs);
    }
    // Whether the server closed the connection (everything it sent is in received()).
    bool closed(int timeoutMs = kWaitMs)
    {
        const bool done = QTest::qWaitFor(
            [&] {
                m_received += m_socket->readAll();
                return m_socket->state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
        m_received += m_socket->readAll();
        return done;
    }
    QByteArray &received() { return m_received; }

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_received;
};

QByteArray get(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: gateway\r\n" + extra + "\r\n";
}

QByteArray post(const QByteArray &target, const QByteArray &body)
{
    return "POST " + target +
           " HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Answers every request with what it was: method, path, query, body and the peer.
void echo(const Request &request, Responder responder)
{
    QJsonObject object{
        {QStringLiteral("method"), QString::fromLatin1(request.method)},
        {QStringLiteral("path"), request.path},
        {QStringLiteral("q"), request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded)},
        {QStringLiteral("body"), QString::fromUtf8(request.body)},
        {QStringLiteral("secure"), request.secure},
        {QStringLiteral("peer"), request.peer.toString()}};
    responder.respond(Response::json(200, object));
}

void verifyError(const RawResponse &response, int status, const char *code)
{
    QCOMPARE(response.status, status);
    QCOMPARE(response.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(response.headers.value("connection"), QByteArray("close"));
    QCOMPARE(response.json().value(QStringLiteral("error")).toString(), QLatin1String(code));
    QVERIFY(!response.json().value(QStringLiteral("message")).toString().isEmpty());
}

bool makeCertificate(const QString &dir, const QString &name, const QStringList &keyOptions)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  QStringList{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"),
                              QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                              QStringLiteral("/CN=") + name, QStringLiteral("-addext"),
                              QStringLiteral("subjectAltName=DNS:localhost"), QStringLiteral("-keyout"),
                              dir + QLatin1Char('/') + name + QStringLiteral("-key.pem"),
                              QStringLiteral("-out"),
                              dir + QLatin1Char('/') + name + QStringLiteral("-cert.pem")} +
                      keyOptions);
    return openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit &&
           openssl.exitCode() == 0;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void getAndPostJson();
    void responseHeaders();
    void keepAliveServesTwoRequests();
    void connectionCloseAndHttp10();
    void pipelinedRequestsInOrder();
    void deferredAnswer();
    void clientGoneBeforeDeferredAnswer();
    void malformedRequests_data();
    void malformedRequests();
    void oversizedHeaders();
    void hugeBodyRefusedBeforeItIsSent();
    void chunkedBodyRefused();
    void missingContentLengthIsEmptyBody();
    void slowHeadersTimeOut();
    void stalledBodyTimesOut();
    void idleConnectionClosed();
    void perAddressLimit();
    void sharedAddressesHaveNoPerAddressCap();
    void acceptingResumesAfterRunningOutOfDescriptors();
    void streaming();
    void streamDrainsBeforeMore();
    void slowStreamReaderIsClosed();
    void tlsServesRequests();
    void tlsLoadFailuresKeepConfiguration();
    void tlsReloadServesNewCertificate();

private:
    void startServer(Server *server, Server::Limits limits = {});
    QTemporaryDir m_certificates;
    bool m_haveCertificates = false;
};

void TestHttpServer::initTestCase()
{
    // Two certificates made afresh: RSA and EC, so both key algorithms are loaded.
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        return;
    QVERIFY(m_certificates.isValid());
    QVERIFY(makeCertificate(m_certificates.path(), QStringLiteral("first"),
                            {QStringLiteral("-newkey"), QStringLiteral("rsa:2048")}));
    QVERIFY(makeCertificate(m_certificates.path(), QStringLiteral("second"),
                            {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                             QStringLiteral("ec_paramgen_curve:prime256v1")}));
    m_haveCertificates = true;
}

void TestHttpServer::startServer(Server *server, Server::Limits limits)
{
    server->setLimits(limits);
    QString error;
    QVERIFY2(server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QVERIFY(server->serverPort() != 0);
}

void TestHttpServer::getAndPostJson()
{
    Server server;
    server.setHandler(echo);
    startServer(&server);
    QSignalSpy answered(&server, &Server::answered);

    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/api/v1/%E5%91%BC%E5%8F%AB?q=a%20b&x=1"));
    RawResponse response;
    QVERIFY(client.next(&response));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    QCOMPARE(response.json().value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/呼叫"));
    QCOMPARE(response.json().value(QStringLiteral("q")).toString(), QStringLiteral("a b"));
    QCOMPARE(response.json().value(QStringLiteral("secure")).toBool(), false);
    QCOMPARE(response.json().value(QStringLiteral("peer")).toString(), QStringLiteral("127.0.0.1"));

    client.send(post("/api/v1/dial", R"({"callee":"138 0013 8000"})"));
    QVERIFY(client.next(&response));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().value(QStringLiteral("body")).toString(),
             QStringLiteral(R"({"callee":"138 0013 8000"})"));

    QCOMPARE(answered.size(), 2);
    QCOMPARE(answered.at(1).at(0).toInt(), 200);
    QCOMPARE(answered.at(1).at(1).toByteArray(), QByteArray("POST"));
    QCOMPARE(answered.at(1).at(2).toString(), QStringLiteral("/api/v1/dial"));
}

void TestHttpServer::responseHeaders()
{
    Server server;
    server.setHandler([](const Request &, Responder responder) {
        Response response;
        response.headers = {Header("Content-Type", "text/plain"), Header("Server", "leaky/1.0"),
                            Header("X-Bad", "a\r\nInjected: yes")};
        response.body = "hello";
        responder.respond(response);
    });
    startServer(&server);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("left out: \"X-Bad\"$")));
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/"));
    RawResponse response;
    QVERIFY(client.next(&response));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray("hello"));
    QCOMPARE(response.headers.value("content-length"), QByteArray("5"));
    QCOMPARE(response.headers.value("content-type"), QByteArray("text/plain"));
    QVERIFY(!response.headers.contains("server"));
    QVERIFY(!response.headers.contains("x-bad"));
    QVERIFY(!response.headers.contains("injected"));
    QVERIFY(!response.headers.contains("connection"));
    // IMF-fixdate: "Sun, 06 Dec 2026 14:10:46 GMT".
    const QByteArray date = response.headers.value("date");
    QVERIFY2(
        QRegularExpression(QStringLiteral(R"(^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$)"))
            .match(QString::fromLatin1(date))
            .hasMatch(),
        date.constData());
}

void TestHttpServer::keepAliveServesTwoRequests()
{
    Server server;
    server.setHandler(echo);
    startServer(&server);
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    for (const char *path : {"/one", "/two"}) {
        client.send(get(path));
        RawResponse response;
        QVERIFY(client.next(&response));
        QCOMPARE(response.json().value(QStringLiteral("path")).toString(), QString::fromLatin1(path));
        QVERIFY(!response.headers.contains("connection"));
    }
    QCOMPARE(client.socket()->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(server.connectionCount(), 1);
}

void TestHttpServer::connectionCloseAndHttp10()
{
    Server server;
    server.setHandler(echo);
    startServer(&server);

    Client closing;
    QVERIFY(closing.connectTo(server.serverPort()));
    closing.send(get("/", "Connection: close\r\n"));
    RawResponse response;
    QVERIFY(closing.next(&response));
    QCOMPARE(response.headers.value("connection"), QByteArray("close"));
    QVERIFY(closing.closed());

    Client http10;
    QVERIFY(http10.connectTo(server.serverPort()));
    http10.send("GET /old HTTP/1.0\r\n\r\n");
    QVERIFY(http10.next(&response));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.headers.value("connection"), QByteArray("close"));
    QVERIFY(http10.closed());

    Client http10KeepAlive;
    QVERIFY(http10KeepAlive.connectTo(server.serverPort()));
    http10KeepAlive.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    QVERIFY(http10KeepAlive.next(&response));
    QCOMPARE(response.headers.value("connection"), QByteArray("keep-alive"));
    http10KeepAlive.send("GET /again HTTP/1.0\r\n\r\n");
    QVERIFY(http10KeepAlive.next(&response));
    QCOMPARE(response.json().value(QStringLiteral("path")).toString(), QStringLiteral("/again"));
    QVERIFY(http10KeepAlive.closed());
}

void TestHttpServer::pipelinedRequestsInOrder()
{
    // The first answer comes later; the second request, sent with the first, waits for it.
    Server server;
    int handled = 0;
    server.setHandler([&](const Request &request, Responder responder) {
        ++handled;
        if (request.path == QLatin1String("/slow"))
            QTimer::singleShot(100, &server, [request, responder] { echo(request, responder); });
        else
            echo(request, responder);
    });
    startServer(&server);
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/slow") + post("/fast", "{}") + get("/last"));
    RawResponse response;
    QVERIFY(client.next(&response));
    QCOMPARE(response.json().value(QStringLiteral("path")).toString(), QStringLiteral("/slow"));
    QVERIFY(client.next(&response));
    QCOMPARE(response.json().value(QStringLiteral("path")).toString(), QStringLiteral("/fast"));
    QCOMPARE(response.json().value(QStringLiteral("body")).toString(), QStringLiteral("{}"));
    QVERIFY(client.next(&response));
    QCOMPARE(response.json().value(QStringLiteral("path")).toString(), QStringLiteral("/last"));
    QCOMPARE(handled, 3);
}

void TestHttpServer::deferredAnswer()
{
    Server server;
    bool openWhileWaiting = false;
    server.setHandler([&](const Request &request, Responder responder) {
        openWhileWaiting = responder.isOpen();
        QTimer::singleShot(200, &server, [request, responder] {
            echo(request, responder);
            responder.respond(
                Response::error(500, QStringLiteral("internal"), QStringLiteral("twice"))); // ignored
        });
    });
    startServer(&server);
    QSignalSpy answered(&server, &Server::answered);
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/later"));
    RawResponse response;
    QVERIFY(client.next(&response));
    QCOMPARE(response.status, 200);
    QVERIFY(openWhileWaiting);
    QTest::qWait(50);
    QVERIFY(client.received().isEmpty()); // nothing more than the one answer
    QCOMPARE(answered.size(), 1);
}

void TestHttpServer::clientGoneBeforeDeferredAnswer()
{
    Server server;
    std::optional<Responder> held;
    int closedCalls = 0;
    server.setHandler([&](const Request &, Responder responder) {
        responder.onClosed([&closedCalls] { ++closedCalls; });
        held = responder;
    });
    startServer(&server);
    QSignalSpy answered(&server, &Server::answered);
    {
        Client client;
        QVERIFY(client.connectTo(server.serverPort()));
        client.send(get("/dial"));
        QVERIFY(QTest::qWaitFor([&] { return held.has_value(); }, kWaitMs));
        QVERIFY(held->isOpen());
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(closedCalls, 1, kWaitMs);
    QVERIFY(!held->isOpen());
    held->respond(Response::json(200, {})); // dropped without harm
    QVERIFY(!held->write("data"));
    QTest::qWait(20);
    QCOMPARE(answered.size(), 0); // nothing was sent
    QCOMPARE(closedCalls, 1);
}

void TestHttpServer::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01garbage without spaces\r\n\r\n");
    QTest::newRow("two parts") << QByteArray("GET /\r\n\r\n");
    QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n");
    QTest::newRow("HTTP/1.2") << QByteArray("GET / HTTP/1.2\r\n\r\n");
    QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\n\r\n");
    QTest::newRow("absolute target") << QByteArray("GET http://example.com/ HTTP/1.1\r\n\r\n");
    QTest::newRow("asterisk") << QByteArray("OPTIONS * HTTP/1.1\r\n\r\n");
    QTest::newRow("bad escape") << QByteArray("GET /a%zz HTTP/1.1\r\n\r\n");
    QTest::newRow("encoded NUL") << QByteArray("GET /a%00b HTTP/1.1\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost gateway\r\n\r\n");
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : gateway\r\n\r\n");
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n  2\r\n\r\n");
    QTest::newRow("control character") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\x01\r\n\r\n");
    QTest::newRow("Content-Length not a number")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n");
    QTest::newRow("Content-Length negative") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n");
    QTest::newRow("Content-Lengths disagree")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc");
    QTest::newRow("Content-Length list disagrees")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2, 3\r\n\r\nabc");
}

void TestHttpServer::malformedRequests()
{
    QFETCH(QByteArray, bytes);
    Server server;
    bool handled = false;
    server.setHandler([&](const Request &, Responder responder) {
        handled = true;
        responder.respond(Response::json(200, {}));
    });
    startServer(&server);
    QSignalSpy answered(&server, &Server::answered);
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(bytes);
    RawResponse response;
    QVERIFY(client.next(&response));
    verifyError(response, 400, "bad_http");
    QVERIFY(client.closed());
    QVERIFY(!handled);
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.at(0).at(0).toInt(), 400);
}

void TestHttpServer::oversizedHeaders()
{
    Server server;
    server.setHandler(echo);
    Server::Limits limits;
    limits.maxHeaderBytes = 1024;
    startServer(&server, limits);

    // Just under the cap is served; one header over it is refused, whether or not its end came.
    Client fits;
    QVERIFY(fits.connectTo(server.serverPort()));
    const QByteArray request = get("/", "X-Fill: " + QByteArray(1024 - get("/").size() - 10, 'a') + "\r\n");
    QCOMPARE(request.size(), 1024);
    fits.send(request);
    RawResponse response;
    QVERIFY(fits.next(&response));
    QCOMPARE(response.status, 200);

    Client tooLarge;
    QVERIFY(tooLarge.connectTo(server.serverPort()));
    tooLarge.send(get("/", "X-Fill: " + QByteArray(2000, 'a') + "\r\n"));
    QVERIFY(tooLarge.next(&response));
    verifyError(response, 431, "headers_too_large");
    QVERIFY(tooLarge.closed());

    Client endless;
    QVERIFY(endless.connectTo(server.serverPort()));
    endless.send("GET / HTTP/1.1\r\nX-Fill: " + QByteArray(4000, 'a'));
    QVERIFY(endless.next(&response));
    verifyError(response, 431, "headers_too_large");
    QVERIFY(endless.closed());
}

void TestHttpServer::hugeBodyRefusedBeforeItIsSent()
{
    Server server;
    bool handled = false;
    server.setHandler([&](const Request &, Responder) { handled = true; });
    startServer(&server);
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send("POST /api/v1/dial HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                "Content-Length: 10485760\r\n\r\n");
    RawResponse response;
    QVERIFY(client.next(&response));
    verifyError(response, 413, "request_too_large");
    QVERIFY(client.closed());
    QVERIFY(!handled);

    Client absurd;
    QVERIFY(absurd.connectTo(server.serverPort()));
    absurd.send("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999999\r\n\r\n");
    QVERIFY(absurd.next(&response));
    verifyError(response, 413, "request_too_large");
}

void TestHttpServer::chunkedBodyRefused()
{
    Server server;
    server.setHandler(echo);
    startServer(&server);
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send("POST / HTTP/1.1\r\nHost: gateway\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    RawResponse response;
    QVERIFY(client.next(&response));
    verifyError(response, 411, "length_required");
    QVERIFY(client.closed());
}

void TestHttpServer::missingContentLengthIsEmptyBody()
{
    Server server;
    server.setHandler(echo);
    startServer(&server);
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send("POST /api/v1/dial HTTP/1.1\r\nHost: gateway\r\n\r\n");
    RawResponse response;
    QVERIFY(client.next(&response));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().value(QStringLiteral("body")).toString(), QString());
}

void TestHttpServer::slowHeadersTimeOut()
{
    Server server;
    server.setHandler(echo);
    Server::Limits limits;
    limits.headerTimeoutMs = 300;
    startServer(&server, limits);
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    // One byte every 100 ms: each byte is on time, the whole head is not.
    const QByteArray request = get("/", "X-Slow: " + QByteArray(40, 'a') + "\r\n");
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer drip;
    int sent = 0;
    connect(&drip, &QTimer::timeout, this, [&] {
        if (sent < request.size() && client.socket()->state() == QAbstractSocket::ConnectedState)
            client.send(request.mid(sent++, 1));
    });
    drip.start(100);
    RawResponse response;
    QVERIFY(client.next(&response));
    verifyError(response, 408, "request_timeout");
    QVERIFY(client.closed());
    QVERIFY(elapsed.elapsed() < 2000);
    QVERIFY(sent < request.size());
}

void TestHttpServer::stalledBodyTimesOut()
{
    Server server;
    bool handled = false;
    server.setHandler([&](const Request &, Responder) { handled = true; });
    Server::Limits limits;
    limits.bodyTimeoutMs = 300;
    startServer(&server, limits);
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send("POST / HTTP/1.1\r\nHost: gateway\r\nContent-Length: 20\r\n\r\n{\"callee\":");
    RawResponse response;
    QVERIFY(client.next(&response));
    verifyError(response, 408, "request_timeout");
    QVERIFY(client.closed());
    QVERIFY(!handled);
}

void TestHttpServer::idleConnectionClosed()
{
    Server server;
    server.setHandler(echo);
    Server::Limits limits;
    limits.idleTimeoutMs = 200;
    limits.headerTimeoutMs = 300;
    startServer(&server, limits);

    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/"));
    RawResponse response;
    QVERIFY(client.next(&response));
    QVERIFY(client.closed(2000));
    QVERIFY(client.received().isEmpty());

    // A connection that never sends a byte has the header time.
    Client silent;
    QVERIFY(silent.connectTo(server.serverPort()));
    QVERIFY(silent.closed(2000));
    QVERIFY(silent.received().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 0, kWaitMs);
}

void TestHttpServer::perAddressLimit()
{
    Server server;
    server.setHandler(echo);
    Server::Limits limits;
    limits.maxConnectionsPerAddress = 2;
    startServer(&server, limits);

    Client first;
    Client second;
    Client third;
    QVERIFY(first.connectTo(server.serverPort()));
    QVERIFY(second.connectTo(server.serverPort()));
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 2, kWaitMs);
    QVERIFY(third.connectTo(server.serverPort()));
    QVERIFY(third.closed());
    QCOMPARE(server.connectionCount(), 2);

    // The first two are served; once one goes, a new one is taken.
    RawResponse response;
    second.send(get("/second"));
    QVERIFY(second.next(&response));
    QCOMPARE(response.status, 200);
    first.socket()->abort();
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 1, kWaitMs);
    Client fourth;
    QVERIFY(fourth.connectTo(server.serverPort()));
    fourth.send(get("/fourth"));
    QVERIFY(fourth.next(&response));
    QCOMPARE(response.status, 200);
}

void TestHttpServer::sharedAddressesHaveNoPerAddressCap()
{
    // A reverse proxy's address stands for many clients: only the total cap applies to it.
    Server server;
    server.setHandler(echo);
    Server::Limits limits;
    limits.maxConnectionsPerAddress = 2;
    limits.maxConnections = 4;
    startServer(&server, limits);
    server.setSharedAddresses([](const QHostAddress &address) { return address.isLoopback(); });

    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(std::make_unique<Client>());
        QVERIFY(clients.back()->connectTo(server.serverPort()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 4, kWaitMs);
    for (const auto &client : clients) {
        client->send(get("/"));
        RawResponse response;
        QVERIFY(client->next(&response));
        QCOMPARE(response.status, 200);
    }
    Client fifth;
    QVERIFY(fifth.connectTo(server.serverPort()));
    QVERIFY(fifth.closed());
    QCOMPARE(server.connectionCount(), 4);
}

void TestHttpServer::acceptingResumesAfterRunningOutOfDescriptors()
{
    // Out of file descriptors, Qt's listener stops accepting until told to go on; the server tells
    // it to once a second, so connections are taken again when descriptors are free.
    Server server;
    server.setHandler(echo);
    startServer(&server);

    // A soft limit that leaves this process one free descriptor: the client's socket takes it,
    // and the server's accept() fails.
    struct rlimit saved = {};
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &saved) == 0);
    QList<int> free; // the two lowest descriptor numbers not in use (asking opens nothing)
    for (int fd = 0; free.size() < 2; ++fd) {
        if (::fcntl(fd, F_GETFD) == -1)
            free.append(fd);
    }
    struct rlimit tight = saved;
    tight.rlim_cur = rlim_t(free.at(1));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^Could not take a new connection")));
    Client client;
    client.socket()->setProxy(QNetworkProxy::NoProxy);
    QVERIFY(::setrlimit(RLIMIT_NOFILE, &tight) == 0);
    const bool connected = client.connectTo(server.serverPort());
    client.send(get("/after"));
    // The connection waits in the kernel's queue; the server has not taken it.
    QTest::qWait(300);
    const int taken = server.connectionCount();
    QVERIFY(::setrlimit(RLIMIT_NOFILE, &saved) == 0);
    QVERIFY(connected);
    QCOMPARE(taken, 0);

    RawResponse response;
    QVERIFY(client.next(&response));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().value(QStringLiteral("path")).toString(), QStringLiteral("/after"));

    // And it goes on accepting as before: no second pause.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("Could not take a new connection")));
    for (int i = 0; i < 3; ++i) {
        Client next;
        QVERIFY(next.connectTo(server.serverPort()));
        next.send(get("/next"));
        QVERIFY(next.next(&response));
        QCOMPARE(response.status, 200);
    }
}

void TestHttpServer::streaming()
{
    Server server;
    std::optional<Responder> stream;
    int closedCalls = 0;
    server.setHandler([&](const Request &, Responder responder) {
        responder.startStream(200, {Header("Content-Type", "text/event-stream")});
        responder.onClosed([&closedCalls] { ++closedCalls; });
        responder.respond(Response::json(200, {})); // ignored: the answer is the stream
        stream = responder;
    });
    startServer(&server);
    QSignalSpy answered(&server, &Server::answered);
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/api/v1/events"));
    QVERIFY(QTest::qWaitFor([&] { return stream.has_value(); }, kWaitMs));
    QVERIFY(stream->isOpen());
    QVERIFY(stream->write("data: one\n\n"));
    QVERIFY(stream->write("data: two\n\n"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            client.received() += client.socket()->readAll();
            return client.received().endsWith("data: two\n\n");
        },
        kWaitMs));
    const QByteArray received = client.received();
    QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(received.contains("\r\nContent-Type: text/event-stream\r\n"));
    QVERIFY(received.contains("\r\nConnection: close\r\n"));
    QVERIFY(!received.contains("Content-Length"));
    QVERIFY(received.endsWith("\r\n\r\ndata: one\n\ndata: two\n\n"));
    QCOMPARE(answered.size(), 1);
    QCOMPARE(closedCalls, 0);

    client.socket()->abort();
    QTRY_COMPARE_WITH_TIMEOUT(closedCalls, 1, kWaitMs);
    QVERIFY(!stream->isOpen());
    QVERIFY(!stream->write("data: three\n\n"));
    QCOMPARE(server.connectionCount(), 0);

    // Closed by the server: the client reads to the end, the callback runs once.
    stream.reset();
    closedCalls = 0;
    Client second;
    QVERIFY(second.connectTo(server.serverPort()));
    second.send(get("/api/v1/events"));
    QVERIFY(QTest::qWaitFor([&] { return stream.has_value(); }, kWaitMs));
    QVERIFY(stream->write("data: last\n\n"));
    stream->closeStream();
    QVERIFY(!stream->write("data: after\n\n"));
    QVERIFY(second.closed());
    QVERIFY(second.received().endsWith("data: last\n\n"));
    QTRY_COMPARE_WITH_TIMEOUT(closedCalls, 1, kWaitMs);
}

void TestHttpServer::streamDrainsBeforeMore()
{
    Server server;
    std::optional<Responder> stream;
    server.setHandler([&](const Request &, Responder responder) {
        responder.startStream(200, {Header("Content-Type", "text/event-stream")});
        stream = responder;
    });
    startServer(&server);
    Client client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/api/v1/events"));
    QVERIFY(QTest::qWaitFor([&] { return stream.has_value(); }, kWaitMs));

    // Written, not yet out: the callback comes once it is, and the reader has it all.
    const QByteArray part(100 * 1024, 'x');
    QVERIFY(stream->write(part));
    QVERIFY(stream->pendingBytes() > 0);
    int drained = 0;
    stream->onDrained([&] { ++drained; });
    QVERIFY(QTest::qWaitFor(
        [&] {
            client.received() += client.socket()->readAll();
            return drained == 1;
        },
        kWaitMs));
    QCOMPARE(stream->pendingBytes(), 0);
    // Nothing pending: it comes from the event loop all the same, once.
    stream->onDrained([&] { ++drained; });
    QCOMPARE(drained, 1);
    QTRY_COMPARE_WITH_TIMEOUT(drained, 2, kWaitMs);
    QVERIFY(QTest::qWaitFor(
        [&] {
            client.received() += client.socket()->readAll();
            return client.received().endsWith(part);
        },
        kWaitMs));

    // A stream that has gone has nothing pending and never drains.
    client.socket()->abort();
    QTRY_VERIFY_WITH_TIMEOUT(!stream->isOpen(), kWaitMs);
    QCOMPARE(stream->pendingBytes(), 0);
    stream->onDrained([&] { ++drained; });
    QTest::qWait(50);
    QCOMPARE(drained, 2);
}

void TestHttpServer::slowStreamReaderIsClosed()
{
    // A client that stops reading: once the stream's unsent output would pass the cap, the
    // stream is closed instead of growing without end.
    Server server;
    Server::Limits limits;
    limits.maxStreamBacklogBytes = 64 * 1024;
    std::optional<Responder> stream;
    bool closed = false;
    server.setHandler([&](const Request &, Responder responder) {
        responder.startStream(200, {Header("Content-Type", "text/event-stream")});
        responder.onClosed([&closed] { closed = true; });
        stream = responder;
    });
    startServer(&server, limits);
    Client client;
    // Qt would read on into the socket's own buffer without end: it takes at most 4 KiB.
    client.socket()->setReadBufferSize(4096);
    client.socket()->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/api/v1/events"));
    QVERIFY(QTest::qWaitFor([&] { return stream.has_value(); }, kWaitMs));

    const QByteArray event = "data: " + QByteArray(16 * 1024, 'e') + "\n\n";
    qint64 written = 0;
    // The kernel's buffers take some megabytes first; then the server's own fill up to the cap.
    while (written < 256 * 1024 * 1024 && stream->write(event)) {
        written += event.size();
        QTest::qWait(0);
        QVERIFY(stream->pendingBytes() <= limits.maxStreamBacklogBytes);
    }
    QVERIFY2(written < 256 * 1024 * 1024, "the stream was never closed");
    QVERIFY(!stream->isOpen());
    QTRY_VERIFY_WITH_TIMEOUT(closed, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 0, kWaitMs);
}

namespace {

// A TLS client that trusts exactly the given certificate (as the desktop app does for a
// self-signed gateway certificate), for the name localhost.
std::unique_ptr<Client> tlsClient(quint16 port, const QString &certificateFile, QSslCertificate *presented)
{
    auto *socket = new QSslSocket;
    auto client = std::make_unique<Client>(socket);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromPath(certificateFile));
    socket->setSslConfiguration(configuration);
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
    if (!QTest::qWaitFor([socket] { return socket->isEncrypted(); }, kWaitMs))
        return nullptr;
    *presented = socket->peerCertificate();
    return client;
}

} // namespace

void TestHttpServer::tlsServesRequests()
{
    if (!m_haveCertificates)
        QSKIP("openssl is not installed: no certificate to serve");
    const QString certificate = m_certificates.filePath(QStringLiteral("first-cert.pem"));
    Server server;
    server.setHandler(echo);
    QString error;
    QVERIFY2(server.loadTls(certificate, m_certificates.filePath(QStringLiteral("first-key.pem")), &error),
             qPrintable(error));
    QVERIFY(server.isTls());
    startServer(&server);

    QSslCertificate presented;
    std::unique_ptr<Client> client = tlsClient(server.serverPort(), certificate, &presented);
    QVERIFY(client);
    QCOMPARE(presented, QSslCertificate::fromPath(certificate).value(0));
    for (int i = 0; i < 2; ++i) {
        client->send(post("/api/v1/dial", "{}"));
        RawResponse response;
        QVERIFY(client->next(&response));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(QStringLiteral("secure")).toBool(), true);
    }

    // Plain HTTP to the TLS port gets nowhere.
    Client plain;
    QVERIFY(plain.connectTo(server.serverPort()));
    plain.send(get("/"));
    QVERIFY(plain.closed());
    QVERIFY(!plain.received().startsWith("HTTP/1.1 200"));
}

void TestHttpServer::tlsLoadFailuresKeepConfiguration()
{
    if (!m_haveCertificates)
        QSKIP("openssl is not installed: no certificate to serve");
    const QString certificate = m_certificates.filePath(QStringLiteral("first-cert.pem"));
    const QString key = m_certificates.filePath(QStringLiteral("first-key.pem"));
    Server server;
    server.setHandler(echo);
    QString error;
    QVERIFY(!server.loadTls(m_certificates.filePath(QStringLiteral("missing.pem")), key, &error));
    QVERIFY2(error.contains(QLatin1String("missing.pem")), qPrintable(error));
    QVERIFY(!server.isTls());

    QVERIFY2(server.loadTls(certificate, key, &error), qPrintable(error));
    error.clear();
    // The first certificate with the second's key, a key file that is a certificate, a missing key.
    QVERIFY(!server.loadTls(certificate, m_certificates.filePath(QStringLiteral("second-key.pem")), &error));
    QVERIFY2(error.contains(QLatin1String("not the private key")), qPrintable(error));
    QVERIFY(!server.loadTls(m_certificates.filePath(QStringLiteral("second-cert.pem")), key, &error));
    QVERIFY2(error.contains(QLatin1String("not the private key")), qPrintable(error));
    QVERIFY(!server.loadTls(certificate, certificate, &error));
    QVERIFY2(error.contains(QLatin1String("no unencrypted RSA or EC private key")), qPrintable(error));
    QVERIFY(!server.loadTls(key, key, &error));
    QVERIFY2(error.contains(QLatin1String("no PEM certificate")), qPrintable(error));
    QVERIFY(server.isTls());

    // The first certificate is still the one served.
    startServer(&server);
    QSslCertificate presented;
    std::unique_ptr<Client> client = tlsClient(server.serverPort(), certificate, &presented);
    QVERIFY(client);
    QCOMPARE(presented, QSslCertificate::fromPath(certificate).value(0));
}

void TestHttpServer::tlsReloadServesNewCertificate()
{
    if (!m_haveCertificates)
        QSKIP("openssl is not installed: no certificate to serve");
    const QString first = m_certificates.filePath(QStringLiteral("first-cert.pem"));
    const QString second = m_certificates.filePath(QStringLiteral("second-cert.pem"));
    Server server;
    server.setHandler(echo);
    QString error;
    QVERIFY(server.loadTls(first, m_certificates.filePath(QStringLiteral("first-key.pem")), &error));
    startServer(&server);
    QSslCertificate presented;
    std::unique_ptr<Client> before = tlsClient(server.serverPort(), first, &presented);
    QVERIFY(before);

    QVERIFY2(server.loadTls(second, m_certificates.filePath(QStringLiteral("second-key.pem")), &error),
             qPrintable(error));
    std::unique_ptr<Client> after = tlsClient(server.serverPort(), second, &presented);
    QVERIFY(after);
    QCOMPARE(presented, QSslCertificate::fromPath(second).value(0));
    after->send(get("/after"));
    RawResponse response;
    QVERIFY(after->next(&response));
    QCOMPARE(response.status, 200);

    // The connection made before the reload goes on with the first certificate.
    before->send(get("/before"));
    QVERIFY(before->next(&response));
    QCOMPARE(response.json().value(QStringLiteral("path")).toString(), QStringLiteral("/before"));
    QCOMPARE(static_cast<QSslSocket *>(before->socket())->peerCertificate(),
             QSslCertificate::fromPath(first).value(0));
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
