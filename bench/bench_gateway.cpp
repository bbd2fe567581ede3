// onedial_bench_gateway: the team gateway's figures (issues 16 and 17), against the real
// `onedial-gateway serve` in a throw-away state folder, its OneNET account pointing to a sandbox
// (SandboxServer) in this process. A program run by hand, never a test. Prints one
// "name: value unit" line per figure, like onedial_bench:
//
//   gateway_dials_per_second_kN   2,000 dials (after 200 not counted) from N kept-alive
//                                 connections, each a request in flight, every request a
//                                 different member's token and a new callee; all must be
//                                 answered 200 accepted (any other answer is counted and listed)
//   gateway_dial_round_trip_*     one dial at a time through the gateway to the sandbox, taking
//   direct_dial_round_trip_*      turns with the same dial sent by the core's DialClient straight
//   gateway_added_latency_median  to the sandbox; the difference of the medians
//   gateway_rss_* / gateway_hwm_* VmRSS / VmHWM of the gateway process, with 1,000 members after
//                                 start and after the dials, and with no members
//   store_dial_*                  the two write transactions of one dial (GatewayStore's
//                                 beginDial and finishDial) in this process on the same disk, as
//                                 the gateway runs them and with SQLite's synchronous=NORMAL
//   gateway_event_latency_*       one member's open event stream; OneNET's signed status
//                                 callbacks for the member's calls POSTed one at a time, each
//                                 timed from just before it is written to its event read from
//                                 the stream (300 after 20 not counted)
//   gateway_*_streams_*,          1,000 members' event streams held open: the gateway's VmRSS
//   gateway_memory_per_stream     before and after, its CPU time and wake-ups over 10 s with
//                                 all of them idle, and its CPU time for their first round of
//                                 keep-alive comments
//
//   compare_*                     --compare-postgres only (issue 19): the same gateway as one
//                                 instance on SQLite and as two instances sharing a PostgreSQL
//                                 database, 200 members each: dials per second from 16
//                                 connections (spread over both instances), and callback-to-event
//                                 latency with the stream at the instance that received the
//                                 callback and at the other one (through LISTEN/NOTIFY)
//
//   onedial_bench_gateway [--quick] [--state-in DIR]
//   tests/with-postgres.sh onedial_bench_gateway --compare-postgres [--quick]
//       --quick: 500 dials per figure instead of 2,000, 100 events timed instead of 300
//       --state-in DIR: the throw-away state folders under DIR instead of the system's temporary
//       folder; under /dev/shm (tmpfs, where fsync costs nothing) the same unchanged gateway shows
//       what its disk writes cost
#include "Figures.h"
#include "GatewayDialLoad.h"
#include "GatewayEventBench.h"
#include "GatewayStore.h"
#include "GatewayUnderTest.h"
#include "onenet/DialClient.h"
#include "onenet/SandboxCallbacks.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "phone/PhoneNumber.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

using namespace onedial;
using namespace onedial::bench;

namespace {

constexpr int kMembers = 1000;

// A figure whose name is put together.
void print(const QByteArray &name, double value, const char *unit)
{
    bench::print(name.constData(), value, unit);
}

double processCpuMs()
{
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC;
}

void printMemory(qint64 pid, const char *when)
{
    print(QByteArray("gateway_rss_") + when, statusMiB(pid, "VmRSS:"), "MiB");
    print(QByteArray("gateway_hwm_") + when, statusMiB(pid, "VmHWM:"), "MiB");
}

// The store's connection, found by its file: the benchmark changes a setting of its own copy
// to show what the setting is worth, never the gateway's.
QSqlDatabase connectionOf(const gateway::GatewayStore &store)
{
    for (const QString &name : QSqlDatabase::connectionNames()) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.databaseName() == store.path())
            return db;
    }
    return {};
}

// One dial's two write transactions, one after the other, as the gateway runs them.
bool timeStoreDials(gateway::GatewayStore &store, const gateway::User &user, int dials, const char *name)
{
    DialOutcome accepted;
    accepted.outcome = OutcomeClass::Accepted;
    accepted.codeNo = QStringLiteral("000000");
    accepted.requestId = QStringLiteral("bench");
    accepted.callId = QStringLiteral("bench");
    accepted.httpStatus = 200;
    std::vector<double> begins;
    std::vector<double> pairs;
    for (int i = 0; i < dials; ++i) {
        const QString callee = PhoneNumber::parse(GatewayDialLoad::nextCallee()).apiForm();
        QElapsedTimer timer;
        timer.start();
        const auto begun = store.beginDial(user, callee, QStringLiteral("127.0.0.1"), QDate::currentDate());
        begins.push_back(msSince(timer));
        if (begun.status != gateway::GatewayStore::Begin::Recorded ||
            !store.finishDial(begun.dialId, user.name, accepted, QStringLiteral("127.0.0.1")).ok()) {
            std::fprintf(stderr, "store: %s\n", qPrintable(begun.storage.message));
            return false;
        }
        pairs.push_back(msSince(timer));
    }
    const QByteArray base = QByteArray("store_dial_") + name;
    print(base + "_median", percentile(pairs, 0.5), "ms");
    print(base + "_p95", percentile(pairs, 0.95), "ms");
    print(base + "_begin_median", percentile(begins, 0.5), "ms");
    return true;
}

bool benchStore(const QString &folder, int dials)
{
    gateway::GatewayStore store(folder + QStringLiteral("/store-timing.sqlite"));
    if (!store.open().ok())
        return false;
    gateway::User user;
    user.name = QStringLiteral("store.timing");
    user.caller = QStringLiteral("8613600000000");
    user.tokenId = "storetim";
    user.tokenHash = QByteArray(32, 'x');
    if (!store.addUser(&user).ok())
        return false;
    QSqlDatabase db = connectionOf(store);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA synchronous")) || !query.next())
        return false;
    // SQLite's 2 is FULL (a WAL commit waits for the disk), 1 NORMAL.
    print("store_synchronous_setting", query.value(0).toDouble(), "");
    query.finish();
    if (!timeStoreDials(store, user, dials, "as_gateway"))
        return false;
    if (!query.exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        return false;
    return timeStoreDials(store, user, dials, "sync_normal");
}

// The same dial straight from the core's DialClient, as a desktop without the gateway sends it.
double directDial(DialClient &client, const Account &account, const AccessKey &key, bool *ok)
{
    QEventLoop loop;
    quint64 id = 0;
    bool accepted = false;
    const QMetaObject::Connection finished = QObject::connect(&client, &DialClient::finished, &loop,
                                                              [&](quint64 done, const DialOutcome &outcome) {
                                                                  if (done != id)
                                                                      return;
                                                                  accepted = outcome.ok();
                                                                  loop.quit();
                                                              });
    QElapsedTimer timer;
    timer.start();
    id = client.dial(account, key, PhoneNumber::parse(GatewayDialLoad::nextCallee()));
    loop.exec();
    const double ms = msSince(timer);
    QObject::disconnect(finished);
    *ok = *ok && accepted;
    return ms;
}

bool checkAnswers(const GatewayDialLoad::Result &result, int dials, const QByteArray &figure)
{
    if (!result.error.isEmpty())
        std::fprintf(stderr, "%s: %s\n", figure.constData(), qPrintable(result.error));
    const int accepted = result.count(QStringLiteral("200 accepted"));
    print(figure + "_not_accepted", double(dials - accepted), "dials");
    for (auto it = result.answers.cbegin(); it != result.answers.cend(); ++it) {
        if (it.key() != QLatin1String("200 accepted"))
            std::fprintf(stderr, "%s: %d answered %s\n", figure.constData(), it.value(),
                         qPrintable(it.key()));
    }
    if (result.total() != dials)
        std::fprintf(stderr, "%s: %d of %d dials answered\n", figure.constData(), result.total(), dials);
    return accepted == dials;
}

// One dial at a time: through the gateway and straight to the sandbox, taking turns.
bool benchLatency(quint16 port, const QList<QByteArray> &tokens, const SandboxServer &sandbox, int dials)
{
    GatewayDialLoad gatewayDials(port, tokens);
    QString error;
    if (!gatewayDials.open(1, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    DialClient client;
    const Account account = sandbox.sandboxAccount(Api::V1);
    const AccessKey key(SandboxScenarios::key());
    std::vector<double> throughGateway;
    std::vector<double> direct;
    bool ok = true;
    constexpr int kWarmUp = 20;
    for (int i = 0; i < kWarmUp + dials; ++i) {
        const GatewayDialLoad::Result one = gatewayDials.run(1);
        const double directMs = directDial(client, account, key, &ok);
        if (one.count(QStringLiteral("200 accepted")) != 1) {
            checkAnswers(one, 1, QByteArrayLiteral("gateway_dial_round_trip"));
            return false;
        }
        if (i >= kWarmUp) {
            throughGateway.push_back(one.latenciesMs.front());
            direct.push_back(directMs);
        }
    }
    if (!ok) {
        std::fprintf(stderr, "a direct dial to the sandbox was not accepted\n");
        return false;
    }
    const double gatewayMedian = percentile(throughGateway, 0.5);
    const double directMedian = percentile(direct, 0.5);
    print("gateway_dial_round_trip_median", gatewayMedian, "ms");
    print("gateway_dial_round_trip_p95", percentile(throughGateway, 0.95), "ms");
    print("direct_dial_round_trip_median", directMedian, "ms");
    print("direct_dial_round_trip_p95", percentile(direct, 0.95), "ms");
    print("gateway_added_latency_median", gatewayMedian - directMedian, "ms");
    return true;
}

bool benchThroughput(const GatewayUnderTest &gateway, const QList<QByteArray> &tokens,
                     const SandboxServer &sandbox, int dials)
{
    GatewayDialLoad load(gateway.port(), tokens);
    bool allAccepted = true;
    for (int connections : {8, 16, 32}) {
        QString error;
        if (!load.open(connections, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return false;
        }
        const QByteArray figure = "gateway_dials_k" + QByteArray::number(connections);
        if (!checkAnswers(load.run(200), 200, figure + "_warm_up"))
            return false;
        const int sandboxBefore = sandbox.requestCount();
        const CpuTimes gatewayCpu = cpuTimesOf(gateway.pid());
        const ThreadTimes mainBefore = mainThreadTimes(gateway.pid());
        const double ownCpu = processCpuMs();
        const GatewayDialLoad::Result result = load.run(dials);
        const CpuTimes gatewayCpuAfter = cpuTimesOf(gateway.pid());
        const double gatewayCpuMs = gatewayCpuAfter.totalMs() - gatewayCpu.totalMs();
        const double gatewaySystemMs = gatewayCpuAfter.systemMs - gatewayCpu.systemMs;
        const ThreadTimes mainAfter = mainThreadTimes(gateway.pid());
        const double ownCpuMs = processCpuMs() - ownCpu;
        const double wallMs = result.seconds * 1000.0;
        const QByteArray perSecond = "gateway_dials_per_second_k" + QByteArray::number(connections);
        print(perSecond, double(dials) / result.seconds, "dials/s");
        print(figure + "_answer_median", percentile(result.latenciesMs, 0.5), "ms");
        print(figure + "_answer_p95", percentile(result.latenciesMs, 0.95), "ms");
        // How busy each side was: the gateway on its core, this process (load and sandbox) on the other.
        print(figure + "_gateway_cpu_per_dial", gatewayCpuMs / dials, "ms");
        print(figure + "_gateway_system_cpu_per_dial", gatewaySystemMs / dials, "ms");
        print(figure + "_gateway_cpu_busy", 100.0 * gatewayCpuMs / wallMs, "%");
        print(figure + "_bench_cpu_busy", 100.0 * ownCpuMs / wallMs, "%");
        // Where the wall time of the gateway's event loop went: on a core, waiting for one, and
        // the rest blocked (waiting for the disk in fsync, or for work).
        const double runPercent = 100.0 * (mainAfter.runMs - mainBefore.runMs) / wallMs;
        const double waitPercent = 100.0 * (mainAfter.waitMs - mainBefore.waitMs) / wallMs;
        print(figure + "_gateway_main_thread_running", runPercent, "%");
        print(figure + "_gateway_main_thread_waiting_for_a_core", waitPercent, "%");
        print(figure + "_gateway_main_thread_blocked", 100.0 - runPercent - waitPercent, "%");
        print(figure + "_sandbox_requests", sandbox.requestCount() - sandboxBefore, "requests");
        allAccepted = checkAnswers(result, dials, figure) && allAccepted;
    }
    return allAccepted;
}

// Issue 19: one instance on SQLite against two instances on the PostgreSQL server of
// tests/with-postgres.sh, side by side in one run.
bool compareSharedDatabase(const QString &program, SandboxServer &sandbox, const QString &folder, int dials,
                           int samples)
{
    constexpr int kTeam = 200;
    constexpr int kConnections = 16;
    const QString url = qEnvironmentVariable("ONEDIAL_TEST_PG_URL");
    const QString passwordFile = qEnvironmentVariable("ONEDIAL_TEST_PG_PASSWORD_FILE");
    if (url.isEmpty() || passwordFile.isEmpty()) {
        std::fprintf(stderr, "--compare-postgres runs inside tests/with-postgres.sh\n");
        return false;
    }
    // The sandbox's own simulated callbacks would go to the public URL, which does not exist here.
    sandbox.callbacks()->setStepMs(3600 * 1000);
    struct Setup
    {
        QByteArray name;
        QStringList init;
        int instances;
    };
    const QList<Setup> setups{
        {"sqlite_1_instance", {}, 1},
        {"postgresql_2_instances",
         {QStringLiteral("--database"), url, QStringLiteral("--database-password-file"), passwordFile},
         2},
    };
    bool ok = true;
    for (const Setup &setup : setups) {
        QString error;
        std::vector<std::unique_ptr<GatewayUnderTest>> instances;
        for (int i = 0; i < setup.instances; ++i) {
            const QString state =
                QStringLiteral("%1/%2-%3").arg(folder, QString::fromLatin1(setup.name)).arg(i + 1);
            instances.push_back(std::make_unique<GatewayUnderTest>(program, state));
        }
        QList<QByteArray> tokens;
        GatewayUnderTest &first = *instances.front();
        if (!first.setUp(sandbox.baseUrl(), &error, setup.init) ||
            !first.addMembers(kTeam, &tokens, &error)) {
            std::fprintf(stderr, "%s: %s\n", setup.name.constData(), qPrintable(error));
            return false;
        }
        QList<quint16> ports;
        for (const auto &instance : instances) {
            if ((instance.get() != &first && !first.copyStateTo(instance->stateFolder(), &error)) ||
                !instance->start(&error)) {
                std::fprintf(stderr, "%s: %s\n", setup.name.constData(), qPrintable(error));
                return false;
            }
            ports.append(instance->port());
        }
        const QByteArray figure = "compare_" + setup.name;
        GatewayDialLoad load(ports, tokens);
        if (!load.open(kConnections, &error)) {
            std::fprintf(stderr, "%s: %s\n", setup.name.constData(), qPrintable(error));
            return false;
        }
        if (!checkAnswers(load.run(200), 200, figure + "_warm_up"))
            return false;
        const GatewayDialLoad::Result result = load.run(dials);
        print(figure + "_dials_per_second_k16", double(dials) / result.seconds, "dials/s");
        print(figure + "_dial_answer_median", percentile(result.latenciesMs, 0.5), "ms");
        print(figure + "_dial_answer_p95", percentile(result.latenciesMs, 0.95), "ms");
        ok = checkAnswers(result, dials, figure) && ok;
        ok = benchEventLatency(first, tokens.at(0), QStringLiteral("member.0000"), samples, nullptr,
                               figure + "_event_latency_same_instance") &&
             ok;
        if (instances.size() > 1) {
            ok = benchEventLatency(first, tokens.at(1), QStringLiteral("member.0001"), samples,
                                   instances.at(1).get(), figure + "_event_latency_across_instances") &&
                 ok;
        }
        if (!ok)
            std::fprintf(stderr, "%s: see %s\n", setup.name.constData(), qPrintable(first.logPath()));
    }
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const bool quick = arguments.contains(QStringLiteral("--quick"));
    const qsizetype stateIn = arguments.indexOf(QStringLiteral("--state-in"));
    const int dials = quick ? 500 : 2000;
    const QString program = QStringLiteral(ONEDIAL_GATEWAY_PATH);

    SandboxServer sandbox;
    QTemporaryDir folder(stateIn > 0
                             ? arguments.value(stateIn + 1) + QStringLiteral("/onedial-bench-gateway-XXXXXX")
                             : QDir::tempPath() + QStringLiteral("/onedial-bench-gateway-XXXXXX"));
    if (!sandbox.listen() || !folder.isValid())
        return 1;
    QString error;
    const auto failed = [&] {
        folder.setAutoRemove(false); // for the gateway's log
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    };

    if (arguments.contains(QStringLiteral("--compare-postgres"))) {
        const bool ok = compareSharedDatabase(program, sandbox, folder.path(), dials, quick ? 100 : 300);
        if (!ok)
            folder.setAutoRemove(false);
        return ok ? 0 : 1;
    }

    if (!benchStore(folder.path(), quick ? 100 : 300))
        return 1;

    {
        GatewayUnderTest empty(program, folder.filePath(QStringLiteral("empty")));
        if (!empty.setUp(sandbox.baseUrl(), &error) || !empty.start(&error))
            return failed();
        printMemory(empty.pid(), "no_members_after_start");
    }

    GatewayUnderTest gateway(program, folder.filePath(QStringLiteral("state")));
    QList<QByteArray> tokens;
    if (!gateway.setUp(sandbox.baseUrl(), &error))
        return failed();
    QElapsedTimer adding;
    adding.start();
    if (!gateway.addMembers(kMembers, &tokens, &error))
        return failed();
    print("gateway_add_1000_members_through_store", msSince(adding), "ms");
    if (!gateway.start(&error))
        return failed();
    printMemory(gateway.pid(), "1000_members_after_start");

    const bool latencyOk = benchLatency(gateway.port(), tokens, sandbox, quick ? 100 : 300);
    const bool throughputOk = benchThroughput(gateway, tokens, sandbox, dials);
    printMemory(gateway.pid(), "1000_members_after_dials");
    // The sandbox's own simulated callbacks for the next dials would go to the public URL, which
    // does not exist here: they are put off until after the benchmark, so as not to run beside it.
    sandbox.callbacks()->setStepMs(3600 * 1000);
    const bool eventsOk =
        benchEventLatency(gateway, tokens.constFirst(), QStringLiteral("member.0000"), quick ? 100 : 300) &&
        benchIdleStreams(gateway, tokens);
    if (!latencyOk || !throughputOk || !eventsOk) {
        folder.setAutoRemove(false);
        std::fprintf(stderr, "gateway log: %s\n", qPrintable(gateway.logPath()));
    }
    return latencyOk && throughputOk && eventsOk ? 0 : 1;
}
