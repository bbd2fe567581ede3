// The gateway's store on a real PostgreSQL server (tests/with-postgres.sh), as several instances
// use it: the schema and its append-only tables in PostgreSQL's dialect; the daily limit, one dial
// in flight per number and calls that only move forward, each under real concurrency (threads,
// each with its own connection, started at the same moment); event ids that commit in order for a
// reader that resumes; notifications between instances; instances taken for stopped only when
// they stop saying they are alive; a server restart; and `migrate --from-sqlite`.
#include "GatewayConfig.h"
#include "GatewayInstance.h"
#include "GatewayStore.h"
#include "UserToken.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <latch>
#include <thread>

using namespace onedial;
using namespace onedial::gateway;

namespace {

ServerConnection testServer()
{
    QString error;
    std::optional<ServerConnection> server =
        GatewayConfig::parseDatabaseUrl(qEnvironmentVariable("ONEDIAL_TEST_PG_URL"), &error);
    if (!server)
        qFatal("ONEDIAL_TEST_PG_URL: %s (run inside tests/with-postgres.sh)", qPrintable(error));
    QFile password(qEnvironmentVariable("ONEDIAL_TEST_PG_PASSWORD_FILE"));
    if (!password.open(QIODevice::ReadOnly))
        qFatal("ONEDIAL_TEST_PG_PASSWORD_FILE cannot be read");
    server->password = QString::fromUtf8(password.readAll().trimmed());
    return *server;
}

User newUser(const QString &name, int dailyLimit = 0)
{
    const UserToken token = UserToken::generate();
    User user;
    user.name = name;
    user.caller = QStringLiteral("8613900139000");
    user.dailyLimit = dailyLimit;
    user.tokenId = token.id;
    user.tokenHash = token.hash;
    return user;
}

DialOutcome accepted(const QString &callee, const QString &callId)
{
    DialOutcome outcome;
    outcome.outcome = OutcomeClass::Accepted;
    outcome.callee = callee;
    outcome.callId = callId;
    outcome.requestId = QStringLiteral("request-") + callId;
    outcome.httpStatus = 200;
    return outcome;
}

CallStatusReport report(const QString &callId, CallProgress progress)
{
    CallStatusReport status;
    status.callId = callId;
    status.progress = progress;
    status.reportDate = QStringLiteral("20261207120000");
    return status;
}

// Runs work(store, index) on `threads` threads at once, each with its own open store (its own
// connection), released together once all are open.
template<typename Work> void concurrently(int threads, Work work)
{
    std::latch ready(threads);
    std::vector<std::thread> running;
    running.reserve(std::size_t(threads));
    std::atomic<int> failedToOpen = 0;
    for (int i = 0; i < threads; ++i) {
        running.emplace_back([&, i] {
            GatewayStore store(testServer());
            const bool opened = store.open().ok();
            if (!opened)
                ++failedToOpen;
            ready.arrive_and_wait();
            if (opened)
                work(store, i);
        });
    }
    for (std::thread &thread : running)
        thread.join();
    QCOMPARE(failedToOpen.load(), 0);
}

} // namespace

class TestGatewayPostgres : public QObject
{
    Q_OBJECT

private:
    // A connection of the test's own, outside the store, for what the store must refuse and for
    // emptying the database between tests.
    QSqlDatabase admin()
    {
        const QString name = QStringLiteral("admin");
        if (QSqlDatabase::contains(name))
            return QSqlDatabase::database(name);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        const ServerConnection server = testServer();
        db.setHostName(server.host);
        db.setPort(server.port);
        db.setUserName(server.user);
        db.setPassword(server.password);
        db.setDatabaseName(server.databaseName);
        if (!db.open())
            qWarning() << db.lastError().text();
        return db;
    }

    bool exec(const QString &sql)
    {
        QSqlQuery query(admin());
        if (!query.exec(sql)) {
            qWarning() << sql << query.lastError().text();
            return false;
        }
        return true;
    }

    std::unique_ptr<GatewayStore> open()
    {
        auto store = std::make_unique<GatewayStore>(testServer());
        const StorageResult opened = store->open();
        if (!opened.ok())
            qWarning() << opened.message;
        return opened.ok() ? std::move(store) : nullptr;
    }

    // A dial of user's accepted by OneNET with the call id given.
    qint64 placeCall(GatewayStore *store, const User &user, const QString &callee, const QString &callId)
    {
        const GatewayStore::BeginResult begun = store->beginDial(user, callee, {}, QDate::currentDate());
        if (begun.status != GatewayStore::Begin::Recorded)
            return 0;
        if (!store->finishDial(begun.dialId, user.name, accepted(callee, callId), {}).ok())
            return 0;
        return begun.dialId;
    }

    void pgCtl(const QStringList &arguments)
    {
        QProcess ctl;
        ctl.start(qEnvironmentVariable("ONEDIAL_TEST_PG_CTL"), arguments);
        QVERIFY(ctl.waitForFinished(60000));
        QCOMPARE(ctl.exitCode(), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("ONEDIAL_TEST_PG_URL"), "run inside tests/with-postgres.sh");
        QVERIFY(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")));
    }

    void init()
    {
        // A new admin connection each time: a test may have restarted the server.
        if (QSqlDatabase::contains(QStringLiteral("admin"))) {
            QSqlDatabase::database(QStringLiteral("admin"), false).close();
            QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        }
        // Every test starts from an empty database.
        QVERIFY(exec(QStringLiteral("DROP SCHEMA public CASCADE")));
        QVERIFY(exec(QStringLiteral("CREATE SCHEMA public")));
    }

    void schemaIsMadeOnceAndVersioned()
    {
        auto first = open();
        QVERIFY(first);
        QCOMPARE(first->database().schemaVersion(), GatewayStore::schema().version());
        QVERIFY(first->isShared());
        QCOMPARE(first->path(), qEnvironmentVariable("ONEDIAL_TEST_PG_URL"));
        // A second instance finds it made, and migrates nothing.
        auto second = open();
        QVERIFY(second);
        QSqlQuery query(admin());
        QVERIFY(query.exec(QStringLiteral("SELECT version FROM onedial_schema")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), GatewayStore::schema().version());
        QVERIFY(!query.next());

        // A database a newer gateway migrated: refused, untouched.
        QVERIFY(exec(QStringLiteral("UPDATE onedial_schema SET version = 99")));
        GatewayStore newer(testServer());
        const StorageResult opened = newer.open();
        QCOMPARE(opened.error, StorageError::TooNew);
        QVERIFY(opened.message.contains(QLatin1String("newer onedial-gateway")));
        QVERIFY(query.exec(QStringLiteral("SELECT version FROM onedial_schema")) && query.next());
        QCOMPARE(query.value(0).toInt(), 99);
    }

    void auditAndEventsAreAppendOnly()
    {
        auto store = open();
        QVERIFY(store);
        User zhang = newUser(QStringLiteral("zhang.san"));
        QVERIFY(store->addUser(&zhang).ok());
        QVERIFY(placeCall(store.get(), zhang, QStringLiteral("8613800138000"), QStringLiteral("call-1")) > 0);
        QCOMPARE(store->applyCallStatus(report(QStringLiteral("call-1"), CallProgress::Connected), {}).status,
                 GatewayStore::Apply::Moved);
        for (const char *table : {"audit", "call_events"}) {
            for (const QString &sql : {QStringLiteral("UPDATE %1 SET user_name = 'someone'"),
                                       QStringLiteral("DELETE FROM %1"), QStringLiteral("TRUNCATE %1")}) {
                QSqlQuery query(admin());
                QVERIFY2(!query.exec(sql.arg(QLatin1String(table))),
                         qPrintable(sql.arg(QLatin1String(table))));
                QVERIFY2(query.lastError().text().contains(QLatin1String("append-only")),
                         qPrintable(query.lastError().text()));
            }
        }
        QCOMPARE(store->callEvents(zhang.name, 0).size(), 1);
        QCOMPARE(store->audit(zhang.name, {}).size(), 4); // added, sending, finished, call.status
    }

    void dailyLimitHoldsAcrossConnections()
    {
        auto store = open();
        QVERIFY(store);
        User li = newUser(QStringLiteral("li.si"), 5);
        QVERIFY(store->addUser(&li).ok());
        std::atomic<int> recorded = 0;
        std::atomic<int> limited = 0;
        std::atomic<int> other = 0;
        // Four desktops at four instances, five different numbers each, all at once.
        concurrently(4, [&](GatewayStore &instance, int index) {
            for (int i = 0; i < 5; ++i) {
                const QString callee =
                    QStringLiteral("86138001%1%2").arg(index).arg(i, 4, 10, QLatin1Char('0'));
                const auto begun = instance.beginDial(li, callee, {}, QDate::currentDate());
                if (begun.status == GatewayStore::Begin::Recorded)
                    ++recorded;
                else if (begun.status == GatewayStore::Begin::DailyLimit)
                    ++limited;
                else
                    ++other;
            }
        });
        QCOMPARE(recorded.load(), 5);
        QCOMPARE(limited.load(), 15);
        QCOMPARE(other.load(), 0);
        QCOMPARE(store->dialsOn(li.name, QDate::currentDate()), 5);
    }

    void oneDialInFlightAcrossConnections()
    {
        auto store = open();
        QVERIFY(store);
        User zhang = newUser(QStringLiteral("zhang.san"));
        QVERIFY(store->addUser(&zhang).ok());
        for (int round = 0; round < 10; ++round) {
            const QString callee = QStringLiteral("86138002000%1").arg(round, 2, 10, QLatin1Char('0'));
            std::atomic<int> recorded = 0;
            std::atomic<int> inFlight = 0;
            concurrently(4, [&](GatewayStore &instance, int) {
                const auto begun = instance.beginDial(zhang, callee, {}, QDate::currentDate());
                if (begun.status == GatewayStore::Begin::Recorded)
                    ++recorded;
                else if (begun.status == GatewayStore::Begin::InFlight)
                    ++inFlight;
            });
            QCOMPARE(recorded.load(), 1);
            QCOMPARE(inFlight.load(), 3);
        }
    }

    void callsOnlyMoveForwardAcrossConnections()
    {
        auto store = open();
        QVERIFY(store);
        User zhang = newUser(QStringLiteral("zhang.san"));
        QVERIFY(store->addUser(&zhang).ok());
        constexpr int kCalls = 40;
        for (int i = 0; i < kCalls; ++i) {
            QVERIFY(placeCall(store.get(), zhang,
                              QStringLiteral("86138003%1").arg(i, 5, 10, QLatin1Char('0')),
                              QStringLiteral("call-%1").arg(i)) > 0);
        }
        // OneNET's Connected and Disconnected of each call arrive at two instances at once.
        std::atomic<int> failed = 0;
        concurrently(2, [&](GatewayStore &instance, int index) {
            const CallProgress progress = index == 0 ? CallProgress::Connected : CallProgress::Disconnected;
            for (int i = 0; i < kCalls; ++i) {
                if (instance.applyCallStatus(report(QStringLiteral("call-%1").arg(i), progress), {}).status ==
                    GatewayStore::Apply::Failed) {
                    ++failed;
                }
            }
        });
        QCOMPARE(failed.load(), 0);
        const QList<DialRecord> calls = store->calls(zhang.name, 0);
        QCOMPARE(calls.size(), kCalls);
        QHash<QString, QStringList> eventsOf;
        for (const CallEvent &event : store->callEvents(zhang.name, 0))
            eventsOf[event.callId].append(event.status);
        for (const DialRecord &call : calls) {
            QCOMPARE(call.callStatus, QStringLiteral("Disconnected"));
            const QStringList events = eventsOf.value(call.callId);
            // Disconnected first leaves Connected out; never Connected after Disconnected.
            QVERIFY2(events == QStringList{QStringLiteral("Disconnected")} ||
                         events == (QStringList{QStringLiteral("Connected"), QStringLiteral("Disconnected")}),
                     qPrintable(events.join(QLatin1Char(' '))));
        }
    }

    void aResumingReaderMissesNoEvent()
    {
        auto store = open();
        QVERIFY(store);
        User zhang = newUser(QStringLiteral("zhang.san"));
        QVERIFY(store->addUser(&zhang).ok());
        constexpr int kCalls = 60;
        for (int i = 0; i < kCalls; ++i) {
            QVERIFY(placeCall(store.get(), zhang,
                              QStringLiteral("86138004%1").arg(i, 5, 10, QLatin1Char('0')),
                              QStringLiteral("call-%1").arg(i)) > 0);
        }
        // Three instances store the member's events while a fourth reads what is stored after
        // the last id it saw, as a stream does: an id committed after a higher one would be lost.
        std::atomic<bool> writing = true;
        QList<qint64> seen;
        std::atomic<int> writers = 3;
        concurrently(4, [&](GatewayStore &instance, int index) {
            if (index == 3) {
                qint64 last = 0;
                while (writing.load()) {
                    for (const CallEvent &event : instance.callEvents(zhang.name, last)) {
                        seen.append(event.id);
                        last = event.id;
                    }
                }
                for (const CallEvent &event : instance.callEvents(zhang.name, last))
                    seen.append(event.id);
                return;
            }
            for (int i = index; i < kCalls; i += 3) {
                for (CallProgress progress : {CallProgress::CallingCaller, CallProgress::CallingCallee,
                                              CallProgress::Connected, CallProgress::Disconnected}) {
                    instance.applyCallStatus(report(QStringLiteral("call-%1").arg(i), progress), {});
                }
            }
            if (--writers == 0)
                writing = false;
        });
        QList<qint64> stored;
        for (qint64 after = 0;;) {
            const QList<CallEvent> page = store->callEvents(zhang.name, after);
            if (page.isEmpty())
                break;
            for (const CallEvent &event : page)
                stored.append(event.id);
            after = page.constLast().id;
        }
        QCOMPARE(stored.size(), kCalls * 4);
        QCOMPARE(seen, stored);
    }

    void otherInstancesHearOfEvents()
    {
        auto first = open();
        auto second = open();
        QVERIFY(first && second);
        GatewayInstance a(first.get());
        GatewayInstance b(second.get());
        QString error;
        QVERIFY2(a.start(&error), qPrintable(error));
        QVERIFY2(b.start(&error), qPrintable(error));
        QSignalSpy heardByA(&a, &GatewayInstance::eventsStored);
        QSignalSpy heardByB(&b, &GatewayInstance::eventsStored);
        User zhang = newUser(QStringLiteral("zhang.san"));
        QVERIFY(first->addUser(&zhang).ok());
        QVERIFY(placeCall(first.get(), zhang, QStringLiteral("8613800138000"), QStringLiteral("call-1")) > 0);
        QCOMPARE(first->applyCallStatus(report(QStringLiteral("call-1"), CallProgress::Connected), {}).status,
                 GatewayStore::Apply::Moved);
        QTRY_COMPARE(heardByB.size(), 1);
        QCOMPARE(heardByB.constFirst().constFirst().toString(), zhang.name);
        // An unchanged report is no news; the instance that stored it had no need to hear it.
        QCOMPARE(first->applyCallStatus(report(QStringLiteral("call-1"), CallProgress::Connected), {}).status,
                 GatewayStore::Apply::Unchanged);
        QTest::qWait(300);
        QCOMPARE(heardByB.size(), 1);
        QCOMPARE(heardByA.size(), 0);
    }

    void onlyStoppedInstancesDialsAreInterrupted()
    {
        auto first = open();
        auto second = open();
        QVERIFY(first && second);
        QVERIFY(first->registerInstance(QStringLiteral("instance-a")).ok());
        QVERIFY(second->registerInstance(QStringLiteral("instance-b")).ok());
        User zhang = newUser(QStringLiteral("zhang.san"));
        QVERIFY(first->addUser(&zhang).ok());
        QCOMPARE(first->beginDial(zhang, QStringLiteral("8613800138000"), {}, QDate::currentDate()).status,
                 GatewayStore::Begin::Recorded);
        const QDateTime staleBefore = QDateTime::currentDateTimeUtc().addSecs(-30);
        // A is alive: its dial in flight is its own business.
        QCOMPARE(second->recoverInterrupted(staleBefore), 0);
        // A has not been seen for a minute: it stopped.
        QVERIFY(exec(QStringLiteral("UPDATE instances SET seen_utc = '%1' WHERE id = 'instance-a'")
                         .arg(QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs))));
        QCOMPARE(second->recoverInterrupted(staleBefore), 1);
        QCOMPARE(second->calls(zhang.name, 0).constFirst().state, QStringLiteral("unknown"));
        // Its real outcome, written late (A was only cut off), replaces the guess.
        QVERIFY(first
                    ->finishDial(1, zhang.name,
                                 accepted(QStringLiteral("8613800138000"), QStringLiteral("c1")), {})
                    .ok());
        QCOMPARE(second->calls(zhang.name, 0).constFirst().state, QStringLiteral("accepted"));
        // A says it is alive again.
        QVERIFY(first->heartbeat().ok());
    }

    void serverRestartIsSurvived()
    {
        auto store = open();
        auto other = open();
        QVERIFY(store && other);
        GatewayInstance instance(store.get());
        instance.setTimings(100, 600);
        QString error;
        QVERIFY2(instance.start(&error), qPrintable(error));
        QSignalSpy lost(&instance, &GatewayInstance::databaseLost);
        QSignalSpy back(&instance, &GatewayInstance::databaseBack);
        QSignalSpy heard(&instance, &GatewayInstance::eventsStored);
        User zhang = newUser(QStringLiteral("zhang.san"));
        QVERIFY(store->addUser(&zhang).ok());

        pgCtl({QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate")});
        QElapsedTimer timer;
        timer.start();
        StorageResult read;
        QVERIFY(!store->userByName(zhang.name, &read));
        QCOMPARE(read.error, StorageError::Unavailable);
        const GatewayStore::BeginResult begun =
            store->beginDial(zhang, QStringLiteral("8613800138000"), {}, QDate::currentDate());
        QCOMPARE(begun.status, GatewayStore::Begin::Failed);
        QCOMPARE(begun.storage.error, StorageError::Unavailable);
        QVERIFY(!store->isHealthy());
        // At once: not after waiting out the 5 s connect timeout for a server that is not there.
        QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
        QTRY_COMPARE(lost.size(), 1);

        pgCtl({QStringLiteral("start")});
        QTRY_VERIFY_WITH_TIMEOUT(!back.isEmpty(), 10000);
        QVERIFY(store->userByName(zhang.name));
        QVERIFY(store->isHealthy());
        // Nothing of the refused dial was written.
        QVERIFY(store->calls(zhang.name, 0).isEmpty());
        // It listens again on its new connection: another instance's event reaches it.
        // The other store (it does not listen) finds out on its next use, and connects again.
        QTRY_VERIFY_WITH_TIMEOUT(other->isHealthy(), 5000);
        QVERIFY(placeCall(other.get(), zhang, QStringLiteral("8613800138000"), QStringLiteral("call-9")) > 0);
        QCOMPARE(other->applyCallStatus(report(QStringLiteral("call-9"), CallProgress::Connected), {}).status,
                 GatewayStore::Apply::Moved);
        QTRY_COMPARE(heard.size(), 1);
    }

    void migrateFromSqlite()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        GatewayStore source(folder.filePath(QStringLiteral("gateway.sqlite")));
        QVERIFY(source.open().ok());
        User zhang = newUser(QStringLiteral("zhang.san"), 3);
        User li = newUser(QStringLiteral("li.si"));
        QVERIFY(source.addUser(&zhang).ok() && source.addUser(&li).ok());
        QVERIFY(source.setDisabled(li.name, true).ok());
        for (int i = 0; i < 3; ++i) {
            QVERIFY(placeCall(&source, zhang, QStringLiteral("86138005%1").arg(i, 5, 10, QLatin1Char('0')),
                              QStringLiteral("call-%1").arg(i)) > 0);
            QCOMPARE(
                source.applyCallStatus(report(QStringLiteral("call-%1").arg(i), CallProgress::Connected), {})
                    .status,
                GatewayStore::Apply::Moved);
        }
        // The member's limit is reached.
        QCOMPARE(source.beginDial(zhang, QStringLiteral("8613800138000"), {}, QDate::currentDate()).status,
                 GatewayStore::Begin::DailyLimit);

        auto target = open();
        QVERIFY(target);
        QList<QPair<QString, int>> copied;
        const StorageResult moved = target->importFrom(source, &copied);
        QVERIFY2(moved.ok(), qPrintable(moved.message));
        const int auditRows = int(source.audit({}, {}).size());
        QCOMPARE(copied, (QList<QPair<QString, int>>{{QStringLiteral("users"), 2},
                                                     {QStringLiteral("dials"), 3},
                                                     {QStringLiteral("call_events"), 3},
                                                     {QStringLiteral("audit"), auditRows}}));
        // The same members (their tokens still work), dials, events and audit, with the same ids.
        const std::optional<User> copiedZhang = target->userByTokenId(zhang.tokenId);
        QVERIFY(copiedZhang);
        QCOMPARE(copiedZhang->tokenHash, zhang.tokenHash);
        QCOMPARE(copiedZhang->dailyLimit, 3);
        QVERIFY(target->userByName(li.name)->disabled);
        const auto sameCalls = [](const QList<DialRecord> &a, const QList<DialRecord> &b) {
            if (a.size() != b.size())
                return false;
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (a[i].toJson() != b[i].toJson())
                    return false;
            }
            return true;
        };
        QVERIFY(sameCalls(target->calls(zhang.name, 0), source.calls(zhang.name, 0)));
        QList<qint64> sourceEvents;
        QList<qint64> targetEvents;
        for (const CallEvent &event : source.callEvents(zhang.name, 0))
            sourceEvents.append(event.id);
        for (const CallEvent &event : target->callEvents(zhang.name, 0))
            targetEvents.append(event.id);
        QCOMPARE(targetEvents, sourceEvents);
        const QList<AuditEntry> audit = target->audit({}, {});
        QCOMPARE(audit.size(), auditRows + 1);
        QCOMPARE(audit.constLast().event, QStringLiteral("gateway.migrated"));
        // New rows continue after the copied ids; the daily limit counts the copied dials.
        User wang = newUser(QStringLiteral("wang.wu"));
        QVERIFY(target->addUser(&wang).ok());
        QCOMPARE(wang.id, qint64(3));
        const auto next = target->beginDial(wang, QStringLiteral("8613800138000"), {}, QDate::currentDate());
        QCOMPARE(next.status, GatewayStore::Begin::Recorded);
        QCOMPARE(next.dialId, qint64(4));
        QCOMPARE(
            target->beginDial(*copiedZhang, QStringLiteral("8613800138001"), {}, QDate::currentDate()).status,
            GatewayStore::Begin::DailyLimit);
        // Never twice.
        const StorageResult again = target->importFrom(source, &copied);
        QCOMPARE(again.error, StorageError::Rejected);
        QVERIFY(again.message.contains(QLatin1String("already holds")));
    }
};

QTEST_GUILESS_MAIN(TestGatewayPostgres)
#include "tst_gatewaypostgres.moc"
