// Reads a text/event-stream (Server-Sent Events, as the team gateway's /api/v1/events sends it)
// as its bytes arrive, in pieces of any size: "id", "event", "data" and "retry" fields, comment
// lines, and an event dispatched at each blank line. Lines end in LF, CRLF or CR. A line longer
// than the cap is not an event stream OneDial should keep reading: the parser stops.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace onedial {

class EventStreamParser final
{
public:
    struct Event
    {
        QString id; // the stream's last id when the event has none
        QString type = QStringLiteral("message");
        QByteArray data; // the data lines joined with "\n"
    };

    static constexpr qsizetype kMaxLineBytes = 64 * 1024;

    // The events completed by these bytes, in order.
    QList<Event> feed(const QByteArray &bytes);

    // The last id the stream set (sent back as Last-Event-ID when reconnecting).
    const QString &lastEventId() const { return m_lastId; }
    void setLastEventId(const QString &id) { m_lastId = id; }
    // The reconnection time the stream asked for, in ms, if it did.
    std::optional<int> retryMs() const { return m_retryMs; }
    // A line went over kMaxLineBytes: nothing more is read.
    bool failed() const { return m_failed; }
    // Forgets a half-read line and event (a new connection starts clean); keeps the last id.
    void restart();

private:
    void takeLine(const QByteArray &line, QList<Event> *events);

    QByteArray m_line;
    bool m_afterCr = false;
    QString m_lastId;
    QString m_type;
    QByteArray m_data;
    bool m_hasData = false;
    std::optional<int> m_retryMs;
    bool m_failed = false;
};

} // namespace onedial
