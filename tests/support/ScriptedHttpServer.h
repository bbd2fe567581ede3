// A loopback HTTP server that answers with exactly the bytes a test scripts, including answers
// no well-behaved server gives: error pages, truncated or oversized bodies, silence, a dropped
// connection. It counts every request it receives.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include <functional>

namespace onedial::test {

class ScriptedHttpServer final : public QObject
{
    Q_OBJECT

public:
    enum class Behaviour {
        Respond,           // send response() after the whole request arrived, then close
        RespondAfterDelay, // the same, after delayMs
        CloseAtOnce,       // close the connection as soon as the request arrived, answering nothing
        CloseMidResponse,  // send the first half of response(), then close
        Silent,            // never answer, keep the connection open
    };

    explicit ScriptedHttpServer(QObject *parent = nullptr);

    bool listen();
    // Stops listening: the port then refuses new connections (a dead endpoint for a test).
    void close();
    quint16 port() const;
    QUrl baseUrl() const;

    void setBehaviour(Behaviour behaviour) { m_behaviour = behaviour; }
    void setDelayMs(int ms) { m_delayMs = ms; }
    // The complete bytes to send, status line and headers included.
    void setResponse(const QByteArray &raw) { m_response = raw; }
    // Convenience: a response with this status, content type and body, with a correct Content-Length.
    void setResponse(int status, const QByteArray &contentType, const QByteArray &body);
    // A response without Content-Length: the body ends when the connection closes.
    void setCloseDelimitedResponse(int status, const QByteArray &contentType, const QByteArray &body);
    // A response in chunked transfer encoding, chunkSize body bytes per chunk.
    void setChunkedResponse(int status, const QByteArray &contentType, const QByteArray &body,
                            int chunkSize = 16 * 1024);

    int requestCount() const { return m_requests; }
    QList<QByteArray> requests() const { return m_rawRequests; }

private:
    void onConnection();

    QTcpServer m_server;
    Behaviour m_behaviour = Behaviour::Respond;
    int m_delayMs = 0;
    QByteArray m_response;
    int m_requests = 0;
    QList<QByteArray> m_rawRequests;
};

} // namespace onedial::test
