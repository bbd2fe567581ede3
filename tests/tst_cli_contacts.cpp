// The command-line contract of `onedial contacts` and `onedial history`: the real onedial
// executable in a throw-away XDG tree, its built-in sandbox for dials. Exit statuses, JSON shapes,
// nothing stored after a bad number, and every dial in the history, newest first.
#include "TestEnvironment.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using onedial::test::ProcessResult;
using onedial::test::TestEnvironment;

namespace {

QByteArray describe(const ProcessResult &run)
{
    return "exit " + QByteArray::number(run.exitCode) + (run.crashed ? " (crashed/timed out)" : "") +
           "\nstdout: " + run.out + "\nstderr: " + run.err;
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

} // namespace

class TestCliContacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void helpNamesTheCommands();
    void addAndListJson();
    void badNumberStoresNothing_data();
    void badNumberStoresNothing();
    void listTextAndSearch();
    void dialIsInTheHistory();
    void historyNewestFirstWithLimit();
    void historyKeepsDialsThatWereNotSent();
    void historyOptionsAreChecked_data();
    void historyOptionsAreChecked();
    void damagedDatabaseIsReportedAndKept();
    void controlAndBidiCharactersNeverReachTheTerminal();

private:
    ProcessResult run(const QStringList &arguments);
    QJsonArray jsonOf(const QStringList &arguments);
    QString databasePath() const { return m_env->dataHome() + QStringLiteral("/onedial/onedial.sqlite"); }

    std::unique_ptr<TestEnvironment> m_env;
};

void TestCliContacts::initTestCase()
{
    QVERIFY2(QFileInfo(TestEnvironment::onedialExecutable()).isExecutable(), "ONEDIAL_EXECUTABLE is not set");
}

void TestCliContacts::init()
{
    m_env = std::make_unique<TestEnvironment>();
    QVERIFY(m_env->isValid());
}

ProcessResult TestCliContacts::run(const QStringList &arguments)
{
    return m_env->runOnedial(arguments);
}

QJsonArray TestCliContacts::jsonOf(const QStringList &arguments)
{
    const ProcessResult result = run(arguments);
    if (result.exitCode != 0 || result.crashed) {
        qWarning().noquote() << describe(result);
        return {};
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray()) {
        qWarning().noquote() << "not a JSON array:" << result.out;
        return {};
    }
    return document.array();
}

void TestCliContacts::helpNamesTheCommands()
{
    const ProcessResult help = run({QStringLiteral("--help")});
    QVERIFY2(help.exitCode == 0, describe(help));
    QVERIFY(help.out.contains("onedial contacts add NAME NUMBER..."));
    QVERIFY(help.out.contains("onedial history"));
    const ProcessResult unknown = run({QStringLiteral("contacts"), QStringLiteral("frobnicate")});
    QVERIFY2(unknown.exitCode == 2, describe(unknown));
}

void TestCliContacts::addAndListJson()
{
    const ProcessResult add =
        run({QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("张三"),
             QStringLiteral("+86 138 0013 8000"), QStringLiteral("(0755) 2800 0003"),
             QStringLiteral("--company"), QStringLiteral("华信科技"), QStringLiteral("--favourite")});
    QVERIFY2(add.exitCode == 0, describe(add));
    QVERIFY(add.out.contains("138 0013 8000"));
    QVERIFY(QFile::exists(databasePath()));

    const QJsonArray contacts =
        jsonOf({QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(contacts.size(), 1);
    const QJsonObject zhang = contacts.first().toObject();
    QCOMPARE(sortedKeys(zhang),
             (QStringList{QStringLiteral("company"), QStringLiteral("favourite"), QStringLiteral("id"),
                          QStringLiteral("name"), QStringLiteral("notes"), QStringLiteral("numbers")}));
    QCOMPARE(zhang.value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
    QCOMPARE(zhang.value(QStringLiteral("company")).toString(), QStringLiteral("华信科技"));
    QCOMPARE(zhang.value(QStringLiteral("favourite")).toBool(), true);
    const QJsonArray numbers = zhang.value(QStringLiteral("numbers")).toArray();
    QCOMPARE(numbers.size(), 2);
    QCOMPARE(sortedKeys(numbers.at(0).toObject()),
             (QStringList{QStringLiteral("display"), QStringLiteral("label"), QStringLiteral("number")}));
    QCOMPARE(numbers.at(0).toObject().value(QStringLiteral("number")).toString(),
             QStringLiteral("8613800138000"));
    QCOMPARE(numbers.at(1).toObject().value(QStringLiteral("number")).toString(),
             QStringLiteral("075528000003"));
    QCOMPARE(numbers.at(1).toObject().value(QStringLiteral("display")).toString(),
             QStringLiteral("0755 2800 0003"));
}

void TestCliContacts::badNumberStoresNothing_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QByteArray>("reason");
    QTest::newRow("too short, after a good one")
        << QStringList{QStringLiteral("李四"), QStringLiteral("13900001234"), QStringLiteral("12345")}
        << QByteArray("12345");
    QTest::newRow("not a number") << QStringList{QStringLiteral("李四"), QStringLiteral("call me")}
                                  << QByteArray("has letters in it");
    QTest::newRow("letter O for a zero")
        << QStringList{QStringLiteral("李四"), QStringLiteral("13900001234"), QStringLiteral("138 0013 800O")}
        << QByteArray("has letters in it");
    QTest::newRow("extension") << QStringList{QStringLiteral("李四"),
                                              QString::fromUtf8("0755 2800 0003 转 99")}
                               << QByteArray("cannot dial extensions");
    QTest::newRow("abroad") << QStringList{QStringLiteral("Bob"), QStringLiteral("+1 650 253 0000")}
                            << QByteArray("not a Chinese number");
    QTest::newRow("no number") << QStringList{QStringLiteral("李四")} << QByteArray("at least one number");
    QTest::newRow("no name") << QStringList{} << QByteArray("at least one number");
}

void TestCliContacts::badNumberStoresNothing()
{
    QFETCH(QStringList, words);
    QFETCH(QByteArray, reason);
    const ProcessResult add = run(QStringList{QStringLiteral("contacts"), QStringLiteral("add")} + words);
    QVERIFY2(add.exitCode == 2, describe(add));
    QVERIFY2(add.err.contains(reason), describe(add));
    QVERIFY(add.out.isEmpty());
    QCOMPARE(jsonOf({QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--json")}),
             QJsonArray());
}

void TestCliContacts::listTextAndSearch()
{
    QVERIFY2(run({QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("张三"),
                  QStringLiteral("13800138000")})
                     .exitCode == 0,
             "add 张三");
    QVERIFY2(run({QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("李四"),
                  QStringLiteral("13900001234"), QStringLiteral("--favourite")})
                     .exitCode == 0,
             "add 李四");

    const ProcessResult list = run({QStringLiteral("contacts"), QStringLiteral("list")});
    QVERIFY2(list.exitCode == 0, describe(list));
    const QList<QByteArray> lines = list.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith("* 李四")); // the favourite, marked, on top
    QVERIFY(lines.at(1).contains("张三"));
    QVERIFY(lines.at(1).contains("138 0013 8000"));

    for (const char *query : {"zs", "zhangsan", "13800", "+86 138"}) {
        const QJsonArray found =
            jsonOf({QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--search"),
                    QString::fromUtf8(query), QStringLiteral("--json")});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
    }
    const ProcessResult none = run({QStringLiteral("contacts"), QStringLiteral("list"),
                                    QStringLiteral("--search"), QStringLiteral("nobody")});
    QVERIFY2(none.exitCode == 0, describe(none));
}

void TestCliContacts::dialIsInTheHistory()
{
    QVERIFY2(run({QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("张三"),
                  QStringLiteral("138 0013 8000")})
                     .exitCode == 0,
             "add 张三");
    QCOMPARE(jsonOf({QStringLiteral("history"), QStringLiteral("--json")}), QJsonArray());

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const ProcessResult dial = run({QStringLiteral("dial"), QStringLiteral("138-0013-8000"),
                                    QStringLiteral("--sandbox"), QStringLiteral("--json")});
    QVERIFY2(dial.exitCode == 0, describe(dial));
    const QJsonObject outcome = QJsonDocument::fromJson(dial.out).object();

    const QJsonArray history = jsonOf({QStringLiteral("history"), QStringLiteral("--json")});
    QCOMPARE(history.size(), 1);
    const QJsonObject record = history.first().toObject();
    QCOMPARE(sortedKeys(record),
             (QStringList{QStringLiteral("account"), QStringLiteral("call_id"), QStringLiteral("callee"),
                          QStringLiteral("code"), QStringLiteral("code_no"), QStringLiteral("duration_s"),
                          QStringLiteral("ok"), QStringLiteral("outcome"), QStringLiteral("reason"),
                          QStringLiteral("request_id"), QStringLiteral("status"), QStringLiteral("time")}));
    QCOMPARE(record.value(QStringLiteral("callee")).toString(), QStringLiteral("8613800138000"));
    QCOMPARE(record.value(QStringLiteral("account")).toString(), QStringLiteral("sandbox"));
    QCOMPARE(record.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(record.value(QStringLiteral("outcome")).toString(), QStringLiteral("accepted"));
    QCOMPARE(record.value(QStringLiteral("code_no")).toString(), QStringLiteral("000000"));
    QCOMPARE(record.value(QStringLiteral("call_id")).toString(),
             outcome.value(QStringLiteral("call_id")).toString());
    QVERIFY(!record.value(QStringLiteral("call_id")).toString().isEmpty());
    QCOMPARE(record.value(QStringLiteral("request_id")).toString(),
             outcome.value(QStringLiteral("request_id")).toString());
    QVERIFY(record.value(QStringLiteral("status")).isNull());
    QVERIFY(record.value(QStringLiteral("duration_s")).isNull());
    const QString time = record.value(QStringLiteral("time")).toString();
    QVERIFY2(time.endsWith(QLatin1Char('Z')), qPrintable(time));
    const QDateTime when = QDateTime::fromString(time, Qt::ISODate);
    QVERIFY(when.isValid());
    QVERIFY(when >= before && when <= QDateTime::currentDateTimeUtc());

    // The text listing names the contact the number belongs to.
    const ProcessResult text = run({QStringLiteral("history")});
    QVERIFY2(text.exitCode == 0, describe(text));
    QVERIFY(text.out.contains("8613800138000 (张三)"));
    QVERIFY(text.out.contains(outcome.value(QStringLiteral("call_id")).toString().toUtf8()));
}

void TestCliContacts::historyNewestFirstWithLimit()
{
    const ProcessResult accepted =
        run({QStringLiteral("dial"), QStringLiteral("13800138000"), QStringLiteral("--sandbox")});
    QVERIFY2(accepted.exitCode == 0, describe(accepted));
    const ProcessResult refused =
        run({QStringLiteral("dial"), QStringLiteral("13800000101"), QStringLiteral("--sandbox")});
    QVERIFY2(refused.exitCode == 1, describe(refused));

    const QJsonArray history = jsonOf({QStringLiteral("history"), QStringLiteral("--json")});
    QCOMPARE(history.size(), 2);
    const QJsonObject newest = history.at(0).toObject();
    QCOMPARE(newest.value(QStringLiteral("callee")).toString(), QStringLiteral("8613800000101"));
    QCOMPARE(newest.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(newest.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
    QCOMPARE(newest.value(QStringLiteral("code_no")).toString(), QStringLiteral("000001"));
    QVERIFY(newest.value(QStringLiteral("call_id")).isNull());
    QCOMPARE(history.at(1).toObject().value(QStringLiteral("ok")).toBool(), true);

    const QJsonArray limited = jsonOf({QStringLiteral("history"), QStringLiteral("--json"),
                                       QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(limited.size(), 1);
    QCOMPARE(limited.first(), history.first());

    const QJsonArray filtered =
        jsonOf({QStringLiteral("history"), QStringLiteral("138 0013 8000"), QStringLiteral("--json")});
    QCOMPARE(filtered.size(), 1);
    QCOMPARE(filtered.first(), history.at(1));
}

void TestCliContacts::historyKeepsDialsThatWereNotSent()
{
    // A number that cannot be dialled: nothing was sent, and the history says so.
    const ProcessResult dial =
        run({QStringLiteral("dial"), QStringLiteral("12345"), QStringLiteral("--sandbox")});
    QVERIFY2(dial.exitCode == 2, describe(dial));
    // Usage mistakes are not dials.
    QVERIFY2(run({QStringLiteral("dial")}).exitCode == 2, "dial without a number");
    QVERIFY2(run({QStringLiteral("dial"), QStringLiteral("13800138000"), QStringLiteral("--timeout"),
                  QStringLiteral("0")})
                     .exitCode == 2,
             "bad timeout");

    const QJsonArray history = jsonOf({QStringLiteral("history"), QStringLiteral("--json")});
    QCOMPARE(history.size(), 1);
    const QJsonObject record = history.first().toObject();
    QCOMPARE(record.value(QStringLiteral("outcome")).toString(), QStringLiteral("not_sent"));
    QCOMPARE(record.value(QStringLiteral("callee")).toString(), QStringLiteral("12345"));
    QCOMPARE(record.value(QStringLiteral("ok")).toBool(true), false);
}

void TestCliContacts::historyOptionsAreChecked_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("zero limit") << QStringList{QStringLiteral("--limit"), QStringLiteral("0")};
    QTest::newRow("word limit") << QStringList{QStringLiteral("--limit"), QStringLiteral("ten")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--since"), QStringLiteral("monday")};
    QTest::newRow("two filters") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
}

void TestCliContacts::historyOptionsAreChecked()
{
    QFETCH(QStringList, arguments);
    const ProcessResult history = run(QStringList{QStringLiteral("history")} + arguments);
    QVERIFY2(history.exitCode == 2, describe(history));
    QVERIFY(history.out.isEmpty());
    QVERIFY(!history.err.isEmpty());
}

void TestCliContacts::damagedDatabaseIsReportedAndKept()
{
    QVERIFY(QDir().mkpath(QFileInfo(databasePath()).absolutePath()));
    const QByteArray garbage =
        QByteArrayLiteral("these are not the contacts you are looking for\n").repeated(100);
    {
        QFile file(databasePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("history")},
          QStringList{QStringLiteral("contacts"), QStringLiteral("list")},
          QStringList{QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("张三"),
                      QStringLiteral("13800138000")}}) {
        const ProcessResult result = run(arguments);
        QVERIFY2(result.exitCode == 2, describe(result));
        QVERIFY2(result.err.contains("damaged"), describe(result));
    }
    // A dial still works; only its history entry could not be written, and the user is told.
    const ProcessResult dial =
        run({QStringLiteral("dial"), QStringLiteral("13800138000"), QStringLiteral("--sandbox")});
    QVERIFY2(dial.exitCode == 0, describe(dial));
    QVERIFY(dial.err.contains("not saved in the history"));

    QFile file(databasePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage);
}

void TestCliContacts::controlAndBidiCharactersNeverReachTheTerminal()
{
    const auto raw = [](const QByteArray &bytes) {
        // U+202E in UTF-8, ESC, BEL and U+009B (a C1 CSI) in UTF-8
        return bytes.contains("\xE2\x80\xAE") || bytes.contains('\x1B') || bytes.contains('\x07') ||
               bytes.contains("\xC2\x9B");
    };
    // contacts add cleans what it stores.
    const ProcessResult add =
        run({QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("\u202Eevil\u0007 name"),
             QStringLiteral("13800138000"), QStringLiteral("--company"), QStringLiteral("\u2066Acme\u2069"),
             QStringLiteral("--notes"), QStringLiteral("a\u001B[2Jb\nc")});
    QVERIFY2(add.exitCode == 0, describe(add));
    QVERIFY2(!raw(add.out) && !raw(add.err), describe(add));
    QVERIFY(add.out.contains("\"evil name\""));
    QJsonArray listed =
        jsonOf({QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("evil name"));
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("company")).toString(), QStringLiteral("Acme"));
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("notes")).toString(), QStringLiteral("a[2Jb\nc"));

    // Text an older OneDial stored raw is escaped where it is printed.
    const QString legacy = QStringLiteral("\u202Eold\u009B\nline");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("legacy"));
        db.setDatabaseName(databasePath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.prepare(QStringLiteral("UPDATE contacts SET name = ?, company = ?")));
        query.addBindValue(legacy);
        query.addBindValue(QStringLiteral("Co\u0007"));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("legacy"));
    const ProcessResult text = run({QStringLiteral("contacts"), QStringLiteral("list")});
    QVERIFY2(text.exitCode == 0, describe(text));
    QVERIFY2(!raw(text.out), describe(text));
    QVERIFY2(text.out.contains("\\u{202E}old\\u{9B}\\u{A}line  Co\\u{7}  138 0013 8000"), describe(text));
    QCOMPARE(text.out.count('\n'), 1); // one contact, one line
    const ProcessResult json =
        run({QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, describe(json));
    QVERIFY2(!raw(json.out), describe(json));
    QVERIFY2(json.out.contains("\\u202e"), describe(json));
    // The JSON escapes mean the same characters: a program reading it gets the stored text.
    listed = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("name")).toString(), legacy);

    // Words of the command line quoted back in a problem are escaped too.
    const ProcessResult unknown = run({QStringLiteral("contacts"), QStringLiteral("frob\u202E")});
    QVERIFY2(unknown.exitCode == 2, describe(unknown));
    QVERIFY2(!raw(unknown.err), describe(unknown));
    QVERIFY2(unknown.err.contains("\"frob\\u{202E}\""), describe(unknown));
}

QTEST_GUILESS_MAIN(TestCliContacts)
#include "tst_cli_contacts.moc"
