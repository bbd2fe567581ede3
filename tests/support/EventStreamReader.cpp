#include "EventStreamReader.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QTest>

namespace onedial::test {

QJsonObject EventStreamReader::Block::json() const
{
    return QJsonDocument::fromJson(data).object();
}

EventStreamReader::EventStreamReader()
    : m_socket(std::make_unique<QTcpSocket>())
{
    m_socket->setProxy(QNetworkProxy::NoProxy);
}

EventStreamReader::~EventStreamReader() = default;

bool EventStreamReader::open(quint16 port, const QByteArray &token,
                             const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &target)
{
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    if (!m_socket->waitForConnected(10000))
        return false;
    QByteArray request = "GET " + target + " HTTP/1.1\r\nHost: gateway\r\nAccept: text/event-stream\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    for (const auto &header : headers)
        request += header.first + ": " + header.second + "\r\n";
    m_socket->write(request + "\r\n");
    return true;
}

void EventStreamReader::read()
{
    m_buffer += m_socket->readAll();
    if (!m_haveHead) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_status = lines.constFirst().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            m_headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                             lines.at(i).mid(colon + 1).trimmed());
        }
        m_buffer.remove(0, end + 4);
        m_haveHead = true;
    }
    if (m_status != 200) {
        m_body += m_buffer;
        m_buffer.clear();
        return;
    }
    for (qsizetype end = m_buffer.indexOf("\n\n"); end >= 0; end = m_buffer.indexOf("\n\n")) {
        Block block;
        for (const QByteArray &line : m_buffer.left(end).split('\n')) {
            if (line.startsWith(':')) {
                block.comments.append(line.mid(1).trimmed());
                continue;
            }
            const qsizetype colon = line.indexOf(':');
            const QByteArray field = line.left(colon);
            QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
            if (value.startsWith(' '))
                value.remove(0, 1);
            if (field == "id")
                block.id = value;
            else if (field == "event")
                block.event = value;
            else if (field == "retry")
                block.retry = value;
            else if (field == "data")
                block.data += (block.data.isEmpty() ? QByteArray() : QByteArray("\n")) + value;
        }
        m_blocks.append(block);
        m_buffer.remove(0, end + 2);
    }
}

bool EventStreamReader::waitForHead(int timeoutMs)
{
    return QTest::qWaitFor(
        [this] {
            read();
            if (!m_haveHead)
                return false;
            if (m_status == 200)
                return true;
            return m_body.size() >= header("content-length").toLongLong();
        },
        timeoutMs);
}

QJsonObject EventStreamReader::body() const
{
    return QJsonDocument::fromJson(m_body).object();
}

QList<EventStreamReader::Block> EventStreamReader::events() const
{
    QList<Block> events;
    for (const Block &block : m_blocks) {
        if (!block.id.isEmpty())
            events.append(block);
    }
    return events;
}

QList<qint64> EventStreamReader::eventIds() const
{
    QList<qint64> ids;
    for (const Block &block : m_blocks) {
        if (!block.id.isEmpty())
            ids.append(block.eventId());
    }
    return ids;
}

bool EventStreamReader::waitForEvents(qsizetype count, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            read();
            return events().size() >= count;
        },
        timeoutMs);
}

bool EventStreamReader::waitForComment(const QByteArray &comment, int timeoutMs)
{
    const qsizetype before = m_blocks.size();
    return QTest::qWaitFor(
        [&] {
            read();
            for (qsizetype i = before; i < m_blocks.size(); ++i) {
                if (m_blocks.at(i).comments.contains(comment))
                    return true;
            }
            return false;
        },
        timeoutMs);
}

bool EventStreamReader::waitForEnd(int timeoutMs)
{
    const bool ended = QTest::qWaitFor(
        [this] {
            read();
            return m_socket->state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    read();
    return ended;
}

bool EventStreamReader::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void EventStreamReader::close()
{
    m_socket->abort();
}

} // namespace onedial::test
