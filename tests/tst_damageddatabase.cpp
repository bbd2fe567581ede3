// A contacts database OneDial cannot use: the window still opens, says so, dials numbers and
// leaves the file untouched. A damaged file is set aside on request (kept, renamed) for an empty
// one; a file OneDial may not write is opened again once the user has fixed its permissions.
#include "DialController.h"
#include "MainWindow.h"
#include "StatusModel.h"
#include "TestEnvironment.h"
#include "contacts/ContactModel.h"
#include "contacts/ContactStore.h"
#include "onenet/SandboxServer.h"
#include "services/AppServices.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QTest>
#include <QThreadPool>

using namespace onedial;

class TestDamagedDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowOpensAndOffersAFix();
    void readOnlyFileIsOpenedAgainOnceWritable();

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

    AppServices services({.sandbox = true, .databasePath = {}});
    MainWindow window(services);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.services().databaseStatus().error, StorageError::Corrupt);
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
    QVERIFY(window.services().databaseStatus().ok());
    QVERIFY(!banner->isVisible());
    const QStringList aside = QDir(QFileInfo(path).absolutePath())
                                  .entryList({QStringLiteral("onedial.sqlite.unusable-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QFile kept(QFileInfo(path).absolutePath() + QLatin1Char('/') + aside.first());
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage);
    QVERIFY(window.services().contacts());
    QCOMPARE(window.services().contacts()->count(), 0);
}

namespace {

template<typename Widget> Widget *byAccessibleName(QWidget *window, const QString &name)
{
    for (Widget *widget : window->findChildren<Widget *>()) {
        if (widget->accessibleName() == name)
            return widget;
    }
    return nullptr;
}

// Makes the file unwritable to this process, or says why it cannot. Root may write to any file
// whatever its mode, but not to one marked immutable (chattr +i, ext4 and most Linux file systems).
bool makeUnwritable(const QString &path, bool unwritable, QString *why)
{
    if (!test::isSuperUser()) {
        const QFile::Permissions readable = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
        return QFile::setPermissions(path, unwritable ? readable : readable | QFile::WriteOwner);
    }
    QProcess chattr;
    chattr.start(QStringLiteral("chattr"), {unwritable ? QStringLiteral("+i") : QStringLiteral("-i"), path});
    if (!chattr.waitForFinished(10000) || chattr.exitStatus() != QProcess::NormalExit ||
        chattr.exitCode() != 0) {
        *why = QStringLiteral("chattr cannot mark the file immutable here: ") +
               QString::fromLocal8Bit(chattr.readAllStandardError()) + chattr.errorString();
        return false;
    }
    return true;
}

} // namespace

void TestDamagedDatabase::readOnlyFileIsOpenedAgainOnceWritable()
{
    m_env.applyToThisProcess();
    const QString path = Database::defaultPath();
    // A fresh folder: the previous test's contact loader may still hold its file and journal.
    QThreadPool::globalInstance()->waitForDone();
    QVERIFY(QDir(QFileInfo(path).absolutePath()).removeRecursively());
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    {
        Database database(path);
        QVERIFY(database.open().ok());
        Contact contact;
        contact.name = QStringLiteral("王小明");
        contact.numbers << ContactNumber{{}, QStringLiteral("13800138000"), {}};
        QVERIFY(ContactStore(database).add(contact).ok());
    }
    QString why;
    if (!makeUnwritable(path, true, &why))
        QSKIP(qPrintable(why));
    const auto restore = qScopeGuard([&] { makeUnwritable(path, false, &why); });
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray before = original.readAll();
    original.close();

    AppServices services({.sandbox = true, .databasePath = {}});
    MainWindow window(services);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.services().databaseStatus().error, StorageError::ReadOnly);
    auto *banner = byAccessibleName<QLabel>(&window, QStringLiteral("Database problem"));
    QVERIFY(banner && banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1String("Check the permissions")), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QDir::toNativeSeparators(path)));
    // A file OneDial may not write is not offered for setting aside: it is not damaged.
    auto *setAside =
        byAccessibleName<QPushButton>(&window, QStringLiteral("Set the unusable database aside"));
    QVERIFY(setAside && !setAside->isVisible());
    auto *retry = byAccessibleName<QPushButton>(&window, QStringLiteral("Open the database again"));
    QVERIFY(retry && retry->isVisible());

    // Trying again before the cause is fixed changes nothing.
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(window.services().databaseStatus().error, StorageError::ReadOnly);
    QVERIFY(banner->isVisible());
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), before);
    original.close();

    // The user fixes the permissions and tries again: the contacts come back.
    QVERIFY(makeUnwritable(path, false, &why));
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY2(window.services().databaseStatus().ok(), qPrintable(window.services().databaseStatus().message));
    QVERIFY(!banner->isVisible());
    QVERIFY(!retry->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(window.contactModel()->rowCount(), 1, 10000);
    QCOMPARE(window.contactModel()->index(0, 0).data().toString(), QStringLiteral("王小明"));
}

QTEST_MAIN(TestDamagedDatabase)
#include "tst_damageddatabase.moc"
