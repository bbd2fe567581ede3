// Numbers found in free text: the shared corpus (the browser extension's finder is held to the same
// file), and what a selection made anywhere can hold.
#include "TestEnvironment.h"
#include "phone/NumberFinder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace onedial;
using onedial::test::testDataPath;

class TestNumberFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithTheSharedCorpus_data();
    void agreesWithTheSharedCorpus();
    void positionsAreThoseOfTheTextAsGiven();
    void contextSaysWhichNumberIsWhich();
    void dialableNumbersComeOnceEach();
    void anExtensionIsNotDialled();
    void hostileTextIsBounded();
};

void TestNumberFinder::agreesWithTheSharedCorpus_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("numbers");
    QTest::addColumn<QStringList>("other");
    QFile file(testDataPath(QStringLiteral("phone-corpus.json")));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QJsonParseError error{};
    const QJsonArray corpus = QJsonDocument::fromJson(file.readAll(), &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    // The floor: at least 100 sentences, with numbers and without.
    QVERIFY(corpus.size() >= 100);
    int withNumbers = 0;
    int withNothing = 0;
    for (const QJsonValue &value : corpus) {
        const QJsonObject entry = value.toObject();
        const QStringList numbers = entry.value(QStringLiteral("numbers")).toVariant().toStringList();
        const QStringList other = entry.value(QStringLiteral("other")).toVariant().toStringList();
        withNumbers += numbers.isEmpty() ? 0 : 1;
        withNothing += numbers.isEmpty() && other.isEmpty() ? 1 : 0;
        const QString text = entry.value(QStringLiteral("text")).toString();
        QTest::newRow(qPrintable(text)) << text << numbers << other;
    }
    QVERIFY(withNumbers >= 40);
    QVERIFY(withNothing >= 30);
}

void TestNumberFinder::agreesWithTheSharedCorpus()
{
    QFETCH(QString, text);
    QFETCH(QStringList, numbers);
    QFETCH(QStringList, other);
    QStringList foundNumbers;
    QStringList foundOther;
    for (const FoundNumber &found : NumberFinder::find(text)) {
        (found.dialable() ? foundNumbers : foundOther).append(found.e164);
        // What was found is what is written there, and reads as the same number on its own.
        QCOMPARE(found.written, text.mid(found.start, found.length));
        if (found.dialable())
            QCOMPARE(PhoneNumber::parse(found.written).apiForm(), found.number.apiForm());
        else
            QVERIFY(!PhoneNumber::parse(found.written).isValid() || text.contains(QStringLiteral("转")));
    }
    QCOMPARE(foundNumbers, numbers);
    QCOMPARE(foundOther, other);
}

void TestNumberFinder::positionsAreThoseOfTheTextAsGiven()
{
    // Characters of one, two, three and four UTF-8 bytes (an emoji is two UTF-16 units) before the
    // number: the matcher counts bytes, the finder must answer in the string's own positions.
    const QString prefix = QStringLiteral("a é 电话 \U0001F4DE ");
    const QString text = prefix + QStringLiteral("138-0013-8000 then \U0001F600 0755 2800 0003.");
    const QList<FoundNumber> found = NumberFinder::find(text);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).start, prefix.size());
    QCOMPARE(found.at(0).written, QStringLiteral("138-0013-8000"));
    QCOMPARE(found.at(0).number.apiForm(), QStringLiteral("8613800138000"));
    QCOMPARE(found.at(1).written, QStringLiteral("0755 2800 0003"));
    QCOMPARE(found.at(1).number.apiForm(), QStringLiteral("075528000003"));
    // A date blanked out before matching moves nothing after it.
    const QString dated = QStringLiteral("2023年11月8日 电话 13900139000");
    const QList<FoundNumber> afterDate = NumberFinder::find(dated);
    QCOMPARE(afterDate.size(), 1);
    QCOMPARE(afterDate.at(0).written, QStringLiteral("13900139000"));
}

void TestNumberFinder::contextSaysWhichNumberIsWhich()
{
    const QString text =
        QStringLiteral("王经理的手机：13800138000\n办公室座机：010-6552-9988，传真号码另见名片背面的说明");
    const QList<FoundNumber> found = NumberFinder::find(text);
    QCOMPARE(found.size(), 2);
    // The words of the number's own line, never those of the next.
    QCOMPARE(found.at(0).context, QStringLiteral("王经理的手机：13800138000"));
    // Cut with an ellipsis where the line goes on.
    QCOMPARE(found.at(1).context, QStringLiteral("办公室座机：010-6552-9988，传真号码另见名片背面的…"));
    const QString longLine = QStringLiteral("这是一段很长的说明文字，其中提到电话 13900139000 以及别的内容");
    const QList<FoundNumber> inLongLine = NumberFinder::find(longLine);
    QCOMPARE(inLongLine.size(), 1);
    QCOMPARE(inLongLine.at(0).context, QStringLiteral("…说明文字，其中提到电话 13900139000 以及别的内容"));
}

void TestNumberFinder::dialableNumbersComeOnceEach()
{
    const QString text = QStringLiteral("热线 400-810-5688，手机 138 0013 8000，再说一遍：+86 138-0013-8000，"
                                        "美国 +1 650 253 0000，座机 0755 2800 0003");
    const QList<FoundNumber> all = NumberFinder::find(text);
    QCOMPARE(all.size(), 5);
    const QList<FoundNumber> dialable = NumberFinder::findDialable(text);
    QCOMPARE(dialable.size(), 2);
    QCOMPARE(dialable.at(0).number.apiForm(), QStringLiteral("8613800138000"));
    QCOMPARE(dialable.at(0).written, QStringLiteral("138 0013 8000")); // the first time it is written
    QCOMPARE(dialable.at(1).number.apiForm(), QStringLiteral("075528000003"));
    // The 400 number is found (so none of its digits is taken for another number) but not dialable.
    QCOMPARE(all.at(0).e164, QStringLiteral("+864008105688"));
    QVERIFY(!all.at(0).dialable());
}

void TestNumberFinder::anExtensionIsNotDialled()
{
    // Found, so the digits are not read as something else, but refused as a dial refuses
    // "0755 2800 0003 转 12": the service would ring the switchboard, not the extension.
    for (const QString &text :
         {QStringLiteral("总机 021-64377000 转 8001"), QStringLiteral("电话 020-83338888分机号：12"),
          QStringLiteral("Call +86 21 6437 7000 ext. 8001")}) {
        const QList<FoundNumber> found = NumberFinder::find(text);
        QCOMPARE(found.size(), 1);
        QVERIFY2(!found.at(0).dialable(), qPrintable(text));
        QCOMPARE(found.at(0).number.problem(), PhoneNumber::Problem::Extension);
        QVERIFY(NumberFinder::findDialable(text).isEmpty());
    }
}

void TestNumberFinder::hostileTextIsBounded()
{
    // A whole page selected: only the first kMaxTextLength characters are read.
    QString page;
    while (page.size() < 3 * NumberFinder::kMaxTextLength)
        page += QStringLiteral("客户 13800138000 ");
    const QList<FoundNumber> many = NumberFinder::find(page);
    QVERIFY(!many.isEmpty());
    QVERIFY(many.size() <= NumberFinder::kMaxNumbers);
    QVERIFY(many.last().start + many.last().length <= NumberFinder::kMaxTextLength);
    // A lone surrogate, control characters and nothing at all.
    QString broken = QStringLiteral("电话 13800138000 ");
    broken += QChar(0xD800);
    broken += QStringLiteral(" \x01\x7f 13900139000");
    // The numbers either side of a broken character are still found, at their own positions.
    const QList<FoundNumber> aroundBroken = NumberFinder::find(broken);
    QCOMPARE(aroundBroken.size(), 2);
    for (const FoundNumber &found : aroundBroken)
        QCOMPARE(found.written, broken.mid(found.start, found.length));
    QCOMPARE(aroundBroken.at(1).written, QStringLiteral("13900139000"));
    // Unpaired surrogates of both kinds, at the start, the end and side by side.
    QString surrogates;
    surrogates += QChar(0xDC00);
    surrogates += QStringLiteral("电话 13800138000");
    surrogates += QChar(0xD83D);
    surrogates += QChar(0xD83D);
    surrogates += QStringLiteral(" 0755 2800 0003");
    surrogates += QChar(0xD800);
    const QList<FoundNumber> inSurrogates = NumberFinder::find(surrogates);
    QCOMPARE(inSurrogates.size(), 2);
    QCOMPARE(inSurrogates.at(1).written, QStringLiteral("0755 2800 0003"));
    QCOMPARE(surrogates.mid(inSurrogates.at(1).start, inSurrogates.at(1).length),
             QStringLiteral("0755 2800 0003"));
    QVERIFY(NumberFinder::find(QString()).isEmpty());
    QVERIFY(NumberFinder::find(QString(5000, QLatin1Char('9'))).isEmpty());
}

QTEST_GUILESS_MAIN(TestNumberFinder)
#include "tst_numberfinder.moc"
