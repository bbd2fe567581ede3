// Quick dial as a user drives it, on a sandbox window whose contacts are in a real SQLite file:
// type a name in pinyin or a number, move with Up and Down, Enter calls exactly once through the
// window's dial path (one request to the sandbox, one status row), Esc calls nobody, and a phone
// number on the clipboard is waiting in the field when the popup opens.
#include "MainWindow.h"
#include "QuickDialPopup.h"
#include "StatusModel.h"
#include "TestContacts.h"
#include "TestEnvironment.h"
#include "contacts/ContactModel.h"
#include "contacts/ContactStore.h"
#include "onenet/SandboxServer.h"
#include "services/AppServices.h"
#include "storage/Database.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace onedial;

namespace {

std::unique_ptr<MainWindow> openWindow()
{
    auto *services = new AppServices({.sandbox = true, .databasePath = {}});
    auto window = std::make_unique<MainWindow>(*services);
    services->setParent(window.get()); // destroyed after the window's own parts
    window->controller()->setTimeoutMs(2000);
    QSignalSpy loaded(window->contactModel(), &ContactModel::loaded);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) ||
        (window->contactModel()->totalCount() == 0 && !loaded.wait(10000)))
        return nullptr;
    return window;
}

QString outcomeOfRow(const StatusModel *status, int row)
{
    return status->index(row, 0).data(StatusModel::OutcomeRole).toString();
}

} // namespace

class TestQuickDial : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void isASmallAlwaysOnTopPopup();
    void pinyinListsTheMatch();
    void enterDialsTheHighlightedMatchOnce();
    void upAndDownChooseTheNumber();
    void numberOfNobodyIsDialledAsTyped();
    void textMatchingNothingDialsNothing();
    void escapeClosesWithoutDialling();
    void clipboardNumberIsPrefilledAndSelected();
    void clipboardNumberWithLettersIsRefused_data();
    void clipboardNumberWithLettersIsRefused();
    void clipboardWithoutANumberIsIgnored_data();
    void clipboardWithoutANumberIsIgnored();

private:
    test::TestEnvironment m_env;
};

void TestQuickDial::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
    QString error;
    const bool stored = test::storeContacts(
        {
            test::person(QStringLiteral("张三"), QStringLiteral("华信科技"), true,
                         {test::number(QStringLiteral("138 0013 8000"), QStringLiteral("手机"))}),
            test::person(QStringLiteral("李四"), QStringLiteral("云通科技"), false,
                         {test::number(QStringLiteral("13800000101"))}),
            test::person(QStringLiteral("赵六"), QStringLiteral("北方贸易"), false,
                         {test::number(QStringLiteral("186 2000 3344"), QStringLiteral("手机"))}),
            test::person(QStringLiteral("钱七"), QStringLiteral("东海船舶"), false,
                         {test::number(QStringLiteral("(0755) 2800 0003"), QStringLiteral("办公室")),
                          test::number(QStringLiteral("139 0000 1234"), QStringLiteral("手机"))}),
            test::person(QStringLiteral("周敏"), QStringLiteral("星河传媒"), true,
                         {test::number(QStringLiteral("137 0000 5678"), QStringLiteral("手机"))}),
            test::person(QStringLiteral("郑伟"), QStringLiteral("申城物流"), false,
                         {test::number(QStringLiteral("021 6234 5678"), QStringLiteral("办公室"))}),
        },
        &error);
    QVERIFY2(stored, qPrintable(error));
}

void TestQuickDial::init()
{
    // Each test starts with nothing on the clipboard, unless it puts something there itself.
    QGuiApplication::clipboard()->clear();
}

void TestQuickDial::isASmallAlwaysOnTopPopup()
{
    auto window = openWindow();
    QVERIFY(window);
    QuickDialPopup popup(window->controller(), window->contactModel());
    popup.popUp();
    QVERIFY(QTest::qWaitForWindowExposed(&popup));
    QCOMPARE(popup.windowType(), Qt::Tool);
    QVERIFY(popup.windowFlags() & Qt::WindowStaysOnTopHint);
    QVERIFY(popup.width() < 600 && popup.height() < 500);
    QCOMPARE(QApplication::focusWidget(), popup.field());
    QCOMPARE(popup.field()->accessibleName(), QStringLiteral("Name or number to call"));
    QCOMPARE(popup.matchList()->accessibleName(), QStringLiteral("Matching contacts"));
    for (const QLabel *label : popup.findChildren<QLabel *>()) {
        if (!label->text().isEmpty() && label->text() != QLatin1String("Quick dial"))
            QVERIFY2(!label->accessibleName().isEmpty(), qPrintable(label->text()));
    }
    // It says which account a call will use.
    const QStringList labels = [&popup] {
        QStringList texts;
        for (const QLabel *label : popup.findChildren<QLabel *>())
            texts << label->text();
        return texts;
    }();
    QVERIFY2(labels.join(QLatin1Char('|')).contains(QLatin1String("Sandbox, API v1")),
             qPrintable(labels.join(QLatin1Char('|'))));
}

void TestQuickDial::pinyinListsTheMatch()
{
    auto window = openWindow();
    QVERIFY(window);
    QuickDialPopup popup(window->controller(), window->contactModel());
    popup.popUp();
    QTest::keyClicks(popup.field(), QStringLiteral("zs"));
    QCOMPARE(popup.matchList()->count(), 1);
    const QString row = popup.matchList()->item(0)->text();
    QVERIFY2(row.startsWith(QStringLiteral("张三")) && row.contains(QLatin1String("138 0013 8000")),
             qPrintable(row));
    QCOMPARE(popup.highlightedTarget()->who, QStringLiteral("张三"));
    QCOMPARE(popup.highlightedTarget()->number.apiForm(), QStringLiteral("8613800138000"));
}

void TestQuickDial::enterDialsTheHighlightedMatchOnce()
{
    auto window = openWindow();
    QVERIFY(window);
    QuickDialPopup popup(window->controller(), window->contactModel());
    popup.popUp();
    QTest::keyClicks(popup.field(), QStringLiteral("zs"));
    QTest::keyClick(popup.field(), Qt::Key_Return);
    QVERIFY2(!popup.isVisible(), "the popup closes once the call is on its way");

    StatusModel *status = window->statusModel();
    QTRY_VERIFY_WITH_TIMEOUT(status->rowCount() == 1 && outcomeOfRow(status, 0) == QLatin1String("accepted"),
                             10000);
    QCOMPARE(window->sandbox()->requestCount(), 1);
    QCOMPARE(status->index(0, StatusModel::WhoColumn).data().toString(), QStringLiteral("张三"));
    QVERIFY(window->sandbox()->received().first().body.contains("8613800138000"));
}

void TestQuickDial::upAndDownChooseTheNumber()
{
    auto window = openWindow();
    QVERIFY(window);
    QuickDialPopup popup(window->controller(), window->contactModel());
    popup.popUp();
    QTest::keyClicks(popup.field(), QStringLiteral("qianqi"));
    // One row per number, so Enter calls exactly the number shown.
    QCOMPARE(popup.matchList()->count(), 2);
    QCOMPARE(popup.matchList()->currentRow(), 0);
    QTest::keyClick(popup.field(), Qt::Key_Up);
    QCOMPARE(popup.matchList()->currentRow(), 0);
    QTest::keyClick(popup.field(), Qt::Key_Down);
    QTest::keyClick(popup.field(), Qt::Key_Down);
    QCOMPARE(popup.matchList()->currentRow(), 1);
    QTest::keyClick(popup.field(), Qt::Key_Up);
    QCOMPARE(popup.matchList()->currentRow(), 0);
    QTest::keyClick(popup.field(), Qt::Key_Down);
    QVERIFY(popup.matchList()->currentItem()->text().contains(QLatin1String("139 0000 1234")));
    QTest::keyClick(popup.field(), Qt::Key_Enter);

    QTRY_VERIFY_WITH_TIMEOUT(outcomeOfRow(window->statusModel(), 0) == QLatin1String("accepted"), 10000);
    QCOMPARE(window->sandbox()->requestCount(), 1);
    QVERIFY(window->sandbox()->received().first().body.contains("8613900001234"));
}

void TestQuickDial::numberOfNobodyIsDialledAsTyped()
{
    auto window = openWindow();
    QVERIFY(window);
    QuickDialPopup popup(window->controller(), window->contactModel());
    popup.popUp();
    QTest::keyClicks(popup.field(), QStringLiteral("139-1111-2222"));
    QCOMPARE(popup.matchList()->count(), 1);
    QVERIFY(popup.highlightedTarget()->who.isEmpty());
    QVERIFY(!popup.highlightedTarget()->contactId);
    QVERIFY(popup.matchList()->item(0)->text().contains(QLatin1String("139 1111 2222")));
    QTest::keyClick(popup.field(), Qt::Key_Return);

    StatusModel *status = window->statusModel();
    QTRY_VERIFY_WITH_TIMEOUT(status->rowCount() == 1 && outcomeOfRow(status, 0) == QLatin1String("accepted"),
                             10000);
    QCOMPARE(window->sandbox()->requestCount(), 1);
    QVERIFY(window->sandbox()->received().first().body.contains("8613911112222"));
    QCOMPARE(status->index(0, StatusModel::NumberColumn).data().toString(), QStringLiteral("139 1111 2222"));
}

void TestQuickDial::textMatchingNothingDialsNothing()
{
    auto window = openWindow();
    QVERIFY(window);
    QuickDialPopup popup(window->controller(), window->contactModel());
    popup.popUp();
    QTest::keyClicks(popup.field(), QStringLiteral("xyzzy"));
    QCOMPARE(popup.matchList()->count(), 0);
    QVERIFY(!popup.highlightedTarget());
    QTest::keyClick(popup.field(), Qt::Key_Return);
    QVERIFY2(popup.isVisible(), "nothing to call: the popup stays for another try");
    bool saysWhy = false;
    for (const QLabel *label : popup.findChildren<QLabel *>())
        saysWhy = saysWhy || label->text().contains(QLatin1String("No contact matches \"xyzzy\""));
    QVERIFY(saysWhy);
    QCOMPARE(window->statusModel()->rowCount(), 0);
    QCOMPARE(window->sandbox()->requestCount(), 0);
}

void TestQuickDial::escapeClosesWithoutDialling()
{
    auto window = openWindow();
    QVERIFY(window);
    QuickDialPopup popup(window->controller(), window->contactModel());
    popup.popUp();
    QVERIFY(popup.isVisible());
    QTest::keyClicks(popup.field(), QStringLiteral("zs"));
    QTest::keyClick(popup.field(), Qt::Key_Escape);
    QVERIFY(!popup.isVisible());
    QCOMPARE(window->statusModel()->rowCount(), 0);
    QCOMPARE(window->sandbox()->requestCount(), 0);

    // Opened again, it starts afresh.
    popup.popUp();
    QVERIFY(popup.field()->text().isEmpty());
}

void TestQuickDial::clipboardNumberIsPrefilledAndSelected()
{
    auto window = openWindow();
    QVERIFY(window);
    QGuiApplication::clipboard()->setText(QStringLiteral("  +86 138 0013 8000\n"));
    QuickDialPopup popup(window->controller(), window->contactModel());
    popup.popUp();
    QCOMPARE(popup.field()->text(), QStringLiteral("+86 138 0013 8000"));
    QCOMPARE(popup.field()->selectedText(), QStringLiteral("+86 138 0013 8000"));
    // The number is 张三's: the match is the contact, ready for Enter.
    QCOMPARE(popup.highlightedTarget()->who, QStringLiteral("张三"));
    // Typing replaces the selected number.
    QTest::keyClicks(popup.field(), QStringLiteral("lisi"));
    QCOMPARE(popup.field()->text(), QStringLiteral("lisi"));
    QCOMPARE(popup.highlightedTarget()->who, QStringLiteral("李四"));
}

void TestQuickDial::clipboardNumberWithLettersIsRefused_data()
{
    QTest::addColumn<QString>("clipboard");
    QTest::addColumn<QString>("reason");
    QTest::newRow("letter O for a zero") << "139 0000 123O"
                                         << "has letters in it";
    QTest::newRow("extension") << QString::fromUtf8("0755 2800 0003 转 99") << "cannot dial extensions";
}

void TestQuickDial::clipboardNumberWithLettersIsRefused()
{
    QFETCH(QString, clipboard);
    QFETCH(QString, reason);
    auto window = openWindow();
    QVERIFY(window);
    QGuiApplication::clipboard()->setText(clipboard);
    QuickDialPopup popup(window->controller(), window->contactModel());
    popup.popUp();
    // Shown with the reason, never turned into digits and never offered as "Call …".
    QCOMPARE(popup.field()->text(), clipboard);
    const auto labels = popup.findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                        [&reason](const QLabel *label) { return label->text().contains(reason); }));
    // Nothing to call: the digits would match 钱七's 139 0000 1234, which is not the number copied.
    QCOMPARE(popup.matchList()->count(), 0);
    QVERIFY(!popup.highlightedTarget());
    QTest::keyClick(popup.field(), Qt::Key_Return);
    QTest::qWait(300);
    QCOMPARE(window->sandbox()->requestCount(), 0);
}

void TestQuickDial::clipboardWithoutANumberIsIgnored_data()
{
    QTest::addColumn<QString>("clipboard");
    QTest::newRow("a word") << "hello";
    QTest::newRow("too short to be a number") << "12345";
    QTest::newRow("a number inside a sentence") << "Please call me at 138 0013 8000 after lunch, thanks";
    QTest::newRow("a long run of digits") << QString(200, QLatin1Char('1'));
}

void TestQuickDial::clipboardWithoutANumberIsIgnored()
{
    QFETCH(QString, clipboard);
    auto window = openWindow();
    QVERIFY(window);
    QGuiApplication::clipboard()->setText(clipboard);
    QuickDialPopup popup(window->controller(), window->contactModel());
    popup.popUp();
    QVERIFY(popup.field()->text().isEmpty());
    // An empty field lists every number, the favourites' first.
    QCOMPARE(popup.matchList()->count(), 7);
    const QString firstTwo = popup.matchList()->item(0)->text() + popup.matchList()->item(1)->text();
    QVERIFY2(firstTwo.contains(QStringLiteral("张三")) && firstTwo.contains(QStringLiteral("周敏")),
             qPrintable(firstTwo));
}

QTEST_MAIN(TestQuickDial)
#include "tst_quickdial.moc"
