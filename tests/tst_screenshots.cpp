// The README's pictures, taken from the real windows at their default sizes, in English and in
// Chinese: the main window after three sandbox dials, the history, quick dial, the contact form
// and the set-up wizard. Each picture also checks what it is meant to show: the contact list
// has the room, the last outcome is in view, the history's message has the width.
// tools/take-screenshots.sh copies them into docs/screenshots.
#include "ContactDialog.h"
#include "DialController.h"
#include "HistoryPanel.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "QuickDialPopup.h"
#include "SetupWizard.h"
#include "StatusModel.h"
#include "StatusPanel.h"
#include "TestContacts.h"
#include "TestEnvironment.h"
#include "contacts/ContactModel.h"
#include "history/HistoryModel.h"
#include "onenet/CallProgressWords.h"
#include "onenet/SandboxCallbacks.h"
#include "onenet/SandboxServer.h"
#include "services/AppServices.h"
#include "storage/Database.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace onedial;

namespace {

QString fileName(const QString &what, const QString &language)
{
    QDir().mkpath(QStringLiteral("screenshots"));
    return QStringLiteral("screenshots/%1%2.png")
        .arg(what, language == QLatin1String("en") ? QString() : QLatin1Char('-') + language);
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pictures_data();
    void pictures();

private:
    test::TestEnvironment m_env;
    QTemporaryDir m_files;
};

void TestScreenshots::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
    QString error;
    const auto person = [](const char *name, const char *company, bool favourite, const char *number,
                           const char *label = "mobile") {
        return test::person(QString::fromUtf8(name), QString::fromUtf8(company), favourite,
                            {test::number(QString::fromUtf8(number), QString::fromUtf8(label))});
    };
    QVERIFY2(test::storeContacts(
                 {
                     person("张三", "华信科技", true, "138 0013 8000"),
                     person("李四", "深圳云通", false, "13800000101"),
                     person("赵六", "北方贸易", false, "13800000901"),
                     person("陈小明", "东海制造", true, "139 0000 1234"),
                     person("周敏", "南方物流", false, "(0755) 2800 0003", "work"),
                     person("王芳", "星河地产", false, "137 0000 5678"),
                     person("David Chen", "Pacific Trading", false, "136 0000 2222"),
                     person("刘洋", "远航软件", false, "135 0000 3333"),
                     person("孙丽", "华信科技", false, "(010) 6552 8888", "work"),
                     person("郑伟", "恒通物流", false, "134 0000 4444"),
                     person("吴静", "东海制造", false, "133 0000 5555"),
                     person("Lisa Wang", "Bright Medical", false, "132 0000 6666"),
                 },
                 &error),
             qPrintable(error));
}

void TestScreenshots::pictures_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

void TestScreenshots::pictures()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(language), QStringLiteral("onedial"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QApplication::installTranslator(&translator);
    QLocale::setDefault(QLocale(language));

    // Each language starts from the contacts alone, so that its history holds its own words.
    const QString databasePath = m_files.filePath(language + QStringLiteral(".sqlite"));
    QFile::remove(databasePath);
    QVERIFY(QFile::copy(Database::defaultPath(), databasePath));
    auto *services = new AppServices({.sandbox = true, .databasePath = databasePath});
    auto window = std::make_unique<MainWindow>(*services);
    services->setParent(window.get());
    window->controller()->setTimeoutMs(1000);
    window->sandbox()->setSlowDelayMs(5000);
    // The accepted call's progress (the sandbox's status callbacks) within a moment, so that the
    // pictures show how it ended rather than a step caught on the way.
    window->sandbox()->callbacks()->setStepMs(30);
    QSignalSpy loaded(window->contactModel(), &ContactModel::loaded);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(window->contactModel()->rowCount() > 0 || loaded.wait(10000));
    QCOMPARE(window->size(), QSize(960, 640)); // the default size

    // Three dials from the search: accepted, refused with its code, no answer in time.
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("search"));
    QVERIFY(search);
    const int before = window->statusModel()->rowCount();
    for (const char *typed : {"zhaoliu", "lisi", "zs"}) {
        search->selectAll();
        QTest::keyClicks(search, QString::fromLatin1(typed));
        // The second language's round calls 赵六 again after an unknown outcome: the window asks.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(search, Qt::Key_Return);
        MessageBox::clearNextAnswer();
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        window->statusModel()->rowCount() == before + 3 &&
            window->statusModel()->index(0, 0).data(StatusModel::OutcomeRole) == QLatin1String("accepted") &&
            window->statusModel()->index(2, 0).data(StatusModel::OutcomeRole) == QLatin1String("unknown"),
        10000);
    QTRY_VERIFY_WITH_TIMEOUT(window->statusModel()
                                 ->index(0, StatusModel::MessageColumn)
                                 .data()
                                 .toString()
                                 .startsWith(CallProgressWords::describe(
                                     CallProgress::Disconnected, QStringLiteral("HangUp"), qint64(1), {})),
                             10000);
    search->clear();
    window->contactView()->selectRow(0);
    // The contact list has the room: at the default size, every one of the twelve contacts.
    QTableView *contacts = window->contactView();
    QVERIFY2(contacts->height() > 12 * contacts->verticalHeader()->defaultSectionSize(),
             qPrintable(QString::number(contacts->height())));
    auto *panel = window->findChild<StatusPanel *>();
    QVERIFY(panel->lastOutcome()->isVisible());
    QVERIFY(panel->lastOutcome()->text().contains(QStringLiteral("张三")));
    QTest::qWait(50);
    QVERIFY(window->grab().save(fileName(QStringLiteral("main-window"), language)));

    // The history: one line per call, the message taking the width.
    auto *history = window->findChild<HistoryPanel *>();
    window->findChild<QTabWidget *>()->setCurrentWidget(history);
    QTRY_VERIFY(history->view()->model()->rowCount() >= 3);
    QTest::qWait(50);
    const int message = history->view()->columnWidth(HistoryModel::MessageColumn);
    for (int column : {int(HistoryModel::TimeColumn), int(HistoryModel::ContactColumn),
                       int(HistoryModel::NumberColumn), int(HistoryModel::OutcomeColumn)})
        QVERIFY2(message > history->view()->columnWidth(column), qPrintable(QString::number(column)));
    // The progress column is there once OneNET (here the sandbox) reported on a call shown.
    QTRY_VERIFY(!history->view()->isColumnHidden(HistoryModel::ProgressColumn));
    QVERIFY(window->grab().save(fileName(QStringLiteral("history"), language)));
    window->findChild<QTabWidget *>()->setCurrentIndex(0);

    // Quick dial, as the tray opens it, with "zh" typed.
    {
        QuickDialPopup popup(window->controller(), window->contactModel());
        popup.popUp();
        QVERIFY(QTest::qWaitForWindowExposed(&popup));
        QTest::keyClicks(popup.field(), QStringLiteral("zh"));
        QVERIFY(popup.matchList()->count() >= 3);
        QTest::keyClick(popup.field(), Qt::Key_Down);
        QTest::qWait(50);
        QVERIFY(popup.grab().save(fileName(QStringLiteral("quick-dial"), language)));
    }

    // A new contact, half filled in: the number checked as typed.
    {
        ContactDialog dialog(services->contacts(), {}, window.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.findChildren<QLineEdit *>().first(), QStringLiteral("Zhou Ming"));
        QVERIFY(dialog.numberFields().size() == 2);
        QTest::keyClicks(dialog.numberFields().at(0), QStringLiteral("139 0000 777"));
        QTest::keyClicks(dialog.numberFields().at(1), QStringLiteral("0755 2800 0003 x9"));
        QTest::qWait(50);
        QVERIFY(dialog.grab().save(fileName(QStringLiteral("contact-form"), language)));
    }

    // The first start's wizard, at its first page.
    {
        SetupWizard wizard(SetupWizard::Start::Welcome, window->controller()->accounts(),
                           window->controller()->credentials(), window.get());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTest::qWait(50);
        QVERIFY(wizard.grab().save(fileName(QStringLiteral("setup-wizard"), language)));
    }

    window.reset();
    QApplication::removeTranslator(&translator);
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
