// A gateway event stream (GET /api/v1/events) read as a plain line-reading client reads it: a raw
// socket, the answer's status line and headers, then the body's lines, each block of them ended by
// a blank line (an event, a comment, the retry time). No EventSource behaviour: every block is
// kept as it came, for a test to check.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTcpSocket>

#include <memory>

namespace onedial::test {

class EventStreamReader final
{
    Q_DISABLE_COPY_MOVE(EventStreamReader)

public:
    struct Block
    {
        QByteArray id;    // the id line's value; empty without one
        QByteArray event; // the event line's
        QByteArray data;  // the data lines', joined with \n
        QByteArray retry;
        QList<QByteArray> comments; // lines that start with ':', without it, trimmed

        qint64 eventId() const { return id.isEmpty() ? -1 : id.toLongLong(); }
        QJsonObject json() const;
    };

    EventStreamReader();
    ~EventStreamReader();

    // Connects to the gateway on loopback and sends GET target with the member's token (none when
    // empty) and the extra headers.
    bool open(quint16 port, const QByteArray &token, const QList<QPair<QByteArray, QByteArray>> &headers = {},
              const QByteArray &target = QByteArrayLiteral("/api/v1/events"));
    // Waits for the answer's status line and headers, and for a body with a length all of it.
    bool waitForHead(int timeoutMs);
    int status() const { return m_status; }
    QByteArray header(const QByteArray &lowerCaseName) const { return m_headers.value(lowerCaseName); }
    bool hasHeader(const QByteArray &lowerCaseName) const { return m_headers.contains(lowerCaseName); }
    // The body of an answer that is not a stream (an error's JSON).
    QJsonObject body() const;

    // The complete blocks read so far, and those of them that are events (with an id).
    const QList<Block> &blocks() const { return m_blocks; }
    QList<Block> events() const;
    QList<qint64> eventIds() const;
    bool waitForEvents(qsizetype count, int timeoutMs);
    // Waits until a block with this comment has come (": keep-alive" → "keep-alive").
    bool waitForComment(const QByteArray &comment, int timeoutMs);
    // Waits for the server to end the stream; everything it sent before is read.
    bool waitForEnd(int timeoutMs);
    bool isConnected() const;
    // Goes away, as a desktop that quits.
    void close();
    // Takes what has arrived: the waits do it; a test that waited otherwise calls it.
    void read();

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    bool m_haveHead = false;
    int m_status = 0;
    QHash<QByteArray, QByteArray> m_headers;
    QByteArray m_body;
    QList<Block> m_blocks;
};

} // namespace onedial::test
