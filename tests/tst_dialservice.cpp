// The one dial service, on its own: every outcome that reached a decision is in the history with
// the moment the dial was asked for, the ones not sent included; one number is dialled once at a
// time; a missing account or key ends the dial "not sent" with a reason, or waits for the key when
// the front end can ask for it.
#include "TestEnvironment.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "contacts/ContactStore.h"
#include "dial/DialService.h"
#include "history/HistoryStore.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "services/AppServices.h"
#include "storage/Database.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace onedial;

namespace {

constexpr int kWaitMs = 10000;

DialTarget target(const char *typed)
{
    return {PhoneNumber::parse(QString::fromUtf8(typed)), {}, std::nullopt};
}

// A real account ("office", on the sandbox) whose key the keychain cannot give: this test runs
// without a Secret Service.
bool addOfficeAccount(AppServices &services)
{
    services.credentials()->setRetryDelay(0);
    Account account = services.sandbox()->sandboxAccount(Api::V1);
    account.name = QStringLiteral("office");
    return services.accounts()->save(account);
}

} // namespace

class TestDialService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceptedIsRecordedWithTheTimeAsked();
    void invalidNumberIsRecordedAndNothingSent();
    void sameNumberTwiceSendsOnce();
    void missingAccountsSayWhy();
    void databaseLeftForLaterOpensForTheFirstDial();
    void keyThatCannotBeReadEndsNotSent();
    void keyQuestionWaitsAndAbandonIsRecorded();

private:
    DialOutcome dialAndWait(DialService &service, const DialTarget &target, const AccountChoice &choice);
    test::TestEnvironment m_env;
};

void TestDialService::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
}

DialOutcome TestDialService::dialAndWait(DialService &service, const DialTarget &dialTarget,
                                         const AccountChoice &choice)
{
    QSignalSpy finished(&service, &DialService::finished);
    const quint64 id = service.dial(dialTarget, choice);
    if (!QTest::qWaitFor([&finished] { return !finished.isEmpty(); }, kWaitMs))
        return {};
    if (finished.size() != 1 || finished.at(0).at(0).value<quint64>() != id)
        return {};
    return finished.at(0).at(1).value<DialOutcome>();
}

void TestDialService::acceptedIsRecordedWithTheTimeAsked()
{
    AppServices services({.sandbox = true, .databasePath = {}});
    services.sandbox()->setSlowDelayMs(1500);
    DialService &service = *services.dialer();
    QSignalSpy added(&service, &DialService::historyAdded);
    const QDateTime asked = QDateTime::currentDateTimeUtc();
    // The slow number answers after 1.5 s; the row's time is still when the dial was asked for.
    const DialOutcome outcome =
        dialAndWait(service, target("138 0000 0901"), AccountChoice::sandbox(Api::V2));
    QVERIFY(outcome.outcome != OutcomeClass::NotSent);
    QCOMPARE(added.size(), 1);
    const CallRecord record = added.at(0).at(0).value<CallRecord>();
    QVERIFY(record.id > 0);
    QVERIFY2(qAbs(record.time.msecsTo(asked)) < 500, qPrintable(record.time.toString(Qt::ISODateWithMs)));
    QCOMPARE(record.account, QStringLiteral("sandbox"));
    QCOMPARE(record.api, Api::V2);
    QCOMPARE(record.callee, QStringLiteral("8613800000901"));
    QCOMPARE(services.history()->get(record.id)->callee, record.callee);
    QCOMPARE(services.sandbox()->requestCount(), 1);
}

void TestDialService::invalidNumberIsRecordedAndNothingSent()
{
    AppServices services({.sandbox = true, .databasePath = {}});
    DialService &service = *services.dialer();
    QSignalSpy added(&service, &DialService::historyAdded);
    const DialOutcome outcome =
        dialAndWait(service, target("138 0013 800O"), AccountChoice::sandbox(Api::V1));
    QCOMPARE(outcome.outcome, OutcomeClass::NotSent);
    QCOMPARE(outcome.error, QStringLiteral("invalid_number"));
    QCOMPARE(outcome.callee, QStringLiteral("138 0013 800O")); // as typed: it is not a number
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.at(0).at(0).value<CallRecord>().outcome, OutcomeClass::NotSent);
    QCOMPARE(services.sandbox()->requestCount(), 0);
}

void TestDialService::sameNumberTwiceSendsOnce()
{
    AppServices services({.sandbox = true, .databasePath = {}});
    services.sandbox()->setSlowDelayMs(1000);
    DialService &service = *services.dialer();
    QSignalSpy finished(&service, &DialService::finished);
    const quint64 first = service.dial(target("138 0000 0901"), AccountChoice::sandbox(Api::V1));
    QVERIFY(service.isInFlight(QStringLiteral("8613800000901")));
    // The same number written another way, even with another account choice: the same callee.
    const quint64 second = service.dial(target("+86 138-0000-0901"), AccountChoice::sandbox(Api::V2));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), second); // refused at once
    const DialOutcome refused = finished.at(0).at(1).value<DialOutcome>();
    QCOMPARE(refused.error, QStringLiteral("already_in_flight"));
    QVERIFY(refused.message.contains(QLatin1String("138 0000 0901")));
    QCOMPARE(finished.at(1).at(0).value<quint64>(), first);
    QVERIFY(!service.isInFlight(QStringLiteral("8613800000901")));
    QTest::qWait(500);
    QCOMPARE(services.sandbox()->requestCount(), 1);
    QCOMPARE(finished.size(), 2);
}

void TestDialService::missingAccountsSayWhy()
{
    AppServices services({.sandbox = false, .databasePath = {}});
    DialService &service = *services.dialer();
    const DialOutcome none = dialAndWait(service, target("13800138000"), AccountChoice::defaultAccount());
    QCOMPARE(none.error, QStringLiteral("invalid_account"));
    QVERIFY2(none.message.contains(QLatin1String("No account is set up")), qPrintable(none.message));
    const DialOutcome named =
        dialAndWait(service, target("13800138000"), AccountChoice::named(QStringLiteral("ops")));
    QVERIFY(named.message.contains(QLatin1String("no account named \"ops\"")));
    const DialOutcome sandbox = dialAndWait(service, target("13800138000"), AccountChoice::sandbox(Api::V1));
    QVERIFY(sandbox.message.contains(QLatin1String("sandbox is not running")));
    // All three are in the history: the user tried to call, and the history says why nothing rang.
    const QList<CallRecord> rows = services.history()->list({}, 3);
    QCOMPARE(rows.size(), 3);
    for (const CallRecord &row : rows)
        QCOMPARE(row.error, QStringLiteral("invalid_account"));
    QCOMPARE(rows.at(1).account, QStringLiteral("ops"));
}

void TestDialService::databaseLeftForLaterOpensForTheFirstDial()
{
    // As the window starts: the database waits for the first paint, but a dial that comes first
    // (a link given on the command line) still finds its contact and is recorded.
    const QString path = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                             .filePath(QStringLiteral("later.sqlite"));
    {
        AppServices first({.sandbox = false, .databasePath = path});
        Contact contact;
        contact.name = QStringLiteral("李四");
        contact.numbers = {{{}, QStringLiteral("13912345678"), {}}};
        QVERIFY(first.contacts()->add(contact).ok());
    }
    AppServices services({.sandbox = true, .databasePath = path, .openDatabaseLater = true});
    QVERIFY(services.databaseWaiting());
    const DialOutcome outcome =
        dialAndWait(*services.dialer(), target("139 1234 5678"), AccountChoice::sandbox(Api::V1));
    QVERIFY2(outcome.ok(), qPrintable(outcome.message));
    QVERIFY(!services.databaseWaiting());
    const QList<CallRecord> rows = services.history()->list({}, 5);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().contactName, QStringLiteral("李四"));

    // Asking for the database opens it too, once.
    AppServices later({.sandbox = false, .databasePath = path, .openDatabaseLater = true});
    QVERIFY(later.databaseWaiting());
    QVERIFY(later.databaseStatus().ok());
    QVERIFY(!later.databaseWaiting());
    QCOMPARE(later.history()->list({}, 5).size(), 1);
}

void TestDialService::keyThatCannotBeReadEndsNotSent()
{
    AppServices services({.sandbox = true, .databasePath = {}});
    QVERIFY(addOfficeAccount(services));
    const DialOutcome outcome = dialAndWait(*services.dialer(), target("13800138000"),
                                            AccountChoice::named(QStringLiteral("office")));
    QCOMPARE(outcome.outcome, OutcomeClass::NotSent);
    QCOMPARE(outcome.error, QStringLiteral("keychain"));
    QCOMPARE(outcome.exitStatus(), 4);
    QCOMPARE(services.sandbox()->requestCount(), 0);
}

void TestDialService::keyQuestionWaitsAndAbandonIsRecorded()
{
    AppServices services({.sandbox = true, .databasePath = {}});
    QVERIFY(addOfficeAccount(services));
    DialService &service = *services.dialer();
    service.setKeyPolicy(DialService::KeyPolicy::Ask);
    QSignalSpy keyNeeded(&service, &DialService::keyNeeded);
    QSignalSpy finished(&service, &DialService::finished);
    const quint64 id = service.dial(target("13800138000"), AccountChoice::named(QStringLiteral("office")));
    QTRY_COMPARE_WITH_TIMEOUT(keyNeeded.size(), 1, kWaitMs);
    QCOMPARE(keyNeeded.at(0).at(0).value<quint64>(), id);
    QCOMPARE(keyNeeded.at(0).at(1).toString(), QStringLiteral("office"));
    // While the question is open the number is held: a second dial of it sends nothing.
    QVERIFY(service.isInFlight(QStringLiteral("8613800138000")));
    service.dial(target("138 0013 8000"), AccountChoice::sandbox(Api::V1));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(finished.at(0).at(1).value<DialOutcome>().error, QStringLiteral("already_in_flight"));

    // The user gives no key: not sent, recorded, and the number is free.
    service.abandon(id);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    QCOMPARE(finished.at(1).at(0).value<quint64>(), id);
    QCOMPARE(finished.at(1).at(1).value<DialOutcome>().error, QStringLiteral("keychain"));
    QVERIFY(!service.isInFlight(QStringLiteral("8613800138000")));
    QCOMPARE(services.history()->list({}, 1).first().account, QStringLiteral("office"));
    QCOMPARE(services.sandbox()->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestDialService)
#include "tst_dialservice.moc"
