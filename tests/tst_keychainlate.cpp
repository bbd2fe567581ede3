// A keychain that comes up late, as a Secret Service can right after login: the first attempt
// fails, the single retry after a short delay succeeds, and the user is never bothered.
// Runs inside tests/with-keyring.sh; the bus address is hidden until the first attempt has failed.
#include "TestEnvironment.h"
#include "accounts/CredentialStore.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>

#include <functional>

using namespace onedial;

class TestKeychainLate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void withoutRetryTheMissingServiceIsReported();
    void lateServiceIsReachedByTheRetry();

private:
    test::TestEnvironment m_env;
    QByteArray m_realBus;
    QByteArray m_key;
};

void TestKeychainLate::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("ONEDIAL_TEST_KEYRING_HOME"), "run through tests/with-keyring.sh");
    m_realBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY(!m_realBus.isEmpty());
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    m_key = bytes.toBase64();
    // Stored by another process, so that this one has not touched the bus yet.
    const test::ProcessResult added = m_env.runOnedial(
        {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("late"), QStringLiteral("--api"),
         QStringLiteral("v1"), QStringLiteral("--appid"), QStringLiteral("1a7e0000000000000000000000000001"),
         QStringLiteral("--sponsor"), QStringLiteral("075528000003"), QStringLiteral("--caller"),
         QStringLiteral("13800138000")},
        m_key + '\n');
    QVERIFY2(added.exitCode == 0, added.err.constData());
}

void TestKeychainLate::withoutRetryTheMissingServiceIsReported()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/onedial-late-bus");
    CredentialStore store;
    store.setRetryDelay(0);
    CredentialStore::Result answer;
    bool done = false;
    store.readKey(QStringLiteral("late"), this, [&](const CredentialStore::Result &result) {
        answer = result;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
    QCOMPARE(answer.status, CredentialStore::Status::NoKeychain);
    QVERIFY(answer.message.contains(QLatin1String("GNOME Keyring")));
}

namespace {

// Set while a test waits for the store's first failure; called from the message handler.
std::function<void(const QString &)> g_onLog;
QtMessageHandler g_previousHandler = nullptr;

void watchLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_onLog && qstrcmp(context.category, "onedial.keychain") == 0)
        g_onLog(message);
    g_previousHandler(type, context, message);
}

} // namespace

void TestKeychainLate::lateServiceIsReachedByTheRetry()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/onedial-late-bus");
    CredentialStore store;
    store.setRetryDelay(100);
    // The service "starts" the moment the store has seen its first attempt fail and schedules the
    // retry (its log line says so), however long that attempt took: no race with the clock.
    int failuresSeen = 0;
    bool answered = false;
    g_onLog = [this, &failuresSeen](const QString &message) {
        if (!message.contains(QLatin1String("retrying once")))
            return;
        ++failuresSeen;
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_realBus);
    };
    QLoggingCategory::setFilterRules(QStringLiteral("onedial.keychain.info=true"));
    g_previousHandler = qInstallMessageHandler(watchLog);
    const auto restore = qScopeGuard([] {
        qInstallMessageHandler(g_previousHandler);
        g_onLog = nullptr;
        QLoggingCategory::setFilterRules({});
    });

    CredentialStore::Result answer;
    store.readKey(QStringLiteral("late"), this, [&](const CredentialStore::Result &result) {
        answer = result;
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
    QVERIFY2(answer.ok(), qPrintable(answer.message));
    QVERIFY(answer.key.base64Text() == m_key);
    // The answer came from the retry, after exactly one failed attempt.
    QCOMPARE(failuresSeen, 1);
}

QTEST_GUILESS_MAIN(TestKeychainLate)
#include "tst_keychainlate.moc"
