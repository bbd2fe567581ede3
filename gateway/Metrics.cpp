#include "Metrics.h"

namespace onedial::gateway {

namespace {

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 10);
}

const char *callbackResultName(CallbackResult result)
{
    switch (result) {
    case CallbackResult::Applied:
        return "applied";
    case CallbackResult::Unchanged:
        return "unchanged";
    case CallbackResult::Refused:
        return "refused";
    case CallbackResult::Invalid:
        return "invalid";
    case CallbackResult::UnknownCall:
        return "unknown_call";
    case CallbackResult::Unavailable:
        break;
    }
    return "unavailable";
}

} // namespace

void Histogram::observe(double seconds)
{
    std::size_t bucket = 0;
    while (bucket < kBounds.size() && seconds > kBounds[bucket])
        ++bucket;
    ++m_counts[bucket];
    m_sum += seconds;
    ++m_count;
}

void Histogram::render(QByteArray *out, const char *name, const char *help) const
{
    *out += QByteArray("# HELP ") + name + ' ' + help + '\n';
    *out += QByteArray("# TYPE ") + name + " histogram\n";
    quint64 cumulative = 0;
    for (std::size_t i = 0; i < kBounds.size(); ++i) {
        cumulative += m_counts[i];
        *out += QByteArray(name) + "_bucket{le=\"" + number(kBounds[i]) + "\"} " +
                QByteArray::number(cumulative) + '\n';
    }
    cumulative += m_counts[kBounds.size()];
    *out += QByteArray(name) + "_bucket{le=\"+Inf\"} " + QByteArray::number(cumulative) + '\n';
    *out += QByteArray(name) + "_sum " + number(m_sum) + '\n';
    *out += QByteArray(name) + "_count " + QByteArray::number(m_count) + '\n';
}

void Metrics::countDial(OutcomeClass outcome, double gatewaySeconds)
{
    ++m_dials[outcome];
    m_dialSeconds.observe(gatewaySeconds);
}

QByteArray Metrics::render(int users, int connections, int eventStreams) const
{
    QByteArray out;
    out += "# HELP onedial_gateway_dials_total Dials the gateway handled, by outcome.\n"
           "# TYPE onedial_gateway_dials_total counter\n";
    for (OutcomeClass outcome : {OutcomeClass::Accepted, OutcomeClass::Refused, OutcomeClass::NotSent,
                                 OutcomeClass::Failed, OutcomeClass::Unknown}) {
        out += "onedial_gateway_dials_total{outcome=\"" + outcomeClassName(outcome).toLatin1() + "\"} " +
               QByteArray::number(m_dials.value(outcome)) + '\n';
    }
    m_dialSeconds.render(&out, "onedial_gateway_dial_seconds",
                         "Time from a dial request's arrival to its answer, OneNET included.");
    m_onenet.render(&out, "onedial_gateway_onenet_seconds", "Time OneNET took to answer a dial request.");
    out += "# HELP onedial_gateway_auth_failures_total Requests refused for a missing or wrong token.\n"
           "# TYPE onedial_gateway_auth_failures_total counter\n"
           "onedial_gateway_auth_failures_total " +
           QByteArray::number(m_authFailures) + '\n';
    out += "# HELP onedial_gateway_callbacks_total OneNET status callbacks received, by what became of "
           "them.\n"
           "# TYPE onedial_gateway_callbacks_total counter\n";
    for (CallbackResult result :
         {CallbackResult::Applied, CallbackResult::Unchanged, CallbackResult::Refused,
          CallbackResult::Invalid, CallbackResult::UnknownCall, CallbackResult::Unavailable}) {
        out += QByteArray("onedial_gateway_callbacks_total{result=\"") + callbackResultName(result) + "\"} " +
               QByteArray::number(m_callbacks.value(result)) + '\n';
    }
    out += "# HELP onedial_gateway_requests_total HTTP requests answered, by status.\n"
           "# TYPE onedial_gateway_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        out += "onedial_gateway_requests_total{status=\"" + QByteArray::number(it.key()) + "\"} " +
               QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP onedial_gateway_users Members known to the gateway.\n"
           "# TYPE onedial_gateway_users gauge\n"
           "onedial_gateway_users " +
           QByteArray::number(users) + '\n';
    out += "# HELP onedial_gateway_connections Open client connections.\n"
           "# TYPE onedial_gateway_connections gauge\n"
           "onedial_gateway_connections " +
           QByteArray::number(connections) + '\n';
    out += "# HELP onedial_gateway_event_streams Open event streams (GET /api/v1/events).\n"
           "# TYPE onedial_gateway_event_streams gauge\n"
           "onedial_gateway_event_streams " +
           QByteArray::number(eventStreams) + '\n';
    out += "# HELP onedial_gateway_events_sent_total Call events written to event streams.\n"
           "# TYPE onedial_gateway_events_sent_total counter\n"
           "onedial_gateway_events_sent_total " +
           QByteArray::number(m_eventsSent) + '\n';
    out += "# HELP onedial_gateway_database_up Whether the gateway's database answered its last use (1) or "
           "not (0).\n"
           "# TYPE onedial_gateway_database_up gauge\n"
           "onedial_gateway_database_up " +
           QByteArray(m_databaseUp ? "1" : "0") + '\n';
    return out;
}

} // namespace onedial::gateway
