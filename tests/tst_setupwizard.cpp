// The set-up wizard as a person uses it: the first page's choices (the sandbox, a OneNET account,
// the team's gateway; only the two kinds of account when one more is added), the account in two steps
// with each field checked as it is typed (Next stays off while one is wrong), the advanced
// settings folded away, the test step against loopback servers (a closed port, a TLS server),
// a gateway account with only its address and token, and Finish storing the key (or the token)
// in the real Secret Service (this test runs inside
// tests/with-keyring.sh), never in the settings file. Also: Tab order, accessible names and
// accelerators on every page.
#include "HandshakeServer.h"
#include "SetupWizard.h"
#include "TestEnvironment.h"
#include "TestKeychain.h"
#include "WidgetLookup.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

using namespace onedial;
using test::HandshakeServer;

namespace {

const QString kAppId = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90");

template<typename Widget = QWidget> Widget *control(QWidget *root, const char *accessibleName)
{
    return test::named<Widget>(root, accessibleName);
}

QLineEdit *field(QWidget *root, const char *accessibleName)
{
    return test::named<QLineEdit>(root, accessibleName);
}

using test::retype;
using test::showsText;

// The mnemonic character of a label or button text ("Access &key:" gives 'k'), or 0.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) != QLatin1Char('&'))
                return text.at(i + 1).toLower();
            ++i;
        }
    }
    return {};
}

} // namespace

class TestSetupWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sandboxChoiceClosesWithoutAnAccount();
    void ownAccountChoiceOpensTheAccountStep();
    void formatChecks_data();
    void formatChecks();
    void numbersAreCheckedAsTyped();
    void advancedIsFoldedByDefault();
    void testStepWithClosedPortSaysSoQuickly();
    void testStepWithTlsServerSendsNothing();
    void finishStoresAccountAndKeyInKeychainOnly();
    void tabOrderFollowsTheForm();
    void everyControlIsNamedAndAcceleratorsAreUnique();
    void addingAnAccountOffersBothKindsNotTheSandbox();
    void gatewayStepChecksAddressAndToken_data();
    void gatewayStepChecksAddressAndToken();
    void gatewayFinishStoresTokenInKeychainOnly();
    void everyGatewayControlIsNamedAndInTabOrder();

private:
    void showWizard(SetupWizard::Start start);
    // Accounts > Add, then "Set up my OneNET account" (or the team's gateway).
    void showAccountStep();
    void showGatewayStep(SetupWizard::Start start = SetupWizard::Start::Account);
    void fillAccountStep(const QString &appId, const QByteArray &key);
    void fillNumbersStep(const QString &endpoint);
    QAbstractButton *next() const { return m_wizard->button(QWizard::NextButton); }

    test::TestEnvironment m_env;
    QByteArray m_key = test::randomKeyText();
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<SetupWizard> m_wizard;
};

void TestSetupWizard::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("ONEDIAL_TEST_KEYRING_HOME"), "run through tests/with-keyring.sh");
    m_env.applyToThisProcess();
}

void TestSetupWizard::init()
{
    m_accounts = std::make_unique<AccountStore>();
    m_credentials = std::make_unique<CredentialStore>();
}

void TestSetupWizard::cleanup()
{
    m_wizard.reset();
    m_credentials.reset();
    m_accounts.reset();
}

void TestSetupWizard::showWizard(SetupWizard::Start start)
{
    m_wizard = std::make_unique<SetupWizard>(start, m_accounts.get(), m_credentials.get());
    m_wizard->show();
    m_wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_wizard.get()));
}

void TestSetupWizard::showAccountStep()
{
    showWizard(SetupWizard::Start::Account);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::WelcomePage));
    QTest::mouseClick(control<QAbstractButton>(m_wizard.get(), "Set up my OneNET account"), Qt::LeftButton);
    QCOMPARE(QApplication::focusWidget(), control(m_wizard.get(), "API generation"));
}

void TestSetupWizard::showGatewayStep(SetupWizard::Start start)
{
    showWizard(start);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::WelcomePage));
    QTest::mouseClick(control<QAbstractButton>(m_wizard.get(), "Use my team's gateway"), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::GatewayPage));
    // Typing goes to the first field at once.
    QCOMPARE(QApplication::focusWidget(), field(m_wizard.get(), "Gateway address"));
}

void TestSetupWizard::fillAccountStep(const QString &appId, const QByteArray &key)
{
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::AccountPage));
    QTest::keyClicks(field(m_wizard.get(), "Application or user id"), appId);
    QTest::keyClicks(field(m_wizard.get(), "Access key"), QString::fromLatin1(key));
}

void TestSetupWizard::fillNumbersStep(const QString &endpoint)
{
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::NumbersPage));
    QTest::keyClicks(field(m_wizard.get(), "Sponsor number"), QStringLiteral("0755 2800 0003"));
    QTest::keyClicks(field(m_wizard.get(), "Your phone number (caller)"), QStringLiteral("138-0013-8000"));
    if (!endpoint.isEmpty()) {
        control<QPushButton>(m_wizard.get(), "Advanced settings")->setChecked(true);
        QTest::keyClicks(field(m_wizard.get(), "Service address"), endpoint);
    }
}

void TestSetupWizard::sandboxChoiceClosesWithoutAnAccount()
{
    showWizard(SetupWizard::Start::Welcome);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::WelcomePage));
    QVERIFY(!next()->isEnabled()); // the two choices move on, not Next
    auto *sandbox = control<QAbstractButton>(m_wizard.get(), "Try the sandbox");
    QVERIFY(sandbox);
    sandbox->setFocus();
    QCOMPARE(QApplication::focusWidget(), sandbox);
    QSignalSpy finished(m_wizard.get(), &QDialog::finished);
    // Enter on a focused button presses that button, not the wizard's default one.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(finished.count(), 1);
    QVERIFY(m_wizard->sandboxChosen());
    QVERIFY(AccountStore().accounts().isEmpty());
}

void TestSetupWizard::ownAccountChoiceOpensTheAccountStep()
{
    showWizard(SetupWizard::Start::Welcome);
    auto *own = control<QAbstractButton>(m_wizard.get(), "Set up my OneNET account");
    QVERIFY(own);
    own->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::AccountPage));
    QVERIFY(!m_wizard->sandboxChosen());
    QVERIFY(m_wizard->button(QWizard::BackButton)->isVisible());
    QVERIFY(!next()->isEnabled());
}

void TestSetupWizard::formatChecks_data()
{
    QTest::addColumn<QString>("appId");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("problem"); // empty: accepted

    const QByteArray key = test::randomKeyText();
    QTest::newRow("32 hexadecimal characters") << kAppId << key << QString();
    QTest::newRow("upper-case hexadecimal") << kAppId.toUpper() << key << QString();
    QTest::newRow("13 characters") << QStringLiteral("a1b2c3d4e5f60") << key
                                   << QStringLiteral("must be exactly 32 characters long; this one has 13");
    QTest::newRow("32 characters, not hexadecimal")
        << QStringLiteral("g1b2c3d4e5f60718293a4b5c6d7e8f90") << key
        << QStringLiteral("only the digits 0-9 and the letters a-f; \"g\"");
    QTest::newRow("3-character key") << kAppId << QByteArray("abc") << QStringLiteral("OneNET access key");
    QTest::newRow("key of 8 bytes") << kAppId << QByteArray("c2VjcmV0") << QStringLiteral("too short");
    QTest::newRow("key of 96 bytes") << kAppId << QByteArray(96, 'k').toBase64()
                                     << QStringLiteral("too long");
    QTest::newRow("key that is not base64")
        << kAppId << QByteArray("not a key!") << QStringLiteral("not a OneNET access key");
    QTest::newRow("key of 16 bytes") << kAppId << QByteArray(16, 'k').toBase64() << QString();
}

void TestSetupWizard::formatChecks()
{
    QFETCH(QString, appId);
    QFETCH(QByteArray, key);
    QFETCH(QString, problem);
    showAccountStep();
    QVERIFY(!next()->isEnabled());
    fillAccountStep(appId, key);
    if (problem.isEmpty()) {
        QVERIFY(next()->isEnabled());
        QVERIFY(!showsText(m_wizard.get(), QStringLiteral("must")));
    } else {
        QVERIFY2(showsText(m_wizard.get(), problem), qPrintable(problem));
        QVERIFY(!next()->isEnabled());
        // Enter in the field does not get past the step either.
        QTest::keyClick(field(m_wizard.get(), "Access key"), Qt::Key_Return);
        QCOMPARE(m_wizard->currentId(), int(SetupWizard::AccountPage));
    }
}

void TestSetupWizard::numbersAreCheckedAsTyped()
{
    showAccountStep();
    fillAccountStep(kAppId, m_key);
    QTest::mouseClick(next(), Qt::LeftButton);
    QVERIFY(!next()->isEnabled());
    QTest::keyClicks(field(m_wizard.get(), "Sponsor number"), QStringLiteral("12345"));
    QVERIFY(showsText(m_wizard.get(), QStringLiteral("not a number in use in China")));
    QTest::keyClicks(field(m_wizard.get(), "Your phone number (caller)"), QStringLiteral("138 0013 8000"));
    QVERIFY(!next()->isEnabled());
    retype(field(m_wizard.get(), "Sponsor number"), QStringLiteral("0755 2800 0003"));
    QVERIFY(!showsText(m_wizard.get(), QStringLiteral("not a number in use in China")));
    QVERIFY(next()->isEnabled());

    // The account name is folded away with a free default; a taken or invalid one unfolds it.
    auto *advanced = control<QPushButton>(m_wizard.get(), "Advanced settings");
    QVERIFY(!advanced->isChecked());
    QCOMPARE(field(m_wizard.get(), "Account name")->text(), QStringLiteral("OneNET"));
    field(m_wizard.get(), "Account name")->setText(QStringLiteral("!"));
    QTest::keyClicks(field(m_wizard.get(), "Account name"), QStringLiteral("?"));
    QVERIFY(advanced->isChecked());
    QVERIFY(showsText(m_wizard.get(), QStringLiteral("The account name must be")));
    QVERIFY(!next()->isEnabled());
}

void TestSetupWizard::advancedIsFoldedByDefault()
{
    showAccountStep();
    fillAccountStep(kAppId, m_key);
    QTest::mouseClick(next(), Qt::LeftButton);
    auto *advanced = control<QPushButton>(m_wizard.get(), "Advanced settings");
    QVERIFY(advanced && advanced->isVisible());
    QVERIFY(!advanced->isChecked());
    for (const char *name :
         {"Account name", "Token signing method", "Service address", "Status callback address"}) {
        QWidget *folded = control(m_wizard.get(), name);
        QVERIFY2(folded && !folded->isVisible(), name);
    }
    QVERIFY(field(m_wizard.get(), "Sponsor number")->isVisible());
    // Enter on the focused button unfolds the section.
    advanced->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(advanced->isChecked());
    QVERIFY(field(m_wizard.get(), "Service address")->isVisible());
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::NumbersPage));
}

void TestSetupWizard::testStepWithClosedPortSaysSoQuickly()
{
    const quint16 port = HandshakeServer::closedPort();
    showAccountStep();
    fillAccountStep(kAppId, m_key);
    QTest::mouseClick(next(), Qt::LeftButton);
    fillNumbersStep(QStringLiteral("https://127.0.0.1:%1").arg(port));
    QVERIFY(next()->isEnabled());
    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::TestPage));
    QVERIFY(showsText(m_wizard.get(), QStringLiteral("The access key decodes and signs a token")));
    QTRY_VERIFY_WITH_TIMEOUT(
        showsText(m_wizard.get(), QStringLiteral("Could not reach 127.0.0.1:%1").arg(port)), 10000);
    QVERIFY(showsText(m_wizard.get(), QStringLiteral("refused")));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(showsText(m_wizard.get(), QStringLiteral("Go back to correct what failed")));
    // The test informs; it does not stop anyone finishing.
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
}

void TestSetupWizard::testStepWithTlsServerSendsNothing()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.addCaCertificate(HandshakeServer::certificate());
    QSslConfiguration::setDefaultConfiguration(config);
    HandshakeServer server(HandshakeServer::Mode::Tls);
    QVERIFY(server.listen());

    showAccountStep();
    fillAccountStep(kAppId, m_key);
    QTest::mouseClick(next(), Qt::LeftButton);
    fillNumbersStep(QStringLiteral("https://127.0.0.1:%1").arg(server.port()));
    QTest::mouseClick(next(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(showsText(m_wizard.get(), QStringLiteral("completed a TLS handshake")), 10000);
    // What only a call can tell is said plainly, with the codes a refusal would carry.
    QVERIFY(showsText(m_wizard.get(), QStringLiteral("first real call is the test")));
    QVERIFY(showsText(m_wizard.get(), QStringLiteral("000002")));
    QVERIFY(showsText(m_wizard.get(), QStringLiteral("000015")));
    QTRY_COMPARE(server.handshakes(), 1);

    // Once more, on request: a second handshake, and still not a byte sent.
    auto *again = control<QPushButton>(m_wizard.get(), "Run the test again");
    QVERIFY(again && again->isEnabled());
    QTest::mouseClick(again, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(server.handshakes(), 2, 10000);
    QTest::qWait(200);
    QCOMPARE(server.received(), QByteArray());
}

void TestSetupWizard::finishStoresAccountAndKeyInKeychainOnly()
{
    showAccountStep();
    fillAccountStep(kAppId, m_key);
    QCOMPARE(field(m_wizard.get(), "Access key")->echoMode(), QLineEdit::Password);
    QTest::mouseClick(next(), Qt::LeftButton);
    const QString endpoint = QStringLiteral("https://127.0.0.1:%1").arg(HandshakeServer::closedPort());
    fillNumbersStep(endpoint);
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::TestPage));

    QSignalSpy accepted(m_wizard.get(), &QDialog::accepted);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QVERIFY(!m_wizard->keptForSessionOnly());

    const auto saved = AccountStore().account(QStringLiteral("OneNET"));
    QVERIFY(saved);
    QCOMPARE(saved->api, Api::V1);
    QCOMPARE(saved->appId, kAppId);
    QCOMPARE(saved->sponsor, QStringLiteral("075528000003"));
    QCOMPARE(saved->caller, QStringLiteral("8613800138000"));
    QVERIFY(saved->display.isEmpty());
    QCOMPARE(saved->method, SignMethod::Sha256);
    QCOMPARE(saved->endpoint, QUrl(endpoint));
    QCOMPARE(AccountStore().defaultAccountName(), QStringLiteral("OneNET"));

    const CredentialStore::Result result = test::readKeyFromKeychain(QStringLiteral("OneNET"));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.key.base64Text(), m_key);
    QVERIFY(!result.sessionOnly);

    QFile settings(m_accounts->path());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray text = settings.readAll();
    QVERIFY(text.contains(kAppId.toLatin1()));
    QVERIFY(!text.contains(m_key));
    QVERIFY(!text.contains(QByteArray::fromBase64(m_key)));

    // A second account gets a name of its own, and the first stays the default.
    m_wizard.reset();
    showAccountStep();
    fillAccountStep(kAppId, m_key);
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(field(m_wizard.get(), "Account name")->text(), QStringLiteral("OneNET 2"));
}

void TestSetupWizard::tabOrderFollowsTheForm()
{
    showAccountStep();
    const auto visits = [this](const QList<const char *> &names) {
        QWidget *first = control(m_wizard.get(), names.constFirst());
        first->setFocus();
        for (const char *name : names) {
            QWidget *focused = QApplication::focusWidget();
            QVERIFY2(
                focused && focused->accessibleName() == QLatin1String(name),
                qPrintable(QStringLiteral("expected %1, focus is on %2")
                               .arg(QLatin1String(name), focused ? focused->accessibleName() : QString())));
            QTest::keyClick(focused, Qt::Key_Tab);
        }
    };
    visits({"API generation", "Application or user id", "Access key"});
    fillAccountStep(kAppId, m_key);
    QTest::mouseClick(next(), Qt::LeftButton);
    control<QPushButton>(m_wizard.get(), "Advanced settings")->setChecked(true);
    visits({"Sponsor number", "Your phone number (caller)", "Number the called person sees",
            "Advanced settings", "Account name", "Token signing method", "Service address",
            "Status callback address"});
}

void TestSetupWizard::everyControlIsNamedAndAcceleratorsAreUnique()
{
    showWizard(SetupWizard::Start::Welcome);
    QTest::mouseClick(control<QAbstractButton>(m_wizard.get(), "Set up my OneNET account"), Qt::LeftButton);
    fillAccountStep(kAppId, m_key);
    QTest::mouseClick(next(), Qt::LeftButton);
    fillNumbersStep(QStringLiteral("https://127.0.0.1:%1").arg(HandshakeServer::closedPort()));
    QTest::mouseClick(next(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(showsText(m_wizard.get(), QStringLiteral("Could not reach")), 10000);

    for (int id : m_wizard->pageIds()) {
        QWizardPage *page = m_wizard->page(id);
        const QString where = QStringLiteral("page %1").arg(id);
        QSet<QChar> accelerators;
        const auto claim = [&](const QString &text) {
            const QChar key = mnemonic(text);
            if (key.isNull())
                return;
            QVERIFY2(!accelerators.contains(key),
                     qPrintable(where + QStringLiteral(": &") + key + QStringLiteral(" twice")));
            accelerators.insert(key);
        };
        for (QWizard::WizardButton which : {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton})
            claim(m_wizard->buttonText(which));
        const auto widgets = page->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            const QString name =
                QString::fromLatin1(widget->metaObject()->className()) + QStringLiteral(" on ") + where;
            if (widget->focusPolicy() & Qt::TabFocus)
                QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(name));
            if (auto *label = qobject_cast<QLabel *>(widget)) {
                if (label->buddy())
                    claim(label->text());
                // A picture says nothing to a screen reader unless it is named.
                if (!label->pixmap().isNull())
                    QVERIFY2(!label->accessibleName().isEmpty(), qPrintable(name));
            }
            if (auto *button = qobject_cast<QAbstractButton *>(widget))
                claim(button->text());
            if (widget->isVisible() &&
                (qobject_cast<QLabel *>(widget) || qobject_cast<QAbstractButton *>(widget))) {
                QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
                QVERIFY2(accessible && !accessible->text(QAccessible::Name).isEmpty(), qPrintable(name));
            }
        }
    }
}

void TestSetupWizard::addingAnAccountOffersBothKindsNotTheSandbox()
{
    showWizard(SetupWizard::Start::Account);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::WelcomePage));
    QVERIFY(!next()->isEnabled());
    QVERIFY(!control<QAbstractButton>(m_wizard.get(), "Try the sandbox")->isVisible());
    QVERIFY(control<QAbstractButton>(m_wizard.get(), "Set up my OneNET account")->isVisible());
    auto *team = control<QAbstractButton>(m_wizard.get(), "Use my team's gateway");
    QVERIFY(team->isVisible());
    // Enter on the focused choice moves on, to the gateway's own step (not OneNET's).
    team->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::GatewayPage));
    QVERIFY(field(m_wizard.get(), "Gateway address")->isVisible());
    QVERIFY(field(m_wizard.get(), "Gateway token")->isVisible());
    QVERIFY(!control(m_wizard.get(), "Application or user id")->isVisible());
    // Back, and the other choice leads to OneNET's fields.
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QTest::mouseClick(control<QAbstractButton>(m_wizard.get(), "Set up my OneNET account"), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::AccountPage));
    QVERIFY(field(m_wizard.get(), "Application or user id")->isVisible());
}

void TestSetupWizard::gatewayStepChecksAddressAndToken_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("problem");
    const QByteArray token = QByteArrayLiteral("odg_AbCd1234_") + QByteArray(35, 'x');
    QTest::newRow("right") << QStringLiteral("https://dial.example.com") << token << QString();
    QTest::newRow("behind a path") << QStringLiteral("https://example.com/onedial/") << token << QString();
    QTest::newRow("plain http elsewhere") << QStringLiteral("http://dial.example.com") << token
                                          << QStringLiteral("must be an https:// address");
    QTest::newRow("with a query") << QStringLiteral("https://dial.example.com/?a=1") << token
                                  << QStringLiteral("without ? or # parts");
    QTest::newRow("OneNET key instead") << QStringLiteral("https://dial.example.com") << m_key
                                        << QStringLiteral("looks like a OneNET access key");
    QTest::newRow("cut short") << QStringLiteral("https://dial.example.com") << token.left(30)
                               << QStringLiteral("has 30 characters instead of 48");
    QTest::newRow("something else") << QStringLiteral("https://dial.example.com")
                                    << QByteArrayLiteral("hello") << QStringLiteral("is not a gateway token");
}

void TestSetupWizard::gatewayStepChecksAddressAndToken()
{
    QFETCH(QString, address);
    QFETCH(QByteArray, token);
    QFETCH(QString, problem);
    showGatewayStep();
    QVERIFY(!next()->isEnabled());
    QCOMPARE(field(m_wizard.get(), "Gateway token")->echoMode(), QLineEdit::Password);
    QTest::keyClicks(field(m_wizard.get(), "Gateway address"), address);
    QTest::keyClicks(field(m_wizard.get(), "Gateway token"), QString::fromLatin1(token));
    if (problem.isEmpty()) {
        QVERIFY(next()->isEnabled());
        return;
    }
    QVERIFY2(showsText(m_wizard.get(), problem), qPrintable(problem));
    QVERIFY(!next()->isEnabled());
    QTest::keyClick(field(m_wizard.get(), "Gateway token"), Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::GatewayPage));
}

void TestSetupWizard::gatewayFinishStoresTokenInKeychainOnly()
{
    const quint16 port = HandshakeServer::closedPort();
    const QByteArray token = QByteArrayLiteral("odg_Zz09-_aB_") + QByteArray(35, 'Q');
    const QString defaultBefore = AccountStore().defaultAccountName();
    showGatewayStep(SetupWizard::Start::Welcome);
    // The wizard has a form for each kind of account: this is the gateway step's name.
    QCOMPARE(field(m_wizard->page(SetupWizard::GatewayPage), "Account name")->text(), QStringLiteral("Team"));
    const QString address = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QTest::keyClicks(field(m_wizard.get(), "Gateway address"), address);
    QTest::keyClicks(field(m_wizard.get(), "Gateway token"), QString::fromLatin1(token));
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::TestPage));
    // The gateway's test: the token's form at once, then the gateway itself (here: nobody there).
    QVERIFY(showsText(m_wizard.get(), QStringLiteral("has the form of a gateway token")));
    QVERIFY(showsText(m_wizard.get(), QStringLiteral("Gateway token:")));
    QVERIFY(!showsText(m_wizard.get(), QStringLiteral("Numbers:")));
    QTRY_VERIFY_WITH_TIMEOUT(
        showsText(m_wizard.get(), QStringLiteral("Could not reach 127.0.0.1:%1").arg(port)), 10000);

    QSignalSpy accepted(m_wizard.get(), &QDialog::accepted);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);

    const auto saved = AccountStore().account(QStringLiteral("Team"));
    QVERIFY(saved);
    QVERIFY(saved->isGateway());
    QCOMPARE(saved->gateway, QUrl(address));
    QVERIFY(saved->appId.isEmpty() && saved->caller.isEmpty() && saved->sponsor.isEmpty());
    // The first account becomes the default; one that is the default already stays it.
    QCOMPARE(AccountStore().defaultAccountName(),
             defaultBefore.isEmpty() ? QStringLiteral("Team") : defaultBefore);
    const CredentialStore::Result result = test::readKeyFromKeychain(QStringLiteral("Team"));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.key.base64Text(), token);
    QFile settings(m_accounts->path());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(!settings.readAll().contains(token));
}

void TestSetupWizard::everyGatewayControlIsNamedAndInTabOrder()
{
    showGatewayStep();
    QWidget *first = field(m_wizard.get(), "Gateway address");
    first->setFocus();
    for (const char *name : {"Gateway address", "Gateway token", "Account name"}) {
        QWidget *focused = QApplication::focusWidget();
        QVERIFY2(focused && focused->accessibleName() == QLatin1String(name),
                 qPrintable(focused ? focused->accessibleName() : QString()));
        QVERIFY(!focused->accessibleDescription().isEmpty()); // its hint, for a screen reader
        QTest::keyClick(focused, Qt::Key_Tab);
    }
    QSet<QChar> accelerators;
    const auto labels = m_wizard->page(SetupWizard::GatewayPage)->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (!label->buddy())
            continue;
        const QChar key = mnemonic(label->text());
        QVERIFY2(!key.isNull() && !accelerators.contains(key), qPrintable(label->text()));
        accelerators.insert(key);
    }
    QCOMPARE(accelerators.size(), 3);
}

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
