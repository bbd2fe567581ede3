// A tel:/callto: link as the user meets it: a confirmation naming the number in API form, where
// Enter dials once (through the window's sandbox) and Esc sends nothing; the "dial links at once"
// setting skips the question; a bad link is refused with its reason.
#include "LinkConfirmDialog.h"
#include "LinkHandler.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "TestEnvironment.h"
#include "core/Settings.h"
#include "onenet/DialClient.h"
#include "onenet/SandboxServer.h"

#include <QFileOpenEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace onedial;

namespace {

LinkConfirmDialog *visibleConfirmation(const MainWindow &window)
{
    const auto dialogs = window.findChildren<LinkConfirmDialog *>();
    for (LinkConfirmDialog *dialog : dialogs) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

int visibleConfirmations(const MainWindow &window)
{
    int count = 0;
    const auto dialogs = window.findChildren<LinkConfirmDialog *>();
    for (LinkConfirmDialog *dialog : dialogs)
        count += dialog->isVisible() ? 1 : 0;
    return count;
}

} // namespace

class TestLinkConfirm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void titleNamesTheApiForm_data();
    void titleNamesTheApiForm();
    void enterDialsExactlyOnce();
    void escapeCancelsAndSendsNothing();
    void sameLinkTwiceAsksOnce();
    void dialAtOnceSkipsTheQuestion();
    void refusedLinkShowsItsReason();
    void fileOpenEventIsALink();

private:
    test::TestEnvironment m_env;
};

void TestLinkConfirm::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
}

void TestLinkConfirm::init()
{
    QVERIFY(Settings().setValue(Setting::DialLinksAtOnce, false));
}

void TestLinkConfirm::titleNamesTheApiForm_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("shown");
    QTest::newRow("tel, global") << "tel:+86-138-0013-8000"
                                 << "8613800138000"
                                 << "138 0013 8000";
    QTest::newRow("callto, landline") << "callto:(0755)2800-0003"
                                      << "075528000003"
                                      << "0755 2800 0003";
}

void TestLinkConfirm::titleNamesTheApiForm()
{
    QFETCH(QString, link);
    QFETCH(QString, api);
    QFETCH(QString, shown);
    MainWindow window(MainWindow::Mode::Sandbox);
    window.show();
    LinkHandler handler(&window);
    handler.openLink(link);
    LinkConfirmDialog *dialog = visibleConfirmation(window);
    QVERIFY(dialog);
    QVERIFY2(dialog->windowTitle().contains(api), qPrintable(dialog->windowTitle()));
    QCOMPARE(dialog->apiNumber(), api);
    QVERIFY(dialog->dialButton()->isDefault());
    bool displayed = false;
    const auto labels = dialog->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        displayed = displayed || label->text() == shown;
    QVERIFY2(displayed, "the number is shown as people read it");
}

void TestLinkConfirm::enterDialsExactlyOnce()
{
    MainWindow window(MainWindow::Mode::Sandbox);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LinkHandler handler(&window);
    QSignalSpy finished(window.dialClient(), &DialClient::finished);

    handler.openLink(QStringLiteral("tel:+86-138-0013-8000;ext=42"));
    QPointer<LinkConfirmDialog> dialog = visibleConfirmation(window);
    QVERIFY(dialog);
    bool noted = false;
    const auto labels = dialog->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        noted = noted || label->text().contains(QLatin1String("extension 42"));
    QVERIFY2(noted, "the dropped extension is mentioned");
    QCOMPARE(window.sandbox()->requestCount(), 0); // nothing before the user says so

    QTest::keyClick(dialog, Qt::Key_Return);
    QTRY_VERIFY(dialog.isNull());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(window.sandbox()->requestCount(), 1);
    QVERIFY(window.sandbox()->received().at(0).body.contains("8613800138000"));
    QCOMPARE(window.dialClient()->inFlightCount(), 0);
}

void TestLinkConfirm::escapeCancelsAndSendsNothing()
{
    MainWindow window(MainWindow::Mode::Sandbox);
    window.show();
    LinkHandler handler(&window);
    handler.openLink(QStringLiteral("tel:+8613800138000"));
    QPointer<LinkConfirmDialog> dialog = visibleConfirmation(window);
    QVERIFY(dialog);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(dialog.isNull());
    // A dial starts synchronously (DialClient::dial), so none in flight and none received means none.
    QCOMPARE(window.dialClient()->inFlightCount(), 0);
    QCOMPARE(window.sandbox()->requestCount(), 0);
    QVERIFY(window.findChild<QLineEdit *>()->text().isEmpty());
}

void TestLinkConfirm::sameLinkTwiceAsksOnce()
{
    MainWindow window(MainWindow::Mode::Sandbox);
    window.show();
    LinkHandler handler(&window);
    handler.openLink(QStringLiteral("tel:+8613800138000"));
    handler.openLink(QStringLiteral("callto:138-0013-8000"));
    QCOMPARE(visibleConfirmations(window), 1);
    handler.openLink(QStringLiteral("tel:13900001234"));
    QCOMPARE(visibleConfirmations(window), 2);
}

void TestLinkConfirm::dialAtOnceSkipsTheQuestion()
{
    QVERIFY(Settings().setValue(Setting::DialLinksAtOnce, true));
    MainWindow window(MainWindow::Mode::Sandbox);
    window.show();
    LinkHandler handler(&window);
    QSignalSpy finished(window.dialClient(), &DialClient::finished);
    handler.openLink(QStringLiteral("tel:+86-138-0013-8000"));
    QVERIFY(!visibleConfirmation(window));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(window.sandbox()->requestCount(), 1);
}

void TestLinkConfirm::refusedLinkShowsItsReason()
{
    MainWindow window(MainWindow::Mode::Sandbox);
    window.show();
    LinkHandler handler(&window);
    for (const char *link : {"tel:1-800-FLOWERS", "tel:+8613800138000?call=now", "sip:someone@example.com"}) {
        MessageBox::setNextAnswer(QMessageBox::Ok);
        handler.openLink(QString::fromLatin1(link));
        QCOMPARE(MessageBox::lastText(), TelUri::parse(QString::fromLatin1(link)).problemText());
        QVERIFY(!MessageBox::lastText().isEmpty());
    }
    QVERIFY(!visibleConfirmation(window));
    QCOMPARE(window.sandbox()->requestCount(), 0);
}

void TestLinkConfirm::fileOpenEventIsALink()
{
    // How macOS delivers a clicked link: a QFileOpenEvent to the application.
    MainWindow window(MainWindow::Mode::Sandbox);
    window.show();
    LinkHandler handler(&window);
    qApp->installEventFilter(&handler);
    QFileOpenEvent event(QUrl(QStringLiteral("tel:+86-138-0013-8000")));
    QCoreApplication::sendEvent(qApp, &event);
    LinkConfirmDialog *dialog = visibleConfirmation(window);
    QVERIFY(dialog);
    QCOMPARE(dialog->apiNumber(), QStringLiteral("8613800138000"));
}

QTEST_MAIN(TestLinkConfirm)
#include "tst_linkconfirm.moc"
