#include "EventStreamParser.h"

namespace onedial {

void EventStreamParser::restart()
{
    m_line.clear();
    m_afterCr = false;
    m_type.clear();
    m_data.clear();
    m_hasData = false;
    m_failed = false;
}

QList<EventStreamParser::Event> EventStreamParser::feed(const QByteArray &bytes)
{
    QList<Event> events;
    for (const char c : bytes) {
        if (m_failed)
            break;
        if (c == '\n' && m_afterCr) {
            m_afterCr = false; // the LF of a CRLF: the line was taken at the CR
            continue;
        }
        m_afterCr = c == '\r';
        if (c == '\r' || c == '\n') {
            takeLine(m_line, &events);
            m_line.clear();
            continue;
        }
        if (m_line.size() >= kMaxLineBytes) {
            m_failed = true;
            break;
        }
        m_line.append(c);
    }
    return events;
}

void EventStreamParser::takeLine(const QByteArray &line, QList<Event> *events)
{
    if (line.isEmpty()) {
        // A blank line dispatches the event gathered so far (none without data).
        if (m_hasData) {
            Event event;
            event.id = m_lastId;
            if (!m_type.isEmpty())
                event.type = m_type;
            event.data = m_data;
            events->append(event);
        }
        m_type.clear();
        m_data.clear();
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return; // a comment: the server keeping the connection alive
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_type = QString::fromUtf8(value);
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = QString::fromUtf8(value);
    } else if (field == "retry") {
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (ok && ms >= 0 && value.size() == QByteArray::number(ms).size())
            m_retryMs = ms;
    }
    // Other fields are ignored, as the format says.
}

} // namespace onedial
