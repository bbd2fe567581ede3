// The gateway's event streams in the gateway benchmark (issue 17), against the real
// `onedial-gateway serve`: how soon one of OneNET's status callbacks reaches a member's open
// stream, and what 1,000 idle streams cost the gateway in memory and CPU time.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace onedial::bench {

class GatewayUnderTest;

// Places calls for member (whose token is given) through the gateway, opens the member's event
// stream, then POSTs OneNET's signed callbacks for those calls one at a time, each call through
// its four states, and times each from just before the POST is written to its event read from
// the stream (samples of them, after 20 not counted): gateway_event_latency_median and _p95.
// False when something failed.
// With streamAt, the stream is opened at that instance instead (another instance of the same
// gateway), so each event travels from the instance that stored it to the one streaming it; the
// figures are then named figure_median and figure_p95.
bool benchEventLatency(const GatewayUnderTest &gateway, const QByteArray &token, const QString &member,
                       int samples, const GatewayUnderTest *streamAt = nullptr,
                       const QByteArray &figure = "gateway_event_latency");

// Opens one stream for each token (1,000 members) from several loopback addresses, as desktops
// would, and prints the gateway's memory before and after (per stream), its CPU time and wake-ups
// over 10 s with the streams idle, and the CPU time of their first round of keep-alive comments.
bool benchIdleStreams(const GatewayUnderTest &gateway, const QList<QByteArray> &tokens);

} // namespace onedial::bench
