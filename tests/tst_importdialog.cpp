// ImportDialog on the offscreen platform with a real database file: the preview's counts and rows,
// an import that writes and makes the window reload, Cancel in the middle of a write that leaves
// the database as it was, and the column mapping of an unknown CSV.
#include "ImportDialog.h"
#include "MainWindow.h"
#include "TestEnvironment.h"
#include "contacts/ContactModel.h"
#include "contacts/ContactStore.h"
#include "services/AppServices.h"
#include "storage/Database.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace onedial;

namespace {

QPushButton *button(const ImportDialog &dialog, const QString &text)
{
    for (QPushButton *candidate : dialog.findChildren<QPushButton *>()) {
        if (candidate->text().remove(QLatin1Char('&')) == text)
            return candidate;
    }
    return nullptr;
}

QString text(const ImportDialog &dialog, const char *name)
{
    const auto *label = dialog.findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QString();
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void previewShowsCountsAndProblems();
    void importWrites();
    void previewShowsLabelsInTheUsersLanguage();
    void cancelDuringWriteWritesNothing();
    void unknownColumnsAreMapped();
    void windowMenuImportsAndRefreshes();

private:
    qint64 storedCount() const
    {
        Database database(m_path);
        return database.open().ok() ? ContactStore(database).count() : -1;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestImportDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("onedial.sqlite"));
    Database database(m_path);
    QVERIFY(database.open().ok());
}

void TestImportDialog::cleanup()
{
    m_dir.reset();
}

void TestImportDialog::previewShowsCountsAndProblems()
{
    ImportDialog dialog(m_path);
    dialog.show();
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    dialog.setFile(test::importSamplePath("outlook.csv"));
    QVERIFY(ready.wait(10000));
    QCOMPARE(text(dialog, "counts"), QStringLiteral("New: 3    Merged: 0    Skipped: 1    Invalid: 2"));
    const auto *issues = dialog.findChild<QTableWidget *>(QStringLiteral("issues"));
    QCOMPARE(issues->rowCount(), 4);
    QCOMPARE(issues->item(0, 0)->text(), QStringLiteral("Lisa M. Chen (line 4)"));
    QCOMPARE(issues->item(0, 1)->text(), QStringLiteral("Number left out"));
    QCOMPARE(issues->item(1, 0)->text(), QStringLiteral("Nobody Without-Number (line 5)"));
    QCOMPARE(issues->item(1, 2)->text(), QStringLiteral("It has no phone number."));
    const auto *firstRows = dialog.findChild<QTableWidget *>(QStringLiteral("firstRows"));
    QCOMPARE(firstRows->rowCount(), 3);
    QCOMPARE(firstRows->item(0, 0)->text(), QStringLiteral("王小明"));
    QVERIFY(firstRows->item(0, 2)->text().contains(QStringLiteral("138 0013 8000")));
    // The CSV's columns are shown as recognised.
    QVERIFY(dialog.findChild<QTableWidget *>(QStringLiteral("columns"))->isVisible());
    QVERIFY(button(dialog, QStringLiteral("Import"))->isEnabled());
    QCOMPARE(storedCount(), 0); // a preview writes nothing

    // Skipping instead of merging is a new preview of the same file.
    auto *duplicates = dialog.findChildren<QComboBox *>().at(2);
    duplicates->setCurrentIndex(1);
    QVERIFY(ready.wait(10000));
    QCOMPARE(dialog.plan().skippedCount, 1);
}

void TestImportDialog::importWrites()
{
    // The English plurals, as the app installs them.
    QTranslator english;
    QVERIFY(english.load(QLocale(QLocale::English), QStringLiteral("onedial"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&english);
    const auto uninstall = qScopeGuard([&english] { QCoreApplication::removeTranslator(&english); });
    ImportDialog dialog(m_path);
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    dialog.setFile(test::importSamplePath("android.vcf"));
    QVERIFY(ready.wait(10000));
    QCOMPARE(text(dialog, "counts"), QStringLiteral("New: 2    Merged: 0    Skipped: 1    Invalid: 1"));
    button(dialog, QStringLiteral("Import"))->click();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).value<ImportOutcome::Status>(), ImportOutcome::Status::Done);
    QCOMPARE(storedCount(), 2);
    QVERIFY2(text(dialog, "status").startsWith(QStringLiteral("Imported: 2 new contacts, ")),
             qPrintable(text(dialog, "status")));
    QVERIFY(!button(dialog, QStringLiteral("Import"))->isEnabled()); // not twice
}

void TestImportDialog::previewShowsLabelsInTheUsersLanguage()
{
    // Labels are stored as the same words in every language ("mobile") and shown translated.
    QTranslator chinese;
    QVERIFY(chinese.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("onedial"),
                         QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&chinese);
    const auto uninstall = qScopeGuard([&chinese] { QCoreApplication::removeTranslator(&chinese); });
    ImportDialog dialog(m_path);
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    dialog.setFile(test::importSamplePath("android.vcf"));
    QVERIFY(ready.wait(10000));
    const auto *firstRows = dialog.findChild<QTableWidget *>(QStringLiteral("firstRows"));
    QVERIFY(firstRows);
    const QString numbers = firstRows->item(0, 2)->text();
    QVERIFY2(numbers.startsWith(QStringLiteral("手机：138 0013 8001, ")), qPrintable(numbers));
    QVERIFY2(!numbers.contains(QStringLiteral("mobile")), qPrintable(numbers));
}

void TestImportDialog::cancelDuringWriteWritesNothing()
{
    const QString path = m_dir->filePath(QStringLiteral("many.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name,phone\n");
    for (int i = 0; i < 3000; ++i)
        file.write(QStringLiteral("客户%1,1390000%2\n").arg(i).arg(i, 4, 10, QLatin1Char('0')).toUtf8());
    file.close();

    ImportDialog dialog(m_path);
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    // The worker stops after its first written chunk until the test has clicked Cancel, so the
    // cancel lands in the middle of the write whatever the machine's speed.
    QSemaphore reached, proceed;
    dialog.setProgressHookForTests([&](ContactImporter::Phase phase, qint64 done, qint64) {
        if (phase == ContactImporter::Phase::Writing && done == ContactImporter::kWriteChunk) {
            reached.release();
            proceed.acquire();
        }
    });
    dialog.setFile(path);
    QVERIFY(ready.wait(10000));
    QCOMPARE(dialog.plan().newCount, 3000);
    button(dialog, QStringLiteral("Import"))->click();
    QVERIFY(reached.tryAcquire(1, 10000)); // the worker needs nothing from this thread to get there
    QVERIFY(dialog.isBusy());
    button(dialog, QStringLiteral("Cancel"))->click();
    proceed.release();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).value<ImportOutcome::Status>(), ImportOutcome::Status::Cancelled);
    QCOMPARE(text(dialog, "status"), QStringLiteral("Import cancelled. Nothing was changed."));
    QCOMPARE(storedCount(), 0);
}

void TestImportDialog::unknownColumnsAreMapped()
{
    const QString path = m_dir->filePath(QStringLiteral("crm.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QStringLiteral("客户名称,城市,联系方式\n华信科技,深圳,0755 2800 0003\n远航贸易,北京,13800138000\n")
            .toUtf8());
    file.close();

    ImportDialog dialog(m_path);
    dialog.show();
    QSignalSpy ready(&dialog, &ImportDialog::previewReady);
    dialog.setFile(path);
    auto *columns = dialog.findChild<QTableWidget *>(QStringLiteral("columns"));
    QTRY_COMPARE_WITH_TIMEOUT(columns->rowCount(), 3, 10000);
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(ready.count(), 0); // no preview until the columns are known
    QVERIFY(!button(dialog, QStringLiteral("Import"))->isEnabled());
    QCOMPARE(columns->item(0, 1)->text(), QStringLiteral("华信科技"));

    const auto roleBox = [columns](int row) {
        return qobject_cast<QComboBox *>(columns->cellWidget(row, 2));
    };
    roleBox(0)->setCurrentIndex(roleBox(0)->findData(int(CsvColumn::Role::Name)));
    QTRY_VERIFY(!dialog.isBusy());
    roleBox(2)->setCurrentIndex(roleBox(2)->findData(int(CsvColumn::Role::Phone)));
    QVERIFY(ready.wait(10000));
    QCOMPARE(text(dialog, "counts"), QStringLiteral("New: 2    Merged: 0    Skipped: 0    Invalid: 0"));
    QCOMPARE(dialog.plan().newContacts.at(0).name, QStringLiteral("华信科技"));
}

void TestImportDialog::windowMenuImportsAndRefreshes()
{
    test::TestEnvironment env;
    env.applyToThisProcess();
    AppServices services({.sandbox = true, .databasePath = {}});
    MainWindow window(services);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(!window.contactModel()->isLoading());
    QCOMPARE(window.contactModel()->totalCount(), 0);

    QAction *import = nullptr;
    QAction *exportAction = nullptr;
    for (QAction *action : window.menuBar()->actions().first()->menu()->actions()) {
        if (action->text() == QStringLiteral("&Import contacts…"))
            import = action;
        if (action->text() == QStringLiteral("&Export contacts…"))
            exportAction = action;
    }
    if (!import || !exportAction)
        QFAIL("the File menu has no Import contacts or Export contacts action");
    import->trigger();
    auto *dialog = window.findChild<ImportDialog *>();
    QVERIFY(dialog);
    QSignalSpy ready(dialog, &ImportDialog::previewReady);
    dialog->setFile(test::importSamplePath("iphone.vcf"));
    QVERIFY(ready.wait(10000));
    button(*dialog, QStringLiteral("Import"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(window.contactModel()->totalCount(), 3, 10000);
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
