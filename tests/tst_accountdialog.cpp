// Changing an account in the window: each field checked as it is typed, by the same rules as the
// command line; the settings few people change folded away unless the account uses them; the
// dialog as tall as what it shows, before and after a problem line; the key stored in the real
// Secret Service (this test runs inside tests/with-keyring.sh), never shown again and never
// written to the settings file. A gateway account shows only its address and the member's token.
// New accounts are set up in the wizard (tst_setupwizard).
#include "AccountDialog.h"
#include "TestEnvironment.h"
#include "TestKeychain.h"
#include "WidgetLookup.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace onedial;

namespace {

const QString kAppId = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90");

template<typename Widget = QLineEdit> Widget *field(QWidget *dialog, const char *accessibleName)
{
    return test::named<Widget>(dialog, accessibleName);
}

QPushButton *advanced(QWidget *dialog)
{
    return field<QPushButton>(dialog, "Advanced settings");
}

QPushButton *saveButton(QWidget *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
}

using test::retype;
using test::showsText;

} // namespace

class TestAccountDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fieldsAreCheckedAsTyped();
    void advancedIsFoldedUnlessUsed();
    void shrinksBackWhenProblemsClear();
    void enterKeyAsksForAKey();
    void editKeepsTheStoredKeyWithoutShowingIt();
    void gatewayAccountShowsOnlyAddressAndToken();
    void gatewayTokenIsAskedForAndStored();

private:
    Account sales() const;

    test::TestEnvironment m_env;
    // One for the whole run: a dialog's keychain read may still be under way when the dialog
    // closes, and the store owns the read until the keychain answers.
    CredentialStore m_credentials;
    QByteArray m_key = test::randomKeyText();
};

void TestAccountDialog::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("ONEDIAL_TEST_KEYRING_HOME"), "run through tests/with-keyring.sh");
    m_env.applyToThisProcess();
    Account account;
    account.name = QStringLiteral("sales");
    account.appId = kAppId;
    account.sponsor = QStringLiteral("075528000003");
    account.caller = QStringLiteral("8613800138000");
    QVERIFY(AccountStore().save(account));
    const CredentialStore::Result written = test::writeKeyToKeychain(account.name, m_key);
    QVERIFY2(written.ok(), qPrintable(written.message));
}

Account TestAccountDialog::sales() const
{
    return AccountStore().account(QStringLiteral("sales")).value_or(Account());
}

void TestAccountDialog::fieldsAreCheckedAsTyped()
{
    AccountStore accounts;
    AccountDialog dialog(AccountDialog::Purpose::Edit, &accounts, &m_credentials, sales());
    dialog.show();
    QVERIFY(saveButton(&dialog)->isEnabled());

    QLineEdit *identity = field(&dialog, "Application or user id");
    retype(identity, QStringLiteral("has spaces"));
    QVERIFY(showsText(&dialog, QStringLiteral("The appid has only the digits 0-9 and the letters a-f")));
    retype(identity, QStringLiteral("a1b2c3d4e5f60"));
    QVERIFY(showsText(&dialog, QStringLiteral("exactly 32 characters long; this one has 13")));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    retype(identity, kAppId);
    QVERIFY(saveButton(&dialog)->isEnabled());

    QTest::keyClicks(field(&dialog, "Access key"), QStringLiteral("not a key!"));
    QVERIFY(showsText(&dialog, QStringLiteral("not a OneNET access key")));
    retype(field(&dialog, "Access key"), QStringLiteral("abcd"));
    QVERIFY(showsText(&dialog, QStringLiteral("too short")));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    field(&dialog, "Access key")->clear();
    QTest::keyClicks(field(&dialog, "Access key"), QString::fromLatin1(test::randomKeyText()));
    QVERIFY(!showsText(&dialog, QStringLiteral("not a OneNET access key")));
    QVERIFY(!showsText(&dialog, QStringLiteral("too short")));
    QVERIFY(saveButton(&dialog)->isEnabled());

    retype(field(&dialog, "Sponsor number"), QStringLiteral("12345"));
    QVERIFY(showsText(&dialog, QStringLiteral("not a number in use in China")));
    retype(field(&dialog, "Sponsor number"), QStringLiteral("0755 2800 0003"));

    // A problem in a folded field unfolds it, so the reason Save is off is on screen.
    QVERIFY(!advanced(&dialog)->isChecked());
    QTest::keyClicks(field(&dialog, "Service address"), QStringLiteral("http://onenet.example.com"));
    QVERIFY(advanced(&dialog)->isChecked());
    QVERIFY(showsText(&dialog, QStringLiteral("https://")));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    QCOMPARE(AccountStore().account(QStringLiteral("sales"))->appId, kAppId);
}

void TestAccountDialog::advancedIsFoldedUnlessUsed()
{
    AccountStore accounts;
    {
        AccountDialog dialog(AccountDialog::Purpose::Edit, &accounts, &m_credentials, sales());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!advanced(&dialog)->isChecked());
        QVERIFY(!field(&dialog, "Service address")->isVisible());
        QVERIFY(!field<QWidget>(&dialog, "Token signing method")->isVisible());
        QVERIFY(field(&dialog, "Sponsor number")->isVisible());
        // Enter on the focused button unfolds the section, and does not save.
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        advanced(&dialog)->setFocus();
        QSignalSpy finished(&dialog, &QDialog::finished);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(advanced(&dialog)->isChecked());
        QVERIFY(field(&dialog, "Service address")->isVisible());
        QCOMPARE(finished.count(), 0);
    }
    for (const auto &change : std::initializer_list<std::function<void(Account &)>>{
             [](Account &a) { a.endpoint = QUrl(QStringLiteral("https://voice.example.com")); },
             [](Account &a) { a.notifyUrl = QUrl(QStringLiteral("https://hooks.example.com/onenet")); },
             [](Account &a) {
                 a.method = SignMethod::Md5;
             }}) {
        Account account = sales();
        change(account);
        AccountDialog dialog(AccountDialog::Purpose::Edit, &accounts, &m_credentials, account);
        dialog.show();
        QVERIFY(advanced(&dialog)->isChecked());
        QVERIFY(field(&dialog, "Service address")->isVisible());
    }
}

void TestAccountDialog::shrinksBackWhenProblemsClear()
{
    AccountStore accounts;
    AccountDialog dialog(AccountDialog::Purpose::Edit, &accounts, &m_credentials, sales());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(showsText(&dialog, QStringLiteral("A key is stored in the system keychain")),
                             15000);
    QTest::qWait(100); // the fit after the keychain's answer
    const int clean = dialog.height();

    QLineEdit *identity = field(&dialog, "Application or user id");
    QLineEdit *sponsor = field(&dialog, "Sponsor number");
    retype(identity, QStringLiteral("has spaces"));
    retype(sponsor, QStringLiteral("12345"));
    QTest::keyClicks(field(&dialog, "Access key"), QStringLiteral("not a key!"));
    // Taller with three problem lines, and every field keeps its own height.
    QTRY_VERIFY2(dialog.height() > clean + 30,
                 qPrintable(QStringLiteral("%1 -> %2").arg(clean).arg(dialog.height())));
    QTRY_COMPARE(identity->height(), identity->sizeHint().height());

    retype(identity, kAppId);
    retype(sponsor, QStringLiteral("0755 2800 0003"));
    field(&dialog, "Access key")->selectAll();
    QTest::keyClick(field(&dialog, "Access key"), Qt::Key_Backspace);
    // Back to the height it had: no blank band where the problems were.
    QTRY_VERIFY2(qAbs(dialog.height() - clean) <= 4,
                 qPrintable(QStringLiteral("%1 -> %2").arg(clean).arg(dialog.height())));

    // The same for the advanced section, folded again.
    advanced(&dialog)->click();
    QTRY_VERIFY(dialog.height() > clean + 30);
    advanced(&dialog)->click();
    QTRY_VERIFY2(qAbs(dialog.height() - clean) <= 4,
                 qPrintable(QStringLiteral("%1 -> %2").arg(clean).arg(dialog.height())));
}

void TestAccountDialog::enterKeyAsksForAKey()
{
    AccountStore accounts;
    AccountDialog dialog(AccountDialog::Purpose::EnterKey, &accounts, &m_credentials, sales());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.focusWidget(), field(&dialog, "Access key"));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    QTest::keyClicks(field(&dialog, "Access key"), QStringLiteral("c2VjcmV0"));
    QVERIFY(showsText(&dialog, QStringLiteral("too short")));
    QVERIFY(!saveButton(&dialog)->isEnabled());
}

void TestAccountDialog::editKeepsTheStoredKeyWithoutShowingIt()
{
    AccountStore accounts;
    AccountDialog dialog(AccountDialog::Purpose::Edit, &accounts, &m_credentials, sales());
    dialog.show();
    QLineEdit *key = field(&dialog, "Access key");
    QVERIFY(key->text().isEmpty());
    QCOMPARE(key->echoMode(), QLineEdit::Password);
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

    QCOMPARE(sales().caller, QStringLiteral("8613900001234"));
    const CredentialStore::Result result = test::readKeyFromKeychain(QStringLiteral("sales"));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.key.base64Text(), m_key);

    QFile settings(accounts.path());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray text = settings.readAll();
    QVERIFY(!text.contains(m_key));
    QVERIFY(!text.contains(QByteArray::fromBase64(m_key)));
}

void TestAccountDialog::gatewayAccountShowsOnlyAddressAndToken()
{
    Account team;
    team.name = QStringLiteral("team");
    team.kind = AccountKind::Gateway;
    team.gateway = QUrl(QStringLiteral("https://dial.example.com"));
    AccountStore accounts;
    QVERIFY(accounts.save(team));
    AccountDialog dialog(AccountDialog::Purpose::Edit, &accounts, &m_credentials, team);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(field(&dialog, "Gateway address")->text(), QStringLiteral("https://dial.example.com"));
    QVERIFY(field(&dialog, "Gateway address")->isVisible());
    QVERIFY(field(&dialog, "Gateway token")->isVisible());
    QCOMPARE(dialog.focusWidget(), field(&dialog, "Gateway address"));
    // The gateway decides every OneNET setting: none of them is offered.
    for (const char *name : {"Application or user id", "Sponsor number", "Your phone number (caller)"})
        QVERIFY2(!test::named<QWidget>(&dialog, name)->isVisible(), name);
    QVERIFY(!advanced(&dialog)->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(showsText(&dialog, QStringLiteral("No token is stored yet")), 15000);
    QVERIFY(saveButton(&dialog)->isEnabled());

    retype(field(&dialog, "Gateway address"), QStringLiteral("http://dial.example.com"));
    QVERIFY(showsText(&dialog, QStringLiteral("must be an https:// address")));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    retype(field(&dialog, "Gateway address"), QStringLiteral("https://gw.example.com/onedial"));
    QVERIFY(saveButton(&dialog)->isEnabled());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    const auto saved = AccountStore().account(QStringLiteral("team"));
    QVERIFY(saved && saved->isGateway());
    QCOMPARE(saved->gateway, QUrl(QStringLiteral("https://gw.example.com/onedial")));
}

void TestAccountDialog::gatewayTokenIsAskedForAndStored()
{
    Account team;
    team.name = QStringLiteral("team-2");
    team.kind = AccountKind::Gateway;
    team.gateway = QUrl(QStringLiteral("https://dial.example.com"));
    AccountStore accounts;
    QVERIFY(accounts.save(team));
    AccountDialog dialog(AccountDialog::Purpose::EnterKey, &accounts, &m_credentials, team);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Gateway token needed"));
    QLineEdit *token = field(&dialog, "Gateway token");
    QCOMPARE(dialog.focusWidget(), token);
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QVERIFY(!saveButton(&dialog)->isEnabled());
    // The team's OneNET key pasted by mistake is named as such.
    QTest::keyClicks(token, QString::fromLatin1(m_key));
    QVERIFY(showsText(&dialog, QStringLiteral("looks like a OneNET access key")));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    const QByteArray secret = QByteArrayLiteral("odg_T3st-_id_") + QByteArray(35, 'k');
    retype(token, QString::fromLatin1(secret));
    QVERIFY(saveButton(&dialog)->isEnabled());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);

    const CredentialStore::Result result = test::readKeyFromKeychain(team.name);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.key.base64Text(), secret);
    QVERIFY(AccountStore().account(team.name)->isGateway());
    QFile settings(accounts.path());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(!settings.readAll().contains(secret));
}

QTEST_MAIN(TestAccountDialog)
#include "tst_accountdialog.moc"
