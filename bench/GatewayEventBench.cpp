#include "GatewayEventBench.h"

#include "Figures.h"
#include "GatewayConfig.h"
#include "GatewayDialLoad.h"
#include "GatewayStore.h"
#include "GatewayUnderTest.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/TokenSigner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <vector>

namespace onedial::bench {

namespace {

constexpr const char *kStates[] = {"CallingCaller", "CallingCallee", "Connected", "Disconnected"};

// One event stream as a desktop reads it: the answer's head, then blocks of lines, each event's
// arrival taken on the benchmark's clock as soon as its bytes are read.
struct StreamClient
{
    QTcpSocket socket;
    QByteArray buffer;
    bool head = false;
    int status = 0;
    bool started = false; // its first block (retry) came: the gateway holds the stream
    int events = 0;
    int keepAlives = 0;
    QByteArray lastData;
    qint64 lastEventNs = 0;

    void open(quint16 port, const QByteArray &token, const QHostAddress &from = {})
    {
        if (!from.isNull())
            socket.bind(from);
        QObject::connect(&socket, &QTcpSocket::connected, &socket, [this, port, token] {
            socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
            socket.write("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                         "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n");
        });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }

    void take(qint64 nowNs)
    {
        buffer += socket.readAll();
        if (!head) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            status = buffer.left(buffer.indexOf('\n')).split(' ').value(1).toInt();
            buffer.remove(0, end + 4);
            head = true;
        }
        for (qsizetype end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const QByteArray block = buffer.left(end);
            buffer.remove(0, end + 2);
            if (block.startsWith("retry:")) {
                started = true;
            } else if (block.startsWith(':')) {
                ++keepAlives;
            } else if (block.startsWith("id:")) {
                ++events;
                lastEventNs = nowNs;
                lastData = block.mid(block.indexOf("data: ") + 6);
            }
        }
    }
};

// Runs the event loop until done() or the time is up; done() is asked after every wake-up.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents,
                                        int(qBound(qint64(1), deadline.remainingTime(), qint64(50))));
    }
    return true;
}

void spinFor(int ms)
{
    spinUntil([] { return false; }, ms);
}

void raiseOwnDescriptorLimit()
{
    struct rlimit files = {};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
}

int answerStatus(QByteArray *buffer)
{
    const qsizetype end = buffer->indexOf("\r\n\r\n");
    if (end < 0)
        return 0;
    const QByteArray head = buffer->left(end).toLower();
    const qsizetype at = head.indexOf("content-length:");
    const qsizetype length =
        at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
    if (buffer->size() < end + 4 + length)
        return 0;
    const int status = buffer->left(buffer->indexOf('\n')).split(' ').value(1).toInt();
    buffer->remove(0, end + 4 + length);
    return status;
}

} // namespace

bool benchEventLatency(const GatewayUnderTest &gateway, const QByteArray &token, const QString &member,
                       int samples, const GatewayUnderTest *streamAt, const QByteArray &figure)
{
    constexpr int kWarmUp = 20;
    const int calls = (kWarmUp + samples + 3) / 4;
    QString error;

    // The calls, placed through the gateway as the member's desktop places them; their call ids
    // from the gateway's database, read beside it.
    GatewayDialLoad dials(gateway.port(), {token});
    if (!dials.open(1, &error)) {
        std::fprintf(stderr, "event latency: %s\n", qPrintable(error));
        return false;
    }
    if (dials.run(calls).count(QStringLiteral("200 accepted")) != calls) {
        std::fprintf(stderr, "event latency: the member's dials were not all accepted\n");
        return false;
    }
    QStringList callIds;
    {
        const std::unique_ptr<gateway::GatewayStore> store = gateway.openStore(&error);
        if (!store) {
            std::fprintf(stderr, "event latency: %s\n", qPrintable(error));
            return false;
        }
        const QList<gateway::DialRecord> records =
            store->calls(member, 0, gateway::GatewayStore::kMaxCallsPerPage);
        for (qsizetype i = qMax<qsizetype>(0, records.size() - calls); i < records.size(); ++i)
            callIds.append(records.at(i).callId);
    }
    const auto config = gateway::GatewayConfig::load(gateway.stateFolder(), &error);
    if (!config || config->notifySecret.isEmpty() || callIds.size() != calls) {
        std::fprintf(stderr, "event latency: no notify secret or call ids: %s\n", qPrintable(error));
        return false;
    }
    const QByteArray path = QByteArray(gateway::GatewayConfig::kNotifyPath) + config->notifySecret;
    // Signed as OneNET signs its callbacks, with the account's key (the sandbox's).
    const QByteArray authorization = *TokenSigner::authorization(
        AccessKey(SandboxScenarios::key()),
        {TokenSigner::versionFor(Api::V1), TokenSigner::resFor(Api::V1, SandboxScenarios::appId()),
         QDateTime::currentSecsSinceEpoch() + 3600, SignMethod::Sha256});

    QElapsedTimer clock;
    clock.start();
    StreamClient stream;
    QEventLoop *waiting = nullptr;
    int answer = 0;
    int eventsWanted = 0;
    QByteArray answerBuffer;
    QTcpSocket poster;
    const auto check = [&] {
        if (waiting && answer != 0 && stream.events >= eventsWanted)
            waiting->quit();
    };
    QObject::connect(&stream.socket, &QTcpSocket::readyRead, &stream.socket, [&] {
        stream.take(clock.nsecsElapsed());
        check();
    });
    QObject::connect(&poster, &QTcpSocket::readyRead, &poster, [&] {
        answerBuffer += poster.readAll();
        answer = answerStatus(&answerBuffer);
        check();
    });
    stream.open((streamAt ? streamAt : &gateway)->port(), token);
    poster.connectToHost(QHostAddress::LocalHost, gateway.port());
    if (!poster.waitForConnected(10000) || !spinUntil([&] { return stream.started; }, 10000)) {
        std::fprintf(stderr, "event latency: the stream did not open (status %d)\n", stream.status);
        return false;
    }
    poster.setSocketOption(QAbstractSocket::LowDelayOption, 1);

    std::vector<double> latencies;
    for (int i = 0; i < kWarmUp + samples; ++i) {
        const QString &callId = callIds.at(i / 4);
        const QString status = QLatin1String(kStates[i % 4]);
        QJsonObject report{{QStringLiteral("appid"), SandboxScenarios::appId()},
                           {QStringLiteral("call_id"), callId},
                           {QStringLiteral("status"), status},
                           {QStringLiteral("report_date"), QStringLiteral("20261206161502")}};
        if (i % 4 == 3) {
            report.insert(QStringLiteral("reason"), QStringLiteral("HangUp"));
            report.insert(QStringLiteral("call_duration"), 42);
        }
        const QByteArray body = QJsonDocument(report).toJson(QJsonDocument::Compact);
        const QByteArray request =
            "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(gateway.port()) +
            "\r\nAuthorization: " + authorization +
            "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n\r\n" + body;
        answer = 0;
        eventsWanted = stream.events + 1;
        QEventLoop loop;
        waiting = &loop;
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        const qint64 sentNs = clock.nsecsElapsed();
        poster.write(request);
        loop.exec();
        waiting = nullptr;
        const QJsonObject event = QJsonDocument::fromJson(stream.lastData).object();
        if (answer != 200 || stream.events < eventsWanted ||
            event.value(QLatin1String("call_id")).toString() != callId ||
            event.value(QLatin1String("status")).toString() != status) {
            std::fprintf(stderr, "event latency: callback %d answered %d, event %s\n", i, answer,
                         stream.lastData.constData());
            return false;
        }
        if (i >= kWarmUp)
            latencies.push_back(double(stream.lastEventNs - sentNs) / 1e6);
    }
    print(QByteArray(figure + "_median").constData(), percentile(latencies, 0.5), "ms");
    print(QByteArray(figure + "_p95").constData(), percentile(latencies, 0.95), "ms");
    print(QByteArray(figure + "_samples").constData(), double(latencies.size()), "events");
    return true;
}

bool benchIdleStreams(const GatewayUnderTest &gateway, const QList<QByteArray> &tokens)
{
    // Desktops come from many addresses; the gateway takes at most 256 connections from one.
    constexpr int kAddresses = 8;
    raiseOwnDescriptorLimit();
    const qint64 pid = gateway.pid();
    spinFor(1000);
    const double rssBefore = statusMiB(pid, "VmRSS:");

    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<StreamClient>> streams;
    streams.reserve(size_t(tokens.size()));
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        auto stream = std::make_unique<StreamClient>();
        StreamClient *s = stream.get();
        QObject::connect(&s->socket, &QTcpSocket::readyRead, &s->socket,
                         [s, &clock] { s->take(clock.nsecsElapsed()); });
        s->open(gateway.port(), tokens.at(i),
                QHostAddress(QStringLiteral("127.0.0.%1").arg(1 + i % kAddresses)));
        streams.push_back(std::move(stream));
    }
    const auto all = [&](const std::function<bool(const StreamClient &)> &test) {
        for (const auto &stream : streams) {
            if (!test(*stream))
                return false;
        }
        return true;
    };
    if (!spinUntil([&] { return all([](const StreamClient &s) { return s.started || s.status > 200; }); },
                   60000) ||
        !all([](const StreamClient &s) { return s.status == 200; })) {
        int open = 0;
        for (const auto &stream : streams)
            open += stream->started ? 1 : 0;
        std::fprintf(stderr, "idle streams: %d of %lld opened\n", open, qlonglong(tokens.size()));
        return false;
    }
    const double openMs = msSince(clock);
    print("gateway_open_1000_streams", openMs, "ms");
    spinFor(1000);
    const double rssAfter = statusMiB(pid, "VmRSS:");
    print("gateway_rss_before_streams", rssBefore, "MiB");
    print("gateway_rss_1000_streams", rssAfter, "MiB");
    print("gateway_memory_per_stream", (rssAfter - rssBefore) * 1024.0 / double(streams.size()), "KiB");

    // Idle: no event, no keep-alive due yet (the first comes 25 s after a stream opened).
    const CpuTimes idleStart = cpuTimesOf(pid);
    const double switchesStart = statusNumber(pid, "voluntary_ctxt_switches:");
    QElapsedTimer idle;
    idle.start();
    spinFor(10000);
    const CpuTimes idleEnd = cpuTimesOf(pid);
    const double switchesEnd = statusNumber(pid, "voluntary_ctxt_switches:");
    print("gateway_idle_1000_streams_cpu", idleEnd.totalMs() - idleStart.totalMs(), "ms");
    print("gateway_idle_1000_streams_seconds", msSince(idle) / 1000.0, "s");
    print("gateway_idle_1000_streams_wakeups", switchesEnd - switchesStart, "wakeups");

    // The first keep-alive round: every stream says its comment once (and its member is looked up).
    const CpuTimes roundStart = cpuTimesOf(pid);
    const bool comments =
        spinUntil([&] { return all([](const StreamClient &s) { return s.keepAlives >= 1; }); }, 60000);
    spinFor(1000);
    const CpuTimes roundEnd = cpuTimesOf(pid);
    if (!comments) {
        std::fprintf(stderr, "idle streams: not every stream had its keep-alive comment\n");
        return false;
    }
    print("gateway_keepalive_round_1000_streams_cpu", roundEnd.totalMs() - roundStart.totalMs(), "ms");
    const bool stillOpen = all([](const StreamClient &s) {
        return s.socket.state() == QAbstractSocket::ConnectedState && s.events == 0;
    });
    print("gateway_streams_still_open", stillOpen ? double(streams.size()) : 0.0, "streams");
    return stillOpen;
}

} // namespace onedial::bench
