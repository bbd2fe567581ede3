// No keychain at all (the session bus address leads nowhere): dialling asks for the key, says
// what is missing, and, when the user agrees, keeps the key in memory for this session only,
// with a visible warning. The key never reaches a file.
#include "AccountDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "StatusModel.h"
#include "TestEnvironment.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "onenet/DialClient.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "services/AppServices.h"
#include "storage/Database.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTest>

using namespace onedial;

namespace {

AccountDialog *openKeyDialog()
{
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (auto *dialog = qobject_cast<AccountDialog *>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

QByteArray randomKey()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    return bytes.toBase64();
}

} // namespace

class TestSessionKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dialWithoutKeychainKeepsKeyForSession();
    void decliningKeepsNothing();
    void keyIsInNoFile();

private:
    test::TestEnvironment m_env;
    SandboxServer m_sandbox;
    QByteArray m_key = randomKey();
};

void TestSessionKey::initTestCase()
{
    // No Secret Service: a bus address that leads nowhere and no X display to autolaunch one.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/onedial-test-bus");
    qunsetenv("DISPLAY");
    m_env.applyToThisProcess();
    QVERIFY(m_sandbox.listen());
    m_sandbox.addRegistration({Api::V1, QStringLiteral("5e5510a0000000000000000000000001"), m_key,
                               SandboxScenarios::sponsor(), SandboxScenarios::caller(), true});
    Account account = m_sandbox.sandboxAccount(Api::V1);
    account.name = QStringLiteral("field team");
    account.appId = QStringLiteral("5e5510a0000000000000000000000001");
    AccountStore store;
    QVERIFY(store.save(account));
    account.name = QStringLiteral("office");
    QVERIFY(store.save(account));
}

void TestSessionKey::dialWithoutKeychainKeepsKeyForSession()
{
    AppServices services({.sandbox = false, .databasePath = {}});
    MainWindow window(services);
    window.credentials()->setRetryDelay(10);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *accounts = window.findChild<QComboBox *>();
    accounts->setCurrentIndex(accounts->findData(QStringLiteral("field team")));
    auto *number = window.findChild<QLineEdit *>();
    QTest::keyClicks(number, QStringLiteral("138 0013 8000"));
    QTest::keyClick(number, Qt::Key_Return);

    // The keychain cannot be reached: the key dialog opens and says what to start.
    QTRY_VERIFY_WITH_TIMEOUT(openKeyDialog(), 15000);
    AccountDialog *dialog = openKeyDialog();
    const auto labels = dialog->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->text().contains(QLatin1String("GNOME Keyring"));
    }));
    QCOMPARE(m_sandbox.requestCount(), 0);

    QLineEdit *key = nullptr;
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>()) {
        if (edit->accessibleName() == QLatin1String("Access key"))
            key = edit;
    }
    QVERIFY(key);
    QTest::keyClicks(key, QString::fromLatin1(m_key));
    MessageBox::setNextAnswer(QMessageBox::Yes); // "Keep for this session only"
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.requestCount(), 1, 15000);
    QVERIFY(MessageBox::lastText().contains(QLatin1String("this session only")));
    StatusModel *status = window.statusModel();
    QTRY_COMPARE_WITH_TIMEOUT(status->rowCount(), 1, 15000);
    // The row appears when the request leaves and changes when the answer comes: wait for the answer.
    QTRY_COMPARE_WITH_TIMEOUT(status->index(0, 0).data(StatusModel::OutcomeRole).toString(),
                              QStringLiteral("accepted"), 15000);
    QVERIFY(window.credentials()->hasSessionKey(QStringLiteral("field team")));

    QLabel *banner = nullptr;
    for (QLabel *label : window.findChildren<QLabel *>()) {
        if (label->accessibleName() == QLatin1String("Keychain warning"))
            banner = label;
    }
    QVERIFY(banner && banner->isVisible());
    QVERIFY(banner->text().contains(QLatin1String("field team")));
    QVERIFY(banner->text().contains(QLatin1String("ask for it again")));

    // The next dial in this session uses the kept key without asking.
    number->clear();
    QTest::keyClicks(number, QStringLiteral("139 0000 1234"));
    QTest::keyClick(number, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.requestCount(), 2, 15000);
    QVERIFY(!openKeyDialog());
}

void TestSessionKey::decliningKeepsNothing()
{
    AppServices services({.sandbox = false, .databasePath = {}});
    MainWindow window(services);
    window.credentials()->setRetryDelay(10);
    window.show();
    auto *accounts = window.findChild<QComboBox *>();
    accounts->setCurrentIndex(accounts->findData(QStringLiteral("office")));
    auto *number = window.findChild<QLineEdit *>();
    QTest::keyClicks(number, QStringLiteral("13800138000"));
    QTest::keyClick(number, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(openKeyDialog(), 15000);
    AccountDialog *dialog = openKeyDialog();
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>()) {
        if (edit->accessibleName() == QLatin1String("Access key"))
            QTest::keyClicks(edit, QString::fromLatin1(m_key));
    }
    const int before = m_sandbox.requestCount();
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(MessageBox::lastText().contains(QLatin1String("this session only")), 15000);
    QVERIFY(dialog->isVisible()); // still open: nothing was kept, nothing was sent
    QVERIFY(!window.credentials()->hasSessionKey(QStringLiteral("office")));
    QCOMPARE(m_sandbox.requestCount(), before);
    dialog->reject();
}

void TestSessionKey::keyIsInNoFile()
{
    const QByteArray raw = QByteArray::fromBase64(m_key);
    QStringList scanned;
    qint64 bytes = 0;
    QDirIterator it(m_env.home(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!it.fileInfo().isFile())
            continue; // the instance socket, if a window claimed one
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(m_key) && !content.contains(raw), qPrintable(path));
        scanned << QFileInfo(path).canonicalFilePath();
        bytes += content.size();
    }
    // The scan looked where the key would have landed: the settings and the database files.
    QVERIFY2(scanned.contains(QFileInfo(AccountStore::defaultPath()).canonicalFilePath()),
             qPrintable(scanned.join(QLatin1Char('\n'))));
    QVERIFY2(scanned.contains(QFileInfo(Database::defaultPath()).canonicalFilePath()),
             qPrintable(scanned.join(QLatin1Char('\n'))));
    QVERIFY2(AccountStore::defaultPath().startsWith(m_env.home()), qPrintable(AccountStore::defaultPath()));
    QVERIFY2(Database::defaultPath().startsWith(m_env.home()), qPrintable(Database::defaultPath()));
    QVERIFY(scanned.size() >= 2);
    QVERIFY2(bytes > 0, qPrintable(QString::number(bytes)));
    qInfo("scanned %lld files, %lld bytes", qlonglong(scanned.size()), qlonglong(bytes));
}

QTEST_MAIN(TestSessionKey)
#include "tst_sessionkey.moc"
