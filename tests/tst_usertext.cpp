// The one cleaning of user text (UserText): what goes, what becomes a space or a line break, what
// stays (text in any script, the weak bidirectional marks), and the escapes for a terminal.
#include "core/UserText.h"

#include <QTest>

using onedial::UserText;

class TestUserText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanLine_data();
    void cleanLine();
    void cleanMultiline_data();
    void cleanMultiline();
    void escaped();
    void toolTip();
};

void TestUserText::cleanLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("clean");
    QTest::newRow("plain") << QStringLiteral("  张三 Zhang  ") << QStringLiteral("张三 Zhang");
    QTest::newRow("override") << QStringLiteral("\u202Egnp.exe") << QStringLiteral("gnp.exe");
    QTest::newRow("every bidi control")
        << QStringLiteral("a\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069b") << QStringLiteral("ab");
    QTest::newRow("weak marks stay") << QStringLiteral("\u05D0\u200F1") << QStringLiteral("\u05D0\u200F1");
    QTest::newRow("escape sequence") << QStringLiteral("red\u001B[31m") << QStringLiteral("red[31m");
    QTest::newRow("C1 and DEL") << QStringLiteral("a\u009B2J\u007Fb") << QStringLiteral("a2Jb");
    QTest::newRow("breaks become one space")
        << QStringLiteral("张三\r\n李四\t\u2028x") << QStringLiteral("张三 李四 x");
    QTest::newRow("nothing left") << QStringLiteral("\u202E\u0007") << QString();
}

void TestUserText::cleanLine()
{
    QFETCH(QString, text);
    QFETCH(QString, clean);
    QCOMPARE(UserText::cleanLine(text), clean);
    QVERIFY(!UserText::hasUnsafe(UserText::cleanLine(text)));
}

void TestUserText::cleanMultiline_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("clean");
    QTest::newRow("breaks kept") << QStringLiteral("a\r\nb\rc\u2029d\u0085e")
                                 << QStringLiteral("a\nb\nc\nd\ne");
    QTest::newRow("tab kept") << QStringLiteral("a\tb") << QStringLiteral("a\tb");
    QTest::newRow("controls go") << QStringLiteral("\u202Ea\u0007\u001B[2J") << QStringLiteral("a[2J");
}

void TestUserText::cleanMultiline()
{
    QFETCH(QString, text);
    QFETCH(QString, clean);
    QCOMPARE(UserText::cleanMultiline(text), clean);
}

void TestUserText::escaped()
{
    QCOMPARE(UserText::escaped(QStringLiteral("a\u202Eb\u001B\n"), true),
             QStringLiteral("a\\u{202E}b\\u{1B}\n"));
    QCOMPARE(UserText::escaped(QStringLiteral("a\nb\tc"), false), QStringLiteral("a\\u{A}b\\u{9}c"));
    QCOMPARE(UserText::escaped(QStringLiteral("C:\\files 张三"), false), QStringLiteral("C:\\files 张三"));
}

void TestUserText::toolTip()
{
    QCOMPARE(UserText::toolTip(QStringLiteral("<b>x</b> & y\n\u202Ez")),
             QStringLiteral("<qt>&lt;b&gt;x&lt;/b&gt; &amp; y<br>z</qt>"));
    QCOMPARE(UserText::toolTip(QString()), QString());
}

QTEST_GUILESS_MAIN(TestUserText)
#include "tst_usertext.moc"
