// Filter-as-you-type: names, companies, any spelling of a number, pinyin and its initials,
// favourites first; narrowing and backspacing give the same answers as a fresh search; an index
// built on another thread is searched from several threads at once.
#include "contacts/ContactIndex.h"
#include "contacts/ContactSearch.h"
#include "contacts/ContactStore.h"
#include "contacts/Pinyin.h"

#include <QTest>

#include <thread>

using namespace onedial;

namespace {

Contact make(const QString &name, const QString &company, const QStringList &numbers, bool favourite = false)
{
    Contact contact;
    contact.name = name;
    contact.company = company;
    contact.favourite = favourite;
    for (const QString &typed : numbers)
        contact.numbers << ContactNumber{{}, typed, {}};
    const StorageResult checked = ContactStore::normalize(contact);
    Q_ASSERT_X(checked.ok(), "make", qPrintable(checked.message));
    static qint64 nextId = 1;
    contact.id = nextId++;
    return contact;
}

QList<Contact> people()
{
    return {
        make(QStringLiteral("张三"), QStringLiteral("华信科技"),
             {QStringLiteral("+86 138 0013 8000"), QStringLiteral("(0755) 2800 0003")}),
        make(QStringLiteral("李四"), QStringLiteral("中科物流"), {QStringLiteral("139 0000 1234")}, true),
        make(QStringLiteral("王五"), QStringLiteral("Acme Trading"), {QStringLiteral("010 6552 9988")}),
        make(QStringLiteral("张珊珊"), QString(), {QStringLiteral("186 2000 3000")}, true),
        make(QStringLiteral("单雄信"), QStringLiteral("瓦岗寨"), {QStringLiteral("137 1111 2222")}),
        make(QStringLiteral("欧阳娜娜"), QString(), {QStringLiteral("135 5555 6666")}),
        make(QStringLiteral("John Smith"), QStringLiteral("OneDial Ltd"), {QStringLiteral("13900001235")}),
    };
}

QStringList names(const ContactIndex &index, const QList<int> &positions)
{
    QStringList found;
    for (const int position : positions)
        found << index.contact(position).name;
    return found;
}

// A few thousand contacts whose names, companies and numbers overlap a lot, as real ones do.
QList<Contact> crowd(int count)
{
    const QStringList surnames =
        QStringLiteral("王 李 张 刘 陈 杨 黄 赵 周 吴 单 欧阳").split(QLatin1Char(' '));
    const QString given = QStringLiteral("伟芳娜秀英敏静丽强磊军洋勇艳杰三珊明");
    const QStringList companies =
        QStringLiteral("华信科技 中科物流 Acme Trading 北京长城贸易 深圳华南电子 ").split(QLatin1Char(' '));
    QList<Contact> contacts;
    for (int i = 0; i < count; ++i) {
        Contact contact;
        contact.id = 1000 + i;
        contact.name = surnames.at(i % surnames.size()) + given.at((i / 7) % given.size()) +
                       (i % 3 ? QString(given.at((i / 3) % given.size())) : QString());
        contact.company = companies.at((i / 5) % companies.size());
        contact.favourite = i % 17 == 0;
        const QString mobile =
            QStringLiteral("13%1%2").arg(i % 10).arg(i * 7919 % 100000000, 8, 10, QLatin1Char('0'));
        contact.numbers << ContactNumber{{}, QStringLiteral("86") + mobile, mobile};
        if (i % 4 == 0)
            contact.numbers << ContactNumber{{}, QStringLiteral("0755%1").arg(20000000 + i), {}};
        contacts << contact;
    }
    return contacts;
}

} // namespace

class TestContactSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void finds_data();
    void finds();
    void emptyQueryListsAllFavouritesFirst();
    void favouritesFirstInResults();
    void parsesQueries();
    void pinyinSyllables_data();
    void pinyinSyllables();
    void typingAndBackspaceMatchFreshSearches();
    void sweepAndPerContactMatchAgree();
    void builtOnOneThreadSearchedOnMany();
    void numbersComeBackAsStored();

private:
    std::shared_ptr<const ContactIndex> m_index;
};

void TestContactSearch::initTestCase()
{
    m_index = ContactIndex::build(people(), QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(m_index->size(), 7);
}

void TestContactSearch::finds_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("found");
    QTest::addColumn<QStringList>("notFound");
    const QString zhangSan = QStringLiteral("张三");
    QTest::newRow("pinyin initials") << "zs" << QStringList{zhangSan} << QStringList{QStringLiteral("李四")};
    QTest::newRow("full pinyin") << "zhangsan" << QStringList{zhangSan}
                                 << QStringList{QStringLiteral("张珊珊")};
    QTest::newRow("pinyin prefix") << "zhang" << QStringList{zhangSan, QStringLiteral("张珊珊")}
                                   << QStringList{QStringLiteral("王五")};
    QTest::newRow("pinyin with space") << "zhang san" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("pinyin upper case") << "ZhangSan" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("given-name pinyin") << "san" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("not mid-syllable")
        << "ang" << QStringList{} << QStringList{zhangSan, QStringLiteral("王五")};
    QTest::newRow("surname reading") << "shanxiongxin" << QStringList{QStringLiteral("单雄信")}
                                     << QStringList{};
    QTest::newRow("compound surname") << "oyn" << QStringList{QStringLiteral("欧阳娜娜")} << QStringList{};
    QTest::newRow("full-width letters") << "ｚｓ" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("chinese name") << "张" << QStringList{zhangSan, QStringLiteral("张珊珊")} << QStringList{};
    QTest::newRow("digits") << "13800" << QStringList{zhangSan} << QStringList{QStringLiteral("李四")};
    QTest::newRow("digits with space") << "138 00" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("international") << "+86 138" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("international prefix") << "0086 138 0013" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("dashes") << "138-0013-8000" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("last digits") << "8000" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("area code") << "0755" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("landline, international") << "+86 755 2800" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("landline in brackets")
        << "(010) 6552" << QStringList{QStringLiteral("王五")} << QStringList{};
    QTest::newRow("company") << "华信" << QStringList{zhangSan} << QStringList{QStringLiteral("李四")};
    QTest::newRow("company, any case") << "acme" << QStringList{QStringLiteral("王五")} << QStringList{};
    QTest::newRow("company pinyin") << "huaxin" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("company initials") << "hxkj" << QStringList{zhangSan} << QStringList{};
    QTest::newRow("latin name") << "smith" << QStringList{QStringLiteral("John Smith")} << QStringList{};
    QTest::newRow("latin initials") << "js" << QStringList{QStringLiteral("John Smith")} << QStringList{};
    QTest::newRow("nothing") << "99999" << QStringList{} << QStringList{zhangSan};
}

void TestContactSearch::finds()
{
    QFETCH(QString, query);
    QFETCH(QStringList, found);
    QFETCH(QStringList, notFound);
    const QStringList result = names(*m_index, m_index->search(ContactIndex::Query::parse(query)));
    for (const QString &name : std::as_const(found))
        QVERIFY2(result.contains(name),
                 qPrintable(name + QStringLiteral(" not in ") + result.join(QLatin1Char(','))));
    for (const QString &name : std::as_const(notFound))
        QVERIFY2(!result.contains(name),
                 qPrintable(name + QStringLiteral(" in ") + result.join(QLatin1Char(','))));
    if (found.isEmpty())
        QVERIFY2(result.isEmpty(), qPrintable(result.join(QLatin1Char(','))));
}

void TestContactSearch::emptyQueryListsAllFavouritesFirst()
{
    ContactSearch search(m_index);
    const QStringList all = names(*m_index, search.setQuery(QString()));
    QCOMPARE(all.size(), 7);
    // Favourites first, each group in pinyin order (a Chinese collation): li < zhang.
    QCOMPARE(all.mid(0, 2), (QStringList{QStringLiteral("李四"), QStringLiteral("张珊珊")}));
    const auto at = [&all](const char *name) {
        return all.indexOf(QString::fromUtf8(name));
    };
    QVERIFY(at("单雄信") < at("王五")); // 单 is dan in a dictionary order
    QVERIFY(at("王五") < at("张三"));
    QVERIFY(at("欧阳娜娜") < at("王五"));
    QCOMPARE(names(*m_index, search.setQuery(QStringLiteral("   "))), all);
}

void TestContactSearch::favouritesFirstInResults()
{
    ContactSearch search(m_index);
    QCOMPARE(names(*m_index, search.setQuery(QStringLiteral("zhang"))),
             (QStringList{QStringLiteral("张珊珊"), QStringLiteral("张三")}));
    QCOMPARE(names(*m_index, search.setQuery(QStringLiteral("13"))).first(), QStringLiteral("李四"));
}

void TestContactSearch::parsesQueries()
{
    const auto international = ContactIndex::Query::parse(QStringLiteral(" +86 138 "));
    QCOMPARE(international.text, QStringLiteral("+86 138"));
    QCOMPARE(international.digits, QByteArray("86138"));
    QVERIFY(international.pinyin.isEmpty());

    const auto name = ContactIndex::Query::parse(QStringLiteral("Zhang San"));
    QCOMPARE(name.text, QStringLiteral("zhang san"));
    QCOMPARE(name.pinyin, QByteArray("zhangsan"));
    QVERIFY(name.digits.isEmpty());

    const auto fullWidth = ContactIndex::Query::parse(QStringLiteral("１３８　００"));
    QCOMPARE(fullWidth.digits, QByteArray("13800"));

    QVERIFY(ContactIndex::Query::parse(QStringLiteral("zha"))
                .narrows(ContactIndex::Query::parse(QStringLiteral("zh"))));
    QVERIFY(!ContactIndex::Query::parse(QStringLiteral("zh"))
                 .narrows(ContactIndex::Query::parse(QStringLiteral("zha"))));
    // Typed in front: a pinyin match need not start where the shorter one did.
    QVERIFY(!ContactIndex::Query::parse(QStringLiteral("san"))
                 .narrows(ContactIndex::Query::parse(QStringLiteral("an"))));
    QVERIFY(!ContactIndex::Query::parse(QStringLiteral("+8"))
                 .narrows(ContactIndex::Query::parse(QStringLiteral("+"))));
}

void TestContactSearch::pinyinSyllables_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("personName");
    QTest::addColumn<QByteArrayList>("syllables");
    QTest::newRow("name") << "张三" << true << QByteArrayList{"zhang", "san"};
    QTest::newRow("surname reading") << "单雄信" << true << QByteArrayList{"shan", "xiong", "xin"};
    QTest::newRow("same character, not a name") << "单" << false << QByteArrayList{"dan"};
    QTest::newRow("mixed") << "王小明 Tom" << true << QByteArrayList{"wang", "xiao", "ming", "tom"};
    QTest::newRow("accents") << "Zoë Müller" << true << QByteArrayList{"zoe", "muller"};
    QTest::newRow("punctuation") << "华信（深圳）-2号" << false
                                 << QByteArrayList{"hua", "xin", "shen", "zhen", "2", "hao"};
    QTest::newRow("empty") << "" << true << QByteArrayList{};
}

void TestContactSearch::pinyinSyllables()
{
    QFETCH(QString, text);
    QFETCH(bool, personName);
    QFETCH(QByteArrayList, syllables);
    QCOMPARE(Pinyin::syllables(text, personName ? Pinyin::Kind::PersonName : Pinyin::Kind::Other), syllables);
}

void TestContactSearch::typingAndBackspaceMatchFreshSearches()
{
    const auto index = ContactIndex::build(crowd(3000));
    ContactSearch search(index);
    const QStringList typing{QStringLiteral("z"),
                             QStringLiteral("zh"),
                             QStringLiteral("zha"),
                             QStringLiteral("zhan"),
                             QStringLiteral("zhang"),
                             QStringLiteral("zhangs"),
                             QStringLiteral("zhang"),
                             QStringLiteral("zhan"),
                             QStringLiteral("z"),
                             QStringLiteral("zs"),
                             QString(),
                             QStringLiteral("1"),
                             QStringLiteral("13"),
                             QStringLiteral("135"),
                             QStringLiteral("135 0"),
                             QStringLiteral("13"),
                             QStringLiteral("+"),
                             QStringLiteral("+8"),
                             QStringLiteral("+86"),
                             QStringLiteral("+86 7"),
                             QStringLiteral("+86 75"),
                             QStringLiteral("华"),
                             QStringLiteral("华信"),
                             QStringLiteral("a"),
                             QStringLiteral("ac"),
                             QStringLiteral("acm"),
                             QStringLiteral("l"),
                             QStringLiteral("li"),
                             QStringLiteral("liw"),
                             QStringLiteral("liwe")};
    for (const QString &typed : typing) {
        const QList<int> fresh = index->search(ContactIndex::Query::parse(typed));
        QCOMPARE(search.setQuery(typed), fresh);
    }
    QVERIFY(!index->search(ContactIndex::Query::parse(QStringLiteral("zhang"))).isEmpty());
}

void TestContactSearch::sweepAndPerContactMatchAgree()
{
    const auto index = ContactIndex::build(crowd(1500));
    for (const char *typed : {"zh", "san", "zs", "hx", "7919", "0755", "+86 755", "信", "trading", "w"}) {
        const auto query = ContactIndex::Query::parse(QString::fromUtf8(typed));
        QList<int> oneByOne;
        for (int position = 0; position < index->size(); ++position) {
            if (index->matches(position, query))
                oneByOne << position;
        }
        QCOMPARE(index->search(query), oneByOne);
    }
}

void TestContactSearch::builtOnOneThreadSearchedOnMany()
{
    std::shared_ptr<const ContactIndex> built;
    std::thread builder([&built] { built = ContactIndex::build(crowd(4000)); });
    builder.join();
    QVERIFY(built);
    QCOMPARE(built->size(), 4000);

    const QStringList queries{QStringLiteral("zhang"), QStringLiteral("138"), QStringLiteral("华信")};
    QList<QList<int>> expected;
    for (const QString &query : queries)
        expected << built->search(ContactIndex::Query::parse(query));
    QList<QList<int>> fromThreads[2];
    std::thread first([&] {
        for (const QString &query : queries)
            fromThreads[0] << built->search(ContactIndex::Query::parse(query));
    });
    std::thread second([&] {
        ContactSearch search(built);
        for (const QString &query : queries)
            fromThreads[1] << search.setQuery(query);
    });
    first.join();
    second.join();
    QCOMPARE(fromThreads[0], expected);
    QCOMPARE(fromThreads[1], expected);
}

void TestContactSearch::numbersComeBackAsStored()
{
    // Display forms are kept as the places of their spaces when they are the national digits in
    // groups, and whole otherwise; either way a contact's numbers come back exactly as stored.
    const QList<ContactNumber> numbers{
        {QStringLiteral("mobile"), QStringLiteral("8613800138000"), QStringLiteral("138 0013 8000")},
        {{}, QStringLiteral("075528000003"), QStringLiteral("0755 2800 0003")},
        {{}, QStringLiteral("01065529988"), QStringLiteral("010 6552 9988")},
        {{}, QStringLiteral("8613912345678"), QStringLiteral("13912345678")},
        {{}, QStringLiteral("075528000003"), QStringLiteral("(0755) 2800-0003")},
        {{}, QStringLiteral("8613800138000"), QStringLiteral("+86 138 0013 8000")},
        {{}, QStringLiteral("8613800138000"), QStringLiteral("138  0013 8000")},
        {{}, QStringLiteral("8613800138000"), QStringLiteral("138 0013 8000 ")},
        {{}, QStringLiteral("8613800138000"), QStringLiteral(" 138 0013 8000")},
        {{}, QStringLiteral("8613800138000"), QStringLiteral("138 0013 800")},
        {{}, QStringLiteral("8613800138000"), QStringLiteral("办公室")},
        {{}, QStringLiteral("8613800138000"), QString()},
        {{}, QStringLiteral("1234567890123456"), QStringLiteral("1234 5678 9012 3456")},
    };
    Contact contact;
    contact.id = 1;
    contact.name = QStringLiteral("张三");
    contact.numbers = numbers;
    const auto index = ContactIndex::build({contact});
    QCOMPARE(index->numbers(0), numbers);
}

QTEST_GUILESS_MAIN(TestContactSearch)
#include "tst_contactsearch.moc"
