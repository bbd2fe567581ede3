// `onedial contacts import` and `onedial contacts export`, run as the real executable in a
// throw-away XDG tree: the counts on standard output, every unusable row with its line on standard
// error, exit statuses, --dry-run and --duplicates, column mappings, and a round trip.
#include "TestEnvironment.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <utility>

using onedial::test::importSamplePath;
using onedial::test::ProcessResult;
using onedial::test::TestEnvironment;

namespace {

QByteArray describe(const ProcessResult &run)
{
    return "exit " + QByteArray::number(run.exitCode) + (run.crashed ? " (crashed/timed out)" : "") +
           "\nstdout: " + run.out + "\nstderr: " + run.err;
}

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void importsWithCountsAndReasons();
    void dryRunWritesNothing();
    void duplicatesSkipOrMerge();
    void gbkCsvWithEncodingOverride();
    void unknownColumnsNeedMapping();
    void usageAndUnreadableFiles_data();
    void usageAndUnreadableFiles();
    void nothingImportable();
    void exportThenImportRoundTrip_data();
    void exportThenImportRoundTrip();
    void helpNamesImportAndExport();

private:
    ProcessResult run(const QStringList &arguments) { return m_env->runOnedial(arguments); }
    QJsonArray contacts();

    std::unique_ptr<TestEnvironment> m_env;
};

void TestCliImport::initTestCase()
{
    QVERIFY2(!TestEnvironment::onedialExecutable().isEmpty(), "ONEDIAL_EXECUTABLE is not set");
}

void TestCliImport::init()
{
    m_env = std::make_unique<TestEnvironment>();
    QVERIFY(m_env->isValid());
}

QJsonArray TestCliImport::contacts()
{
    const ProcessResult listed =
        run({QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--json")});
    if (listed.exitCode != 0)
        qWarning() << describe(listed);
    return QJsonDocument::fromJson(listed.out).array();
}

void TestCliImport::importsWithCountsAndReasons()
{
    const ProcessResult imported =
        run({QStringLiteral("contacts"), QStringLiteral("import"), importSamplePath("outlook.csv")});
    QVERIFY2(imported.exitCode == 0, describe(imported));
    const QString out = QString::fromUtf8(imported.out);
    QVERIFY2(out.contains(QStringLiteral("(CSV, UTF-8): 3 new, 0 merged, 1 skipped, 2 invalid.")),
             describe(imported));
    QVERIFY(
        out.contains(QStringLiteral("Imported. New contacts: 3; rows merged into existing contacts: 0.")));
    const QStringList errors = QString::fromUtf8(imported.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(errors.size(), 4);
    QVERIFY(errors.at(0).startsWith(QStringLiteral("line 4: a number left out: ")));
    QCOMPARE(errors.at(1), QStringLiteral("line 5: not imported: It has no phone number."));
    QVERIFY(errors.at(2).startsWith(QStringLiteral("line 6: skipped: ")));
    QVERIFY(errors.at(3).startsWith(QStringLiteral("line 8: not imported: ")));

    const QJsonArray list = contacts();
    QCOMPARE(list.size(), 3);
    QStringList names;
    for (const QJsonValue contact : list)
        names << contact.toObject().value(QStringLiteral("name")).toString();
    QStringList expected{QStringLiteral("Lisa M. Chen"), QStringLiteral("王小明"),
                         QStringLiteral("北京远航贸易有限公司")};
    names.sort();
    expected.sort();
    QCOMPARE(names, expected);
}

void TestCliImport::dryRunWritesNothing()
{
    const ProcessResult dry = run({QStringLiteral("contacts"), QStringLiteral("import"),
                                   importSamplePath("iphone.vcf"), QStringLiteral("--dry-run")});
    QVERIFY2(dry.exitCode == 0, describe(dry));
    QVERIFY(dry.out.contains("(vCard, UTF-8): 3 new, 0 merged, 0 skipped, 1 invalid."));
    QVERIFY(dry.out.contains("Dry run: nothing was written."));
    QVERIFY(contacts().isEmpty());
}

void TestCliImport::duplicatesSkipOrMerge()
{
    QVERIFY(run({QStringLiteral("contacts"), QStringLiteral("import"), importSamplePath("android.vcf")})
                .exitCode == 0);
    // Google's 张伟 shares 李娜's mobile.
    const ProcessResult skipped =
        run({QStringLiteral("contacts"), QStringLiteral("import"), importSamplePath("google.csv"),
             QStringLiteral("--duplicates"), QStringLiteral("skip"), QStringLiteral("--dry-run")});
    QVERIFY2(skipped.out.contains(": 1 new, 0 merged, 1 skipped, 2 invalid."), describe(skipped));
    const ProcessResult merged =
        run({QStringLiteral("contacts"), QStringLiteral("import"), importSamplePath("google.csv")});
    QVERIFY2(merged.out.contains(": 1 new, 1 merged, 0 skipped, 2 invalid."), describe(merged));
    const QJsonArray list = contacts();
    QCOMPARE(list.size(), 3);
    for (const QJsonValue value : list) {
        const QJsonObject contact = value.toObject();
        if (contact.value(QStringLiteral("name")).toString() == QStringLiteral("李娜"))
            QCOMPARE(contact.value(QStringLiteral("numbers")).toArray().size(), 5);
    }
}

void TestCliImport::gbkCsvWithEncodingOverride()
{
    const ProcessResult detected = run({QStringLiteral("contacts"), QStringLiteral("import"),
                                        importSamplePath("excel-gbk.csv"), QStringLiteral("--dry-run")});
    // 孙丽 has 陈静's mobile: her landline is merged into 陈静.
    QVERIFY2(detected.out.contains("(CSV, GB18030): 2 new, 1 merged, 0 skipped, 1 invalid."),
             describe(detected));
    // The same file forced through UTF-8 has no header OneDial knows: told, exit 2.
    const ProcessResult forced =
        run({QStringLiteral("contacts"), QStringLiteral("import"), importSamplePath("excel-gbk.csv"),
             QStringLiteral("--encoding"), QStringLiteral("UTF-8")});
    QCOMPARE(forced.exitCode, 2);
    QVERIFY(forced.err.contains("--columns"));
    const ProcessResult gbk =
        run({QStringLiteral("contacts"), QStringLiteral("import"), importSamplePath("excel-gbk.csv"),
             QStringLiteral("--encoding"), QStringLiteral("GBK")});
    QVERIFY2(gbk.exitCode == 0, describe(gbk));
    QCOMPARE(contacts().size(), 2);
}

void TestCliImport::unknownColumnsNeedMapping()
{
    const QString path = m_env->home() + QStringLiteral("/crm.csv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QStringLiteral("客户名称,城市,联系方式\n华信科技,深圳,0755 2800 0003\n远航贸易,北京,13800138000\n")
            .toUtf8());
    file.close();
    const ProcessResult unknown = run({QStringLiteral("contacts"), QStringLiteral("import"), path});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("客户名称, 城市, 联系方式"), describe(unknown));
    const ProcessResult mapped = run({QStringLiteral("contacts"), QStringLiteral("import"), path,
                                      QStringLiteral("--columns"), QStringLiteral("name,ignore,phone")});
    QVERIFY2(mapped.exitCode == 0, describe(mapped));
    QVERIFY(mapped.out.contains(": 2 new, 0 merged, 0 skipped, 0 invalid."));
    const ProcessResult badRole = run({QStringLiteral("contacts"), QStringLiteral("import"), path,
                                       QStringLiteral("--columns"), QStringLiteral("name,town,phone")});
    QCOMPARE(badRole.exitCode, 2);
    QVERIFY(badRole.err.contains("\"town\""));
}

void TestCliImport::usageAndUnreadableFiles_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("said");
    const QString missing = QStringLiteral("/nonexistent/contacts.vcf");
    QTest::newRow("no file") << QStringList{QStringLiteral("contacts"), QStringLiteral("import")}
                             << QByteArray("Name one file");
    QTest::newRow("missing file") << QStringList{QStringLiteral("contacts"), QStringLiteral("import"),
                                                 missing}
                                  << QByteArray("cannot be read");
    QTest::newRow("bad format") << QStringList{QStringLiteral("contacts"), QStringLiteral("import"),
                                               importSamplePath("outlook.csv"), QStringLiteral("--format"),
                                               QStringLiteral("xls")}
                                << QByteArray("--format takes vcf or csv");
    QTest::newRow("bad encoding") << QStringList{QStringLiteral("contacts"), QStringLiteral("import"),
                                                 importSamplePath("outlook.csv"),
                                                 QStringLiteral("--encoding"), QStringLiteral("klingon")}
                                  << QByteArray("is not an encoding");
    QTest::newRow("bad duplicates") << QStringList{QStringLiteral("contacts"), QStringLiteral("import"),
                                                   importSamplePath("outlook.csv"),
                                                   QStringLiteral("--duplicates"), QStringLiteral("replace")}
                                    << QByteArray("merge or skip");
    QTest::newRow("export without a format")
        << QStringList{QStringLiteral("contacts"), QStringLiteral("export"), QStringLiteral("contacts.xlsx")}
        << QByteArray(".vcf or .csv");
    QTest::newRow("export to an unwritable place")
        << QStringList{QStringLiteral("contacts"), QStringLiteral("export"),
                       QStringLiteral("/nonexistent/x.vcf")}
        << QByteArray("cannot be written");
}

void TestCliImport::usageAndUnreadableFiles()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, said);
    const ProcessResult result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(said), describe(result));
}

void TestCliImport::nothingImportable()
{
    const QString path = m_env->home() + QStringLiteral("/bad.vcf");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("BEGIN:VCARD\nVERSION:3.0\nFN:Nobody\nTEL:12345\nEND:VCARD\n");
    file.close();
    const ProcessResult result = run({QStringLiteral("contacts"), QStringLiteral("import"), path});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("line 1: not imported: "), describe(result));
    QVERIFY(result.err.contains("Nothing in"));
    QVERIFY(contacts().isEmpty());
}

void TestCliImport::exportThenImportRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("vcf") << QStringLiteral("out.vcf") << QStringList{};
    QTest::newRow("csv") << QStringLiteral("out.csv") << QStringList{};
    QTest::newRow("csv by --format") << QStringLiteral("out.txt")
                                     << QStringList{QStringLiteral("--format"), QStringLiteral("csv")};
}

void TestCliImport::exportThenImportRoundTrip()
{
    QFETCH(QString, file);
    QFETCH(QStringList, extra);
    QVERIFY(run({QStringLiteral("contacts"), QStringLiteral("import"), importSamplePath("iphone.vcf")})
                .exitCode == 0);
    QVERIFY(run({QStringLiteral("contacts"), QStringLiteral("import"), importSamplePath("android.vcf")})
                .exitCode == 0);
    const QJsonArray before = contacts();
    QCOMPARE(before.size(), 5);

    const QString path = m_env->home() + QLatin1Char('/') + file;
    const ProcessResult exported =
        run(QStringList{QStringLiteral("contacts"), QStringLiteral("export"), path} + extra);
    QVERIFY2(exported.exitCode == 0, describe(exported));
    // "%n contact(s)" in the source; the English translation gives its plural.
    QVERIFY2(exported.out.contains("Exported 5 contacts to "), describe(exported));

    // Into a fresh profile: the same contacts (ids aside). The first profile holds the file.
    const std::unique_ptr<TestEnvironment> first = std::exchange(m_env, std::make_unique<TestEnvironment>());
    const ProcessResult imported =
        run(QStringList{QStringLiteral("contacts"), QStringLiteral("import"), path} + extra);
    QVERIFY2(imported.exitCode == 0, describe(imported));
    QVERIFY(imported.out.contains(": 5 new, 0 merged, 0 skipped, 0 invalid."));
    QVERIFY(imported.err.isEmpty());
    QJsonArray after = contacts();
    QJsonArray expected = before;
    for (QJsonArray *list : {&after, &expected}) {
        for (qsizetype i = 0; i < list->size(); ++i) {
            QJsonObject contact = list->at(i).toObject();
            contact.remove(QStringLiteral("id"));
            list->replace(i, contact);
        }
    }
    QCOMPARE(after, expected);
}

void TestCliImport::helpNamesImportAndExport()
{
    const ProcessResult help = run({QStringLiteral("--help")});
    QVERIFY(help.out.contains("onedial contacts import FILE"));
    QVERIFY(help.out.contains("onedial contacts export FILE"));
    const ProcessResult importHelp =
        run({QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("--help")});
    QCOMPARE(importHelp.exitCode, 0);
    QVERIFY(importHelp.out.contains("--duplicates"));
}

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
