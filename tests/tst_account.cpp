// An account's own checks, the ones the window and `onedial account add` both apply: a v1 appid
// is exactly 32 hexadecimal digits; a v2 user id keeps its looser rule.
#include "accounts/AccessKey.h"
#include "accounts/Account.h"
#include "accounts/AccountStore.h"
#include "onenet/SandboxScenarios.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace onedial;

class TestAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identity_data();
    void identity();
    void sandboxAccountIsValid();
    void gatewayAccountValidation_data();
    void gatewayAccountValidation();
    void gatewayDialUrl();
    void gatewayAccountRoundTrip();
    void olderSettingsStillLoad();
    void gatewayToken_data();
    void gatewayToken();
};

namespace {

const QByteArray kToken = "odg_AbCd1234_" + QByteArray(35, 'x').replace(3, 2, "-_");

Account gatewayAccount(const QString &url)
{
    Account account;
    account.name = QStringLiteral("team");
    account.kind = AccountKind::Gateway;
    account.gateway = QUrl(url, QUrl::StrictMode);
    return account;
}

} // namespace

void TestAccount::gatewayAccountValidation_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::newRow("https") << QStringLiteral("https://dial.example.com") << true;
    QTest::newRow("https with port and path") << QStringLiteral("https://example.com:8443/onedial/") << true;
    QTest::newRow("http to loopback") << QStringLiteral("http://127.0.0.1:8080") << true;
    QTest::newRow("http to localhost") << QStringLiteral("http://localhost:8080") << true;
    QTest::newRow("http elsewhere") << QStringLiteral("http://dial.example.com") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("user info") << QStringLiteral("https://me:pw@dial.example.com") << false;
    QTest::newRow("query") << QStringLiteral("https://dial.example.com/?x=1") << false;
    QTest::newRow("not a URL") << QStringLiteral("dial example") << false;
}

void TestAccount::gatewayAccountValidation()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    // No appid, user id, sponsor or caller: the gateway decides them, and nothing asks for them.
    const QStringList problems = gatewayAccount(url).validate();
    QVERIFY2(problems.isEmpty() == valid, qPrintable(problems.join(QLatin1Char('|'))));
    if (!valid)
        QCOMPARE(problems.size(), 1);
}

void TestAccount::gatewayDialUrl()
{
    QCOMPARE(gatewayAccount(QStringLiteral("https://dial.example.com")).dialUrl(),
             QUrl(QStringLiteral("https://dial.example.com/api/v1/dial")));
    QCOMPARE(gatewayAccount(QStringLiteral("https://example.com:8443/onedial/")).dialUrl(),
             QUrl(QStringLiteral("https://example.com:8443/onedial/api/v1/dial")));
}

void TestAccount::gatewayAccountRoundTrip()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("onedial.ini"));
    Account direct;
    direct.name = QStringLiteral("own");
    direct.appId = QStringLiteral("0123456789abcdef0123456789abcdef");
    direct.sponsor = QStringLiteral("075528000003");
    direct.caller = QStringLiteral("8613800138000");
    {
        AccountStore store(path);
        QVERIFY(store.save(gatewayAccount(QStringLiteral("https://dial.example.com:8443/team"))));
        QVERIFY(store.save(direct));
    }
    AccountStore store(path);
    QCOMPARE(store.accounts().size(), 2);
    QVERIFY(store.contains(QStringLiteral("team")));
    const auto team = store.account(QStringLiteral("team"));
    QVERIFY(team);
    QCOMPARE(team->kind, AccountKind::Gateway);
    QCOMPARE(team->gateway, QUrl(QStringLiteral("https://dial.example.com:8443/team")));
    QVERIFY(team->appId.isEmpty() && team->sponsor.isEmpty() && team->caller.isEmpty());
    QVERIFY(team->validate().isEmpty());
    const auto own = store.account(QStringLiteral("own"));
    QVERIFY(own);
    QCOMPARE(own->kind, AccountKind::Direct);
    QCOMPARE(own->appId, direct.appId);
    // No api key for the gateway account: an older OneDial does not take it for a v1 account.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("kind=gateway"));
    QCOMPARE(text.count("api="), 1);
    // Closed first: Windows does not replace a file another handle holds open.
    file.close();
    QVERIFY(store.remove(QStringLiteral("team")));
    QVERIFY(!store.contains(QStringLiteral("team")));
}

void TestAccount::olderSettingsStillLoad()
{
    // A settings file as OneDial wrote it before gateway accounts existed.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("onedial.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[General]\ndefault_account=sales\n\n[accounts]\nsales\\api=v1\n"
               "sales\\appid=0123456789abcdef0123456789abcdef\nsales\\sponsor=075528000003\n"
               "sales\\caller=8613800138000\nsales\\method=sha256\nsupport\\api=v2\n"
               "support\\userid=4242\nsupport\\sponsor=075528000003\nsupport\\caller=8613800138000\n");
    file.close();
    AccountStore store(path);
    const QList<Account> accounts = store.accounts();
    QCOMPARE(accounts.size(), 2);
    for (const Account &account : accounts) {
        QCOMPARE(account.kind, AccountKind::Direct);
        QVERIFY2(account.validate().isEmpty(), qPrintable(account.validate().join(QLatin1Char(' '))));
    }
    QCOMPARE(store.account(QStringLiteral("support"))->api, Api::V2);
    QCOMPARE(store.defaultAccount()->name, QStringLiteral("sales"));
}

void TestAccount::gatewayToken_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("token");
    QTest::addColumn<bool>("onenetKey");
    QCOMPARE(kToken.size(), AccessKey::kGatewayTokenLength);
    QTest::newRow("a token") << kToken << true << false;
    QTest::newRow("a token and a line break") << kToken + "\n" << true << false;
    QTest::newRow("empty") << QByteArray() << false << false;
    QTest::newRow("cut short") << kToken.chopped(1) << false << false;
    QTest::newRow("one too many") << kToken + "x" << false << false;
    QTest::newRow("wrong prefix") << "odx_" + kToken.mid(4) << false << false;
    QTest::newRow("no separator") << kToken.left(12) + "x" + kToken.mid(13) << false << false;
    QTest::newRow("base64 plus") << kToken.left(20) + "+" + kToken.mid(21) << false << false;
    QTest::newRow("a space") << kToken.left(20) + " " + kToken.mid(21) << false << false;
    QTest::newRow("a OneNET key") << SandboxScenarios::key() << false << true;
}

void TestAccount::gatewayToken()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, token);
    QFETCH(bool, onenetKey);
    const AccessKey secret(text);
    QCOMPARE(secret.gatewayTokenProblem().isEmpty(), token);
    QCOMPARE(secret.problemFor(AccountKind::Gateway).isEmpty(), token);
    // The OneNET key rule is not weakened: a token is not a OneNET key (its _ and - are not base64).
    QCOMPARE(secret.problem().isEmpty(), onenetKey);
    QCOMPARE(secret.problemFor(AccountKind::Direct).isEmpty(), onenetKey);
    if (onenetKey)
        QVERIFY(secret.gatewayTokenProblem().contains(QLatin1String("OneNET access key")));
    // The message never repeats what was pasted.
    if (!text.isEmpty())
        QVERIFY(!secret.gatewayTokenProblem().contains(QString::fromLatin1(text.trimmed())));
}

void TestAccount::identity_data()
{
    QTest::addColumn<int>("api");
    QTest::addColumn<QString>("identity");
    QTest::addColumn<QString>("problem"); // a part of the message; empty: accepted

    const auto v1 = int(Api::V1);
    const auto v2 = int(Api::V2);
    QTest::newRow("v1, 32 hexadecimal")
        << v1 << QStringLiteral("0123456789abcdef0123456789abcdef") << QString();
    QTest::newRow("v1, upper case") << v1 << QStringLiteral("0123456789ABCDEF0123456789ABCDEF") << QString();
    QTest::newRow("v1, empty") << v1 << QString() << QStringLiteral("appid is missing");
    QTest::newRow("v1, 13 characters") << v1 << QStringLiteral("a1b2c3d4e5f60")
                                       << QStringLiteral("exactly 32 characters long; this one has 13");
    QTest::newRow("v1, 33 characters")
        << v1 << QStringLiteral("0123456789abcdef0123456789abcdef0") << QStringLiteral("this one has 33");
    QTest::newRow("v1, 32 not hexadecimal") << v1 << QStringLiteral("0123456789abcdefg123456789abcdef")
                                            << QStringLiteral("\"g\" is not one of them");
    QTest::newRow("v1, a space") << v1 << QStringLiteral("0123456789abcdef 123456789abcdef")
                                 << QStringLiteral("\" \" is not one of them");
    QTest::newRow("v2, digits") << v2 << QStringLiteral("100001") << QString();
    QTest::newRow("v2, empty") << v2 << QString() << QStringLiteral("user id is missing");
    QTest::newRow("v2, a space") << v2 << QStringLiteral("10 01")
                                 << QStringLiteral("at most 64 letters or digits");
}

void TestAccount::identity()
{
    QFETCH(int, api);
    QFETCH(QString, identity);
    QFETCH(QString, problem);
    Account account;
    account.api = Api(api);
    (account.api == Api::V1 ? account.appId : account.userId) = identity;
    const QString found = account.problem(Account::Field::Identity);
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void TestAccount::sandboxAccountIsValid()
{
    Account account;
    account.name = QStringLiteral("sandbox");
    account.appId = SandboxScenarios::appId();
    account.sponsor = SandboxScenarios::sponsor();
    account.caller = SandboxScenarios::caller();
    QVERIFY2(account.validate().isEmpty(), qPrintable(account.validate().join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(TestAccount)
#include "tst_account.moc"
