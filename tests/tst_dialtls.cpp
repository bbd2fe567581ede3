// HTTPS for real: a TLS server on loopback with a self-signed certificate. An untrusted
// certificate stops the dial before any request is sent; a trusted one carries it.
#include "TestEnvironment.h"
#include "onenet/DialClient.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>

using namespace onedial;

namespace {

QByteArray readTestFile(const char *name)
{
    QFile file(test::testDataPath(QLatin1String(name)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Answers every complete request on a TLS connection with one OneNET v1 success.
class TlsServer : public QObject
{
public:
    bool listen()
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(readTestFile("selfsigned-cert.pem")));
        config.setPrivateKey(QSslKey(readTestFile("selfsigned-key.pem"), QSsl::Rsa));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(config);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (auto *socket = qobject_cast<QSslSocket *>(m_server.nextPendingConnection())) {
                ++m_connections;
                connect(socket, &QSslSocket::readyRead, this, [this, socket] {
                    m_buffer += socket->readAll();
                    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
                    if (end < 0 || !m_buffer.contains("\"callee\""))
                        return;
                    ++m_requests;
                    const QByteArray body =
                        R"({"request_id":"r1","code_no":"000000","code":"onenet_common_success","message":"ok","data":{"call_id":"c1"}})";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    int requests() const { return m_requests; }

private:
    QSslServer m_server;
    QByteArray m_buffer;
    int m_connections = 0;
    int m_requests = 0;
};

Account tlsAccount(quint16 port)
{
    Account account;
    account.name = QStringLiteral("tls");
    account.api = Api::V1;
    account.appId = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90");
    account.sponsor = QStringLiteral("075528000003");
    account.caller = QStringLiteral("8613800138000");
    account.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
    return account;
}

DialOutcome dialOnce(DialClient &client, const Account &account)
{
    QSignalSpy finished(&client, &DialClient::finished);
    client.dial(account, AccessKey("DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I="),
                PhoneNumber::parse(QStringLiteral("13800138000")), 10000);
    if (!finished.wait(15000))
        return {};
    return finished.first().at(1).value<DialOutcome>();
}

} // namespace

class TestDialTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void untrustedCertificateSendsNothing();
    void trustedCertificateCarriesTheDial();
};

void TestDialTls::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "no TLS backend");
    QVERIFY(!readTestFile("selfsigned-cert.pem").isEmpty());
}

void TestDialTls::untrustedCertificateSendsNothing()
{
    TlsServer server;
    QVERIFY(server.listen());
    DialClient client;
    const DialOutcome outcome = dialOnce(client, tlsAccount(server.port()));
    QCOMPARE(outcome.outcome, OutcomeClass::Failed);
    QCOMPARE(outcome.error, QLatin1String(DialError::Tls));
    QVERIFY2(outcome.message.contains(QLatin1String("No call was placed")), qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QLatin1String("self signed"), Qt::CaseInsensitive) ||
                 outcome.message.contains(QLatin1String("self-signed"), Qt::CaseInsensitive),
             qPrintable(outcome.message));
    QCOMPARE(outcome.exitStatus(), 3);
    QCOMPARE(server.requests(), 0);
}

void TestDialTls::trustedCertificateCarriesTheDial()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.addCaCertificate(QSslCertificate(readTestFile("selfsigned-cert.pem")));
    QSslConfiguration::setDefaultConfiguration(config);

    TlsServer server;
    QVERIFY(server.listen());
    DialClient client;
    const DialOutcome outcome = dialOnce(client, tlsAccount(server.port()));
    QCOMPARE(outcome.outcome, OutcomeClass::Accepted);
    QCOMPARE(outcome.callId, QStringLiteral("c1"));
    QCOMPARE(server.requests(), 1);
}

QTEST_GUILESS_MAIN(TestDialTls)
#include "tst_dialtls.moc"
