// Reading contact lists from CSV: the samples of Outlook, Google (both layouts) and a Chinese
// Excel (GBK), RFC 4180 quoting, separators, encodings and their detection, column mappings for
// other headers, and a writer whose files read back to the same contacts.
#include "TestEnvironment.h"
#include "contacts/ContactStore.h"
#include "contacts/PhoneLabels.h"
#include "importexport/ContactFile.h"
#include "importexport/CsvColumns.h"
#include "importexport/CsvParser.h"
#include "importexport/CsvWriter.h"
#include "importexport/TextEncoding.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStringEncoder>
#include <QTest>

using namespace onedial;

namespace {

ContactFileContents parseCsv(const QByteArray &bytes, const QString &encoding = {})
{
    ContactFileOptions options;
    options.format = ContactFileFormat::Csv;
    options.encoding = encoding;
    return ContactFile::parse(bytes, options);
}

ContactNumber number(const QString &label, const QString &text)
{
    return ContactNumber{label, text, {}};
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outlookExport();
    void googleExport();
    void google2024Export();
    void excelGbk();
    void rfc4180();
    void separators_data();
    void separators();
    void encodings_data();
    void encodings();
    void utf8Validation_data();
    void utf8Validation();
    void unknownHeaderNeedsMapping();
    void plainChineseHeaders();
    void numbersInOneCell();
    void hostileInputIsBounded();
    void writerRoundTrip();
    void formulaGuardCoversTabAndCarriageReturn();
    void controlAndBidiCharactersAreCleaned();
};

void TestCsvReader::outlookExport()
{
    const ContactFileContents contents = parseCsv(test::importSample("outlook.csv"));
    QVERIFY(contents.ok());
    QVERIFY(!contents.mappingNeeded);
    QCOMPARE(contents.read.encoding, QStringLiteral("UTF-8"));
    QVERIFY(contents.read.problems.isEmpty());
    const QList<ImportRecord> &records = contents.read.records;
    QCOMPARE(records.size(), 6);

    // Line 1 is the header; the first contact's notes hold a line break, so the next row is on 4.
    QCOMPARE(records.at(0).line, 2);
    const Contact &wang = records.at(0).contact;
    QCOMPARE(wang.name, QStringLiteral("王小明"));
    QCOMPARE(wang.company, QStringLiteral("深圳华信科技有限公司"));
    QCOMPARE(wang.notes,
             QStringLiteral("Met at the Canton Fair.\nPrefers calls after 2 pm, \"not\" mornings."));
    // In the file's column order: Business Fax, Business Phone, Mobile Phone.
    QCOMPARE(wang.numbers,
             (QList<ContactNumber>{number(PhoneLabels::fax(), QStringLiteral("0755-2800-0009")),
                                   number(PhoneLabels::work(), QStringLiteral("(0755) 2800 0003")),
                                   number(PhoneLabels::mobile(), QStringLiteral("+86 138 0013 8000"))}));

    QCOMPARE(records.at(1).line, 4);
    const Contact &lisa = records.at(1).contact;
    QCOMPARE(lisa.name, QStringLiteral("Lisa M. Chen"));
    QCOMPARE(lisa.company, QStringLiteral("Chen, Li & Partners"));
    QCOMPARE(lisa.numbers,
             (QList<ContactNumber>{number(PhoneLabels::home(), QStringLiteral("021 6888 1234")),
                                   number(PhoneLabels::mobile(), QStringLiteral("139-0000-1234")),
                                   number(PhoneLabels::other(), QStringLiteral("12345"))}));
    QCOMPARE(records.at(2).contact.name, QStringLiteral("Nobody Without-Number"));
    QVERIFY(records.at(2).contact.numbers.isEmpty());
    QCOMPARE(records.at(3).contact.name, QStringLiteral("刘丽"));
    // A company's row without a person: the company is the name.
    QCOMPARE(records.at(4).contact.name, QStringLiteral("北京远航贸易有限公司"));
    QCOMPARE(records.at(4).contact.numbers,
             QList<ContactNumber>{number(PhoneLabels::work(), QStringLiteral("010 6552 8888"))});
    QCOMPARE(records.at(5).contact.name, QStringLiteral("Peter Wu"));
}

void TestCsvReader::googleExport()
{
    const ContactFileContents contents = parseCsv(test::importSample("google.csv"));
    QVERIFY(!contents.mappingNeeded);
    const QList<ImportRecord> &records = contents.read.records;
    QCOMPARE(records.size(), 4);
    const Contact &zhang = records.at(0).contact;
    QCOMPARE(zhang.name, QStringLiteral("张伟"));
    QCOMPARE(zhang.company, QStringLiteral("深圳华信科技有限公司"));
    QCOMPARE(zhang.notes, QStringLiteral("老客户，周五下午联系"));
    // "* Mobile" is the primary mobile; " ::: " separates two numbers of one type.
    QCOMPARE(zhang.numbers,
             (QList<ContactNumber>{number(PhoneLabels::mobile(), QStringLiteral("+86 138 0013 8001")),
                                   number(PhoneLabels::mobile(), QStringLiteral("+86 137 0000 5678")),
                                   number(PhoneLabels::work(), QStringLiteral("0755-2800-0004"))}));
    const Contact &grace = records.at(1).contact;
    QCOMPARE(grace.name, QStringLiteral("Grace Zhou"));
    QCOMPARE(grace.numbers,
             (QList<ContactNumber>{number(PhoneLabels::home(), QStringLiteral("(020) 8888 1234")),
                                   number(QStringLiteral("司机"), QStringLiteral("186 0000 4321"))}));
    QVERIFY(records.at(2).contact.name.isEmpty()); // the importer reports it
    QCOMPARE(records.at(3).line, 5);
}

void TestCsvReader::google2024Export()
{
    const ContactFileContents contents = parseCsv(test::importSample("google-2024.csv"));
    QVERIFY(!contents.mappingNeeded);
    const QList<ImportRecord> &records = contents.read.records;
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).contact.name, QStringLiteral("李娜"));
    QCOMPARE(records.at(0).contact.company, QStringLiteral("广州远航贸易有限公司"));
    // The current layout's labels are kept as written (OneDial's own CSV has the same columns).
    QCOMPARE(records.at(0).contact.numbers,
             (QList<ContactNumber>{number(QStringLiteral("Mobile"), QStringLiteral("+86 186 0000 1111")),
                                   number(QStringLiteral("Work"), QStringLiteral("020-3888-1234"))}));
    QCOMPARE(records.at(1).contact.name, QStringLiteral("David Wang"));
    QCOMPARE(records.at(1).contact.notes, QStringLiteral("Line one\nLine two"));
    QCOMPARE(records.at(1).contact.numbers, QList<ContactNumber>{number({}, QStringLiteral("13900001111"))});
}

void TestCsvReader::excelGbk()
{
    const QByteArray bytes = test::importSample("excel-gbk.csv");
    QVERIFY(!TextEncoding::isValidUtf8(bytes));
    const ContactFileContents contents = parseCsv(bytes);
    QCOMPARE(contents.read.encoding, QStringLiteral("GB18030"));
    QCOMPARE(contents.header,
             (QStringList{QStringLiteral("姓名"), QStringLiteral("公司"), QStringLiteral("手机"),
                          QStringLiteral("办公电话"), QStringLiteral("备注")}));
    const QList<ImportRecord> &records = contents.read.records;
    QCOMPARE(records.size(), 4); // the empty ",,,," row is no contact
    QCOMPARE(records.at(0).contact.name, QStringLiteral("陈静"));
    QCOMPARE(records.at(0).contact.company, QStringLiteral("上海东方国际贸易有限公司"));
    QCOMPARE(records.at(0).contact.notes, QStringLiteral("年底续约"));
    QCOMPARE(records.at(0).contact.numbers,
             (QList<ContactNumber>{number(PhoneLabels::mobile(), QStringLiteral("13912345678")),
                                   number(PhoneLabels::work(), QStringLiteral("021-6888-0001"))}));
    QCOMPARE(records.at(1).contact.company, QStringLiteral("杭州云帆网络科技有限公司, 销售部"));
    QCOMPARE(records.at(1).contact.notes, QStringLiteral("重要客户\n需要月初回访"));
    QCOMPARE(records.at(2).line, 5);
    QCOMPARE(records.at(3).contact.name, QStringLiteral("周杰"));

    // Read as UTF-8 on purpose: the override is used (and the names come out garbled).
    const ContactFileContents forced = parseCsv(bytes, QStringLiteral("utf-8"));
    QCOMPARE(forced.read.encoding, QStringLiteral("UTF-8"));
    QVERIFY(forced.mappingNeeded); // the header itself is unreadable
    // GBK and GB2312 are names for the same reader.
    QCOMPARE(parseCsv(bytes, QStringLiteral("GBK")).read.records.value(0).contact.name,
             QStringLiteral("陈静"));
    QVERIFY(!parseCsv(bytes, QStringLiteral("no-such-encoding")).ok());
}

void TestCsvReader::rfc4180()
{
    QList<ImportIssue> problems;
    const QList<CsvRow> rows =
        CsvParser::parse(u"a,\"b,1\",\"c \"\"q\"\"\"\r\n\"multi\r\nline\",,x\"y\r\n\r\n\"lenient\"tail,last",
                         QChar(), &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).fields,
             (QStringList{QStringLiteral("a"), QStringLiteral("b,1"), QStringLiteral("c \"q\"")}));
    QCOMPARE(rows.at(0).line, 1);
    QCOMPARE(rows.at(1).fields,
             (QStringList{QStringLiteral("multi\nline"), QString(), QStringLiteral("x\"y")}));
    QCOMPARE(rows.at(1).line, 2);
    QCOMPARE(rows.at(2).fields, (QStringList{QStringLiteral("lenienttail"), QStringLiteral("last")}));
    QCOMPARE(rows.at(2).line, 5);

    // A quote never closed: reported on the line where its row starts; rows before it are kept.
    const QList<CsvRow> cut =
        CsvParser::parse(u"name,phone\n张三,13800138000\n李四,\"1390000", QChar(), &problems);
    QCOMPARE(cut.size(), 2);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).line, 3);
}

void TestCsvReader::separators_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QChar>("separator");
    QTest::newRow("comma") << QStringLiteral("name,phone\nA,1") << QChar(u',');
    QTest::newRow("semicolon (European Excel)")
        << QStringLiteral("name;phone;company\nA;1;B, C") << QChar(u';');
    QTest::newRow("tab (Unicode text)") << QStringLiteral("name\tphone\nA\t1") << QChar(u'\t');
    QTest::newRow("quoted commas do not count") << QStringLiteral("\"a,b,c\";phone\nA;1") << QChar(u';');
    QTest::newRow("Excel sep= line") << QStringLiteral("sep=;\nname,x;phone\nA;1") << QChar(u';');
    QTest::newRow("nothing") << QStringLiteral("name\nA") << QChar(u',');
}

void TestCsvReader::separators()
{
    QFETCH(QString, text);
    QFETCH(QChar, separator);
    QCOMPARE(CsvParser::detectSeparator(text), separator);
    if (text.startsWith(QLatin1String("sep="))) {
        const QList<CsvRow> rows = CsvParser::parse(text, QChar(), nullptr);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).line, 2);
        QCOMPARE(rows.at(0).fields, (QStringList{QStringLiteral("name,x"), QStringLiteral("phone")}));
    }
}

void TestCsvReader::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("detected");
    const QString text = QStringLiteral("姓名,手机\r\n张三,13800138000\r\n");
    QStringEncoder le(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    QStringEncoder be(QStringEncoder::Utf16BE, QStringEncoder::Flag::WriteBom);
    QStringEncoder gb("GB18030");
    QTest::newRow("UTF-8") << text.toUtf8() << QStringLiteral("UTF-8");
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF" + text.toUtf8()) << QStringLiteral("UTF-8");
    QTest::newRow("UTF-16LE BOM") << QByteArray(le.encode(text)) << QStringLiteral("UTF-16LE");
    QTest::newRow("UTF-16BE BOM") << QByteArray(be.encode(text)) << QStringLiteral("UTF-16BE");
    QTest::newRow("GB18030") << QByteArray(gb.encode(text)) << QStringLiteral("GB18030");
}

void TestCsvReader::encodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, detected);
    QCOMPARE(TextEncoding::detect(bytes), detected);
    const ContactFileContents contents = parseCsv(bytes);
    QCOMPARE(contents.read.encoding, detected);
    QCOMPARE(contents.header.value(0), QStringLiteral("姓名")); // no BOM left in the first header
    QCOMPARE(contents.read.records.value(0).contact.name, QStringLiteral("张三"));
    QCOMPARE(contents.read.records.value(0).contact.numbers.value(0).apiForm, QStringLiteral("13800138000"));
}

void TestCsvReader::utf8Validation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ascii") << QByteArray("abc") << true;
    QTest::newRow("chinese") << QStringLiteral("张三").toUtf8() << true;
    QTest::newRow("4-byte") << QStringLiteral("𠀀").toUtf8() << true;
    QTest::newRow("gbk 张三") << QByteArray("\xD5\xC5\xC8\xFD") << false;
    QTest::newRow("overlong /") << QByteArray("\xC0\xAF") << false;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::newRow("cut short") << QByteArray("\xE5\xBC") << false;
}

void TestCsvReader::utf8Validation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(TextEncoding::isValidUtf8(bytes), valid);
}

void TestCsvReader::unknownHeaderNeedsMapping()
{
    const QByteArray bytes =
        QStringLiteral(
            "客户名称,所在城市,联系方式,类型,联系方式2\n华信,深圳,13800138000,老板,0755 2800 0003\n")
            .toUtf8();
    const ContactFileContents unknown = parseCsv(bytes);
    QVERIFY(unknown.ok());
    QVERIFY(unknown.mappingNeeded);
    QVERIFY(unknown.read.records.isEmpty());
    QCOMPARE(unknown.header.size(), 5);
    QCOMPARE(unknown.firstRows.size(), 1);

    using Role = CsvColumn::Role;
    ContactFileOptions options;
    options.format = ContactFileFormat::Csv;
    options.mapping = CsvMapping{{Role::Name, {}, 0, false},
                                 {Role::Ignore, {}, 0, false},
                                 {Role::Phone, {}, 0, false},
                                 {Role::PhoneLabel, {}, 0, false},
                                 {Role::Phone, PhoneLabels::work(), 0, false}};
    const ContactFileContents mapped = ContactFile::parse(bytes, options);
    QVERIFY(!mapped.mappingNeeded);
    QCOMPARE(mapped.read.records.size(), 1);
    // A label column names the phone column to its right.
    QCOMPARE(mapped.read.records.at(0).contact.numbers,
             (QList<ContactNumber>{number({}, QStringLiteral("13800138000")),
                                   number(QStringLiteral("老板"), QStringLiteral("0755 2800 0003"))}));

    // Without a header row, every row is a contact.
    options.firstRowIsHeader = false;
    options.mapping =
        CsvMapping{{Role::Name, {}, 0, false}, {Role::Ignore, {}, 0, false}, {Role::Phone, {}, 0, false}};
    const ContactFileContents bare = ContactFile::parse(bytes, options);
    QCOMPARE(bare.read.records.size(), 2);
    QCOMPARE(bare.header.value(0), QStringLiteral("Column 1"));
    QCOMPARE(bare.read.records.at(1).line, 2);
}

void TestCsvReader::plainChineseHeaders()
{
    const ContactFileContents contents = parseCsv(QStringLiteral("姓名,电话\n张三,13800138000\n").toUtf8());
    QCOMPARE(contents.read.records.size(), 1);
    QCOMPARE(contents.read.records.at(0).contact.numbers,
             QList<ContactNumber>{number({}, QStringLiteral("13800138000"))});
    const ContactFileContents english =
        parseCsv("Name,Phone,Company,Notes\nZhang San,13800138000,Acme,VIP\n");
    QCOMPARE(english.read.records.at(0).contact.company, QStringLiteral("Acme"));
    QCOMPARE(english.read.records.at(0).contact.notes, QStringLiteral("VIP"));
    // Outlook zh-CN: 名/姓/单位/移动电话/商务电话/附注.
    const ContactFileContents outlookZh = parseCsv(
        QStringLiteral(
            "名,中间名,姓,单位,商务电话,移动电话,附注\n小明,,王,华信,0755 2800 0003,13800138000,备注\n")
            .toUtf8());
    const Contact &wang = outlookZh.read.records.value(0).contact;
    QCOMPARE(wang.name, QStringLiteral("王小明"));
    QCOMPARE(wang.company, QStringLiteral("华信"));
    QCOMPARE(wang.notes, QStringLiteral("备注"));
    QCOMPARE(wang.numbers,
             (QList<ContactNumber>{number(PhoneLabels::work(), QStringLiteral("0755 2800 0003")),
                                   number(PhoneLabels::mobile(), QStringLiteral("13800138000"))}));
}

void TestCsvReader::numbersInOneCell()
{
    const ContactFileContents contents = parseCsv(
        QStringLiteral("姓名,电话\n张三,13800138000/"
                       "0755-28000003\n李四,\"13900001111、13700001111\"\n王五,0755-2800 0003 转 12\n")
            .toUtf8());
    const QList<ImportRecord> &records = contents.read.records;
    QCOMPARE(records.at(0).contact.numbers.size(), 2);
    QCOMPARE(records.at(1).contact.numbers.size(), 2);
    QCOMPARE(records.at(2).contact.numbers.size(), 1); // "转 12" is no second number
}

void TestCsvReader::hostileInputIsBounded()
{
    QList<ImportIssue> problems;
    // Too many columns: the row is reported, the next one read.
    const QString wide = QString(CsvParser::kMaxColumns + 5, QLatin1Char(',')) + QStringLiteral("\nA,1\n");
    QCOMPARE(CsvParser::parse(wide, QLatin1Char(','), &problems).size(), 1);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).line, 1);
    // Many quotes and line breaks: linear time.
    QString quotes;
    for (int i = 0; i < 200000; ++i)
        quotes += QStringLiteral("\"\"\"\",\r");
    QElapsedTimer timer;
    timer.start();
    CsvParser::parse(quotes, QChar(), &problems);
    QVERIFY(timer.elapsed() < 5000);
}

void TestCsvReader::writerRoundTrip()
{
    QList<Contact> contacts;
    contacts << Contact{0,
                        QStringLiteral("张三"),
                        QStringLiteral("深圳华信科技有限公司, 销售部"),
                        QStringLiteral("line 1\nline \"2\"; end"),
                        true,
                        {{PhoneLabels::mobile(), QStringLiteral("13800138000"), {}},
                         {PhoneLabels::work(), QStringLiteral("(0755) 2800 0003"), {}},
                         {QStringLiteral("司机"), QStringLiteral("13900001234"), {}},
                         {QStringLiteral("Assistant"), QStringLiteral("13900001235"), {}}}};
    contacts << Contact{0,
                        QStringLiteral("=HYPERLINK(\"x\")"),
                        QStringLiteral("-minus"),
                        QStringLiteral("  spaced  "),
                        false,
                        {{{}, QStringLiteral("010 6552 8888"), {}}}};
    for (int i = 0; i < 100; ++i) {
        contacts << Contact{
            0,
            QStringLiteral("客户%1").arg(i),
            {},
            {},
            false,
            {{PhoneLabels::mobile(), QStringLiteral("1370000%1").arg(i, 4, 10, QLatin1Char('0')), {}}}};
    }
    for (Contact &contact : contacts)
        QVERIFY(ContactStore::normalize(contact).ok());
    const QByteArray bytes = CsvWriter::write(contacts);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    // The formula is written as text.
    QVERIFY(bytes.contains("'=HYPERLINK"));
    const ContactFileContents contents = parseCsv(bytes);
    QVERIFY(!contents.mappingNeeded);
    QCOMPARE(contents.read.records.size(), contacts.size());
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        Contact back = contents.read.records.at(i).contact;
        QVERIFY(ContactStore::normalize(back).ok());
        QCOMPARE(back, contacts.at(i));
    }
}

void TestCsvReader::formulaGuardCoversTabAndCarriageReturn()
{
    // A spreadsheet skips a leading tab or carriage return and runs the formula after it.
    const QList<Contact> contacts{
        {0,
         QStringLiteral("\t=cmd|' /C calc'!A0"),
         QStringLiteral("\r=1+1"),
         {},
         false,
         {{QStringLiteral("\t@label"), QStringLiteral("13800138000"), {}}}},
        {0,
         QStringLiteral("Plain"),
         QStringLiteral("+86"),
         {},
         false,
         {{{}, QStringLiteral("13900001111"), {}}}},
    };
    const QByteArray bytes = CsvWriter::write(contacts);
    QVERIFY2(bytes.contains("\"'\t=cmd|"), bytes.constData());
    QVERIFY2(bytes.contains("\"'\r=1+1\""), bytes.constData());
    QVERIFY2(bytes.contains("\"'\t@label\""), bytes.constData());
    QVERIFY(bytes.contains(",'+86,"));
    // No line of the file starts a cell with a tab, a CR, = + - or @ without the apostrophe.
    const QList<QByteArray> lines = bytes.split('\n');
    for (const QByteArray &line : lines) {
        for (const QByteArray &cell : line.split(',')) {
            const QByteArray bare = cell.startsWith('"') ? cell.mid(1) : cell;
            QVERIFY2(bare.isEmpty() || !QByteArrayView("\t=+-@").contains(bare.at(0)), cell.constData());
        }
    }
    // The apostrophe goes again on import (and the tab with it, as a name has no tabs).
    const ContactFileContents contents = parseCsv(bytes);
    QCOMPARE(contents.read.records.size(), 2);
    QCOMPARE(contents.read.records.at(0).contact.name, QStringLiteral("=cmd|' /C calc'!A0"));
    QCOMPARE(contents.read.records.at(0).contact.company, QStringLiteral("=1+1"));
    QCOMPARE(contents.read.records.at(1).contact.company, QStringLiteral("+86"));
}

void TestCsvReader::controlAndBidiCharactersAreCleaned()
{
    const QString csv = QStringLiteral("name,company,phone,notes\n"
                                       "\u202Eevil\u0007 name,Acme\u2066 Ltd\u2069,\u202D138 0013 8000,"
                                       "\"line 1\r\nline\u001B[31m 2\u0085three\"\n");
    const ContactFileContents contents = parseCsv(csv.toUtf8());
    QCOMPARE(contents.read.records.size(), 1);
    const Contact &contact = contents.read.records.at(0).contact;
    QCOMPARE(contact.name, QStringLiteral("evil name"));
    QCOMPARE(contact.company, QStringLiteral("Acme Ltd"));
    QCOMPARE(contact.numbers.at(0).apiForm, QStringLiteral("138 0013 8000"));
    QCOMPARE(contact.notes, QStringLiteral("line 1\nline[31m 2\nthree"));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
