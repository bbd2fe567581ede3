// The window and every dialog as someone meets them who works from the keyboard, or with a
// screen reader: Tab goes from control to control and out of every list, Enter presses the
// focused button, Esc clears the search and then closes, Ctrl+Z brings a deleted contact back,
// each Alt+letter is used once per window in English and in Chinese, every control has an
// accessible name, and the outcome of a call is announced. Against the sandbox on loopback and
// a real SQLite file.
#include "AccountDialog.h"
#include "AccountsDialog.h"
#include "ContactDialog.h"
#include "DialController.h"
#include "GlobalShortcut.h"
#include "ImportDialog.h"
#include "IntegrationSettingsDialog.h"
#include "LinkConfirmDialog.h"
#include "MainWindow.h"
#include "NumberChoiceDialog.h"
#include "QuickDialPopup.h"
#include "SetupWizard.h"
#include "StatusModel.h"
#include "StatusPanel.h"
#include "TestContacts.h"
#include "TestEnvironment.h"
#include "UiAudit.h"
#include "WidgetLookup.h"
#include "contacts/ContactModel.h"
#include "onenet/SandboxServer.h"
#include "phone/TelUri.h"
#include "services/AppServices.h"
#include "storage/Database.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

#include <functional>
#include <memory>

using namespace onedial;

namespace {

std::unique_ptr<MainWindow> openWindow()
{
    auto *services = new AppServices({.sandbox = true, .databasePath = {}});
    auto window = std::make_unique<MainWindow>(*services);
    services->setParent(window.get());
    window->controller()->setTimeoutMs(1000);
    QSignalSpy loaded(window->contactModel(), &ContactModel::loaded);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) ||
        (window->contactModel()->rowCount() == 0 && !loaded.wait(10000)))
        return nullptr;
    return window;
}

using test::named;

// Every window and dialog of the app, made the way the app makes it, one at a time.
struct NamedWindow
{
    const char *name;
    std::function<QWidget *(MainWindow *)> make; // parented to the main window, or the main window
};

QList<NamedWindow> everyWindow()
{
    return {
        {"main window",
         [](MainWindow *window) {
             return static_cast<QWidget *>(window);
         }},
        {"contact form",
         [](MainWindow *window) {
             return new ContactDialog(window->services().contacts(), {}, window);
         }},
        {"set-up wizard",
         [](MainWindow *window) {
             return new SetupWizard(SetupWizard::Start::Welcome, window->controller()->accounts(),
                                    window->controller()->credentials(), window);
         }},
        {"set-up wizard, account page",
         [](MainWindow *window) {
             return new SetupWizard(SetupWizard::Start::Account, window->controller()->accounts(),
                                    window->controller()->credentials(), window);
         }},
        {"account form",
         [](MainWindow *window) {
             Account account;
             account.name = QStringLiteral("sales");
             account.appId = QStringLiteral("0123456789abcdef0123456789abcdef");
             account.sponsor = QStringLiteral("075528000003");
             account.caller = QStringLiteral("8613800138000");
             return new AccountDialog(AccountDialog::Purpose::Edit, window->controller()->accounts(),
                                      window->controller()->credentials(), account, window);
         }},
        {"accounts",
         [](MainWindow *window) {
             return new AccountsDialog(window->controller()->accounts(), window->controller()->credentials(),
                                       window);
         }},
        {"import",
         [](MainWindow *window) {
             return new ImportDialog(window->services().database()->path(), window);
         }},
        {"settings",
         [](MainWindow *window) {
             return new IntegrationSettingsDialog(new GlobalShortcut(window), window);
         }},
        {"link confirmation",
         [](MainWindow *window) {
             return new LinkConfirmDialog(TelUri::parse(QStringLiteral("tel:+8613800138000")), window);
         }},
        {"number choice",
         [](MainWindow *window) {
             return new NumberChoiceDialog(
                 QStringLiteral("钱七"), {QStringLiteral("0755 2800 0003"), QStringLiteral("139 0000 1234")},
                 {QStringLiteral("work"), QStringLiteral("mobile")}, window);
         }},
        {"quick dial",
         [](MainWindow *window) {
             return new QuickDialPopup(window->controller(), window->contactModel(), window);
         }},
    };
}

void closeOthers(MainWindow *window, QWidget *shown)
{
    if (shown != window) {
        shown->close();
        delete shown;
    }
}

// Collects what the widgets tell assistive technology, as a screen reader would receive it.
QList<std::pair<QAccessible::Event, QString>> g_announced;
void recordAnnouncement(QAccessibleEvent *event)
{
    if (event->type() == QAccessible::Alert && event->accessibleInterface())
        g_announced.append({event->type(), event->accessibleInterface()->text(QAccessible::Description)});
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceleratorsAreUnique_data();
    void acceleratorsAreUnique();
    void everyControlHasAName();
    void mainControlsHaveDescriptions();
    void tabLeavesEveryList();
    void tabReachesEveryControl();
    void enterPressesTheFocusedButton();
    void escapeClearsTheSearchThenCloses();
    void ctrlZUndoesADelete();
    void outcomeIsAnnounced();

private:
    test::TestEnvironment m_env;
};

void TestKeyboard::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
    QString error;
    QVERIFY2(test::storeContacts(
                 {
                     test::person(QStringLiteral("张三"), QStringLiteral("华信科技"), true,
                                  {test::number(QStringLiteral("138 0013 8000"), QStringLiteral("mobile"))}),
                     test::person(QStringLiteral("李四"), QStringLiteral("深圳云通"), false,
                                  {test::number(QStringLiteral("13800000101"))}),
                     test::person(QStringLiteral("王五"), QStringLiteral("南方物流"), false,
                                  {test::number(QStringLiteral("13800000902"))}),
                 },
                 &error),
             qPrintable(error));
}

void TestKeyboard::acceleratorsAreUnique_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

void TestKeyboard::acceleratorsAreUnique()
{
    QFETCH(QString, language);
    QTranslator translator;
    if (!language.isEmpty()) {
        QVERIFY(translator.load(QLocale(language), QStringLiteral("onedial"), QStringLiteral("_"),
                                QStringLiteral(":/i18n")));
        QApplication::installTranslator(&translator);
    }
    auto window = openWindow();
    QVERIFY(window);
    if (!language.isEmpty())
        QCOMPARE(window->menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));
    QStringList problems;
    for (const NamedWindow &each : everyWindow()) {
        QWidget *shown = each.make(window.get());
        for (const QString &duplicate : test::duplicateAccelerators(shown))
            problems << QString::fromLatin1(each.name) + QStringLiteral(": ") + duplicate;
        closeOthers(window.get(), shown);
    }
    QApplication::removeTranslator(&translator);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestKeyboard::everyControlHasAName()
{
    auto window = openWindow();
    QVERIFY(window);
    QStringList problems;
    for (const NamedWindow &each : everyWindow()) {
        QWidget *shown = each.make(window.get());
        shown->show();
        for (const QString &control : test::controlsWithoutName(shown))
            problems << QString::fromLatin1(each.name) + QStringLiteral(": ") + control;
        closeOthers(window.get(), shown);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestKeyboard::mainControlsHaveDescriptions()
{
    // What a control does, beyond its name, for the controls of the main window a caller uses.
    auto window = openWindow();
    QVERIFY(window);
    const QList<QWidget *> controls{named<QLineEdit>(window.get(), "Search contacts"),
                                    named<QWidget>(window.get(), "Account"),
                                    named<QPushButton>(window.get(), "Dial"),
                                    window->contactView(),
                                    named<QToolButton>(window.get(), "Show this session's dials"),
                                    named<QPushButton>(window.get(), "Call details")};
    for (QWidget *control : controls) {
        QVERIFY(control);
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(control);
        QVERIFY2(!accessible->text(QAccessible::Description).isEmpty(),
                 qPrintable(control->accessibleName()));
    }
}

void TestKeyboard::tabLeavesEveryList()
{
    auto window = openWindow();
    QVERIFY(window);
    QStringList problems;
    for (const NamedWindow &each : everyWindow()) {
        QWidget *shown = each.make(window.get());
        for (const QString &view : test::viewsThatTrapTab(shown))
            problems << QString::fromLatin1(each.name) + QStringLiteral(": ") + view;
        closeOthers(window.get(), shown);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // And in use: from the contact list, Tab goes on to the strip below it.
    QApplication::setActiveWindow(window.get());
    window->contactView()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), window->contactView());
    QTest::keyClick(window->contactView(), Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != window->contactView());
    QCOMPARE(QApplication::focusWidget(), named<QToolButton>(window.get(), "Show this session's dials"));
}

void TestKeyboard::tabReachesEveryControl()
{
    auto window = openWindow();
    QVERIFY(window);
    // One call first, so that Details… has something to show (a button that is off is skipped).
    QLineEdit *search = named<QLineEdit>(window.get(), "Search contacts");
    QTest::keyClicks(search, QStringLiteral("zs"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window->sandbox()->requestCount(), 1, 10000);
    QTRY_VERIFY(named<QPushButton>(window.get(), "Call details")->isEnabled());
    QApplication::setActiveWindow(window.get());
    search->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), search);
    QList<QWidget *> visited;
    for (int i = 0; i < 20 && !visited.contains(QApplication::focusWidget()); ++i) {
        visited << QApplication::focusWidget();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    for (const char *name : {"Search contacts", "Account", "Number to call", "Dial", "Contacts",
                             "Show this session's dials", "Call details"}) {
        const bool reached = std::any_of(visited.cbegin(), visited.cend(), [name](const QWidget *widget) {
            return widget->accessibleName() == QLatin1String(name);
        });
        QVERIFY2(reached, name);
    }
    // Round and back to the search, in one cycle of fewer than 20 stops.
    QCOMPARE(QApplication::focusWidget(), search);
}

void TestKeyboard::enterPressesTheFocusedButton()
{
    auto window = openWindow();
    QVERIFY(window);
    QLineEdit *search = named<QLineEdit>(window.get(), "Search contacts");
    QTest::keyClicks(search, QStringLiteral("zs"));
    auto *dial = named<QPushButton>(window.get(), "Dial");
    dial->setFocus();
    QTest::keyClick(dial, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window->sandbox()->requestCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(window->statusModel()->index(0, 0).data(StatusModel::OutcomeRole).toString(),
                              QStringLiteral("accepted"), 10000);
    // Once, not twice: the dial's own key handling and the window's do not both press it.
    QTest::qWait(300);
    QCOMPARE(window->sandbox()->requestCount(), 1);

    // The strip's toggle too: Enter unfolds the list.
    auto *toggle = named<QToolButton>(window.get(), "Show this session's dials");
    const bool wasOpen = toggle->isChecked();
    toggle->setFocus();
    QTest::keyClick(toggle, Qt::Key_Return);
    QCOMPARE(toggle->isChecked(), !wasOpen);
    QTest::keyClick(toggle, Qt::Key_Enter);
    QCOMPARE(toggle->isChecked(), wasOpen);
}

void TestKeyboard::escapeClearsTheSearchThenCloses()
{
    auto window = openWindow();
    QVERIFY(window);
    QLineEdit *search = named<QLineEdit>(window.get(), "Search contacts");
    const int all = window->contactModel()->rowCount();
    QTest::keyClicks(search, QStringLiteral("zs"));
    QVERIFY(window->contactModel()->rowCount() < all);
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(window->contactModel()->rowCount(), all);
    QVERIFY(window->isVisible());
    // From the list as well: Esc brings the search back empty.
    QTest::keyClicks(search, QStringLiteral("li"));
    QTest::keyClick(window->contactView(), Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QTest::keyClick(search, Qt::Key_Escape);
    QTRY_VERIFY(!window->isVisible());
}

void TestKeyboard::ctrlZUndoesADelete()
{
    auto window = openWindow();
    QVERIFY(window);
    QLineEdit *search = named<QLineEdit>(window.get(), "Search contacts");
    QTest::keyClicks(search, QStringLiteral("wangwu"));
    QCOMPARE(window->contactModel()->rowCount(), 1);
    QApplication::setActiveWindow(window.get());
    window->contactView()->setFocus();
    window->contactView()->selectRow(0);
    QSignalSpy reloaded(window->contactModel(), &ContactModel::loaded);
    QTest::keyClick(window->contactView(), Qt::Key_Delete);
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(window->contactModel()->rowCount(), 0);
    QTest::keyClick(window->contactView(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(window->contactModel()->rowCount(), 1);
    // Only once: the offer is gone, and a second Ctrl+Z adds no copy.
    QTest::keyClick(window->contactView(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!reloaded.wait(500));
    QCOMPARE(window->contactModel()->rowCount(), 1);
}

void TestKeyboard::outcomeIsAnnounced()
{
    // A screen reader reads the outcome from the status line: its accessible description holds
    // the outcome with its code and the person's name. (The line also raises an Alert event so
    // that it is spoken wherever the focus is; Qt delivers those only with a platform
    // accessibility bridge, which the offscreen platform has not: there, this test records them
    // only if the platform has one.)
    QAccessible::installUpdateHandler(&recordAnnouncement);
    g_announced.clear();
    auto window = openWindow();
    QVERIFY(window);
    QLineEdit *search = named<QLineEdit>(window.get(), "Search contacts");
    QTest::keyClicks(search, QStringLiteral("lisi"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window->statusModel()->index(0, 0).data(StatusModel::OutcomeRole).toString(),
                              QStringLiteral("refused"), 10000);
    QAccessible::installUpdateHandler(nullptr);
    auto *line = named<QLabel>(window.get(), "Last call outcome");
    QVERIFY(line);
    const QString spoken = QAccessible::queryAccessibleInterface(line)->text(QAccessible::Description);
    QVERIFY2(spoken.contains(QStringLiteral("李四")) && spoken.contains(QLatin1String("000001")),
             qPrintable(spoken));
    QVERIFY2(line->text().contains(QStringLiteral("李四")), qPrintable(line->text()));
    if (QAccessible::isActive()) {
        QVERIFY(!g_announced.isEmpty());
        QCOMPARE(g_announced.last().second, spoken);
    }
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
