// The gateway's counters and histograms, rendered in Prometheus' text format for /metrics.
#pragma once

#include "onenet/DialOutcome.h"

#include <QByteArray>
#include <QMap>

#include <array>

namespace onedial::gateway {

class Histogram final
{
public:
    // Upper bounds in seconds; +Inf is implied.
    static constexpr std::array<double, 14> kBounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                    0.25,  0.5,    1.0,   2.5,  5.0,   10.0, 15.0};
    void observe(double seconds);
    void render(QByteArray *out, const char *name, const char *help) const;

private:
    std::array<quint64, kBounds.size() + 1> m_counts{};
    double m_sum = 0;
    quint64 m_count = 0;
};

// What the gateway did with one status callback from OneNET (the metric's result label).
enum class CallbackResult {
    Applied,     // it moved the call forward: stored, with an event
    Unchanged,   // a duplicate, or later news the call had already passed: acknowledged, nothing stored
    Refused,     // unsigned, badly signed, expired, or another account's token: 401
    Invalid,     // not JSON, not a report, too large: 400, 413
    UnknownCall, // a call_id this gateway never placed: 404
    Unavailable, // no account or key, or the database failed: 503
};

class Metrics final
{
public:
    void countDial(OutcomeClass outcome, double gatewaySeconds);
    void observeOneNet(double seconds) { m_onenet.observe(seconds); }
    void countAuthFailure() { ++m_authFailures; }
    void countRequest(int status) { ++m_requests[status]; }
    void countCallback(CallbackResult result) { ++m_callbacks[result]; }
    void countEventsSent(qint64 events) { m_eventsSent += quint64(events); }
    void setDatabaseUp(bool up) { m_databaseUp = up; }

    quint64 dials(OutcomeClass outcome) const { return m_dials.value(outcome); }
    quint64 authFailures() const { return m_authFailures; }
    quint64 callbacks(CallbackResult result) const { return m_callbacks.value(result); }
    quint64 eventsSent() const { return m_eventsSent; }

    QByteArray render(int users, int connections, int eventStreams) const;

private:
    QMap<OutcomeClass, quint64> m_dials;
    QMap<int, quint64> m_requests;
    QMap<CallbackResult, quint64> m_callbacks;
    quint64 m_authFailures = 0;
    quint64 m_eventsSent = 0;
    bool m_databaseUp = true;
    Histogram m_dialSeconds;
    Histogram m_onenet;
};

} // namespace onedial::gateway
