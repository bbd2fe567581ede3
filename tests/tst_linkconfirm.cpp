// A tel:/callto: link as the user meets it: a confirmation naming the number in API form that
// cannot be answered by accident (Enter and Esc cancel; Dial works only after a moment), where Dial
// places one call through the window's sandbox; the "dial links at once" setting skips the
// question, but not for the same number twice within a minute; a bad link is refused with its
// reason in one notice that never blocks, however many come.
#include "LinkConfirmDialog.h"
#include "LinkHandler.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "TestEnvironment.h"
#include "core/Settings.h"
#include "onenet/DialClient.h"
#include "onenet/SandboxServer.h"
#include "services/AppServices.h"

#include <QApplication>
#include <QFileOpenEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
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

// The window on the sandbox, shown, with the link handler GuiApp gives it.
struct LinkWindow
{
    AppServices services{{.sandbox = true, .databasePath = {}}};
    MainWindow window{services};
    LinkHandler handler{&window};

    LinkWindow() { window.show(); }
};

} // namespace

class TestLinkConfirm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void titleNamesTheApiForm_data();
    void titleNamesTheApiForm();
    void dialButtonDialsExactlyOnce();
    void keysCancelAndSendNothing_data();
    void keysCancelAndSendNothing();
    void extensionLinkIsRefused();
    void sameLinkTwiceAsksOnce();
    void dialAtOnceSkipsTheQuestion();
    void refusedLinkShowsItsReason();
    void thousandsOfRefusedLinksShareOneNotice();
    void floodOfGoodLinksIsBounded();
    void dialAtOnceAsksForTheSameNumberAgain();
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
    LinkWindow app;
    MainWindow &window = app.window;
    LinkHandler &handler = app.handler;
    handler.openLink(link);
    LinkConfirmDialog *dialog = visibleConfirmation(window);
    QVERIFY(dialog);
    QVERIFY2(dialog->windowTitle().contains(api), qPrintable(dialog->windowTitle()));
    QCOMPARE(dialog->apiNumber(), api);
    // A stray Enter must not call: Cancel is the default, and Dial waits a moment before it works.
    QVERIFY(!dialog->dialButton()->isDefault());
    QVERIFY(!dialog->dialButton()->isEnabled());
    bool displayed = false;
    const auto labels = dialog->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        displayed = displayed || label->text() == shown;
    QVERIFY2(displayed, "the number is shown as people read it");
}

void TestLinkConfirm::dialButtonDialsExactlyOnce()
{
    LinkWindow app;
    MainWindow &window = app.window;
    LinkHandler &handler = app.handler;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(window.dialClient(), &DialClient::finished);

    handler.openLink(QStringLiteral("tel:+86-138-0013-8000"));
    QPointer<LinkConfirmDialog> dialog = visibleConfirmation(window);
    QVERIFY(dialog);
    QCOMPARE(window.sandbox()->requestCount(), 0); // nothing before the user says so
    QVERIFY(!dialog->dialButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->dialButton()->isEnabled(), 5000);

    QTest::mouseClick(dialog->dialButton(), Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(window.sandbox()->requestCount(), 1);
    QVERIFY(window.sandbox()->received().at(0).body.contains("8613800138000"));
    QCOMPARE(window.dialClient()->inFlightCount(), 0);
    // A late duplicate would show up after a while, not at once.
    QTest::qWait(500);
    QCOMPARE(window.sandbox()->requestCount(), 1);
    QCOMPARE(finished.count(), 1);
    // The link's number is not left behind in the Number field: the user did not type it.
    const auto edits = window.findChildren<QLineEdit *>();
    for (const QLineEdit *edit : edits)
        QVERIFY2(!edit->text().contains(QLatin1String("138")), qPrintable(edit->text()));
}

void TestLinkConfirm::extensionLinkIsRefused()
{
    LinkWindow app;
    MainWindow &window = app.window;
    LinkHandler &handler = app.handler;
    QVERIFY(Settings().setValue(Setting::DialLinksAtOnce, true)); // not even then
    handler.openLink(QStringLiteral("tel:+86-138-0013-8000;ext=42"));
    QVERIFY(!visibleConfirmation(window));
    QVERIFY(handler.refusalNotice());
    QVERIFY2(MessageBox::lastText().contains(QLatin1String("extension 42")),
             qPrintable(MessageBox::lastText()));
    QVERIFY(MessageBox::lastText().contains(QLatin1String("138 0013 8000")));
    QTest::qWait(300);
    QCOMPARE(window.sandbox()->requestCount(), 0);
}

void TestLinkConfirm::keysCancelAndSendNothing_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("onceDialWorks");
    // Enter typed for another window right as the dialog appears, or a moment later; and Esc.
    QTest::newRow("stray Enter at once") << int(Qt::Key_Return) << false;
    QTest::newRow("stray Enter once Dial works") << int(Qt::Key_Enter) << true;
    QTest::newRow("Esc") << int(Qt::Key_Escape) << false;
}

void TestLinkConfirm::keysCancelAndSendNothing()
{
    QFETCH(int, key);
    QFETCH(bool, onceDialWorks);
    LinkWindow app;
    app.handler.openLink(QStringLiteral("tel:+8613800138000"));
    QPointer<LinkConfirmDialog> dialog = visibleConfirmation(app.window);
    QVERIFY(dialog);
    if (onceDialWorks)
        QTRY_VERIFY_WITH_TIMEOUT(dialog->dialButton()->isEnabled(), 5000);
    QTest::keyClick(dialog, Qt::Key(key));
    QTRY_VERIFY(dialog.isNull());
    // A late request would come after a while: look after a pause.
    QTest::qWait(300);
    QCOMPARE(app.window.dialClient()->inFlightCount(), 0);
    QCOMPARE(app.window.sandbox()->requestCount(), 0);
    QVERIFY(app.window.findChild<QLineEdit *>()->text().isEmpty());
}

void TestLinkConfirm::sameLinkTwiceAsksOnce()
{
    LinkWindow app;
    MainWindow &window = app.window;
    LinkHandler &handler = app.handler;
    handler.openLink(QStringLiteral("tel:+8613800138000"));
    handler.openLink(QStringLiteral("callto:138-0013-8000"));
    QCOMPARE(visibleConfirmations(window), 1);
    handler.openLink(QStringLiteral("tel:13900001234"));
    QCOMPARE(visibleConfirmations(window), 2);
}

void TestLinkConfirm::dialAtOnceSkipsTheQuestion()
{
    QVERIFY(Settings().setValue(Setting::DialLinksAtOnce, true));
    LinkWindow app;
    MainWindow &window = app.window;
    LinkHandler &handler = app.handler;
    QSignalSpy finished(window.dialClient(), &DialClient::finished);
    handler.openLink(QStringLiteral("tel:+86-138-0013-8000"));
    QVERIFY(!visibleConfirmation(window));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(window.sandbox()->requestCount(), 1);
}

void TestLinkConfirm::refusedLinkShowsItsReason()
{
    LinkWindow app;
    MainWindow &window = app.window;
    LinkHandler &handler = app.handler;
    for (const char *link : {"tel:1-800-FLOWERS", "tel:+8613800138000?call=now", "sip:someone@example.com"}) {
        handler.openLink(QString::fromLatin1(link));
        QVERIFY(handler.refusalNotice());
        QVERIFY(handler.refusalNotice()->isVisible());
        QVERIFY(MessageBox::lastText().endsWith(TelUri::parse(QString::fromLatin1(link)).problemText()));
        QVERIFY(!TelUri::parse(QString::fromLatin1(link)).problemText().isEmpty());
        // The notice does not block: nothing modal is open, the window goes on.
        QVERIFY(!QApplication::activeModalWidget());
        handler.refusalNotice()->close();
        QTRY_VERIFY(!handler.refusalNotice());
    }
    QVERIFY(!visibleConfirmation(window));
    QCOMPARE(window.sandbox()->requestCount(), 0);
}

void TestLinkConfirm::thousandsOfRefusedLinksShareOneNotice()
{
    LinkWindow app;
    MainWindow &window = app.window;
    LinkHandler &handler = app.handler;
    constexpr int kLinks = 5000;
    for (int i = 0; i < kLinks; ++i)
        handler.openLink(QStringLiteral("tel:+1-650-253-%1").arg(i % 10000, 4, 10, QLatin1Char('0')));
    // One box, counting, never a box per link (which nested modal loops made a crash before).
    int boxes = 0;
    const auto widgets = QApplication::topLevelWidgets();
    for (const QWidget *widget : widgets)
        boxes += qobject_cast<const QMessageBox *>(widget) && widget->isVisible() ? 1 : 0;
    QCOMPARE(boxes, 1);
    QVERIFY2(MessageBox::lastText().startsWith(QStringLiteral("%1 links were not dialled").arg(kLinks)),
             qPrintable(MessageBox::lastText()));
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(window.sandbox()->requestCount(), 0);
}

void TestLinkConfirm::floodOfGoodLinksIsBounded()
{
    LinkWindow app;
    MainWindow &window = app.window;
    LinkHandler &handler = app.handler;
    // The same number a thousand times: one question.
    for (int i = 0; i < 1000; ++i)
        handler.openLink(QStringLiteral("tel:+8613800138000"));
    QCOMPARE(visibleConfirmations(window), 1);
    // Two thousand different numbers: a few questions at most, the rest refused in one notice.
    for (int i = 0; i < 2000; ++i)
        handler.openLink(QStringLiteral("tel:139%1").arg(i, 8, 10, QLatin1Char('0')));
    QCOMPARE(visibleConfirmations(window), LinkHandler::kMaxOpenConfirmations);
    QCOMPARE(handler.openConfirmations(), LinkHandler::kMaxOpenConfirmations);
    QVERIFY(handler.refusalNotice());
    QVERIFY(MessageBox::lastText().contains(QLatin1String("Too many links at once")));
    QCOMPARE(window.sandbox()->requestCount(), 0);
}

void TestLinkConfirm::dialAtOnceAsksForTheSameNumberAgain()
{
    QVERIFY(Settings().setValue(Setting::DialLinksAtOnce, true));
    LinkWindow app;
    MainWindow &window = app.window;
    LinkHandler &handler = app.handler;
    QSignalSpy finished(window.dialClient(), &DialClient::finished);
    handler.openLink(QStringLiteral("tel:+86-138-0013-8000"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY(!visibleConfirmation(window));

    // The same number again a moment later (a page that opens its link twice): asked, not dialled.
    handler.openLink(QStringLiteral("callto:138-0013-8000"));
    QPointer<LinkConfirmDialog> dialog = visibleConfirmation(window);
    QVERIFY(dialog);
    QCOMPARE(dialog->apiNumber(), QStringLiteral("8613800138000"));
    QTest::qWait(300);
    QCOMPARE(window.sandbox()->requestCount(), 1);
    QCOMPARE(finished.count(), 1);
}

void TestLinkConfirm::fileOpenEventIsALink()
{
    // How macOS delivers a clicked link: a QFileOpenEvent to the application.
    LinkWindow app;
    MainWindow &window = app.window;
    LinkHandler &handler = app.handler;
    qApp->installEventFilter(&handler);
    QFileOpenEvent event(QUrl(QStringLiteral("tel:+86-138-0013-8000")));
    QCoreApplication::sendEvent(qApp, &event);
    LinkConfirmDialog *dialog = visibleConfirmation(window);
    QVERIFY(dialog);
    QCOMPARE(dialog->apiNumber(), QStringLiteral("8613800138000"));
}

QTEST_MAIN(TestLinkConfirm)
#include "tst_linkconfirm.moc"
