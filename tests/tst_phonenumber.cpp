// What people type, turned into OneNET's API form, and clear reasons for what cannot be dialled.
#include "phone/PhoneNumber.h"

#include <QRegularExpression>
#include <QTest>

using namespace onedial;

class TestPhoneNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsWhatPeopleType_data();
    void acceptsWhatPeopleType();
    void rejectsWithReason_data();
    void rejectsWithReason();
};

void TestPhoneNumber::acceptsWhatPeopleType_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("api");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("display");
    const int mobile = int(PhoneNumber::Kind::Mobile);
    const int landline = int(PhoneNumber::Kind::Landline);
    QTest::newRow("international spaced") << "+86 138 0013 8000"
                                          << "8613800138000" << mobile << "138 0013 8000";
    QTest::newRow("dashes") << "138-0013-8000"
                            << "8613800138000" << mobile << "138 0013 8000";
    QTest::newRow("api form") << "8613800138000"
                              << "8613800138000" << mobile << "138 0013 8000";
    QTest::newRow("plain national") << "13800138000"
                                    << "8613800138000" << mobile << "138 0013 8000";
    QTest::newRow("0086 prefix") << "0086 13800138000"
                                 << "8613800138000" << mobile << "138 0013 8000";
    QTest::newRow("surrounding space") << "  13800138000 \t"
                                       << "8613800138000" << mobile << "138 0013 8000";
    QTest::newRow("full-width digits")
        << QString::fromUtf8("１３８００１３８０００") << "8613800138000" << mobile << "138 0013 8000";
    QTest::newRow("Shenzhen landline") << "(0755) 2800 0003"
                                       << "075528000003" << landline << "0755 2800 0003";
    QTest::newRow("landline api form") << "075528000003"
                                       << "075528000003" << landline << "0755 2800 0003";
    QTest::newRow("Beijing landline") << "010-8888 6666"
                                      << "01088886666" << landline << "010 8888 6666";
    QTest::newRow("landline international") << "+86 755 2800 0003"
                                            << "075528000003" << landline << "0755 2800 0003";
}

void TestPhoneNumber::acceptsWhatPeopleType()
{
    QFETCH(QString, input);
    QFETCH(QString, api);
    QFETCH(int, kind);
    QFETCH(QString, display);
    const PhoneNumber number = PhoneNumber::parse(input);
    QVERIFY2(number.isValid(), qPrintable(number.problemText()));
    QCOMPARE(number.apiForm(), api);
    QCOMPARE(int(number.kind()), kind);
    QCOMPARE(number.displayForm(), display);
    QVERIFY(number.problemText().isEmpty());
}

void TestPhoneNumber::rejectsWithReason_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("problem");
    QTest::newRow("empty") << "" << int(PhoneNumber::Problem::Empty);
    QTest::newRow("blank") << "   " << int(PhoneNumber::Problem::Empty);
    QTest::newRow("words") << "call me" << int(PhoneNumber::Problem::Letters);
    QTest::newRow("too short") << "12345" << int(PhoneNumber::Problem::InvalidNumber);
    QTest::newRow("one digit") << "1" << int(PhoneNumber::Problem::NotANumber);
    QTest::newRow("mobile one digit short") << "1380013800" << int(PhoneNumber::Problem::InvalidNumber);
    QTest::newRow("mobile one digit long") << "138001380001" << int(PhoneNumber::Problem::InvalidNumber);
    QTest::newRow("US number") << "+1 650 253 0000" << int(PhoneNumber::Problem::NotInChina);
    QTest::newRow("Hong Kong number") << "+852 2123 4567" << int(PhoneNumber::Problem::NotInChina);
    QTest::newRow("absurdly long") << QString(200, QLatin1Char('9')) << int(PhoneNumber::Problem::TooLong);

    // Letters are never keypad digits: libphonenumber would read "O" as 6 and call a stranger.
    const int letters = int(PhoneNumber::Problem::Letters);
    QTest::newRow("letter O for zero") << "138 0013 800O" << letters;
    QTest::newRow("letter l for one") << "l3800138000" << letters;
    QTest::newRow("vanity number") << "400-FLOWERS" << letters;
    QTest::newRow("full-width letter") << QString::fromUtf8("13800138００Ｏ") << letters;
    QTest::newRow("Chinese words") << QString::fromUtf8("手机13800138000") << letters;
    QTest::newRow("name and number") << "Zhang 13800138000" << letters;
    QTest::newRow("letters after a marker") << "13800138000 ext. 9a" << letters;
    // An extension cannot be dialled: refused and named, never dropped.
    const int extension = int(PhoneNumber::Problem::Extension);
    QTest::newRow("ext.") << "0755 2800 0003 ext. 99" << extension;
    QTest::newRow("ext no space") << "075528000003ext99" << extension;
    QTest::newRow("EXTENSION") << "(0755) 2800 0003 EXTENSION 12" << extension;
    QTest::newRow("x") << "0755-2800-0003 x99" << extension;
    QTest::newRow("hash") << "0755 2800 0003 #99" << extension;
    QTest::newRow("RFC 3966 parameter") << "+86-755-2800-0003;ext=99" << extension;
    QTest::newRow("zhuan") << QString::fromUtf8("0755 2800 0003 转 99") << extension;
    QTest::newRow("zhuan no space") << QString::fromUtf8("075528000003转8001") << extension;
    QTest::newRow("fenji") << QString::fromUtf8("0755-28000003 分机：99") << extension;
}

void TestPhoneNumber::rejectsWithReason()
{
    QFETCH(QString, input);
    QFETCH(int, problem);
    const PhoneNumber number = PhoneNumber::parse(input);
    QVERIFY(!number.isValid());
    QVERIFY(number.apiForm().isEmpty());
    QCOMPARE(int(number.problem()), problem);
    QVERIFY(!number.problemText().isEmpty());
    QVERIFY(number.problemText().size() < 400);
    if (number.problem() == PhoneNumber::Problem::Extension) {
        QVERIFY2(number.problemText().contains(QLatin1String("cannot dial extensions")),
                 qPrintable(number.problemText()));
        QVERIFY(number.problemText().contains(QRegularExpression(QStringLiteral("\\(\\d+\\)"))));
    }
    // Shown as typed, since it cannot be shown as a number.
    QCOMPARE(number.shown(), input.trimmed().left(64));
}

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
