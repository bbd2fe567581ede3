// The global shortcut on a real X server (Xvfb, from tests/with-xvfb-tray.sh): text is selected
// with xclip (the PRIMARY selection, as a mouse selection in any program sets it), the keys are
// pressed with xdotool (through the X server, as a keyboard would), and quick dial opens with the
// number, the numbers or a hint; Enter dials the sandbox. Keys another X client holds are
// reported as taken; keys turned off or changed are given back to the desktop.
#include "GlobalShortcut.h"
#include "MainWindow.h"
#include "QuickDialPopup.h"
#include "TestEnvironment.h"
#include "TrayController.h"
#include "contacts/ContactModel.h"
#include "onenet/SandboxServer.h"
#include "services/AppServices.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <X11/Xlib.h>
#include <X11/keysym.h>

using namespace onedial;

namespace {

struct App
{
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<TrayController> tray;
};

App openApp()
{
    App app;
    auto *services = new AppServices({.sandbox = true, .databasePath = {}});
    app.window = std::make_unique<MainWindow>(*services);
    services->setParent(app.window.get());
    app.window->controller()->setTimeoutMs(5000);
    app.tray = std::make_unique<TrayController>(app.window.get());
    app.window->show();
    if (!QTest::qWaitForWindowExposed(app.window.get()))
        return {};
    return app;
}

// Makes text the PRIMARY selection, owned by an xclip process as a selection in a terminal or a
// browser is owned by that program.
bool select(const QString &text, const char *selection = "primary")
{
    QProcess xclip;
    xclip.start(QStringLiteral("xclip"), {QStringLiteral("-selection"), QString::fromLatin1(selection)});
    if (!xclip.waitForStarted(5000))
        return false;
    xclip.write(text.toUtf8());
    xclip.closeWriteChannel();
    // xclip forks a child that serves the selection and the parent exits; the selection is in
    // place once another client reads it back.
    if (!xclip.waitForFinished(5000) || xclip.exitCode() != 0)
        return false;
    for (int attempt = 0; attempt < 50; ++attempt) {
        QProcess reader;
        reader.start(QStringLiteral("xclip"),
                     {QStringLiteral("-o"), QStringLiteral("-selection"), QString::fromLatin1(selection)});
        if (reader.waitForFinished(5000) && QString::fromUtf8(reader.readAllStandardOutput()) == text)
            return true;
        QTest::qWait(50);
    }
    return false;
}

bool press(const QString &keys)
{
    return QProcess::execute(QStringLiteral("xdotool"), {QStringLiteral("key"), keys}) == 0;
}

// Another X client holding Ctrl+Alt+D, as another program's global shortcut would.
class OtherProgramsGrab
{
public:
    OtherProgramsGrab()
        : m_display(XOpenDisplay(nullptr))
    {
        if (!m_display)
            return;
        m_code = XKeysymToKeycode(m_display, XK_d);
        XGrabKey(m_display, m_code, ControlMask | Mod1Mask, DefaultRootWindow(m_display), True, GrabModeAsync,
                 GrabModeAsync);
        XSync(m_display, False);
    }
    ~OtherProgramsGrab()
    {
        if (m_display)
            XCloseDisplay(m_display);
    }
    OtherProgramsGrab(const OtherProgramsGrab &) = delete;
    OtherProgramsGrab &operator=(const OtherProgramsGrab &) = delete;
    bool isValid() const { return m_display != nullptr && m_code != 0; }

private:
    Display *m_display;
    KeyCode m_code = 0;
};

// Whether another client could grab Ctrl+Alt+D now, i.e. OneDial does not hold it.
bool keysAreFree()
{
    Display *display = XOpenDisplay(nullptr);
    if (!display)
        return false;
    static bool refused = false;
    refused = false;
    const auto previous = XSetErrorHandler([](Display *, XErrorEvent *event) {
        refused = refused || event->error_code == BadAccess;
        return 0;
    });
    XGrabKey(display, XKeysymToKeycode(display, XK_d), ControlMask | Mod1Mask, DefaultRootWindow(display),
             True, GrabModeAsync, GrabModeAsync);
    XSync(display, False);
    XSetErrorHandler(previous);
    XCloseDisplay(display);
    return !refused;
}

QString hintOf(const QuickDialPopup *popup)
{
    for (const QLabel *label : popup->findChildren<QLabel *>()) {
        if (label->accessibleName() == QLatin1String("Quick dial hint"))
            return label->text();
    }
    return {};
}

} // namespace

class TestGlobalShortcut : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void oneSelectedNumberIsReadyToCall();
    void severalNumbersAreListedWithTheirWords();
    void noNumberGivesAHint();
    void worksWithNumLockAndCapsLock();
    void keysTakenByAnotherProgramAreSaidAndOthersChosen();
    void turnedOffGivesTheKeysBack();

private:
    test::TestEnvironment m_env;
};

void TestGlobalShortcut::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
}

void TestGlobalShortcut::init()
{
    // Every case starts from the default: on, Ctrl+Alt+D.
    GlobalShortcut defaults;
    QVERIFY(defaults.setEnabled(true));
    QVERIFY(defaults.setKeys(GlobalShortcut::defaultKeys()));
}

void TestGlobalShortcut::oneSelectedNumberIsReadyToCall()
{
    App app = openApp();
    QVERIFY(app.window);
    GlobalShortcut *shortcut = app.tray->globalShortcut();
    QCOMPARE(shortcut->state(), GlobalShortcut::State::Active);
    QVERIFY2(shortcut->stateText().contains(QStringLiteral("Ctrl+Alt+D")), qPrintable(shortcut->stateText()));
    QVERIFY(!keysAreFree());

    QVERIFY(select(QStringLiteral("客户王经理的手机是 138-0013-8000，请尽快回电")));
    QSignalSpy selected(shortcut, &GlobalShortcut::selectedText);
    QVERIFY(press(QStringLiteral("ctrl+alt+d")));
    QVERIFY(selected.wait(10000));
    QuickDialPopup *popup = app.tray->quickDial();
    QVERIFY(popup);
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 10000);
    QCOMPARE(popup->field()->text(), QStringLiteral("138-0013-8000"));
    QVERIFY(popup->highlightedTarget());
    QCOMPARE(popup->highlightedTarget()->number.apiForm(), QStringLiteral("8613800138000"));

    // Enter calls it, once, through the sandbox.
    QTest::keyClick(popup->field(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(app.window->sandbox()->requestCount(), 1, 10000);
    QVERIFY(app.window->sandbox()->received().first().body.contains("8613800138000"));
    QVERIFY(!popup->isVisible());
}

void TestGlobalShortcut::severalNumbersAreListedWithTheirWords()
{
    App app = openApp();
    QVERIFY(app.window);
    QVERIFY(select(QStringLiteral("王经理手机：13800138000\n办公室座机：0755-2800-0003（工作日）\n"
                                  "客服热线 400-810-5688\n再说一遍手机：138 0013 8000")));
    QVERIFY(press(QStringLiteral("ctrl+alt+d")));
    QTRY_VERIFY_WITH_TIMEOUT(app.tray->quickDial() && app.tray->quickDial()->isVisible(), 10000);
    QuickDialPopup *popup = app.tray->quickDial();
    QVERIFY(popup->field()->text().isEmpty());
    // The two numbers OneDial can call, each once, with the words of its own line; not the 400 number.
    QListWidget *list = popup->matchList();
    QCOMPARE(list->count(), 2);
    QVERIFY2(list->item(0)->text().contains(QStringLiteral("王经理手机")), qPrintable(list->item(0)->text()));
    QVERIFY2(list->item(1)->text().contains(QStringLiteral("办公室座机")), qPrintable(list->item(1)->text()));
    QVERIFY(hintOf(popup).startsWith(QStringLiteral("2 numbers in the selected text")));
    QTest::keyClick(popup->field(), Qt::Key_Down);
    QCOMPARE(popup->highlightedTarget()->number.apiForm(), QStringLiteral("075528000003"));
    QTest::keyClick(popup->field(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(app.window->sandbox()->requestCount(), 1, 10000);
    QVERIFY(app.window->sandbox()->received().first().body.contains("075528000003"));
}

void TestGlobalShortcut::noNumberGivesAHint()
{
    App app = openApp();
    QVERIFY(app.window);
    QSignalSpy selected(app.tray->globalShortcut(), &GlobalShortcut::selectedText);

    QVERIFY(select(QStringLiteral("订单号 20231108138001380001，金额 ¥13,800.00，2023-11-08 13:30")));
    QVERIFY(press(QStringLiteral("ctrl+alt+d")));
    QTRY_VERIFY_WITH_TIMEOUT(app.tray->quickDial() && app.tray->quickDial()->isVisible(), 10000);
    QuickDialPopup *popup = app.tray->quickDial();
    QVERIFY(popup->field()->text().isEmpty());
    QVERIFY(!popup->highlightedTarget());
    QCOMPARE(hintOf(popup),
             QStringLiteral("No phone number in the selected text. Type a name or number to call."));
    QTest::keyClick(popup->field(), Qt::Key_Escape);

    // A 400 number is named, with why OneDial cannot call it.
    QVERIFY(select(QStringLiteral("全国服务热线：400-810-5688")));
    QTest::qWait(int(GlobalShortcut::kRepeatMs));
    QVERIFY(press(QStringLiteral("ctrl+alt+d")));
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 10000);
    QVERIFY2(hintOf(popup).startsWith(
                 QStringLiteral("The selected text has 400-810-5688, which OneDial cannot call")),
             qPrintable(hintOf(popup)));
    QTest::keyClick(popup->field(), Qt::Key_Escape);

    // Nothing selected anywhere: the clipboard as it is, and here it is empty too.
    QVERIFY(select(QString()));
    QVERIFY(select(QString(), "clipboard"));
    QTest::qWait(int(GlobalShortcut::kRepeatMs));
    QVERIFY(press(QStringLiteral("ctrl+alt+d")));
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 10000);
    QVERIFY2(hintOf(popup).startsWith(QStringLiteral("Nothing is selected")), qPrintable(hintOf(popup)));
    QVERIFY(hintOf(popup).contains(QStringLiteral("Ctrl+Alt+D")));
    QTest::keyClick(popup->field(), Qt::Key_Escape);

    // No selection, but a number on the clipboard: that one.
    QVERIFY(select(QStringLiteral("0755 2800 0003"), "clipboard"));
    QTest::qWait(int(GlobalShortcut::kRepeatMs));
    QVERIFY(press(QStringLiteral("ctrl+alt+d")));
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 10000);
    QTRY_COMPARE(popup->field()->text(), QStringLiteral("0755 2800 0003"));
    QCOMPARE(app.window->sandbox()->requestCount(), 0);
    QCOMPARE(selected.size(), 4);
}

void TestGlobalShortcut::worksWithNumLockAndCapsLock()
{
    App app = openApp();
    QVERIFY(app.window);
    QVERIFY(select(QStringLiteral("13900139000")));
    for (const char *lock : {"Num_Lock", "Caps_Lock"}) {
        QVERIFY(press(QString::fromLatin1(lock)));
        QVERIFY(press(QStringLiteral("ctrl+alt+d")));
        QTRY_VERIFY_WITH_TIMEOUT(app.tray->quickDial() && app.tray->quickDial()->isVisible(), 10000);
        QCOMPARE(app.tray->quickDial()->field()->text(), QStringLiteral("13900139000"));
        QTest::keyClick(app.tray->quickDial()->field(), Qt::Key_Escape);
        QTest::qWait(int(GlobalShortcut::kRepeatMs));
    }
    QVERIFY(press(QStringLiteral("Num_Lock")));
    QVERIFY(press(QStringLiteral("Caps_Lock")));
}

void TestGlobalShortcut::keysTakenByAnotherProgramAreSaidAndOthersChosen()
{
    const OtherProgramsGrab other;
    QVERIFY(other.isValid());
    App app = openApp();
    QVERIFY(app.window);
    GlobalShortcut *shortcut = app.tray->globalShortcut();
    QCOMPARE(shortcut->state(), GlobalShortcut::State::Taken);
    QCOMPARE(shortcut->stateText(),
             QStringLiteral("Ctrl+Alt+D is already used by another program. Choose other "
                            "keys, or free them in that program."));

    // Keys without Ctrl, Alt or Meta would take a letter from every program: refused.
    QVERIFY(shortcut->setKeys(QKeySequence(Qt::SHIFT | Qt::Key_K)));
    QCOMPARE(shortcut->state(), GlobalShortcut::State::NeedsModifier);
    QVERIFY(shortcut->setKeys(QKeySequence(Qt::CTRL | Qt::Key_Escape)));
    QCOMPARE(shortcut->state(), GlobalShortcut::State::KeyNotSupported);

    // Other keys work, and are what the next start uses.
    QVERIFY(shortcut->setKeys(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K)));
    QCOMPARE(shortcut->state(), GlobalShortcut::State::Active);
    QCOMPARE(GlobalShortcut().keys(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K));
    QVERIFY(select(QStringLiteral("15012345678")));
    QVERIFY(press(QStringLiteral("ctrl+alt+k")));
    QTRY_VERIFY_WITH_TIMEOUT(app.tray->quickDial() && app.tray->quickDial()->isVisible(), 10000);
    QCOMPARE(app.tray->quickDial()->field()->text(), QStringLiteral("15012345678"));
}

void TestGlobalShortcut::turnedOffGivesTheKeysBack()
{
    App app = openApp();
    QVERIFY(app.window);
    GlobalShortcut *shortcut = app.tray->globalShortcut();
    QCOMPARE(shortcut->state(), GlobalShortcut::State::Active);
    QVERIFY(!keysAreFree());
    QVERIFY(shortcut->setEnabled(false));
    QCOMPARE(shortcut->state(), GlobalShortcut::State::Off);
    QVERIFY(keysAreFree());
    QSignalSpy selected(shortcut, &GlobalShortcut::selectedText);
    QVERIFY(select(QStringLiteral("13800138000")));
    QVERIFY(press(QStringLiteral("ctrl+alt+d")));
    QVERIFY(!selected.wait(1000));
    QVERIFY(!app.tray->quickDial());
    // Off is remembered.
    QVERIFY(!GlobalShortcut().isEnabled());

    // Changed keys give the old ones back.
    QVERIFY(shortcut->setEnabled(true));
    QVERIFY(!keysAreFree());
    QVERIFY(shortcut->setKeys(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J)));
    QVERIFY(keysAreFree());
    // So does quitting.
    QVERIFY(shortcut->setKeys(GlobalShortcut::defaultKeys()));
    QVERIFY(!keysAreFree());
    app.tray.reset();
    QVERIFY(keysAreFree());
}

QTEST_MAIN(TestGlobalShortcut)
#include "tst_globalshortcut.moc"
