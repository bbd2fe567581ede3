#include "HandshakeServer.h"

#include "TestEnvironment.h"

#include <QFile>
#include <QSslKey>
#include <QSslSocket>

namespace onedial::test {

namespace {

QByteArray readData(const QString &name)
{
    QFile file(testDataPath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

HandshakeServer::HandshakeServer(Mode mode)
    : m_mode(mode)
{}

void HandshakeServer::incomingConnection(qintptr descriptor)
{
    ++m_connections;
    // Every mode takes the connection through a QSslSocket; only Tls starts the handshake.
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_mode == Mode::Silent)
        return; // never read, never answer
    connect(socket, &QSslSocket::readyRead, this, [this, socket] { m_received += socket->readAll(); });
    if (m_mode == Mode::Plain)
        return;
    connect(socket, &QSslSocket::encrypted, this, [this] { ++m_handshakes; });
    socket->setLocalCertificate(certificate());
    socket->setPrivateKey(QSslKey(readData(QStringLiteral("selfsigned-key.pem")), QSsl::Rsa));
    socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    socket->startServerEncryption();
}

QSslCertificate HandshakeServer::certificate()
{
    return QSslCertificate(readData(QStringLiteral("selfsigned-cert.pem")));
}

quint16 HandshakeServer::closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace onedial::test
