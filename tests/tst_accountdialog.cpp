// Setting up an account in the window: each field checked as it is typed, the key stored in
// the real Secret Service (this test runs inside tests/with-keyring.sh), never shown again and
// never written to the settings file.
#include "AccountDialog.h"
#include "TestEnvironment.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace onedial;

namespace {

QLineEdit *field(QWidget *dialog, const char *accessibleName)
{
    const auto edits = dialog->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        if (edit->accessibleName() == QLatin1String(accessibleName))
            return edit;
    }
    return nullptr;
}

QPushButton *saveButton(QWidget *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
}

bool showsText(QWidget *dialog, const QString &text)
{
    const auto labels = dialog->findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel *label) {
        return label->isVisible() && label->text().contains(text);
    });
}

QByteArray randomKey()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    return bytes.toBase64();
}

CredentialStore::Result readBack(const QString &name)
{
    CredentialStore fresh; // an empty cache: the answer comes from the keychain daemon
    CredentialStore::Result answer;
    bool done = false;
    QObject context;
    fresh.readKey(name, &context, [&](const CredentialStore::Result &result) {
        answer = result;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        answer.message = QStringLiteral("the keychain did not answer within 15 s");
    return answer;
}

} // namespace

class TestAccountDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void addStoresKeyInKeychainOnly();
    void fieldsAreCheckedAsTyped();
    void editKeepsTheStoredKeyWithoutShowingIt();

private:
    test::TestEnvironment m_env;
    QByteArray m_key = randomKey();
};

void TestAccountDialog::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("ONEDIAL_TEST_KEYRING_HOME"), "run through tests/with-keyring.sh");
    m_env.applyToThisProcess();
}

void TestAccountDialog::addStoresKeyInKeychainOnly()
{
    AccountStore accounts;
    CredentialStore credentials;
    AccountDialog dialog(AccountDialog::Purpose::Add, &accounts, &credentials);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!saveButton(&dialog)->isEnabled());

    QTest::keyClicks(field(&dialog, "Account name"), QStringLiteral("sales"));
    QTest::keyClicks(field(&dialog, "Application or user id"),
                     QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90"));
    QTest::keyClicks(field(&dialog, "Access key"), QString::fromLatin1(m_key));
    QTest::keyClicks(field(&dialog, "Sponsor number"), QStringLiteral("0755 2800 0003"));
    QTest::keyClicks(field(&dialog, "Your phone number (caller)"), QStringLiteral("138-0013-8000"));
    QCOMPARE(field(&dialog, "Access key")->echoMode(), QLineEdit::Password);
    QVERIFY(saveButton(&dialog)->isEnabled());

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);

    const auto saved = AccountStore().account(QStringLiteral("sales"));
    QVERIFY(saved);
    QCOMPARE(saved->appId, QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90"));
    QCOMPARE(saved->sponsor, QStringLiteral("075528000003"));
    QCOMPARE(saved->caller, QStringLiteral("8613800138000"));
    QVERIFY(saved->display.isEmpty());
    QCOMPARE(AccountStore().defaultAccountName(), QStringLiteral("sales"));

    const CredentialStore::Result result = readBack(QStringLiteral("sales"));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.key.base64Text(), m_key);
    QVERIFY(!result.sessionOnly);

    QFile settings(accounts.path());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray text = settings.readAll();
    QVERIFY(text.contains("a1b2c3d4e5f60718293a4b5c6d7e8f90"));
    QVERIFY(!text.contains(m_key));
    QVERIFY(!text.contains(QByteArray::fromBase64(m_key)));
}

void TestAccountDialog::fieldsAreCheckedAsTyped()
{
    AccountStore accounts;
    CredentialStore credentials;
    AccountDialog dialog(AccountDialog::Purpose::Add, &accounts, &credentials);
    dialog.show();
    QTest::keyClicks(field(&dialog, "Account name"), QStringLiteral("sales"));
    QVERIFY(showsText(&dialog, QStringLiteral("exists already")));
    field(&dialog, "Account name")->clear();
    QTest::keyClicks(field(&dialog, "Account name"), QStringLiteral("support"));
    QVERIFY(!showsText(&dialog, QStringLiteral("exists already")));

    QTest::keyClicks(field(&dialog, "Application or user id"), QStringLiteral("has spaces"));
    QVERIFY(showsText(&dialog, QStringLiteral("appid has only")));
    QTest::keyClicks(field(&dialog, "Access key"), QStringLiteral("not a key!"));
    QVERIFY(showsText(&dialog, QStringLiteral("not a OneNET access key")));
    QTest::keyClicks(field(&dialog, "Sponsor number"), QStringLiteral("12345"));
    QVERIFY(showsText(&dialog, QStringLiteral("not a number in use in China")));
    QTest::keyClicks(field(&dialog, "Service address"), QStringLiteral("http://onenet.example.com"));
    QVERIFY(showsText(&dialog, QStringLiteral("https://")));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    QVERIFY(!AccountStore().contains(QStringLiteral("support")));
}

void TestAccountDialog::editKeepsTheStoredKeyWithoutShowingIt()
{
    AccountStore accounts;
    CredentialStore credentials;
    const auto existing = accounts.account(QStringLiteral("sales"));
    QVERIFY(existing);
    AccountDialog dialog(AccountDialog::Purpose::Edit, &accounts, &credentials, *existing);
    dialog.show();
    QLineEdit *key = field(&dialog, "Access key");
    QVERIFY(key->text().isEmpty());
    QVERIFY(key->placeholderText().contains(QLatin1String("Stored")));
    QTRY_VERIFY_WITH_TIMEOUT(showsText(&dialog, QStringLiteral("A key is stored in the system keychain")),
                             15000);
    const auto labels = dialog.findChildren<QLabel *>();
    for (const QLabel *label : labels)
        QVERIFY(!label->text().toLatin1().contains(m_key));
    QVERIFY(field(&dialog, "Account name")->isReadOnly());

    QLineEdit *caller = field(&dialog, "Your phone number (caller)");
    caller->clear();
    QTest::keyClicks(caller, QStringLiteral("+86 139 0000 1234"));
    QVERIFY(saveButton(&dialog)->isEnabled());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);

    QCOMPARE(AccountStore().account(QStringLiteral("sales"))->caller, QStringLiteral("8613900001234"));
    const CredentialStore::Result result = readBack(QStringLiteral("sales"));
    QVERIFY(result.ok());
    QCOMPARE(result.key.base64Text(), m_key);
}

QTEST_MAIN(TestAccountDialog)
#include "tst_accountdialog.moc"
