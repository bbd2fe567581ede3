// The tray icon on a real X server (Xvfb) with a real tray host (trayer), started by
// tests/with-xvfb-tray.sh: the icon is embedded in the tray, its menu dials the favourites and
// the recent numbers through the sandbox, a left click opens quick dial, the icon shows whether
// the account can dial, call outcomes come back as notifications, and closing the window hides it
// to the tray. Then the tray host goes away: closing really closes; a tray that comes late still
// gets the icon. The tray-less cases run a second time on the offscreen platform (no tray at all).
#include "MainWindow.h"
#include "QuickDialPopup.h"
#include "StatusModel.h"
#include "TestContacts.h"
#include "TestEnvironment.h"
#include "TrayController.h"
#include "accounts/AccountStore.h"
#include "contacts/ContactModel.h"
#include "contacts/ContactStore.h"
#include "core/Settings.h"
#include "history/HistoryModel.h"
#include "history/HistoryStore.h"
#include "onenet/SandboxCallbacks.h"
#include "onenet/SandboxServer.h"
#include "services/AppServices.h"
#include "storage/Database.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace onedial;

namespace {

// The window and its tray, the tray destroyed first (as in GuiApp).
struct App
{
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<TrayController> tray;
};

App openApp(bool show = true)
{
    App app;
    auto *services = new AppServices({.sandbox = true, .databasePath = {}});
    app.window = std::make_unique<MainWindow>(*services);
    services->setParent(app.window.get()); // destroyed after the window's own parts
    app.window->controller()->setTimeoutMs(2000);
    QSignalSpy loaded(app.window->contactModel(), &ContactModel::loaded);
    app.tray = std::make_unique<TrayController>(app.window.get());
    if (show) {
        app.window->show();
        if (!QTest::qWaitForWindowExposed(app.window.get()))
            return {};
    }
    if (app.window->contactModel()->totalCount() == 0 && !loaded.wait(10000))
        return {};
    return app;
}

QString plain(const QAction *action)
{
    return action->text().remove(QLatin1Char('&'));
}

QAction *findAction(const QMenu *menu, const QString &startsWith)
{
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator() && plain(action).startsWith(startsWith))
            return action;
    }
    return nullptr;
}

// The actions under a section heading, up to the next separator or heading.
QList<QAction *> section(const QMenu *menu, const QString &title)
{
    QList<QAction *> found;
    bool inside = false;
    for (QAction *action : menu->actions()) {
        if (action->isSeparator()) {
            if (inside)
                break;
            inside = action->text() == title;
        } else if (inside) {
            found << action;
        }
    }
    return found;
}

bool isA(const QWidget *widget, const char *className)
{
    return qstrcmp(widget->metaObject()->className(), className) == 0;
}

// Qt's own notification bubble on X11 (the XEmbed tray has none of its own): its visible text.
QString notificationText()
{
    QStringList texts;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->isVisible() && isA(widget, "QBalloonTip")) {
            for (const QLabel *label : widget->findChildren<QLabel *>())
                texts << label->text();
        }
    }
    return texts.join(QLatin1Char('\n'));
}

void dismissNotifications()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (isA(widget, "QBalloonTip"))
            widget->hide();
    }
}

// The small window Qt embeds into the tray host for the icon.
QWidget *embeddedIcon()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (isA(widget, "QSystemTrayIconSys"))
            return widget;
    }
    return nullptr;
}

QImage picture(const QIcon &icon)
{
    return icon.pixmap(22, 22).toImage();
}

QString outcomeOfRow(const StatusModel *status, int row)
{
    return status->index(row, 0).data(StatusModel::OutcomeRole).toString();
}

} // namespace

class TestTray : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void iconIsInTheTray();
    void menuListsFavourites();
    void menuDialsFavouriteThenRecent();
    void notificationsCanBeTurnedOff();
    void notificationsOnlyWhenTheWindowIsNotInFront();
    void callProgressReachesPanelHistoryAndTray();
    void quickDialFromMenuAndLeftClick();
    void iconShowsAnAccountThatCannotDial();
    void closingHidesToTrayAndSaysSoOnce();
    void screenshotOfTheTray();
    void quitFromTheMenuQuits();
    // From here on the tray host is gone (and on the offscreen platform there never was one).
    void trayHostGoneMeansClosingCloses();
    void closingClosesWithoutTray();
    void hiddenStartWithoutTrayShowsWindow();
    void trayAppearingLateGetsTheIcon();

private:
    test::TestEnvironment m_env;
};

void TestTray::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
    QString error;
    const bool stored = test::storeContacts(
        {
            test::person(QStringLiteral("张三"), QStringLiteral("华信科技"), true,
                         {test::number(QStringLiteral("138 0013 8000"), QStringLiteral("手机"))}),
            test::person(QStringLiteral("钱七"), QStringLiteral("东海制造"), true,
                         {test::number(QStringLiteral("(0755) 2800 0003"), QStringLiteral("办公室")),
                          test::number(QStringLiteral("139 0000 1234"), QStringLiteral("手机"))}),
            test::person(QStringLiteral("李四"), QStringLiteral("云通科技"), false,
                         {test::number(QStringLiteral("13800000101"))}),
        },
        &error);
    QVERIFY2(stored, qPrintable(error));
}

void TestTray::init()
{
    dismissNotifications();
}

void TestTray::iconIsInTheTray()
{
    // trayer has taken the tray selection; Qt sees it once the X server has told it so.
    QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 20000);
    App app = openApp();
    QVERIFY(app.window);
    QTRY_VERIFY_WITH_TIMEOUT(app.tray->trayIcon()->isVisible(), 10000);
    QVERIFY2(!app.tray->isWaitingForTray(), "no timer keeps running once the tray is there");
    QWidget *embedded = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((embedded = embeddedIcon()) && embedded->isVisible(), 10000);
    QVERIFY(app.tray->showsReady());
    QCOMPARE(picture(app.tray->trayIcon()->icon()), picture(QIcon(QStringLiteral(":/icons/tray-ready.svg"))));
    const QString tip = app.tray->trayIcon()->toolTip();
    QVERIFY2(tip.contains(QLatin1String("Sandbox, API v1")) && tip.contains(QLatin1String("ready to dial")),
             qPrintable(tip));
}

void TestTray::menuListsFavourites()
{
    App app = openApp();
    QVERIFY(app.window);
    QMenu *menu = app.tray->menu();
    QTRY_VERIFY_WITH_TIMEOUT(!section(menu, QStringLiteral("Favourites")).isEmpty(), 5000);
    QCOMPARE(plain(menu->actions().first()), QStringLiteral("Quick dial…"));
    QCOMPARE(plain(menu->actions().last()), QStringLiteral("Quit OneDial"));
    QVERIFY(findAction(menu, QStringLiteral("Hide window")));
    const QList<QAction *> favourites = section(menu, QStringLiteral("Favourites"));
    QCOMPARE(favourites.size(), 2);
    // In the contact list's order: by pinyin, qian before zhang.
    QCOMPARE(plain(favourites.at(1)), QStringLiteral("张三 (138 0013 8000)"));
    // Several numbers: a submenu, one entry per number.
    QMenu *numbers = favourites.at(0)->menu();
    QVERIFY(numbers);
    QCOMPARE(plain(favourites.at(0)), QStringLiteral("钱七"));
    QCOMPARE(numbers->actions().size(), 2);
    QCOMPARE(plain(numbers->actions().at(0)), QStringLiteral("办公室: 0755 2800 0003"));
    QCOMPARE(plain(numbers->actions().at(1)), QStringLiteral("手机: 139 0000 1234"));
    QVERIFY2(!findAction(menu, QStringLiteral("李四")), "only favourites are in the menu");
}

void TestTray::menuDialsFavouriteThenRecent()
{
    App app = openApp();
    QVERIFY(app.window);
    QMenu *menu = app.tray->menu();
    QTRY_VERIFY_WITH_TIMEOUT(!section(menu, QStringLiteral("Favourites")).isEmpty(), 5000);
    // The favourites and the recent calls come with the same rebuild, after the contacts' loading.
    const int recentBefore = section(menu, QStringLiteral("Recent")).size();

    section(menu, QStringLiteral("Favourites")).at(1)->trigger(); // 张三
    StatusModel *status = app.window->statusModel();
    QTRY_VERIFY_WITH_TIMEOUT(status->rowCount() == 1 && outcomeOfRow(status, 0) == QLatin1String("accepted"),
                             10000);
    QCOMPARE(app.window->sandbox()->requestCount(), 1);
    QCOMPARE(status->index(0, StatusModel::WhoColumn).data().toString(), QStringLiteral("张三"));
    // The outcome, in words, as a notification from the tray.
    QTRY_VERIFY_WITH_TIMEOUT(
        notificationText().contains(QStringLiteral("Call accepted: 张三 (138 0013 8000)")), 5000);
    QVERIFY2(notificationText().contains(QLatin1String("Your phone will ring first")),
             qPrintable(notificationText()));

    // The call is now the most recent number; one click calls it again.
    QList<QAction *> recent;
    QTRY_VERIFY_WITH_TIMEOUT(!(recent = section(menu, QStringLiteral("Recent"))).isEmpty() &&
                                 (recentBefore > 0 || recent.size() == 1),
                             5000);
    QCOMPARE(plain(recent.first()), QStringLiteral("张三 (138 0013 8000)"));
    QVERIFY(recent.size() <= TrayController::kRecentCount);
    recent.first()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(status->rowCount() == 2 && outcomeOfRow(status, 0) == QLatin1String("accepted"),
                             10000);
    QCOMPARE(app.window->sandbox()->requestCount(), 2);
    QCOMPARE(app.window->sandbox()->received().at(1).body, app.window->sandbox()->received().at(0).body);

    // A refusal says so, with the service's code; a typed number of a contact names the contact.
    dismissNotifications();
    app.window->controller()->dial({PhoneNumber::parse(QStringLiteral("13800000101")), {}, std::nullopt});
    QTRY_VERIFY_WITH_TIMEOUT(
        notificationText().contains(QStringLiteral("Call refused (000001): 李四 (138 0000 0101)")), 10000);
    // The second number of a contact with several, from its submenu.
    section(menu, QStringLiteral("Favourites")).at(0)->menu()->actions().at(1)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(app.window->sandbox()->requestCount(), 4, 10000);
    QVERIFY(app.window->sandbox()->received().at(3).body.contains("8613900001234"));
}

void TestTray::notificationsCanBeTurnedOff()
{
    App app = openApp();
    QVERIFY(app.window);
    QAction *notify = findAction(app.tray->menu(), QStringLiteral("Notify call outcomes"));
    QVERIFY(notify && notify->isCheckable());
    QVERIFY2(notify->isChecked(), "on unless the user turns them off");
    notify->trigger();
    QVERIFY(!notify->isChecked());
    QCOMPARE(Settings().value(Setting::NotifyOutcomes), false);

    app.window->controller()->dial({PhoneNumber::parse(QStringLiteral("138 0013 8000")), {}, std::nullopt});
    StatusModel *status = app.window->statusModel();
    QTRY_VERIFY_WITH_TIMEOUT(status->rowCount() == 1 && outcomeOfRow(status, 0) == QLatin1String("accepted"),
                             10000);
    // The notification would have been raised in the same step as the status row.
    QVERIFY2(notificationText().isEmpty(), qPrintable(notificationText()));

    notify->trigger();
    QCOMPARE(Settings().value(Setting::NotifyOutcomes), true);
}

void TestTray::notificationsOnlyWhenTheWindowIsNotInFront()
{
    App app = openApp();
    QVERIFY(app.window);
    dismissNotifications();
    // In front: the window's own status line says it; no notification on top of it.
    app.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(app.window.get()));
    StatusModel *status = app.window->statusModel();
    app.window->controller()->dial({PhoneNumber::parse(QStringLiteral("138 0013 8000")), {}, std::nullopt});
    QTRY_VERIFY_WITH_TIMEOUT(status->rowCount() == 1 && outcomeOfRow(status, 0) == QLatin1String("accepted"),
                             10000);
    QTest::qWait(200);
    QVERIFY2(notificationText().isEmpty(), qPrintable(notificationText()));

    // Hidden (in the tray): the outcome comes as a notification.
    app.window->hide();
    app.window->controller()->dial({PhoneNumber::parse(QStringLiteral("13800000101")), {}, std::nullopt});
    QTRY_VERIFY_WITH_TIMEOUT(notificationText().contains(QLatin1String("Call refused (000001)")), 10000);
    dismissNotifications();
}

void TestTray::quickDialFromMenuAndLeftClick()
{
    App app = openApp();
    QVERIFY(app.window);
    QTRY_VERIFY_WITH_TIMEOUT(app.tray->trayIcon()->isVisible(), 10000);
    findAction(app.tray->menu(), QStringLiteral("Quick dial"))->trigger();
    QuickDialPopup *popup = app.tray->quickDial();
    QVERIFY(popup);
    QVERIFY(QTest::qWaitForWindowExposed(popup));
    QVERIFY(popup->field()->text().isEmpty());
    QTest::keyClick(popup->field(), Qt::Key_Escape);
    QVERIFY(!popup->isVisible());
    QCOMPARE(app.window->sandbox()->requestCount(), 0);

    // A real left click on the icon in trayer, through the X server.
    QWidget *embedded = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((embedded = embeddedIcon()) && embedded->isVisible(), 10000);
    QSignalSpy activated(app.tray->trayIcon(), &QSystemTrayIcon::activated);
    const int status = QProcess::execute(QStringLiteral("xdotool"),
                                         {QStringLiteral("mousemove"), QStringLiteral("--window"),
                                          QString::number(embedded->winId()), QStringLiteral("6"),
                                          QStringLiteral("6"), QStringLiteral("click"), QStringLiteral("1")});
    QCOMPARE(status, 0);
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 10000);
    QCOMPARE(activated.first().first().value<QSystemTrayIcon::ActivationReason>(), QSystemTrayIcon::Trigger);
    QTest::keyClicks(popup->field(), QStringLiteral("zs"));
    QTest::keyClick(popup->field(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(app.window->sandbox()->requestCount(), 1, 10000);
}

void TestTray::iconShowsAnAccountThatCannotDial()
{
    App app = openApp();
    QVERIFY(app.window);
    DialController *controller = app.window->controller();
    Account incomplete;
    incomplete.name = QStringLiteral("sales");
    QVERIFY(controller->accounts()->save(incomplete));
    QVERIFY(app.tray->showsReady());

    controller->setCurrentChoice(QStringLiteral("sales"));
    QVERIFY(!controller->isReady());
    QVERIFY(!app.tray->showsReady());
    QCOMPARE(picture(app.tray->trayIcon()->icon()),
             picture(QIcon(QStringLiteral(":/icons/tray-not-ready.svg"))));
    QVERIFY(picture(app.tray->trayIcon()->icon()) !=
            picture(QIcon(QStringLiteral(":/icons/tray-ready.svg"))));
    const QString tip = app.tray->trayIcon()->toolTip();
    QVERIFY2(tip.contains(QLatin1String("sales: not ready")), qPrintable(tip));

    controller->setCurrentChoice(DialController::kSandboxV2);
    QVERIFY(app.tray->showsReady());
    QVERIFY(app.tray->trayIcon()->toolTip().contains(QLatin1String("Sandbox, API v2")));
    QVERIFY(controller->accounts()->remove(QStringLiteral("sales")));
}

void TestTray::closingHidesToTrayAndSaysSoOnce()
{
    App app = openApp();
    QVERIFY(app.window);
    QTRY_VERIFY_WITH_TIMEOUT(app.tray->trayIcon()->isVisible(), 10000);
    QCOMPARE(Settings().value(Setting::TrayCloseExplained), false);

    QVERIFY2(!app.window->close(), "the close is turned into a hide");
    QVERIFY(!app.window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(notificationText().contains(QLatin1String("OneDial is still running")), 5000);
    QCOMPARE(Settings().value(Setting::TrayCloseExplained), true);

    // The tray brings it back; the menu says what its entry will do.
    QAction *showHide = findAction(app.tray->menu(), QStringLiteral("Show window"));
    QVERIFY(showHide);
    showHide->trigger();
    QVERIFY(QTest::qWaitForWindowExposed(app.window.get()));
    QCOMPARE(plain(showHide), QStringLiteral("Hide window"));

    // Said once: the second close hides without a word.
    dismissNotifications();
    QVERIFY(!app.window->close());
    QVERIFY(!app.window->isVisible());
    QVERIFY2(notificationText().isEmpty(), qPrintable(notificationText()));
}

void TestTray::quitFromTheMenuQuits()
{
    App app = openApp();
    QVERIFY(app.window);
    QTRY_VERIFY_WITH_TIMEOUT(app.tray->trayIcon()->isVisible(), 10000);
    QAction *quit = findAction(app.tray->menu(), QStringLiteral("Quit OneDial"));
    QVERIFY(quit);
    QSignalSpy lastWindowClosed(qApp, &QGuiApplication::lastWindowClosed);
    // QApplication::quit() closes every window first and gives up if one refuses, so it only
    // means something inside the application's event loop: run that loop here.
    QTimer::singleShot(0, quit, &QAction::trigger);
    QTimer stuck;
    stuck.setSingleShot(true);
    connect(&stuck, &QTimer::timeout, qApp, [] { QCoreApplication::exit(1); });
    stuck.start(15000);
    const int status = QApplication::exec();
    stuck.stop();
    QVERIFY2(status == 0, "the window refused to close, so Quit did not quit");
    QVERIFY(!app.window->isVisible());
    QCOMPARE(lastWindowClosed.count(), 1);
}

void TestTray::screenshotOfTheTray()
{
    if (QStandardPaths::findExecutable(QStringLiteral("import")).isEmpty())
        QSKIP("ImageMagick's import is not installed: no screenshot of the screen");
    App app = openApp();
    QVERIFY(app.window);
    // No window manager: the window goes where it is put, behind the tray's menu and notification.
    const QRect screen = QGuiApplication::primaryScreen()->geometry();
    app.window->setGeometry(0, 0, screen.width(), screen.height() - 40);
    app.window->controller()->dial(
        {PhoneNumber::parse(QStringLiteral("138 0013 8000")), QStringLiteral("张三"), std::nullopt});
    QTRY_VERIFY_WITH_TIMEOUT(notificationText().contains(QLatin1String("Call accepted")), 10000);
    QMenu *menu = app.tray->menu();
    QTRY_VERIFY_WITH_TIMEOUT(!section(menu, QStringLiteral("Recent")).isEmpty(), 5000);
    // Above the notification, so that both show.
    menu->popup(screen.bottomRight() - QPoint(200, 120 + menu->sizeHint().height()));
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    QDir().mkpath(QStringLiteral("screenshots"));
    QProcess import;
    import.start(QStringLiteral("import"),
                 {QStringLiteral("-window"), QStringLiteral("root"), QStringLiteral("-crop"),
                  QStringLiteral("560x420+%1+%2").arg(screen.width() - 560).arg(screen.height() - 420),
                  QStringLiteral("screenshots/tray.png")});
    QVERIFY(import.waitForFinished(30000));
    QCOMPARE(import.exitCode(), 0);

    // A call that ends while the menu is open leaves the open menu alone, and shows next time.
    const QList<QAction *> recentWhileOpen = section(menu, QStringLiteral("Recent"));
    app.window->controller()->dial({PhoneNumber::parse(QStringLiteral("13800000101")), {}, std::nullopt});
    QTRY_VERIFY_WITH_TIMEOUT(notificationText().contains(QLatin1String("Call refused")), 10000);
    QCoreApplication::processEvents();
    QCOMPARE(section(menu, QStringLiteral("Recent")), recentWhileOpen);
    menu->hide();
    QTRY_VERIFY_WITH_TIMEOUT(plain(section(menu, QStringLiteral("Recent")).first()) ==
                                 QStringLiteral("李四 (138 0000 0101)"),
                             5000);
}

void TestTray::trayHostGoneMeansClosingCloses()
{
    const QByteArray trayer = qgetenv("ONEDIAL_TEST_TRAYER_PID");
    QVERIFY2(!trayer.isEmpty(), "run through tests/with-xvfb-tray.sh");
    App app = openApp();
    QVERIFY(app.window);
    QTRY_VERIFY_WITH_TIMEOUT(app.tray->trayIcon()->isVisible(), 10000);
    QCOMPARE(QProcess::execute(QStringLiteral("kill"), {QString::fromLatin1(trayer)}), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!QSystemTrayIcon::isSystemTrayAvailable(), 20000);

    // Nothing could bring a hidden window back now: closing closes.
    QVERIFY(app.window->close());
    QVERIFY(!app.window->isVisible());
}

void TestTray::closingClosesWithoutTray()
{
    QTRY_VERIFY_WITH_TIMEOUT(!QSystemTrayIcon::isSystemTrayAvailable(), 20000);
    App app = openApp();
    QVERIFY(app.window);
    QVERIFY(!app.tray->trayIcon()->isVisible());
    QVERIFY(app.tray->isWaitingForTray());
    QVERIFY2(app.window->close(), "with no tray, OneDial is an ordinary window app");
    QVERIFY(!app.window->isVisible());
    QVERIFY(notificationText().isEmpty());
}

void TestTray::hiddenStartWithoutTrayShowsWindow()
{
    QTRY_VERIFY_WITH_TIMEOUT(!QSystemTrayIcon::isSystemTrayAvailable(), 20000);
    // As `onedial --hidden` at login: no window, waiting for a tray.
    App app = openApp(false);
    QVERIFY(app.window);
    QVERIFY(!app.window->isVisible());
    QVERIFY(app.tray->isWaitingForTray());
    app.tray->setTrayWait(20, 5);
    // No tray came: the window appears (minimized), or nothing would lead back to OneDial.
    QTRY_VERIFY_WITH_TIMEOUT(app.window->isVisible(), 5000);
    QVERIFY(!app.tray->isWaitingForTray());
    QVERIFY(!app.tray->trayIcon()->isVisible());
}

void TestTray::trayAppearingLateGetsTheIcon()
{
    QTRY_VERIFY_WITH_TIMEOUT(!QSystemTrayIcon::isSystemTrayAvailable(), 20000);
    App app = openApp(false);
    QVERIFY(app.window);
    QVERIFY(app.tray->isWaitingForTray());

    // The panel starts after OneDial, as it may at login.
    QProcess trayer;
    trayer.start(QStringLiteral("trayer"),
                 {QStringLiteral("--edge"), QStringLiteral("bottom"), QStringLiteral("--align"),
                  QStringLiteral("right"), QStringLiteral("--widthtype"), QStringLiteral("request"),
                  QStringLiteral("--height"), QStringLiteral("24"), QStringLiteral("--transparent"),
                  QStringLiteral("false")});
    QVERIFY(trayer.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(app.tray->trayIcon()->isVisible(), 20000);
    QVERIFY(!app.tray->isWaitingForTray());
    QVERIFY2(!app.window->isVisible(), "a hidden start stays hidden once the tray is there");
    app.tray->showWindow();
    QVERIFY(QTest::qWaitForWindowExposed(app.window.get()));
    QVERIFY2(!app.window->close(), "closing hides again now that there is a tray");

    trayer.terminate();
    QVERIFY(trayer.waitForFinished(10000));
}

void TestTray::callProgressReachesPanelHistoryAndTray()
{
    // The sandbox's simulated status callbacks (signed, to the desktop's own receiver) move the
    // status row through the call, fill the history's progress, and the tray says how it ended.
    App app = openApp();
    QVERIFY(app.window);
    app.window->sandbox()->callbacks()->setStepMs(100);
    dismissNotifications();
    StatusModel *status = app.window->statusModel();
    QStringList said;
    connect(status, &QAbstractItemModel::dataChanged, this, [status, &said] {
        const QString message = status->index(0, StatusModel::MessageColumn).data().toString();
        if (said.isEmpty() || said.constLast() != message)
            said << message;
    });
    // 138 0000 0903: accepted, then the callee's phone is busy.
    app.window->controller()->dial({PhoneNumber::parse(QStringLiteral("13800000903")), {}, std::nullopt});
    QTRY_VERIFY_WITH_TIMEOUT(said.contains(QStringLiteral("138 0000 0903's phone was busy")), 10000);
    const qsizetype accepted = said.indexOf(QRegularExpression(QStringLiteral("Call accepted.*")));
    const qsizetype callingYou = said.indexOf(QStringLiteral("Calling you: answer your phone"));
    const qsizetype callingThem = said.indexOf(QStringLiteral("Calling 138 0000 0903"));
    const qsizetype busy = said.indexOf(QStringLiteral("138 0000 0903's phone was busy"));
    QVERIFY2(accepted >= 0 && accepted < callingYou && callingYou < callingThem && callingThem < busy,
             qPrintable(said.join(QStringLiteral(" | "))));
    // The dial's outcome stays what OneNET answered; the icon shows the call did not connect.
    QCOMPARE(outcomeOfRow(status, 0), QStringLiteral("accepted"));
    QCOMPARE(status->index(0, 0).data(StatusModel::IconRole).toString(), QStringLiteral("failed"));
    QTRY_VERIFY_WITH_TIMEOUT(notificationText().contains(QStringLiteral("Call not connected: 138 0000 0903")),
                             5000);
    QVERIFY2(notificationText().contains(QStringLiteral("138 0000 0903's phone was busy")),
             qPrintable(notificationText()));
    // The history keeps it: its progress column in words, its record with OneNET's own words.
    HistoryModel *history = app.window->historyModel();
    QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() > 0 &&
                                 history->index(0, HistoryModel::ProgressColumn).data().toString() ==
                                     QStringLiteral("138 0000 0903's phone was busy"),
                             5000);
    const auto stored = app.window->services().history()->latestSentTo(QStringLiteral("8613800000903"));
    QVERIFY(stored);
    QCOMPARE(stored->progress.status, QStringLiteral("Disconnected"));
    QCOMPARE(stored->progress.reason, QStringLiteral("CalleeBusy"));

    // An answered call ends with its length, and the tray says so.
    dismissNotifications();
    app.window->controller()->dial({PhoneNumber::parse(QStringLiteral("138 0013 8000")), {}, std::nullopt});
    QTRY_VERIFY_WITH_TIMEOUT(notificationText().contains(QStringLiteral("Call ended: 张三")), 10000);
    QVERIFY2(notificationText().contains(QRegularExpression(QStringLiteral("Ended after \\d+ s"))),
             qPrintable(notificationText()));
    QCOMPARE(status->index(0, 0).data(StatusModel::IconRole).toString(), QStringLiteral("accepted"));
}

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
