// VCardReader and VCardWriter: the samples an iPhone and an Android phone export, each vCard
// feature the reader claims (folding, quoted-printable, charsets, escapes, groups, 4.0 tel: URIs),
// bounded work on hostile input, and a writer whose cards read back unchanged.
#include "TestEnvironment.h"
#include "contacts/ContactStore.h"
#include "contacts/PhoneLabels.h"
#include "importexport/TextEncoding.h"
#include "importexport/VCardReader.h"
#include "importexport/VCardWriter.h"
#include "phone/PhoneNumber.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStringEncoder>
#include <QTest>

using namespace onedial;

namespace {

ContactNumber number(const QString &label, const QString &text)
{
    return ContactNumber{label, text, {}};
}

// One card from text with LF or CRLF line ends as written.
Contact only(const QByteArray &text)
{
    const ReadResult read = VCardReader::read(text);
    if (read.records.size() != 1)
        qWarning() << "cards:" << read.records.size() << "problems:" << read.problems.size();
    return read.records.value(0).contact;
}

} // namespace

class TestVCardReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void iphoneExport();
    void androidExport();
    void nameFromN_data();
    void nameFromN();
    void foldedLines();
    void quotedPrintableSoftBreaksAndCharsets();
    void gbkWithoutCharset();
    void escapes();
    void version4TelUris();
    void bomAndUtf16();
    void unknownPropertiesAndNesting();
    void oversizedValueIsReported();
    void hostileInputIsBounded();
    void parametersAreBounded();
    void controlAndBidiCharactersAreCleaned();
    void writerRoundTrip();
    void writerFoldsAt75Octets();
    void parallelReadEqualsSequential();
};

void TestVCardReader::iphoneExport()
{
    const ReadResult read = VCardReader::read(test::importSample("iphone.vcf"));
    QCOMPARE(read.encoding, QStringLiteral("UTF-8"));
    QVERIFY(read.problems.isEmpty());
    QCOMPARE(read.records.size(), 4);

    const ImportRecord &zhang = read.records.at(0);
    QCOMPARE(zhang.line, 1);
    QCOMPARE(zhang.contact.name, QStringLiteral("张伟"));
    QCOMPARE(zhang.contact.company, QStringLiteral("深圳华信科技有限公司"));
    QCOMPARE(zhang.contact.notes, QStringLiteral("周五下午联系\n老客户, 年底续约"));
    QCOMPARE(zhang.contact.numbers,
             (QList<ContactNumber>{number(PhoneLabels::mobile(), QStringLiteral("+86 138 0013 8000")),
                                   number(PhoneLabels::work(), QStringLiteral("(0755) 2800 0003")),
                                   number(QStringLiteral("助理"), QStringLiteral("139 0000 1234")),
                                   number(PhoneLabels::mobile(), QStringLiteral("+86 137-0000-5678"))}));
    QCOMPARE(zhang.contact.favourite, false);

    const Contact &lisa = read.records.at(1).contact;
    QCOMPARE(lisa.name, QStringLiteral("Lisa Chen"));
    QCOMPARE(lisa.company, QStringLiteral("Chen, Li & Partners"));
    QCOMPARE(lisa.notes, QStringLiteral("Met at the Shanghai trade show in March; interested in the 200-seat "
                                        "plan for the call centre, wants a quote by Friday."));
    QCOMPARE(lisa.numbers,
             (QList<ContactNumber>{number(PhoneLabels::mobile(), QStringLiteral("139-0000-5555")),
                                   number(PhoneLabels::home(), QStringLiteral("021 6888 1234")),
                                   number(PhoneLabels::fax(), QStringLiteral("021 6888 1235"))}));

    const Contact &company = read.records.at(2).contact;
    QCOMPARE(company.name, QStringLiteral("北京远航贸易有限公司"));
    QCOMPARE(company.company, QStringLiteral("北京远航贸易有限公司"));
    QCOMPARE(company.numbers,
             QList<ContactNumber>{number(PhoneLabels::main(), QStringLiteral("010 6552 8888"))});

    // A card with an e-mail address only is still read; the importer says it has no number.
    QCOMPARE(read.records.at(3).contact.name, QStringLiteral("王芳"));
    QVERIFY(read.records.at(3).contact.numbers.isEmpty());
    QVERIFY(read.records.at(3).line > read.records.at(2).line);
}

void TestVCardReader::androidExport()
{
    const ReadResult read = VCardReader::read(test::importSample("android.vcf"));
    QVERIFY(read.problems.isEmpty());
    QCOMPARE(read.records.size(), 4);

    const Contact &li = read.records.at(0).contact;
    QCOMPARE(li.name, QStringLiteral("李娜"));
    QCOMPARE(li.company, QStringLiteral("北京远航贸易有限公司"));
    QCOMPARE(li.notes, QStringLiteral("第一次见面在广交会，对呼叫中心方案很感兴趣，下周二回电话。\n第二行"));
    QCOMPARE(li.numbers,
             (QList<ContactNumber>{number(PhoneLabels::mobile(), QStringLiteral("13800138001")),
                                   number(PhoneLabels::work(), QStringLiteral("010-6552-8001")),
                                   number(PhoneLabels::home(), QStringLiteral("010-6552-8002"))}));

    // No FN: the name comes from N, family name first without a space.
    const Contact &ouyang = read.records.at(1).contact;
    QCOMPARE(ouyang.name, QStringLiteral("欧阳建国"));
    QCOMPARE(ouyang.numbers,
             (QList<ContactNumber>{number(PhoneLabels::mobile(), QStringLiteral("+8613912340000")),
                                   number(QStringLiteral("Assistant"), QStringLiteral("0755-2800-0006"))}));

    QCOMPARE(read.records.at(2).contact.name, QStringLiteral("John Smith"));
    QCOMPARE(read.records.at(3).contact.name, QStringLiteral("黄小红"));
    // Lines are those of each BEGIN:VCARD in the file.
    const QList<QByteArray> lines = test::importSample("android.vcf").split('\n');
    for (const ImportRecord &record : read.records)
        QVERIFY(lines.at(record.line - 1).startsWith("BEGIN:VCARD"));
}

void TestVCardReader::nameFromN_data()
{
    QTest::addColumn<QByteArray>("n");
    QTest::addColumn<QString>("name");
    QTest::newRow("chinese") << QByteArray("N:张;三;;;") << QStringLiteral("张三");
    QTest::newRow("compound surname") << QByteArray("N:司马;相如;;;") << QStringLiteral("司马相如");
    QTest::newRow("western") << QByteArray("N:Smith;John;Paul;Dr.;Jr.")
                             << QStringLiteral("Dr. John Paul Smith Jr.");
    QTest::newRow("family only") << QByteArray("N:王;;;;") << QStringLiteral("王");
    QTest::newRow("escaped semicolon") << QByteArray("N:O\\;Brien;Pat;;;") << QStringLiteral("Pat O;Brien");
}

void TestVCardReader::nameFromN()
{
    QFETCH(QByteArray, n);
    QFETCH(QString, name);
    QCOMPARE(only("BEGIN:VCARD\nVERSION:3.0\n" + n + "\nTEL:13800138000\nEND:VCARD\n").name, name);
}

void TestVCardReader::foldedLines()
{
    // 3.0/4.0: CRLF + one space or tab is removed entirely.
    const Contact folded =
        only("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zhang\r\n  San\r\nNOTE:first \r\n\tpart\r\n "
             "second\r\nTEL;TYPE=CELL:138\r\n  0013 8000\r\nEND:VCARD\r\n");
    QCOMPARE(folded.name, QStringLiteral("Zhang San"));
    QCOMPARE(folded.notes, QStringLiteral("first partsecond"));
    QCOMPARE(folded.numbers.value(0).apiForm, QStringLiteral("138 0013 8000"));
    // 2.1: the white space stays (RFC 822 folding); LF-only files too.
    const Contact old = only("BEGIN:VCARD\nVERSION:2.1\nFN:Zhang\n San\nTEL;CELL:13800138000\nEND:VCARD\n");
    QCOMPARE(old.name, QStringLiteral("Zhang San"));
}

void TestVCardReader::quotedPrintableSoftBreaksAndCharsets()
{
    // 李娜 in UTF-8, split by a soft line break in the middle of the name.
    const Contact utf8 =
        only("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=\r\n"
             "=8E=E5=A8=9C\r\nTEL;CELL:13800138000\r\nEND:VCARD\r\n");
    QCOMPARE(utf8.name, QStringLiteral("李娜"));
    // The same name in GBK, with 2.1's bare QUOTED-PRINTABLE parameter.
    const Contact gbk =
        only("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=GBK;QUOTED-PRINTABLE:=C0=EE=C4=C8\r\n"
             "NOTE;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:=C0=CF=BF=CD=BB=A7=0D=0A=\r\nline 2\r\n"
             "TEL;CELL:13800138000\r\nEND:VCARD\r\n");
    QCOMPARE(gbk.name, QStringLiteral("李娜"));
    QCOMPARE(gbk.notes, QStringLiteral("老客户\nline 2"));
    // Quoted-printable without a charset: UTF-8 when the bytes are UTF-8, else GB18030.
    QCOMPARE(only("BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:=C0=EE=C4=C8\nTEL:13800138000\n"
                  "END:VCARD\n")
                 .name,
             QStringLiteral("李娜"));
    // A soft break never swallows the END line.
    const ReadResult read =
        VCardReader::read("BEGIN:VCARD\nVERSION:2.1\nFN;QUOTED-PRINTABLE:abc=\nEND:VCARD\n"
                          "BEGIN:VCARD\nFN:Second\nEND:VCARD\n");
    QCOMPARE(read.records.size(), 2);
    QCOMPARE(read.records.at(0).contact.name, QStringLiteral("abc"));
}

void TestVCardReader::gbkWithoutCharset()
{
    // A Chinese phone's export in GBK with no CHARSET anywhere: the file is not UTF-8, so GB18030.
    QStringEncoder toGbk("GB18030");
    const QByteArray bytes =
        toGbk.encode(QStringLiteral("BEGIN:VCARD\r\nVERSION:2.1\r\nN:陈;静\r\nORG:上海东方国际贸易\r\n"
                                    "TEL;CELL:13912345678\r\nEND:VCARD\r\n"));
    const ReadResult read = VCardReader::read(bytes);
    QCOMPARE(read.encoding, QStringLiteral("GB18030"));
    QCOMPARE(read.records.value(0).contact.name, QStringLiteral("陈静"));
    QCOMPARE(read.records.value(0).contact.company, QStringLiteral("上海东方国际贸易"));
    // An override reads the same bytes as something else (here wrongly, to show it is used).
    QVERIFY(VCardReader::read(bytes, QStringLiteral("UTF-8"))
                .records.value(0)
                .contact.name.contains(QChar(0xFFFD)));
}

void TestVCardReader::escapes()
{
    const Contact contact = only("BEGIN:VCARD\nVERSION:3.0\nFN:A\\, B\\; C\\\\D\nORG:Acme\\, Inc.;Sales\n"
                                 "NOTE:line 1\\nline 2\\Nline 3 C:\\files\nTEL:13800138000\nEND:VCARD\n");
    QCOMPARE(contact.name, QStringLiteral("A, B; C\\D"));
    QCOMPARE(contact.company, QStringLiteral("Acme, Inc."));
    QCOMPARE(contact.notes, QStringLiteral("line 1\nline 2\nline 3 C:\\files"));
}

void TestVCardReader::version4TelUris()
{
    const Contact contact =
        only("BEGIN:VCARD\nVERSION:4.0\nFN:张三\nTEL;VALUE=uri;TYPE=cell:tel:+86-138-0013-8000\n"
             "TEL;VALUE=uri;TYPE=\"work,voice\";PREF=1:tel:+86-755-2800-0003;ext=12\n"
             "TEL;TYPE=home:tel:010-6552-8888\nEND:VCARD\n");
    QCOMPARE(contact.numbers,
             (QList<ContactNumber>{number(PhoneLabels::mobile(), QStringLiteral("+86-138-0013-8000")),
                                   number(PhoneLabels::work(), QStringLiteral("+86-755-2800-0003;ext=12")),
                                   number(PhoneLabels::home(), QStringLiteral("010-6552-8888"))}));
    // The extension is kept, so the import refuses that number and says why, never dropping it.
    const PhoneNumber withExtension = PhoneNumber::parse(contact.numbers.at(1).apiForm);
    QCOMPARE(withExtension.problem(), PhoneNumber::Problem::Extension);
    QVERIFY(withExtension.problemText().contains(QLatin1String("(12)")));
}

void TestVCardReader::bomAndUtf16()
{
    const QString card =
        QStringLiteral("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nTEL:13800138000\r\nEND:VCARD\r\n");
    QCOMPARE(only("\xEF\xBB\xBF" + card.toUtf8()).name, QStringLiteral("张三"));
    QVERIFY(VCardReader::looksLikeVCard("\xEF\xBB\xBF" + card.toUtf8()));

    QStringEncoder utf16le(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    const QByteArray le = utf16le.encode(card);
    QVERIFY(VCardReader::looksLikeVCard(le));
    const ReadResult read = VCardReader::read(le);
    QCOMPARE(read.encoding, QStringLiteral("UTF-16LE"));
    QCOMPARE(read.records.value(0).contact.name, QStringLiteral("张三"));
    QStringEncoder utf16be(QStringEncoder::Utf16BE, QStringEncoder::Flag::WriteBom);
    QCOMPARE(VCardReader::read(utf16be.encode(card)).records.value(0).contact.name, QStringLiteral("张三"));
}

void TestVCardReader::unknownPropertiesAndNesting()
{
    // Unknown properties, an AGENT's embedded card (2.1), text between cards: all passed over.
    const ReadResult read =
        VCardReader::read("junk before\nBEGIN:VCARD\nVERSION:2.1\nFN:Boss\nX-WHATEVER;A=B:C\n"
                          "AGENT:\nBEGIN:VCARD\nFN:Assistant\nTEL:13900001111\nEND:VCARD\n"
                          "TEL;WORK:13800138000\nEND:VCARD\njunk between\n"
                          "BEGIN:VCARD\nFN:Next\nTEL:13700001111\nEND:VCARD\n");
    QCOMPARE(read.records.size(), 2);
    QCOMPARE(read.records.at(0).contact.name, QStringLiteral("Boss"));
    QCOMPARE(read.records.at(0).contact.numbers.size(), 1);
    QCOMPARE(read.records.at(0).line, 2);
    QCOMPARE(read.records.at(1).contact.name, QStringLiteral("Next"));
    QCOMPARE(read.records.at(1).line, 14);
}

void TestVCardReader::oversizedValueIsReported()
{
    const QByteArray note(VCardReader::kMaxValueBytes + 10, 'x');
    const ReadResult read = VCardReader::read("BEGIN:VCARD\nFN:Big\nNOTE:" + note +
                                              "\nTEL:13800138000\nEND:VCARD\nBEGIN:VCARD\nFN:Small\n"
                                              "PHOTO;ENCODING=b:" +
                                              note + "\nTEL:13900001111\nEND:VCARD\n");
    // The card with the huge note is reported by line; a huge PHOTO (not kept) is no problem.
    QCOMPARE(read.problems.size(), 1);
    QCOMPARE(read.problems.at(0).line, 1);
    QCOMPARE(read.records.size(), 1);
    QCOMPARE(read.records.at(0).contact.name, QStringLiteral("Small"));
}

void TestVCardReader::hostileInputIsBounded()
{
    // Patterns that would be quadratic in a naive reader: a long run of soft breaks, thousands of
    // folded lines, thousands of BEGINs without END. Each must be read in linear time.
    QByteArray softBreaks = "BEGIN:VCARD\nFN;QUOTED-PRINTABLE:";
    for (int i = 0; i < 200000; ++i)
        softBreaks += "=41=\n";
    QByteArray folds = "BEGIN:VCARD\nNOTE:x";
    for (int i = 0; i < 200000; ++i)
        folds += "\n y";
    QByteArray begins;
    for (int i = 0; i < 200000; ++i)
        begins += "BEGIN:VCARD\n";
    QByteArray tels = "BEGIN:VCARD\nFN:Many\n";
    for (int i = 0; i < 10000; ++i)
        tels += "TEL:13800138000\n";
    for (const QByteArray &input : {softBreaks, folds, begins, tels}) {
        QElapsedTimer timer;
        timer.start();
        const ReadResult read = VCardReader::read(input);
        QVERIFY2(timer.elapsed() < 5000, "reading took too long");
        QVERIFY(read.records.size() + read.problems.size() <= 1);
    }
}

void TestVCardReader::parametersAreBounded()
{
    // A read property with too many parameters: its card is reported with the reason, by line.
    QByteArray many = "BEGIN:VCARD\nFN:Many\nTEL";
    for (int i = 0; i <= VCardReader::kMaxParameters; ++i)
        many += ";X=Y";
    many += ":13800138000\nEND:VCARD\n";
    // The same in TYPE values.
    QByteArray types = "BEGIN:VCARD\nFN:Types\nTEL;TYPE=CELL";
    for (int i = 0; i < VCardReader::kMaxParameters; ++i)
        types += ",VOICE";
    types += ":13900001111\nEND:VCARD\n";
    // Just under the cap: read.
    QByteArray fine = "BEGIN:VCARD\nFN:Fine\nTEL;TYPE=CELL";
    for (int i = 1; i < VCardReader::kMaxParameters; ++i)
        fine += ";X=Y";
    fine += ":13700001111\nEND:VCARD\n";
    // A million parameters on a property that is not read, and a TEL line of millions: the first
    // card is read, the second reported as too long, and neither costs memory.
    QByteArray unread = "BEGIN:VCARD\nFN:Unread\nX-CUSTOM";
    QByteArray hugeTel = "BEGIN:VCARD\nFN:Huge\nTEL";
    for (int i = 0; i < 1000000; ++i) {
        unread += ";X=Y";
        hugeTel += ";X=Y";
    }
    unread += ":z\nTEL:13600001111\nEND:VCARD\n";
    hugeTel += ":13500001111\nEND:VCARD\n";

    const ReadResult read = VCardReader::read(many + types + fine + unread + hugeTel, {}, 1);
    QCOMPARE(read.records.size(), 2);
    QCOMPARE(read.records.at(0).contact.name, QStringLiteral("Fine"));
    QCOMPARE(read.records.at(0).contact.numbers.at(0).label, PhoneLabels::mobile());
    QCOMPARE(read.records.at(1).contact.name, QStringLiteral("Unread"));
    QCOMPARE(read.records.at(1).contact.numbers.at(0).apiForm, QStringLiteral("13600001111"));
    QCOMPARE(read.problems.size(), 3);
    QCOMPARE(read.problems.at(0).line, 1);
    QCOMPARE(read.problems.at(0).reason,
             QStringLiteral("Its TEL has more than 100 parameters; this card was not read."));
    QCOMPARE(read.problems.at(1).line, 5);
    QCOMPARE(read.problems.at(1).reason, read.problems.at(0).reason);
    QCOMPARE(read.problems.at(2).line, 18);
    QCOMPARE(read.problems.at(2).reason,
             QStringLiteral("Its TEL is longer than 256 KiB; this card was not read."));
}

void TestVCardReader::controlAndBidiCharactersAreCleaned()
{
    // U+202E (right-to-left override) would show "evil" reversed; U+0007 rings a terminal's bell;
    // U+2066 opens an isolate; the note's line break is kept, its escape sequence is not.
    const QByteArray card = "BEGIN:VCARD\nVERSION:3.0\nFN:\xE2\x80\xAE"
                            "evil\x07 name\nORG:Acme\xE2\x81\xA6 Ltd\n"
                            "item1.TEL:138\xE2\x80\xAE"
                            "0013 8000\nitem1.X-ABLabel:boss\xC2\x9B\n"
                            "NOTE:line 1\\nline\x1B[31m 2\nEND:VCARD\n";
    const ReadResult read = VCardReader::read(card);
    QCOMPARE(read.records.size(), 1);
    const Contact &contact = read.records.at(0).contact;
    QCOMPARE(contact.name, QStringLiteral("evil name"));
    QCOMPARE(contact.company, QStringLiteral("Acme Ltd"));
    QCOMPARE(contact.numbers.at(0).apiForm, QStringLiteral("1380013 8000"));
    QCOMPARE(contact.numbers.at(0).label, QStringLiteral("boss"));
    QCOMPARE(contact.notes, QStringLiteral("line 1\nline[31m 2"));
}

void TestVCardReader::writerRoundTrip()
{
    QList<Contact> contacts;
    contacts << Contact{0,
                        QStringLiteral("张三"),
                        QStringLiteral("深圳华信科技有限公司"),
                        QStringLiteral("老客户"),
                        true,
                        {{PhoneLabels::mobile(), QStringLiteral("13800138000"), {}},
                         {PhoneLabels::work(), QStringLiteral("(0755) 2800 0003"), {}},
                         {QStringLiteral("司机, 周末"), QStringLiteral("13900001234"), {}},
                         {{}, QStringLiteral("010 6552 8888"), {}}}};
    contacts << Contact{
        0,
        QStringLiteral("O'Brien; Pat, Jr."),
        QStringLiteral("A;B,C\\D"),
        QStringLiteral("line 1\nline 2; with, punctuation \\ and a very long tail that needs folding "
                       "because it is much longer than seventy-five octets: 汉字汉字汉字汉字汉字"),
        false,
        {{PhoneLabels::fax(), QStringLiteral("021 6888 1235"), {}},
         {PhoneLabels::home(), QStringLiteral("021 6888 1234"), {}},
         {PhoneLabels::pager(), QStringLiteral("13700001111"), {}},
         {PhoneLabels::main(), QStringLiteral("13600001111"), {}},
         {QStringLiteral("Mobile"), QStringLiteral("13500001111"), {}}}};
    for (int i = 0; i < 200; ++i) {
        contacts << Contact{
            0,
            QStringLiteral("客户 %1").arg(i),
            {},
            i % 3 ? QString() : QStringLiteral("note\n%1").arg(i),
            i % 7 == 0,
            {{PhoneLabels::mobile(), QStringLiteral("1380000%1").arg(i, 4, 10, QLatin1Char('0')), {}}}};
    }
    QByteArray file;
    for (Contact &contact : contacts) {
        QVERIFY(ContactStore::normalize(contact).ok());
        file += VCardWriter::card(contact);
    }
    const ReadResult read = VCardReader::read(file);
    QVERIFY(read.problems.isEmpty());
    QCOMPARE(read.records.size(), contacts.size());
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        Contact back = read.records.at(i).contact;
        QVERIFY(ContactStore::normalize(back).ok());
        QCOMPARE(back, contacts.at(i));
    }
}

void TestVCardReader::writerFoldsAt75Octets()
{
    Contact contact{0,     QString(60, QChar(0x6C49)),
                    {},    QString(300, QLatin1Char('n')),
                    false, {{{}, QStringLiteral("8613800138000"), QStringLiteral("138 0013 8000")}}};
    const QByteArray card = VCardWriter::card(contact);
    for (const QByteArray &line : card.split('\n')) {
        QVERIFY(line.size() <= 76);               // 75 octets and the CR
        QVERIFY(TextEncoding::isValidUtf8(line)); // no character split across lines
    }
    QVERIFY(card.endsWith("END:VCARD\r\n"));
}

void TestVCardReader::parallelReadEqualsSequential()
{
    // Cards of every shape, an AGENT's card inside one (END:VCARD then no BEGIN), a broken card,
    // text between cards: split anywhere, the parts must give exactly what one pass gives.
    const QByteArray cards = test::importSample("iphone.vcf") + test::importSample("android.vcf") +
                             "BEGIN:VCARD\nVERSION:2.1\nFN:Boss\nAGENT:\nBEGIN:VCARD\nFN:A\nEND:VCARD\n"
                             "BEGIN:VCARD\nFN:B\nEND:VCARD\nTEL:13800138000\nEND:VCARD\njunk\n"
                             "BEGIN:VCARD\nFN:Cut;NOTE:" +
                             QByteArray(300, 'x') + "\nTEL:1\nEND:VCARD\n";
    QByteArray file;
    while (file.size() < 2 * VCardReader::kParallelFromBytes)
        file += cards;
    const ReadResult one = VCardReader::read(file, {}, 1);
    QVERIFY(one.records.size() > 1000);
    // An AGENT's card followed by another card inside the same card: no boundary there.
    file += "BEGIN:VCARD\nFN:Outer\nAGENT:\nBEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEND:VCARD\n"
            "TEL:13800138000\nEND:VCARD\n";
    const ReadResult whole = VCardReader::read(file, {}, 1);
    for (const int threads : {0, 2, 3, 7, 500}) {
        const ReadResult many = VCardReader::read(file, {}, threads);
        QCOMPARE(many.records.size(), whole.records.size());
        QCOMPARE(many.problems, whole.problems);
        for (qsizetype i = 0; i < whole.records.size(); ++i) {
            QCOMPARE(many.records.at(i).line, whole.records.at(i).line);
            QCOMPARE(many.records.at(i).contact, whole.records.at(i).contact);
        }
    }
}

QTEST_GUILESS_MAIN(TestVCardReader)
#include "tst_vcardreader.moc"
