#include "ScriptedHttpServer.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace onedial::test {

namespace {

// True once the buffer holds the headers and as many body bytes as Content-Length announces.
bool isCompleteRequest(const QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    qsizetype length = 0;
    for (const QByteArray &line : buffer.left(end).split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.toLower().startsWith("content-length:"))
            length = trimmed.mid(15).trimmed().toLongLong();
    }
    return buffer.size() >= end + 4 + length;
}

} // namespace

ScriptedHttpServer::ScriptedHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onConnection);
}

bool ScriptedHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void ScriptedHttpServer::close()
{
    m_server.close();
}

quint16 ScriptedHttpServer::port() const
{
    return m_server.serverPort();
}

QUrl ScriptedHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void ScriptedHttpServer::setResponse(int status, const QByteArray &contentType, const QByteArray &body)
{
    m_response = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\nContent-Type: " + contentType +
                 "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
                 body;
}

void ScriptedHttpServer::setCloseDelimitedResponse(int status, const QByteArray &contentType,
                                                   const QByteArray &body)
{
    m_response = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\nContent-Type: " + contentType +
                 "\r\nConnection: close\r\n\r\n" + body;
}

void ScriptedHttpServer::setChunkedResponse(int status, const QByteArray &contentType, const QByteArray &body,
                                            int chunkSize)
{
    Q_ASSERT(chunkSize > 0);
    m_response = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\nContent-Type: " + contentType +
                 "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    for (qsizetype offset = 0; offset < body.size(); offset += chunkSize) {
        const QByteArray chunk = body.mid(offset, chunkSize);
        m_response += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    m_response += "0\r\n\r\n";
}

void ScriptedHttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            if (!isCompleteRequest(*buffer))
                return;
            ++m_requests;
            m_rawRequests << *buffer;
            buffer->clear();
            QPointer<QTcpSocket> guard(socket);
            switch (m_behaviour) {
            case Behaviour::Respond:
                socket->write(m_response);
                socket->disconnectFromHost();
                break;
            case Behaviour::RespondAfterDelay:
                QTimer::singleShot(m_delayMs, this, [this, guard] {
                    if (!guard)
                        return;
                    guard->write(m_response);
                    guard->disconnectFromHost();
                });
                break;
            case Behaviour::CloseAtOnce:
                socket->abort();
                break;
            case Behaviour::CloseMidResponse:
                socket->write(m_response.left(m_response.size() / 2));
                socket->flush();
                QTimer::singleShot(50, this, [guard] {
                    if (guard)
                        guard->abort();
                });
                break;
            case Behaviour::Silent:
                break;
            }
        });
    }
}

} // namespace onedial::test
