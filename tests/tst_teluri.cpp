// tel: and callto: links as web pages and other programs write them, and as an attacker might:
// the good ones become one number in OneNET's API form, every other one is refused with a reason.
#include "phone/TelUri.h"

#include <QRandomGenerator>
#include <QTest>

using namespace onedial;

Q_DECLARE_METATYPE(TelUri::Problem)

class TestTelUri : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsLinks_data();
    void acceptsLinks();
    void refusesWithReason_data();
    void refusesWithReason();
    void extensionIsRefusedWithTheNumber();
    void domainContextIsNamedInTheNote();
    void recognisesLinkArguments();
    void survivesRandomInput();
};

void TestTelUri::acceptsLinks_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("api");

    const QString mobile = QStringLiteral("8613800138000");
    QTest::newRow("global, dashes") << "tel:+86-138-0013-8000" << mobile;
    QTest::newRow("upper-case scheme, dots") << "TEL:+86.138.0013.8000" << mobile;
    QTest::newRow("parentheses") << "tel:+86(138)0013-8000" << mobile;
    QTest::newRow("%20 separators") << "tel:+86%20138%200013%208000" << mobile;
    QTest::newRow("raw spaces") << "tel:+86 138 0013 8000" << mobile;
    QTest::newRow("encoded plus") << "tel:%2B8613800138000" << mobile;
    QTest::newRow("surrounding space") << "  tel:+8613800138000 " << mobile;
    QTest::newRow("tel://") << "tel://+8613800138000" << mobile;
    QTest::newRow("tel:// with trailing slash") << "tel://+8613800138000/" << mobile;
    QTest::newRow("callto:") << "callto:+8613800138000" << mobile;
    QTest::newRow("callto://") << "callto://+86-138-0013-8000" << mobile;
    QTest::newRow("mixed-case callto, national") << "CallTo:13800138000" << mobile;
    QTest::newRow("local mobile, no context") << "tel:13800138000" << mobile;
    QTest::newRow("local landline, no context") << "tel:010-8888-6666"
                                                << "01088886666";
    QTest::newRow("context +86") << "tel:138-0013-8000;phone-context=+86" << mobile;
    QTest::newRow("context +86 with area code") << "tel:2800-0003;phone-context=+86-755"
                                                << "075528000003";
    QTest::newRow("context +86, national prefix kept") << "tel:0755-2800-0003;phone-context=+86"
                                                       << "075528000003";
    QTest::newRow("context is a domain, number Chinese")
        << "tel:13800138000;phone-context=example.com" << mobile;
    QTest::newRow("isub") << "tel:+8613800138000;isub=1411" << mobile;
    QTest::newRow("unknown parameters") << "tel:+8613800138000;foo=bar;flag;x-y=%41" << mobile;
    QTest::newRow("trailing semicolon") << "tel:+8613800138000;" << mobile;
    QTest::newRow("API form in a link") << "tel:8613800138000" << mobile;
}

void TestTelUri::acceptsLinks()
{
    QFETCH(QString, link);
    QFETCH(QString, api);
    const TelUri uri = TelUri::parse(link);
    QVERIFY2(uri.isValid(), qPrintable(uri.problemText()));
    QCOMPARE(uri.problem(), TelUri::Problem::None);
    QCOMPARE(uri.apiForm(), api);
    QVERIFY(uri.phoneNumber().isValid());
    QVERIFY(uri.problemText().isEmpty());
}

void TestTelUri::refusesWithReason_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<TelUri::Problem>("problem");
    using P = TelUri::Problem;

    QTest::newRow("empty") << "" << P::Empty;
    QTest::newRow("spaces") << "   " << P::Empty;
    QTest::newRow("scheme only") << "tel:" << P::Empty;
    QTest::newRow("tel:// only") << "tel://" << P::Empty;
    QTest::newRow("separators only") << "tel:--.." << P::NotANumber;
    QTest::newRow("plus only") << "tel:+" << P::NotANumber;

    QTest::newRow("no scheme") << "13800138000" << P::NotATelLink;
    QTest::newRow("http") << "http://example.com/tel:+8613800138000" << P::NotATelLink;
    QTest::newRow("sip") << "sip:+8613800138000@example.com" << P::NotATelLink;
    QTest::newRow("javascript") << "javascript:alert(1)" << P::NotATelLink;
    QTest::newRow("look-alike scheme") << "telx:+8613800138000" << P::NotATelLink;
    QTest::newRow("full-width scheme") << QString::fromUtf8("ｔｅｌ:+8613800138000") << P::NotATelLink;
    QTest::newRow("option-like") << "--sandbox" << P::NotATelLink;

    QTest::newRow("%00") << "tel:+86138001380%00" << P::ControlCharacter;
    QTest::newRow("%00 in a parameter") << "tel:+8613800138000;ext=1%00" << P::ControlCharacter;
    QTest::newRow("encoded newline") << "tel:+8613800138000%0Aext=1" << P::ControlCharacter;
    QTest::newRow("raw newline") << "tel:+8613800138000\nrm -rf" << P::ControlCharacter;
    QTest::newRow("raw NUL") << QStringLiteral("tel:+86138") + QChar(0) + QStringLiteral("00138000")
                             << P::ControlCharacter;
    QTest::newRow("right-to-left override") << "tel:+8613800138000%E2%80%AE" << P::ControlCharacter;
    QTest::newRow("zero-width space") << QString::fromUtf8("tel:+86138\u200B00138000") << P::ControlCharacter;

    QTest::newRow("truncated escape") << "tel:+86138001380%2" << P::BadEncoding;
    QTest::newRow("bad hex") << "tel:+86138%G000138000" << P::BadEncoding;
    QTest::newRow("not UTF-8") << "tel:%FF%FE13800138000" << P::BadEncoding;
    QTest::newRow("overlong UTF-8") << "tel:%C0%B013800138000" << P::BadEncoding;

    QTest::newRow("query") << "tel:+8613800138000?body=hello" << P::QueryOrFragment;
    QTest::newRow("fragment") << "tel:+8613800138000#<script>" << P::QueryOrFragment;
    QTest::newRow("query in callto") << "callto://+8613800138000?call" << P::QueryOrFragment;

    QTest::newRow("vanity letters") << "tel:1-800-FLOWERS" << P::NotANumber;
    QTest::newRow("Skype name") << "callto:echo123" << P::NotANumber;
    QTest::newRow("Skype name with //") << "callto://live:someone" << P::NotANumber;
    QTest::newRow("encoded question mark") << "tel:+8613800138000%3Fx" << P::NotANumber;
    QTest::newRow("service code") << "tel:*21%23" << P::NotANumber;
    QTest::newRow("full-width digits") << QString::fromUtf8("tel:１３８００１３８０００") << P::NotANumber;
    QTest::newRow("encoded full-width digits") << "tel:%EF%BC%91%EF%BC%93%EF%BC%98%EF%BC%90%EF%BC%90%EF%BC%"
                                                  "91%EF%BC%93%EF%BC%98%EF%BC%90%EF%BC%90%EF%"
                                                  "BC%90"
                                               << P::NotANumber;
    QTest::newRow("Arabic-Indic digits") << QString::fromUtf8("tel:+٨٦١٣٨٠٠١٣٨٠٠٠") << P::NotANumber;
    QTest::newRow("encoded parameters in the number") << "tel:%2B8613800138000%3Bext%3D1" << P::NotANumber;
    QTest::newRow("double encoding decoded once") << "tel:%252B8613800138000" << P::NotANumber;
    QTest::newRow("shell metacharacters") << "tel:13800138000$(reboot)" << P::NotANumber;
    QTest::newRow("plus in the middle, prefixed") << "tel:0086+13800138000" << P::MultipleNumbers;

    QTest::newRow("two plus signs") << "tel:++8613800138000" << P::MultipleNumbers;
    QTest::newRow("plus twice") << "tel:+86+13800138000" << P::MultipleNumbers;
    QTest::newRow("comma") << "tel:13800138000,13900001234" << P::MultipleNumbers;
    QTest::newRow("encoded comma") << "tel:+8613800138000%2C+8613900001234" << P::MultipleNumbers;
    QTest::newRow("slash") << "tel:13800138000/13900001234" << P::MultipleNumbers;
    QTest::newRow("second global number") << "tel:13800138000+8613900001234" << P::MultipleNumbers;

    QTest::newRow("global number with context") << "tel:+8613800138000;phone-context=+86" << P::BadParameter;
    QTest::newRow("empty context") << "tel:13800138000;phone-context=" << P::BadParameter;
    QTest::newRow("two contexts") << "tel:13800138000;phone-context=+86;phone-context=+1" << P::BadParameter;
    QTest::newRow("bad domain") << "tel:13800138000;phone-context=exa_mple.com" << P::BadParameter;
    QTest::newRow("domain ending in digits")
        << "tel:13800138000;phone-context=example.123" << P::BadParameter;
    QTest::newRow("bad + context") << "tel:13800138000;phone-context=+86abc" << P::BadParameter;
    QTest::newRow("context + twice") << "tel:13800138000;phone-context=++86" << P::BadParameter;
    QTest::newRow("two extensions") << "tel:+8613800138000;ext=12;ext=34" << P::BadParameter;
    QTest::newRow("letters in ext") << "tel:+8613800138000;ext=abc" << P::BadParameter;
    QTest::newRow("smuggled parameter in ext")
        << "tel:+8613800138000;ext=1%3Bphone-context=x" << P::BadParameter;
    QTest::newRow("huge ext") << "tel:+8613800138000;ext=12345678901234567890" << P::BadParameter;
    QTest::newRow("markup as parameter name") << "tel:+8613800138000;<script>=1" << P::BadParameter;
    QTest::newRow("private number") << "tel:1234;phone-context=pbx.example.com" << P::PrivateNumber;

    QTest::newRow("not in China") << "tel:+1-212-555-1234" << P::InvalidNumber;
    QTest::newRow("context makes it foreign") << "tel:2125551234;phone-context=+1" << P::InvalidNumber;
    QTest::newRow("too few digits") << "tel:12345" << P::InvalidNumber;
    QTest::newRow("emergency number") << "tel:110" << P::InvalidNumber;
    QTest::newRow("two numbers run together") << "tel:+86 138 0013 8000 139 0000 1234" << P::InvalidNumber;

    QTest::newRow("257 characters") << QStringLiteral("tel:+86") + QString(250, QLatin1Char('1'))
                                    << P::TooLong;
    QTest::newRow("10 000 separators")
        << QStringLiteral("tel:") + QString(10000, QLatin1Char('-')) << P::TooLong;
    QTest::newRow("a megabyte") << QStringLiteral("tel:") + QString(1 << 20, QLatin1Char('9')) << P::TooLong;
    QTest::newRow("parameter flood") << QStringLiteral("tel:+8613800138000") +
                                            QStringLiteral(";a=b").repeated(80)
                                     << P::TooLong;
    QTest::newRow("within the cap, still no number")
        << QStringLiteral("tel:") + QString(TelUri::kMaxLength - 4, QLatin1Char('1')) << P::InvalidNumber;
}

void TestTelUri::refusesWithReason()
{
    QFETCH(QString, link);
    QFETCH(TelUri::Problem, problem);
    const TelUri uri = TelUri::parse(link);
    QVERIFY(!uri.isValid());
    QCOMPARE(uri.problem(), problem);
    QVERIFY2(!uri.problemText().isEmpty(), "every refusal says why");
    QVERIFY(uri.apiForm().isEmpty());
    QVERIFY(uri.note().isEmpty());
    // The reason never repeats what the link smuggled in.
    QVERIFY(!uri.problemText().contains(QLatin1String("<script>")));
    QVERIFY(!uri.problemText().contains(QLatin1Char('\n')));
}

void TestTelUri::extensionIsRefusedWithTheNumber()
{
    // Never dialled without it: the person who made the link wants extension 123, not the switchboard.
    for (const char *link : {"tel:+86-10-8888-6666;ext=1-2-3", "tel:010-8888-6666;ext=123;phone-context=+86",
                             "tel:+86-10-8888-6666;EXT=123"}) {
        const TelUri uri = TelUri::parse(QString::fromLatin1(link));
        QVERIFY2(!uri.isValid(), link);
        QCOMPARE(uri.problem(), TelUri::Problem::Extension);
        QCOMPARE(uri.extension(), QStringLiteral("123"));
        QVERIFY2(uri.problemText().contains(QLatin1String("010 8888 6666")), qPrintable(uri.problemText()));
        QVERIFY(uri.problemText().contains(QLatin1String("extension 123")));
        QVERIFY(uri.problemText().contains(QLatin1String("cannot dial extensions")));
    }

    const TelUri plain = TelUri::parse(QStringLiteral("tel:+8613800138000"));
    QVERIFY(plain.extension().isEmpty());
    QVERIFY(plain.note().isEmpty());
}

void TestTelUri::domainContextIsNamedInTheNote()
{
    const TelUri uri = TelUri::parse(QStringLiteral("tel:13800138000;phone-context=Sales.Example.COM"));
    QVERIFY2(uri.isValid(), qPrintable(uri.problemText()));
    QVERIFY(uri.note().contains(QLatin1String("sales.example.com")));

    const TelUri refused = TelUri::parse(QStringLiteral("tel:8000;phone-context=pbx.example.com"));
    QCOMPARE(refused.problem(), TelUri::Problem::PrivateNumber);
    QVERIFY(refused.problemText().contains(QLatin1String("pbx.example.com")));
}

void TestTelUri::recognisesLinkArguments()
{
    QVERIFY(TelUri::looksLikeLink(QStringLiteral("tel:+8613800138000")));
    QVERIFY(TelUri::looksLikeLink(QStringLiteral("CALLTO://x")));
    QVERIFY(!TelUri::looksLikeLink(QStringLiteral("--hidden")));
    QVERIFY(!TelUri::looksLikeLink(QStringLiteral("telephone")));
    QVERIFY(!TelUri::looksLikeLink(QStringLiteral("http://example.com")));
}

void TestTelUri::survivesRandomInput()
{
    // Random bytes and random mixes of the characters the parser cares about: every result is
    // either a valid number or a refusal with a reason, and nothing crashes.
    QRandomGenerator random(20240501);
    const QString alphabet = QStringLiteral("tel:callto/+-.()%0123456789;=,?#abcdefxABCDEF ") +
                             QChar(0x00A0) + QChar(0xFF11) + QChar(0x202E);
    for (int round = 0; round < 5000; ++round) {
        QString link = round % 2 ? QStringLiteral("tel:") : QString();
        const int length = int(random.bounded(1, 80));
        for (int i = 0; i < length; ++i) {
            if (round % 3 == 0)
                link += QChar(char16_t(random.bounded(1, 0xD7FF)));
            else
                link += alphabet.at(random.bounded(int(alphabet.size())));
        }
        const TelUri uri = TelUri::parse(link);
        if (uri.isValid())
            QVERIFY2(!uri.apiForm().isEmpty(), qPrintable(link));
        else
            QVERIFY2(!uri.problemText().isEmpty(), qPrintable(link));
    }
}

QTEST_GUILESS_MAIN(TestTelUri)
#include "tst_teluri.moc"
