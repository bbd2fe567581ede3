// A server on loopback for tests that only connect: with TLS (the self-signed certificate in
// tests/data), plain, or silent (it takes the connection and never answers, not even a TLS
// handshake). It counts connections, completed handshakes and every byte a client sends, so a
// test can show that a check opened a connection and sent nothing over it.
#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QTcpServer>

namespace onedial::test {

class HandshakeServer final : public QTcpServer
{
public:
    enum class Mode { Tls, Plain, Silent };

    explicit HandshakeServer(Mode mode);
    bool listen() { return QTcpServer::listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return serverPort(); }
    int connections() const { return m_connections; }
    // TLS handshakes the server side completed.
    int handshakes() const { return m_handshakes; }
    // Bytes clients sent (after the handshake, for TLS).
    QByteArray received() const { return m_received; }

    // The certificate the TLS server presents, so that a test can trust it.
    static QSslCertificate certificate();
    // A loopback port where nothing listens (bound and closed again at once).
    static quint16 closedPort();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Mode m_mode;
    int m_connections = 0;
    int m_handshakes = 0;
    QByteArray m_received;
};

} // namespace onedial::test
