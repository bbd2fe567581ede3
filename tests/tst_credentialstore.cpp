// CredentialStore against a real Secret Service (gnome-keyring on a private bus, started by
// tests/with-keyring.sh): keys survive outside this process, replace and delete work, session-only
// keys stay in memory, and a missing keychain gives exit status 4 with advice that names one.
#include "TestEnvironment.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace onedial;
using onedial::test::ProcessResult;
using onedial::test::TestEnvironment;

namespace {

// 32 random bytes as base64: a key no file or output can contain by accident.
QByteArray randomKeyText()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64();
}

// A fresh account name per use, so tests cannot see each other's keychain entries.
QString uniqueAccountName(const char *purpose)
{
    return QLatin1String(purpose) + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

QString keyringFolder()
{
    return qEnvironmentVariable("ONEDIAL_TEST_KEYRING_HOME") + QStringLiteral("/.local/share/keyrings");
}

QByteArray describe(const ProcessResult &run)
{
    return "exit " + QByteArray::number(run.exitCode) + (run.crashed ? " (crashed/timed out)" : "") +
           "\nstdout: " + run.out + "\nstderr: " + run.err;
}

QByteArray loginKeyringContents()
{
    QFile file(keyringFolder() + QStringLiteral("/login.keyring"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Sets environment variables of this process for one scope; runOnedial copies this process's
// environment into the child.
class ScopedEnvironment final
{
public:
    ScopedEnvironment() = default;
    ~ScopedEnvironment()
    {
        for (auto it = m_saved.cbegin(); it != m_saved.cend(); ++it) {
            if (it.value())
                qputenv(it.key().constData(), *it.value());
            else
                qunsetenv(it.key().constData());
        }
    }
    Q_DISABLE_COPY_MOVE(ScopedEnvironment)

    void set(const char *name, const QByteArray &value)
    {
        remember(name);
        qputenv(name, value);
    }
    void unset(const char *name)
    {
        remember(name);
        qunsetenv(name);
    }

private:
    void remember(const char *name)
    {
        if (m_saved.contains(name))
            return;
        m_saved.insert(name, qEnvironmentVariableIsSet(name) ? std::optional<QByteArray>(qgetenv(name))
                                                             : std::nullopt);
    }
    QHash<QByteArray, std::optional<QByteArray>> m_saved;
};

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeThenReadBack();
    void anotherProcessReadsTheKey();
    void replaceKeepsOnlyTheNewKey();
    void deleteThenReadIsNotFound();
    void deletingAMissingEntryIsOk();
    void sessionKeyStaysInMemory();
    void writeReplacesSessionKey();
    void keyringFileHoldsTheItem();
    void noKeychainService_data();
    void noKeychainService();

private:
    CredentialStore::Result write(CredentialStore &store, const QString &name, const QByteArray &key);
    CredentialStore::Result read(CredentialStore &store, const QString &name);
    CredentialStore::Result remove(CredentialStore &store, const QString &name);
    CredentialStore::Result wait(const std::function<void(CredentialStore::Callback)> &start);
};

void TestCredentialStore::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("ONEDIAL_TEST_KEYRING_HOME"),
             "run this test through tests/with-keyring.sh (ctest does)");
    QVERIFY2(QFile::exists(keyringFolder() + QStringLiteral("/login.keyring")),
             "with-keyring.sh made no login keyring");
    QVERIFY2(!TestEnvironment::onedialExecutable().isEmpty(), "ONEDIAL_EXECUTABLE is not set");
}

CredentialStore::Result TestCredentialStore::wait(const std::function<void(CredentialStore::Callback)> &start)
{
    // Shared, so that a callback arriving after a timeout has somewhere to write.
    struct Answer
    {
        std::optional<CredentialStore::Result> result;
        int calls = 0;
    };
    const auto answer = std::make_shared<Answer>();
    start([answer](const CredentialStore::Result &result) {
        ++answer->calls;
        answer->result = result;
    });
    CredentialStore::Result failed;
    failed.status = CredentialStore::Status::Failed;
    if (!QTest::qWaitFor([answer] { return answer->result.has_value(); }, 20000)) {
        failed.message = QStringLiteral("test: no answer from the credential store within 20 s");
        return failed;
    }
    // Each callback runs exactly once: give a second call the chance to show up.
    QCoreApplication::processEvents();
    if (answer->calls != 1) {
        failed.message = QStringLiteral("test: the callback ran %1 times").arg(answer->calls);
        return failed;
    }
    return *answer->result;
}

CredentialStore::Result TestCredentialStore::write(CredentialStore &store, const QString &name,
                                                   const QByteArray &key)
{
    return wait(
        [&](CredentialStore::Callback done) { store.writeKey(name, AccessKey(key), this, std::move(done)); });
}

CredentialStore::Result TestCredentialStore::read(CredentialStore &store, const QString &name)
{
    return wait([&](CredentialStore::Callback done) { store.readKey(name, this, std::move(done)); });
}

CredentialStore::Result TestCredentialStore::remove(CredentialStore &store, const QString &name)
{
    return wait([&](CredentialStore::Callback done) { store.deleteKey(name, this, std::move(done)); });
}

void TestCredentialStore::writeThenReadBack()
{
    const QString name = uniqueAccountName("write-read");
    const QByteArray key = randomKeyText();
    CredentialStore store;
    const auto written = write(store, name, key);
    QVERIFY2(written.ok(), qPrintable(written.message));
    QVERIFY(written.message.isEmpty());

    const auto again = read(store, name);
    QVERIFY2(again.ok(), qPrintable(again.message));
    QVERIFY(again.key.base64Text() == key);
    QVERIFY(!again.sessionOnly);

    // Nothing is kept in memory between reads: a key changed meanwhile by another program (here
    // another instance) is what the next read gives.
    const QByteArray changed = randomKeyText();
    CredentialStore other;
    QVERIFY(write(other, name, changed).ok());
    const auto reread = read(store, name);
    QVERIFY2(reread.ok(), qPrintable(reread.message));
    QVERIFY(reread.key.base64Text() == changed);
    QVERIFY(write(store, name, key).ok());

    // A new instance has nothing in memory: the key can only come from the daemon.
    CredentialStore fresh;
    const auto stored = read(fresh, name);
    QVERIFY2(stored.ok(), qPrintable(stored.message));
    QVERIFY(stored.key.base64Text() == key);
    QVERIFY(!stored.sessionOnly);
    QVERIFY(!fresh.hasSessionKey(name));
}

void TestCredentialStore::anotherProcessReadsTheKey()
{
    // This process writes the sandbox key; a separate onedial process reads it from the keychain
    // and signs a request the sandbox accepts, so the key left this process's memory intact.
    SandboxServer sandbox;
    QVERIFY(sandbox.listen());
    TestEnvironment env;
    QVERIFY(env.isValid());
    Account account = sandbox.sandboxAccount(Api::V1);
    account.name = uniqueAccountName("other-process");
    {
        AccountStore accounts(env.configHome() + QStringLiteral("/onedial/onedial.ini"));
        QVERIFY(accounts.save(account));
    }
    CredentialStore store;
    const auto written = write(store, account.name, SandboxScenarios::key());
    QVERIFY2(written.ok(), qPrintable(written.message));

    const ProcessResult run =
        env.runOnedial({QStringLiteral("dial"), QStringLiteral("13800138000"), QStringLiteral("--account"),
                        account.name, QStringLiteral("--json")});
    QVERIFY(!run.crashed);
    QVERIFY2(run.exitCode == 0, describe(run));
    const QJsonObject outcome = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(outcome.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(outcome.value(QStringLiteral("code_no")).toString(), QStringLiteral("000000"));
    QCOMPARE(sandbox.requestCount(), 1);
}

void TestCredentialStore::replaceKeepsOnlyTheNewKey()
{
    const QString name = uniqueAccountName("replace");
    const QByteArray first = randomKeyText();
    const QByteArray second = randomKeyText();
    QVERIFY(first != second);
    CredentialStore store;
    QVERIFY(write(store, name, first).ok());
    QVERIFY(write(store, name, second).ok());

    QVERIFY(read(store, name).key.base64Text() == second);
    CredentialStore fresh;
    const auto stored = read(fresh, name);
    QVERIFY2(stored.ok(), qPrintable(stored.message));
    QVERIFY(stored.key.base64Text() == second);
}

void TestCredentialStore::deleteThenReadIsNotFound()
{
    const QString name = uniqueAccountName("delete");
    CredentialStore store;
    QVERIFY(write(store, name, randomKeyText()).ok());
    const auto removed = remove(store, name);
    QVERIFY2(removed.ok(), qPrintable(removed.message));

    // Neither the instance that removed it nor a new one finds it.
    CredentialStore fresh;
    for (CredentialStore *reader : {&store, &fresh}) {
        const auto gone = read(*reader, name);
        QCOMPARE(gone.status, CredentialStore::Status::NotFound);
        QVERIFY(gone.key.isEmpty());
        QVERIFY2(gone.message.contains(name), qPrintable(gone.message));
        QVERIFY(gone.message.contains(QLatin1String("onedial account add")));
    }
}

void TestCredentialStore::deletingAMissingEntryIsOk()
{
    CredentialStore store;
    const auto removed = remove(store, uniqueAccountName("never-written"));
    QVERIFY2(removed.ok(), qPrintable(removed.message));
    QVERIFY(removed.message.isEmpty());
}

void TestCredentialStore::sessionKeyStaysInMemory()
{
    const QString name = uniqueAccountName("session");
    const QByteArray key = randomKeyText();
    CredentialStore store;
    store.keepForSession(name, AccessKey(key));
    QVERIFY(store.hasSessionKey(name));

    const auto inMemory = read(store, name);
    QVERIFY2(inMemory.ok(), qPrintable(inMemory.message));
    QVERIFY(inMemory.sessionOnly);
    QVERIFY(inMemory.key.base64Text() == key);

    // Nothing reached the keychain.
    CredentialStore fresh;
    QCOMPARE(read(fresh, name).status, CredentialStore::Status::NotFound);

    store.forget(name);
    QVERIFY(!store.hasSessionKey(name));
    QCOMPARE(read(store, name).status, CredentialStore::Status::NotFound);
}

void TestCredentialStore::writeReplacesSessionKey()
{
    const QString name = uniqueAccountName("session-then-write");
    const QByteArray sessionKey = randomKeyText();
    const QByteArray storedKey = randomKeyText();
    CredentialStore store;
    store.keepForSession(name, AccessKey(sessionKey));
    QVERIFY(write(store, name, storedKey).ok());
    QVERIFY(!store.hasSessionKey(name));

    const auto after = read(store, name);
    QVERIFY(after.ok());
    QVERIFY(!after.sessionOnly);
    QVERIFY(after.key.base64Text() == storedKey);
}

void TestCredentialStore::keyringFileHoldsTheItem()
{
    const QString name = uniqueAccountName("on-disk");
    const QByteArray key = randomKeyText();
    CredentialStore store;
    QVERIFY(write(store, name, key).ok());

    // gnome-keyring adds the item to the login keyring file as soon as it is stored. That keyring
    // has no password (with-keyring.sh made it in the plain [keyring] form), so the daemon keeps
    // the file as text: one [N] section per item with display-name and secret, and one
    // [N:attributeM] section per attribute. QtKeychain labels the item with the service name,
    // files the entry name under "user", and stores binary data base64-encoded ("type" base64),
    // so the secret on disk is the base64 of the key text, not the key text itself.
    const QByteArray entry = "value=" + CredentialStore::entryName(name).toUtf8();
    QTRY_VERIFY_WITH_TIMEOUT(loginKeyringContents().contains(entry), 5000);
    const QByteArray contents = loginKeyringContents();
    QVERIFY(contents.startsWith("[keyring]"));
    QVERIFY(contents.contains(QByteArray("display-name=" + CredentialStore::serviceName().toUtf8())));
    QVERIFY(contents.contains("name=type\ntype=string\nvalue=base64\n"));
    QVERIFY(contents.contains(QByteArray("secret=" + key.toBase64() + '\n')));
    QVERIFY(!contents.contains(key));

    // After deleting, the item and its secret leave the file.
    QVERIFY(remove(store, name).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!loginKeyringContents().contains(entry), 5000);
    QVERIFY(!loginKeyringContents().contains(key.toBase64()));
}

void TestCredentialStore::noKeychainService_data()
{
    QTest::addColumn<QByteArray>("busAddress"); // empty: no session bus address at all

    QTest::newRow("bus address points nowhere") << QByteArray("unix:path=/nonexistent");
    QTest::newRow("no bus address, no display") << QByteArray();
}

void TestCredentialStore::noKeychainService()
{
    QFETCH(QByteArray, busAddress);
    TestEnvironment env;
    QVERIFY(env.isValid());
    Account account;
    account.name = QStringLiteral("office");
    account.appId = SandboxScenarios::appId();
    account.sponsor = SandboxScenarios::sponsor();
    account.caller = SandboxScenarios::caller();
    account.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9")); // never reached
    {
        AccountStore accounts(env.configHome() + QStringLiteral("/onedial/onedial.ini"));
        QVERIFY(accounts.save(account));
        QVERIFY(accounts.setDefaultAccountName(account.name));
    }

    // The child gets no usable session bus; GLib would also look for $XDG_RUNTIME_DIR/bus, so
    // that points at a folder without one.
    auto runWithoutBus = [&env, &busAddress](const QStringList &arguments) {
        ScopedEnvironment scoped;
        if (busAddress.isEmpty())
            scoped.unset("DBUS_SESSION_BUS_ADDRESS");
        else
            scoped.set("DBUS_SESSION_BUS_ADDRESS", busAddress);
        scoped.unset("DISPLAY");
        scoped.unset("WAYLAND_DISPLAY");
        scoped.set("XDG_RUNTIME_DIR", env.home().toLocal8Bit());
        return env.runOnedial(arguments);
    };

    const ProcessResult run = runWithoutBus({QStringLiteral("dial"), QStringLiteral("13800138000")});
    QVERIFY(!run.crashed);
    QVERIFY2(run.exitCode == 4, describe(run));
    const QString text = QString::fromUtf8(run.out + run.err);
    QVERIFY2(text.contains(QLatin1String("GNOME Keyring")) && text.contains(QLatin1String("KWallet")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Not sent")), qPrintable(text));

    // The JSON form says why, too.
    const ProcessResult json =
        runWithoutBus({QStringLiteral("dial"), QStringLiteral("13800138000"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 4);
    const QJsonObject outcome = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(outcome.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(outcome.value(QStringLiteral("outcome")).toString(), QStringLiteral("not_sent"));
    QCOMPARE(outcome.value(QStringLiteral("error")).toString(), QStringLiteral("keychain"));
    QVERIFY(outcome.value(QStringLiteral("message")).toString().contains(QLatin1String("GNOME Keyring")));
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
