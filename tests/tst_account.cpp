// An account's own checks, the ones the window and `onedial account add` both apply: a v1 appid
// is exactly 32 hexadecimal digits; a v2 user id keeps its looser rule.
#include "accounts/Account.h"
#include "onenet/SandboxScenarios.h"

#include <QTest>

using namespace onedial;

class TestAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identity_data();
    void identity();
    void sandboxAccountIsValid();
};

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
