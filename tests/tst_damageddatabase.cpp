// A contacts database OneDial cannot read: the window still opens, says so, dials numbers, leaves
// the file untouched, and on request sets it aside (kept, renamed) and starts an empty one.
#include "DialController.h"
#include "MainWindow.h"
#include "StatusModel.h"
#include "TestEnvironment.h"
#include "onenet/SandboxServer.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace onedial;

class TestDamagedDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowOpensAndOffersAFix();

private:
    test::TestEnvironment m_env;
};

void TestDamagedDatabase::windowOpensAndOffersAFix()
{
    m_env.applyToThisProcess();
    const QString path = Database::defaultPath();
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    const QByteArray garbage = QByteArray("This is not a database. ").repeated(200);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }

    MainWindow window(MainWindow::Mode::Sandbox);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.controller()->databaseStatus().error, StorageError::Corrupt);
    QLabel *banner = nullptr;
    for (QLabel *label : window.findChildren<QLabel *>()) {
        if (label->accessibleName() == QLatin1String("Database problem"))
            banner = label;
    }
    QVERIFY(banner && banner->isVisible());
    QVERIFY(banner->text().contains(QLatin1String("dialling a number still works")));

    // Dialling a number works without the database.
    QLineEdit *number = nullptr;
    for (QLineEdit *edit : window.findChildren<QLineEdit *>()) {
        if (edit->accessibleName() == QLatin1String("Number to call"))
            number = edit;
    }
    QTest::keyClicks(number, QStringLiteral("13800138000"));
    QTest::keyClick(number, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusModel()->rowCount() == 1 &&
                                 window.statusModel()->index(0, 0).data(StatusModel::OutcomeRole) ==
                                     QLatin1String("accepted"),
                             10000);
    QCOMPARE(window.sandbox()->requestCount(), 1);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage); // untouched
    }

    QPushButton *fix = nullptr;
    for (QPushButton *button : window.findChildren<QPushButton *>()) {
        if (button->accessibleName() == QLatin1String("Set the unusable database aside"))
            fix = button;
    }
    QVERIFY(fix && fix->isVisible());
    QTest::mouseClick(fix, Qt::LeftButton);
    QVERIFY(window.controller()->databaseStatus().ok());
    QVERIFY(!banner->isVisible());
    const QStringList aside = QDir(QFileInfo(path).absolutePath())
                                  .entryList({QStringLiteral("onedial.sqlite.unusable-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QFile kept(QFileInfo(path).absolutePath() + QLatin1Char('/') + aside.first());
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage);
    QVERIFY(window.controller()->contacts());
    QCOMPARE(window.controller()->contacts()->count(), 0);
}

QTEST_MAIN(TestDamagedDatabase)
#include "tst_damageddatabase.moc"
