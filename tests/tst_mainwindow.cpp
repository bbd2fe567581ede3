// The window as a user drives it: type a number, press Enter or click Dial, read the outcome.
#include "MainWindow.h"
#include "StatusModel.h"
#include "TestEnvironment.h"
#include "onenet/DialClient.h"
#include "onenet/SandboxServer.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace onedial;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void enterDialsOnceAndShowsOutcome_data();
    void enterDialsOnceAndShowsOutcome();
    void dialButtonDialsV2();
    void invalidNumberSendsNothing();
    void screenshot();

private:
    test::TestEnvironment m_env;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
}

void TestMainWindow::enterDialsOnceAndShowsOutcome_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("accepted") << "138 0013 8000"
                              << "accepted"
                              << "Call accepted";
    QTest::newRow("refused") << "138-0000-0101"
                             << "refused"
                             << "000001";
    QTest::newRow("error page") << "13800000902"
                                << "unknown"
                                << "HTTP 502";
}

void TestMainWindow::enterDialsOnceAndShowsOutcome()
{
    QFETCH(QString, typed);
    QFETCH(QString, outcome);
    QFETCH(QString, expectedText);

    MainWindow window(MainWindow::Mode::Sandbox);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *number = window.findChild<QLineEdit *>();
    StatusModel *status = window.statusModel();
    QVERIFY(number && status);
    QCOMPARE(QApplication::focusWidget(), number);

    QSignalSpy finished(window.dialClient(), &DialClient::finished);
    QTest::keyClicks(number, typed);
    QTest::keyClick(number, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(window.sandbox()->requestCount(), 1);
    QTRY_VERIFY(status->index(0, 0).data(StatusModel::OutcomeRole) != QLatin1String("calling"));
    QCOMPARE(status->rowCount(), 1);
    QCOMPARE(status->index(0, 0).data(StatusModel::OutcomeRole).toString(), outcome);
    QVERIFY2(status->index(0, 0).data(StatusModel::DetailsRole).toString().contains(expectedText),
             qPrintable(status->index(0, 0).data(StatusModel::DetailsRole).toString()));
}

void TestMainWindow::dialButtonDialsV2()
{
    MainWindow window(MainWindow::Mode::Sandbox);
    window.show();
    auto *accounts = window.findChild<QComboBox *>();
    auto *number = window.findChild<QLineEdit *>();
    auto *button = window.findChild<QPushButton *>();
    StatusModel *status = window.statusModel();
    accounts->setCurrentIndex(1);
    QVERIFY(accounts->currentText().contains(QLatin1String("v2")));
    QTest::keyClicks(number, QStringLiteral("13800000215"));
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status->index(0, 0).data(StatusModel::OutcomeRole).toString(),
                              QStringLiteral("refused"), 10000);
    QCOMPARE(status->rowCount(), 1);
    QCOMPARE(window.sandbox()->requestCount(), 1);
    QVERIFY(status->index(0, 0)
                .data(StatusModel::DetailsRole)
                .toString()
                .contains(QLatin1String("iot.vcs.overTheExperienceNumber")));
}

void TestMainWindow::invalidNumberSendsNothing()
{
    MainWindow window(MainWindow::Mode::Sandbox);
    window.show();
    auto *number = window.findChild<QLineEdit *>();
    StatusModel *status = window.statusModel();
    QTest::keyClicks(number, QStringLiteral("12345"));
    QTest::keyClick(number, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(status->rowCount(), 1, 5000);
    QCOMPARE(status->index(0, 0).data(StatusModel::OutcomeRole).toString(), QStringLiteral("not_sent"));
    QCOMPARE(window.sandbox()->requestCount(), 0);
}

void TestMainWindow::screenshot()
{
    MainWindow window(MainWindow::Mode::Sandbox);
    window.resize(900, 520);
    window.show();
    auto *number = window.findChild<QLineEdit *>();
    StatusModel *status = window.statusModel();
    for (const char *typed : {"138 0013 8000", "13800000101", "12345"}) {
        number->clear();
        QTest::keyClicks(number, QString::fromLatin1(typed));
        const int before = status->rowCount();
        QTest::keyClick(number, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(status->rowCount() == before + 1 &&
                                     status->index(0, 0).data(StatusModel::OutcomeRole) !=
                                         QLatin1String("calling"),
                                 10000);
    }
    QDir().mkpath(QStringLiteral("screenshots"));
    QVERIFY(window.grab().save(QStringLiteral("screenshots/main-window.png")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
