// The command-line contract: the real onedial executable in a throw-away XDG tree, with a real
// Secret Service (tests/with-keyring.sh) and the OneNET sandbox running in this process on
// loopback. Exit statuses, JSON shapes, one request per dial, and no access key anywhere but
// the keychain.
#include "ScriptedHttpServer.h"
#include "TestEnvironment.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

using namespace onedial;
using onedial::test::ProcessResult;
using onedial::test::TestEnvironment;

namespace {

const QString kSponsorTyped = QStringLiteral("0755-2800-0003");
const QString kCallerTyped = QStringLiteral("+86 138 0013 8000");

// 32 random bytes: a key that no file or output can contain by accident.
QByteArray randomKeyBytes()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes;
}

QString randomAppId()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toHex());
}

QByteArray describe(const ProcessResult &run)
{
    return "exit " + QByteArray::number(run.exitCode) + (run.crashed ? " (crashed/timed out)" : "") +
           "\nstdout: " + run.out + "\nstderr: " + run.err;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void versionAndHelp();
    void addStoresNumbersInApiForm();
    void addRejectsKeysOneNetNeverIssues_data();
    void addRejectsKeysOneNetNeverIssues();
    void addRejectsMissingFields_data();
    void addRejectsMissingFields();
    void listJsonShape();
    void defaultAccount();
    void removeDeletesAccountAndKey();
    void dialAccepted();
    void dialRefused();
    void dialInvalidNumberSendsNothing();
    void dialTimeout();
    void twoProcessesDialOneNumberOnce();
    void dialSandboxWithoutAccount();
    void dialWaitFollowsTheCall();
    void v2AccountDials();
    void tokenMatchesReference();
    void keyAppearsOnlyInTheKeychain();
    void gatewayAccount();

private:
    ProcessResult run(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 30000);
    ProcessResult addSales(const QString &name = QStringLiteral("sales"),
                           const QByteArray &key = SandboxScenarios::key());
    QJsonArray listAccounts();
    CredentialStore::Status keychainStatus(const QString &accountName);
    QString settingsPath() const { return m_env->configHome() + QStringLiteral("/onedial/onedial.ini"); }

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<TestEnvironment> m_env;
    QList<ProcessResult> m_runs; // every command of the current test, for the secret scan
};

void TestCli::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("ONEDIAL_TEST_KEYRING_HOME"),
             "run this test through tests/with-keyring.sh (ctest does)");
    QVERIFY2(QFileInfo(TestEnvironment::onedialExecutable()).isExecutable(), "ONEDIAL_EXECUTABLE is not set");
}

void TestCli::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_env = std::make_unique<TestEnvironment>();
    QVERIFY(m_env->isValid());
    m_runs.clear();
}

void TestCli::cleanup()
{
    m_env.reset();
    m_sandbox.reset();
}

ProcessResult TestCli::run(const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    ProcessResult result = m_env->runOnedial(arguments, input, timeoutMs);
    m_runs << result;
    return result;
}

ProcessResult TestCli::addSales(const QString &name, const QByteArray &key)
{
    return run({QStringLiteral("account"), QStringLiteral("add"), name, QStringLiteral("--api"),
                QStringLiteral("v1"), QStringLiteral("--appid"), SandboxScenarios::appId(),
                QStringLiteral("--sponsor"), kSponsorTyped, QStringLiteral("--caller"), kCallerTyped,
                QStringLiteral("--endpoint"), QString::fromUtf8(m_sandbox->baseUrl().toEncoded())},
               key + '\n');
}

QJsonArray TestCli::listAccounts()
{
    const ProcessResult list =
        run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    if (list.exitCode != 0)
        return {};
    return QJsonDocument::fromJson(list.out).array();
}

CredentialStore::Status TestCli::keychainStatus(const QString &accountName)
{
    // A fresh store has nothing cached: this asks the daemon.
    CredentialStore store;
    const auto status = std::make_shared<std::optional<CredentialStore::Status>>();
    store.readKey(accountName, &store,
                  [status](const CredentialStore::Result &result) { *status = result.status; });
    if (!QTest::qWaitFor([status] { return status->has_value(); }, 20000))
        return CredentialStore::Status::Failed;
    return **status;
}

void TestCli::versionAndHelp()
{
    const ProcessResult version = run({QStringLiteral("--version")});
    QVERIFY2(version.exitCode == 0 && !version.crashed, describe(version));
    QVERIFY(version.out.startsWith("OneDial "));

    const ProcessResult help = run({QStringLiteral("--help")});
    QVERIFY2(help.exitCode == 0 && !help.crashed, describe(help));
    QVERIFY(help.out.contains("onedial dial NUMBER"));
    QVERIFY(help.out.contains("Exit status"));

    const ProcessResult dialHelp = run({QStringLiteral("dial"), QStringLiteral("--help")});
    QVERIFY2(dialHelp.exitCode == 0, describe(dialHelp));
    QVERIFY(dialHelp.out.contains("--timeout"));

    const ProcessResult unknown = run({QStringLiteral("account"), QStringLiteral("frobnicate")});
    QVERIFY2(unknown.exitCode == 2, describe(unknown));
}

void TestCli::addStoresNumbersInApiForm()
{
    const ProcessResult add = addSales();
    QVERIFY2(add.exitCode == 0, describe(add));
    QVERIFY(add.out.contains("sales"));

    const QJsonArray accounts = listAccounts();
    QCOMPARE(accounts.size(), 1);
    const QJsonObject sales = accounts.first().toObject();
    QCOMPARE(sales.value(QStringLiteral("name")).toString(), QStringLiteral("sales"));
    QCOMPARE(sales.value(QStringLiteral("sponsor")).toString(), QStringLiteral("075528000003"));
    QCOMPARE(sales.value(QStringLiteral("caller")).toString(), QStringLiteral("8613800138000"));
    QCOMPARE(sales.value(QStringLiteral("default")).toBool(), true);

    // The settings file holds the same API form.
    AccountStore store(settingsPath());
    const auto saved = store.account(QStringLiteral("sales"));
    QVERIFY(saved);
    QCOMPARE(saved->sponsor, QStringLiteral("075528000003"));
    QCOMPARE(saved->caller, QStringLiteral("8613800138000"));
    QCOMPARE(saved->appId, SandboxScenarios::appId());
    QCOMPARE(keychainStatus(QStringLiteral("sales")), CredentialStore::Status::Ok);
}

void TestCli::addRejectsKeysOneNetNeverIssues_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("problem");
    // The window refuses the same keys, by the same rule (AccessKey::problem()).
    QTest::newRow("not base64") << QByteArrayLiteral("this is not base64!") << QByteArrayLiteral("base64");
    QTest::newRow("3 characters") << QByteArrayLiteral("abc") << QByteArrayLiteral("OneNET access key");
    QTest::newRow("8 bytes") << QByteArrayLiteral("c2VjcmV0") << QByteArrayLiteral("too short");
    QTest::newRow("96 bytes") << QByteArray(96, 'k').toBase64() << QByteArrayLiteral("too long");
}

void TestCli::addRejectsKeysOneNetNeverIssues()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, problem);
    const QString name = QStringLiteral("badkey");
    const ProcessResult add = addSales(name, key);
    QVERIFY2(add.exitCode == 2, describe(add));
    QVERIFY2(add.err.contains(problem), describe(add));
    QVERIFY(listAccounts().isEmpty());
    QVERIFY(!AccountStore(settingsPath()).contains(name));
    QCOMPARE(keychainStatus(name), CredentialStore::Status::NotFound);
}

void TestCli::addRejectsMissingFields_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString endpoint = QStringLiteral("http://127.0.0.1:9");
    const QStringList full{QStringLiteral("incomplete"),
                           QStringLiteral("--api"),
                           QStringLiteral("v1"),
                           QStringLiteral("--appid"),
                           SandboxScenarios::appId(),
                           QStringLiteral("--sponsor"),
                           kSponsorTyped,
                           QStringLiteral("--caller"),
                           kCallerTyped,
                           QStringLiteral("--endpoint"),
                           endpoint};
    auto without = [&full](const QString &option) {
        QStringList arguments = full;
        const qsizetype at = arguments.indexOf(option);
        arguments.remove(at, 2);
        return arguments;
    };
    QTest::newRow("no name") << full.mid(1);
    QTest::newRow("no api") << without(QStringLiteral("--api"));
    QTest::newRow("no appid") << without(QStringLiteral("--appid"));
    // An appid is 32 hexadecimal digits: a part of one, or a typo, is refused before the key is asked.
    auto withAppId = [&full](const QString &appId) {
        QStringList arguments = full;
        arguments[arguments.indexOf(QStringLiteral("--appid")) + 1] = appId;
        return arguments;
    };
    QTest::newRow("appid of 13 characters") << withAppId(QStringLiteral("a1b2c3d4e5f60"));
    QTest::newRow("appid not hexadecimal") << withAppId(QStringLiteral("g1b2c3d4e5f60718293a4b5c6d7e8f90"));
    QTest::newRow("no sponsor") << without(QStringLiteral("--sponsor"));
    QTest::newRow("no caller") << without(QStringLiteral("--caller"));
    QTest::newRow("v2 without userid") << QStringList{QStringLiteral("incomplete"),
                                                      QStringLiteral("--api"),
                                                      QStringLiteral("v2"),
                                                      QStringLiteral("--sponsor"),
                                                      kSponsorTyped,
                                                      QStringLiteral("--caller"),
                                                      kCallerTyped};
}

void TestCli::addRejectsMissingFields()
{
    QFETCH(QStringList, arguments);
    const ProcessResult add = run(QStringList{QStringLiteral("account"), QStringLiteral("add")} + arguments,
                                  SandboxScenarios::key() + '\n');
    QVERIFY2(add.exitCode == 2, describe(add));
    QVERIFY(!add.err.trimmed().isEmpty());
    QVERIFY(listAccounts().isEmpty());
    QCOMPARE(keychainStatus(QStringLiteral("incomplete")), CredentialStore::Status::NotFound);
}

void TestCli::listJsonShape()
{
    QCOMPARE(listAccounts(), QJsonArray());
    QVERIFY2(addSales().exitCode == 0, describe(m_runs.last()));

    const ProcessResult list =
        run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, describe(list));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(list.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isArray());
    QCOMPARE(document.array().size(), 1);
    const QJsonObject sales = document.array().first().toObject();
    QStringList keys = sales.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("api"), QStringLiteral("appid"), QStringLiteral("caller"),
                                QStringLiteral("default"), QStringLiteral("display"),
                                QStringLiteral("endpoint"), QStringLiteral("kind"), QStringLiteral("method"),
                                QStringLiteral("name"), QStringLiteral("notify_url"),
                                QStringLiteral("sponsor"), QStringLiteral("token_lifetime_s")}));
    QCOMPARE(sales.value(QStringLiteral("api")).toString(), QStringLiteral("v1"));
    QCOMPARE(sales.value(QStringLiteral("kind")).toString(), QStringLiteral("direct"));
    QCOMPARE(sales.value(QStringLiteral("appid")).toString(), SandboxScenarios::appId());
    QCOMPARE(sales.value(QStringLiteral("method")).toString(), QStringLiteral("sha256"));
    QCOMPARE(sales.value(QStringLiteral("endpoint")).toString(),
             QString::fromUtf8(m_sandbox->baseUrl().toEncoded()));
    QCOMPARE(sales.value(QStringLiteral("token_lifetime_s")).toInt(), 3600);
    QVERIFY(!list.out.contains(SandboxScenarios::key()));

    // The plain listing works too and shows no key either.
    const ProcessResult plain = run({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY2(plain.exitCode == 0, describe(plain));
    QVERIFY(plain.out.contains("sales"));
    QVERIFY(!plain.out.contains(SandboxScenarios::key()));
}

void TestCli::defaultAccount()
{
    QVERIFY2(addSales(QStringLiteral("sales")).exitCode == 0, describe(m_runs.last()));
    QVERIFY2(addSales(QStringLiteral("support")).exitCode == 0, describe(m_runs.last()));
    auto defaultName = [this]() -> QString {
        for (const QJsonValue value : listAccounts()) {
            if (value.toObject().value(QStringLiteral("default")).toBool())
                return value.toObject().value(QStringLiteral("name")).toString();
        }
        return {};
    };
    // The first account added becomes the default.
    QCOMPARE(defaultName(), QStringLiteral("sales"));

    const ProcessResult choose =
        run({QStringLiteral("account"), QStringLiteral("default"), QStringLiteral("support")});
    QVERIFY2(choose.exitCode == 0, describe(choose));
    QCOMPARE(defaultName(), QStringLiteral("support"));
    QCOMPARE(AccountStore(settingsPath()).defaultAccountName(), QStringLiteral("support"));

    const ProcessResult missing =
        run({QStringLiteral("account"), QStringLiteral("default"), QStringLiteral("nobody")});
    QVERIFY2(missing.exitCode == 2, describe(missing));
    QCOMPARE(defaultName(), QStringLiteral("support"));

    // Dialling without --account uses the default.
    const int before = m_sandbox->requestCount();
    const ProcessResult dial =
        run({QStringLiteral("dial"), QStringLiteral("13800138000"), QStringLiteral("--json")});
    QVERIFY2(dial.exitCode == 0, describe(dial));
    QCOMPARE(m_sandbox->requestCount(), before + 1);
}

void TestCli::removeDeletesAccountAndKey()
{
    const QString name = QStringLiteral("leaving");
    QVERIFY2(addSales(name).exitCode == 0, describe(m_runs.last()));
    QCOMPARE(keychainStatus(name), CredentialStore::Status::Ok);

    const ProcessResult remove = run({QStringLiteral("account"), QStringLiteral("remove"), name});
    QVERIFY2(remove.exitCode == 0, describe(remove));
    QVERIFY(listAccounts().isEmpty());
    QCOMPARE(keychainStatus(name), CredentialStore::Status::NotFound);

    const ProcessResult dial = run({QStringLiteral("dial"), QStringLiteral("13800138000"),
                                    QStringLiteral("--account"), name, QStringLiteral("--json")});
    QVERIFY2(dial.exitCode == 2, describe(dial));
    QCOMPARE(QJsonDocument::fromJson(dial.out).object().value(QStringLiteral("error")).toString(),
             QStringLiteral("invalid_account"));
    QCOMPARE(m_sandbox->requestCount(), 0);

    // Adding it again needs the key again: nothing of the old one is reused.
    const ProcessResult again = addSales(name, QByteArray());
    QVERIFY2(again.exitCode == 2, describe(again));
    QVERIFY(listAccounts().isEmpty());
    QCOMPARE(keychainStatus(name), CredentialStore::Status::NotFound);

    const ProcessResult twice = run({QStringLiteral("account"), QStringLiteral("remove"), name});
    QVERIFY2(twice.exitCode == 2, describe(twice));
}

void TestCli::dialAccepted()
{
    QVERIFY2(addSales().exitCode == 0, describe(m_runs.last()));
    const ProcessResult dial =
        run({QStringLiteral("dial"), QStringLiteral("138 0013 8000"), QStringLiteral("--json")});
    QVERIFY2(dial.exitCode == 0, describe(dial));
    QCOMPARE(m_sandbox->requestCount(), 1);

    const QJsonObject outcome = QJsonDocument::fromJson(dial.out).object();
    for (const char *key :
         {"ok", "api", "request_id", "code_no", "code", "message", "call_id", "http_status", "error"})
        QVERIFY2(outcome.contains(QLatin1String(key)), key);
    QCOMPARE(outcome.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(outcome.value(QStringLiteral("api")).toString(), QStringLiteral("v1"));
    QCOMPARE(outcome.value(QStringLiteral("code_no")).toString(), QStringLiteral("000000"));
    QCOMPARE(outcome.value(QStringLiteral("http_status")).toInt(), 200);
    QVERIFY(!outcome.value(QStringLiteral("request_id")).toString().isEmpty());
    QVERIFY(!outcome.value(QStringLiteral("call_id")).toString().isEmpty());
    QVERIFY(outcome.value(QStringLiteral("error")).isNull());

    // The request the sandbox saw: the callee in API form, signed (the sandbox checked the token).
    const SandboxServer::Received &received = m_sandbox->received().first();
    QCOMPARE(received.path, QStringLiteral("/v1/onenet/dial/notify"));
    QVERIFY(received.authorization.contains("res=onenet_voice"));
    QCOMPARE(QJsonDocument::fromJson(received.body).object().value(QStringLiteral("callee")).toString(),
             QStringLiteral("8613800138000"));

    // The text form of the same dial.
    const ProcessResult text = run({QStringLiteral("dial"), QStringLiteral("13800138000")});
    QVERIFY2(text.exitCode == 0, describe(text));
    QVERIFY(text.out.startsWith("Accepted"));
    QCOMPARE(m_sandbox->requestCount(), 2);
}

void TestCli::dialRefused()
{
    QVERIFY2(addSales().exitCode == 0, describe(m_runs.last()));
    const ProcessResult dial =
        run({QStringLiteral("dial"), QStringLiteral("13800000101"), QStringLiteral("--json")});
    QVERIFY2(dial.exitCode == 1, describe(dial));
    QCOMPARE(m_sandbox->requestCount(), 1);
    const QJsonObject outcome = QJsonDocument::fromJson(dial.out).object();
    QCOMPARE(outcome.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(outcome.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
    QCOMPARE(outcome.value(QStringLiteral("code_no")).toString(), QStringLiteral("000001"));
    QVERIFY(!outcome.value(QStringLiteral("message")).toString().isEmpty());
}

void TestCli::dialInvalidNumberSendsNothing()
{
    QVERIFY2(addSales().exitCode == 0, describe(m_runs.last()));
    const ProcessResult dial =
        run({QStringLiteral("dial"), QStringLiteral("12345"), QStringLiteral("--json")});
    QVERIFY2(dial.exitCode == 2, describe(dial));
    const QJsonObject outcome = QJsonDocument::fromJson(dial.out).object();
    QCOMPARE(outcome.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_number"));
    QCOMPARE(outcome.value(QStringLiteral("outcome")).toString(), QStringLiteral("not_sent"));

    const ProcessResult words = run({QStringLiteral("dial"), QStringLiteral("call me maybe")});
    QVERIFY2(words.exitCode == 2, describe(words));
    const ProcessResult none = run({QStringLiteral("dial")});
    QVERIFY2(none.exitCode == 2, describe(none));
    const ProcessResult badTimeout = run({QStringLiteral("dial"), QStringLiteral("13800138000"),
                                          QStringLiteral("--timeout"), QStringLiteral("0")});
    QVERIFY2(badTimeout.exitCode == 2, describe(badTimeout));
    QCOMPARE(m_sandbox->requestCount(), 0);
}

void TestCli::dialTimeout()
{
    QVERIFY2(addSales().exitCode == 0, describe(m_runs.last()));
    m_sandbox->setSlowDelayMs(5000);
    const ProcessResult dial =
        run({QStringLiteral("dial"), QStringLiteral("13800000901"), QStringLiteral("--timeout"),
             QStringLiteral("1"), QStringLiteral("--json")});
    QVERIFY2(dial.exitCode == 3, describe(dial));
    QCOMPARE(m_sandbox->requestCount(), 1);
    const QJsonObject outcome = QJsonDocument::fromJson(dial.out).object();
    QCOMPARE(outcome.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(outcome.value(QStringLiteral("error")).toString(), QStringLiteral("timeout"));
}

void TestCli::twoProcessesDialOneNumberOnce()
{
    // Two `onedial dial` of one number started together (a double-pressed shortcut, a script run
    // twice): one request, and the other says so and sends nothing.
    QVERIFY2(addSales().exitCode == 0, describe(m_runs.last()));
    m_sandbox->setSlowDelayMs(2000); // the first request stays open for two seconds
    QProcess first;
    QProcess second;
    for (QProcess *process : {&first, &second}) {
        process->setProcessEnvironment(m_env->environment());
        process->start(TestEnvironment::onedialExecutable(),
                       {QStringLiteral("dial"), QStringLiteral("138 0000 0901"), QStringLiteral("--json"),
                        QStringLiteral("--timeout"), QStringLiteral("10")});
    }
    QVERIFY(first.waitForStarted() && second.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(first.state() == QProcess::NotRunning && second.state() == QProcess::NotRunning,
                             20000);
    const QList<int> exits{first.exitCode(), second.exitCode()};
    QCOMPARE(exits.count(2), 1);
    QProcess &refused = first.exitCode() == 2 ? first : second;
    QProcess &dialled = first.exitCode() == 2 ? second : first;
    const QJsonObject refusal = QJsonDocument::fromJson(refused.readAllStandardOutput()).object();
    QCOMPARE(refusal.value(QStringLiteral("error")).toString(), QStringLiteral("already_in_flight"));
    QVERIFY(
        refusal.value(QStringLiteral("message")).toString().contains(QLatin1String("already being dialled")));
    QVERIFY(refusal.value(QStringLiteral("http_status")).isNull());
    const QJsonObject placed = QJsonDocument::fromJson(dialled.readAllStandardOutput()).object();
    QVERIFY(placed.value(QStringLiteral("error")).toString() != QLatin1String("already_in_flight"));
    QCOMPARE(m_sandbox->requestCount(), 1);
    // A late duplicate would come after a while: look again.
    QTest::qWait(1000);
    QCOMPARE(m_sandbox->requestCount(), 1);

    // Once the first has its outcome, the number is free again.
    m_sandbox->setSlowDelayMs(0);
    const ProcessResult again =
        run({QStringLiteral("dial"), QStringLiteral("13800000901"), QStringLiteral("--json"),
             QStringLiteral("--timeout"), QStringLiteral("5")});
    QVERIFY2(again.exitCode != 2, describe(again));
    QCOMPARE(m_sandbox->requestCount(), 2);
}

void TestCli::dialSandboxWithoutAccount()
{
    QVERIFY(listAccounts().isEmpty());
    const ProcessResult withoutAccount =
        run({QStringLiteral("dial"), QStringLiteral("13800138000"), QStringLiteral("--json")});
    QVERIFY2(withoutAccount.exitCode == 2, describe(withoutAccount));
    QVERIFY(withoutAccount.out.contains("--sandbox"));

    const ProcessResult dial = run({QStringLiteral("dial"), QStringLiteral("13800138000"),
                                    QStringLiteral("--sandbox"), QStringLiteral("--json")});
    QVERIFY2(dial.exitCode == 0, describe(dial));
    const QJsonObject outcome = QJsonDocument::fromJson(dial.out).object();
    QCOMPARE(outcome.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(outcome.value(QStringLiteral("code_no")).toString(), QStringLiteral("000000"));

    const ProcessResult refused =
        run({QStringLiteral("dial"), QStringLiteral("13800000101"), QStringLiteral("--sandbox")});
    QVERIFY2(refused.exitCode == 1, describe(refused));
    // The built-in sandbox runs inside the child: this process's server saw nothing.
    QCOMPARE(m_sandbox->requestCount(), 0);
    QVERIFY(listAccounts().isEmpty());
}

void TestCli::dialWaitFollowsTheCall()
{
    // --wait in the sandbox: the outcome, then one JSON line per step the sandbox's signed status
    // callbacks report (to the command's own receiver), until the call ends; busy here.
    const ProcessResult busy =
        run({QStringLiteral("dial"), QStringLiteral("138 0000 0903"), QStringLiteral("--sandbox"),
             QStringLiteral("--wait"), QStringLiteral("--json")});
    QVERIFY2(busy.exitCode == 0, describe(busy));
    const QList<QByteArray> lines = busy.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    const QJsonObject outcome = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(outcome.value(QStringLiteral("outcome")).toString(), QStringLiteral("accepted"));
    const QString callId = outcome.value(QStringLiteral("call_id")).toString();
    QStringList statuses;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QJsonObject step = QJsonDocument::fromJson(lines.at(i)).object();
        QCOMPARE(step.value(QStringLiteral("call_id")).toString(), callId);
        statuses << step.value(QStringLiteral("status")).toString();
    }
    QCOMPARE(statuses, (QStringList{QStringLiteral("CallingCaller"), QStringLiteral("CallingCallee"),
                                    QStringLiteral("Disconnected")}));
    const QJsonObject last = QJsonDocument::fromJson(lines.constLast()).object();
    QCOMPARE(last.value(QStringLiteral("reason")).toString(), QStringLiteral("CalleeBusy"));
    QCOMPARE(last.value(QStringLiteral("message")).toString(),
             QStringLiteral("138 0000 0903's phone was busy"));

    // The history keeps how it ended.
    const ProcessResult history = run({QStringLiteral("history"), QStringLiteral("--json")});
    QVERIFY2(history.exitCode == 0, describe(history));
    const QJsonObject latest = QJsonDocument::fromJson(history.out).array().at(0).toObject();
    QCOMPARE(latest.value(QStringLiteral("call_id")).toString(), callId);
    QCOMPARE(latest.value(QStringLiteral("status")).toString(), QStringLiteral("Disconnected"));
    QCOMPARE(latest.value(QStringLiteral("reason")).toString(), QStringLiteral("CalleeBusy"));

    // A direct account cannot be followed: nothing is dialled.
    const ProcessResult added = addSales();
    QVERIFY2(added.exitCode == 0, describe(added));
    const int before = m_sandbox->requestCount();
    const ProcessResult direct =
        run({QStringLiteral("dial"), QStringLiteral("13800138000"), QStringLiteral("--account"),
             QStringLiteral("sales"), QStringLiteral("--wait")});
    QVERIFY2(direct.exitCode == 2, describe(direct));
    QVERIFY(direct.err.contains("--wait follows a call only for an account on your team's gateway"));
    QCOMPARE(m_sandbox->requestCount(), before);
}

void TestCli::v2AccountDials()
{
    const ProcessResult add =
        run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("ops"), QStringLiteral("--api"),
             QStringLiteral("v2"), QStringLiteral("--userid"), SandboxScenarios::userId(),
             QStringLiteral("--sponsor"), kSponsorTyped, QStringLiteral("--caller"), kCallerTyped,
             QStringLiteral("--endpoint"), QString::fromUtf8(m_sandbox->baseUrl().toEncoded())},
            SandboxScenarios::key() + '\n');
    QVERIFY2(add.exitCode == 0, describe(add));
    const QJsonArray accounts = listAccounts();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().toObject().value(QStringLiteral("userid")).toString(),
             SandboxScenarios::userId());
    QVERIFY(!accounts.first().toObject().contains(QStringLiteral("appid")));

    const ProcessResult dial =
        run({QStringLiteral("dial"), QStringLiteral("13800138000"), QStringLiteral("--account"),
             QStringLiteral("ops"), QStringLiteral("--json")});
    QVERIFY2(dial.exitCode == 0, describe(dial));
    QCOMPARE(m_sandbox->requestCount(), 1);
    QCOMPARE(m_sandbox->received().first().path, QStringLiteral("/vcs"));
    const QJsonObject outcome = QJsonDocument::fromJson(dial.out).object();
    QCOMPARE(outcome.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(outcome.value(QStringLiteral("api")).toString(), QStringLiteral("v2"));
    QVERIFY(!outcome.value(QStringLiteral("call_id")).toString().isEmpty());

    // A v2 refusal: exit 1 with the service's code name.
    const ProcessResult refused =
        run({QStringLiteral("dial"), QStringLiteral("13800000201"), QStringLiteral("--account"),
             QStringLiteral("ops"), QStringLiteral("--json")});
    QVERIFY2(refused.exitCode == 1, describe(refused));
    QVERIFY(QJsonDocument::fromJson(refused.out)
                .object()
                .value(QStringLiteral("code"))
                .toString()
                .startsWith(QLatin1String("iot.vcs.")));
    QCOMPARE(m_sandbox->requestCount(), 2);
}

void TestCli::tokenMatchesReference()
{
    const ProcessResult token =
        run({QStringLiteral("token"), QStringLiteral("--res"), QStringLiteral("onenet_voice/123123"),
             QStringLiteral("--et"), QStringLiteral("1537255523"), QStringLiteral("--method"),
             QStringLiteral("md5"), QStringLiteral("--version"), QStringLiteral("v1")},
            QByteArrayLiteral("KuF3NT/jUBJ62LNBB/A8XZA9CqS3Cu79B/ABmfA1UCw=\n"));
    QVERIFY2(token.exitCode == 0, describe(token));
    QCOMPARE(token.out, QByteArrayLiteral("version=v1&res=onenet_voice%2F123123&et=1537255523&method=md5"
                                          "&sign=B%2F8EzGyBjt6DF1%2BdNp5h3A%3D%3D\n"));

    const ProcessResult badKey =
        run({QStringLiteral("token"), QStringLiteral("--res"), QStringLiteral("onenet_voice/123123"),
             QStringLiteral("--et"), QStringLiteral("1537255523"), QStringLiteral("--method"),
             QStringLiteral("md5"), QStringLiteral("--version"), QStringLiteral("v1")},
            QByteArrayLiteral("not base64 at all\n"));
    QVERIFY2(badKey.exitCode == 2, describe(badKey));
    QVERIFY(badKey.out.isEmpty());
}

void TestCli::keyAppearsOnlyInTheKeychain()
{
    // An identity and key of this test only, registered with the sandbox so the dial succeeds.
    const QByteArray keyBytes = randomKeyBytes();
    const QByteArray keyText = keyBytes.toBase64();
    const QString appId = randomAppId();
    m_sandbox->addRegistration(
        {Api::V1, appId, keyText, SandboxScenarios::sponsor(), SandboxScenarios::caller(), true});

    const QString name = QStringLiteral("audit");
    const QString endpoint = QString::fromUtf8(m_sandbox->baseUrl().toEncoded());
    const ProcessResult add =
        run({QStringLiteral("account"), QStringLiteral("add"), name, QStringLiteral("--api"),
             QStringLiteral("v1"), QStringLiteral("--appid"), appId, QStringLiteral("--sponsor"),
             kSponsorTyped, QStringLiteral("--caller"), kCallerTyped, QStringLiteral("--endpoint"), endpoint},
            keyText + '\n');
    QVERIFY2(add.exitCode == 0, describe(add));
    const ProcessResult dial = run({QStringLiteral("dial"), QStringLiteral("13800138000"),
                                    QStringLiteral("--account"), name, QStringLiteral("--json")});
    QVERIFY2(dial.exitCode == 0, describe(dial));
    QCOMPARE(m_sandbox->requestCount(), 1);
    const ProcessResult text =
        run({QStringLiteral("dial"), QStringLiteral("13800000101"), QStringLiteral("--account"), name});
    QVERIFY2(text.exitCode == 1, describe(text));
    QVERIFY2(run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")}).exitCode == 0,
             describe(m_runs.last()));
    QVERIFY2(run({QStringLiteral("account"), QStringLiteral("list")}).exitCode == 0, describe(m_runs.last()));

    // The forms the key could leak in: its text, its raw bytes, its text percent-encoded, and the
    // base64 of its text (the form QtKeychain hands to the keyring).
    const QList<QByteArray> forms{keyText, keyBytes, keyText.toPercentEncoding(), keyText.toBase64()};
    auto leaks = [&forms](const QByteArray &data) {
        return std::any_of(forms.cbegin(), forms.cend(),
                           [&data](const QByteArray &form) { return data.contains(form); });
    };

    for (const ProcessResult &result : std::as_const(m_runs)) {
        QVERIFY2(!leaks(result.out), "the access key appeared on standard output");
        QVERIFY2(!leaks(result.err), "the access key appeared on standard error");
    }

    const QString keyringHome = qEnvironmentVariable("ONEDIAL_TEST_KEYRING_HOME");
    const QString keyringFolder = QDir::cleanPath(keyringHome + QStringLiteral("/.local/share/keyrings"));
    int scanned = 0;
    bool inKeychain = false;
    for (const QString &root : {keyringHome, m_env->home(), m_env->configHome(), m_env->dataHome()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!it.fileInfo().isFile())
                continue; // sockets and pipes of the daemon and the bus
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray contents = file.readAll();
            ++scanned;
            if (QDir::cleanPath(path).startsWith(keyringFolder + QLatin1Char('/'))) {
                // QtKeychain stores the key text base64-encoded in the keyring.
                inKeychain = inKeychain || contents.contains(keyText.toBase64());
                continue;
            }
            QVERIFY2(!leaks(contents),
                     qPrintable(QStringLiteral("the access key was found in %1").arg(path)));
        }
    }
    QVERIFY(scanned >= 2); // at least the settings file and the login keyring
    QVERIFY2(QFile::exists(settingsPath()), qPrintable(settingsPath()));
    QVERIFY2(inKeychain, "the access key is not in the login keyring");
}

void TestCli::gatewayAccount()
{
    test::ScriptedHttpServer gateway;
    QVERIFY(gateway.listen());
    gateway.setResponse(
        200, "application/json",
        R"({"ok":true,"outcome":"accepted","api":"v1","callee":"8613800138000","request_id":"req-g",)"
        R"("code_no":"000000","code":null,"message":"Call accepted.","service_message":"success",)"
        R"("call_id":"call-g","http_status":200,"error":null,"dial_id":5})");
    const QString url = QString::fromUtf8(gateway.baseUrl().toEncoded());
    // A token of this test only.
    QByteArray token = "odg_" + randomKeyBytes().toBase64(QByteArray::Base64UrlEncoding).left(8) + '_';
    token +=
        randomKeyBytes().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).left(35);
    QCOMPARE(token.size(), 48);
    const QString name = QStringLiteral("team");

    // The OneNET options do not go with --gateway, and a OneNET key is not a token.
    const ProcessResult mixed =
        run({QStringLiteral("account"), QStringLiteral("add"), name, QStringLiteral("--gateway"), url,
             QStringLiteral("--caller"), kCallerTyped},
            token + '\n');
    QVERIFY2(mixed.exitCode == 2, describe(mixed));
    QVERIFY(mixed.err.contains("--caller"));
    const ProcessResult key =
        run({QStringLiteral("account"), QStringLiteral("add"), name, QStringLiteral("--gateway"), url},
            SandboxScenarios::key() + '\n');
    QVERIFY2(key.exitCode == 2, describe(key));
    const ProcessResult plain = run({QStringLiteral("account"), QStringLiteral("add"), name,
                                     QStringLiteral("--gateway"), QStringLiteral("http://dial.example.com")},
                                    token + '\n');
    QVERIFY2(plain.exitCode == 2, describe(plain));
    QCOMPARE(keychainStatus(name), CredentialStore::Status::NotFound);

    const ProcessResult add =
        run({QStringLiteral("account"), QStringLiteral("add"), name, QStringLiteral("--gateway"), url},
            token + '\n');
    QVERIFY2(add.exitCode == 0, describe(add));
    QCOMPARE(keychainStatus(name), CredentialStore::Status::Ok);

    const QJsonArray accounts = listAccounts();
    QCOMPARE(accounts.size(), 1);
    const QJsonObject listed = accounts.first().toObject();
    QCOMPARE(listed.value(QStringLiteral("kind")).toString(), QStringLiteral("gateway"));
    QCOMPARE(listed.value(QStringLiteral("gateway")).toString(), url);
    QVERIFY(!listed.contains(QStringLiteral("caller")));
    const ProcessResult show =
        run({QStringLiteral("account"), QStringLiteral("show"), name, QStringLiteral("--json")});
    QVERIFY2(show.exitCode == 0, describe(show));
    QCOMPARE(QJsonDocument::fromJson(show.out).object(), listed);
    const ProcessResult text = run({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY2(text.exitCode == 0 && text.out.contains("gateway"), describe(text));

    const ProcessResult dial = run({QStringLiteral("dial"), QStringLiteral("138 0013 8000"),
                                    QStringLiteral("--account"), name, QStringLiteral("--json")});
    QVERIFY2(dial.exitCode == 0, describe(dial));
    const QJsonObject outcome = QJsonDocument::fromJson(dial.out).object();
    QCOMPARE(outcome.value(QStringLiteral("outcome")).toString(), QStringLiteral("accepted"));
    QCOMPARE(outcome.value(QStringLiteral("call_id")).toString(), QStringLiteral("call-g"));
    QCOMPARE(gateway.requestCount(), 1);
    QVERIFY(gateway.requests().first().contains(QByteArray("\r\nAuthorization: Bearer " + token + "\r\n")));

    // The gateway's refusal, as `dial --json` shows it to a script.
    gateway.setResponse(429, "application/json", R"({"error":"daily_limit","message":"limit"})");
    const ProcessResult limited = run({QStringLiteral("dial"), QStringLiteral("138 0013 8000"),
                                       QStringLiteral("--account"), name, QStringLiteral("--json")});
    QVERIFY2(limited.exitCode == 2, describe(limited));
    QCOMPARE(QJsonDocument::fromJson(limited.out).object().value(QStringLiteral("error")).toString(),
             QStringLiteral("daily_limit"));

    // The token is in no output and no file but the keyring.
    const QList<QByteArray> forms{token, token.toBase64(), token.toPercentEncoding()};
    auto leaks = [&forms](const QByteArray &data) {
        return std::any_of(forms.cbegin(), forms.cend(),
                           [&data](const QByteArray &form) { return data.contains(form); });
    };
    for (const ProcessResult &result : std::as_const(m_runs)) {
        QVERIFY2(!leaks(result.out), "the token appeared on standard output");
        QVERIFY2(!leaks(result.err), "the token appeared on standard error");
    }
    const QString keyringHome = qEnvironmentVariable("ONEDIAL_TEST_KEYRING_HOME");
    const QString keyringFolder = QDir::cleanPath(keyringHome + QStringLiteral("/.local/share/keyrings"));
    bool inKeychain = false;
    for (const QString &root : {keyringHome, m_env->home(), m_env->configHome(), m_env->dataHome()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!it.fileInfo().isFile())
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray contents = file.readAll();
            if (QDir::cleanPath(path).startsWith(keyringFolder + QLatin1Char('/'))) {
                inKeychain = inKeychain || contents.contains(token.toBase64());
                continue;
            }
            QVERIFY2(!leaks(contents), qPrintable(QStringLiteral("the token was found in %1").arg(path)));
        }
    }
    QVERIFY2(inKeychain, "the token is not in the login keyring");
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
