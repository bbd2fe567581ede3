// The contact list model under QAbstractItemModelTester (fatal on any breach) while it loads on
// a worker thread from a real SQLite file, filters as the user types, and reloads.
#include "contacts/ContactModel.h"
#include "contacts/ContactStore.h"
#include "storage/Database.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace onedial;

namespace {

constexpr int kLoadTimeoutMs = 60000;

QList<Contact> sampleContacts(int count)
{
    const QStringList surnames = QStringLiteral("王 李 张 刘 陈 杨").split(QLatin1Char(' '));
    const QString given = QStringLiteral("伟芳娜秀英敏");
    QList<Contact> contacts;
    for (int i = 0; i < count; ++i) {
        Contact contact;
        contact.name = surnames.at(i % surnames.size()) + given.at(i % given.size()) + QString::number(i);
        contact.company = i % 2 ? QStringLiteral("华信科技") : QStringLiteral("Acme");
        contact.favourite = i % 50 == 0;
        contact.numbers << ContactNumber{
            QStringLiteral("mobile"), QStringLiteral("139%1").arg(i, 8, 10, QLatin1Char('0')), {}};
        contacts << contact;
    }
    return contacts;
}

} // namespace

class TestContactModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loadsOnAWorkerThread();
    void filtersAsYouType();
    void showsContactData();
    void reloadKeepsTheFilter();
    void newerReloadWins();
    void unusableFileKeepsTheRows();
    void namesOrderByPinyinInEveryLanguage_data();
    void namesOrderByPinyinInEveryLanguage();

private:
    void addContacts(const QList<Contact> &contacts);
    bool load();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<ContactModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestContactModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("onedial.sqlite"));
    m_model = std::make_unique<ContactModel>();
    m_model->setCollationLocale(QLocale(QLocale::Chinese, QLocale::China));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestContactModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestContactModel::addContacts(const QList<Contact> &contacts)
{
    Database database(m_path);
    QVERIFY(database.open().ok());
    QList<Contact> stored = contacts;
    const StorageResult added = ContactStore(database).addAll(stored);
    QVERIFY2(added.ok(), qPrintable(added.message));
}

bool TestContactModel::load()
{
    QSignalSpy loaded(m_model.get(), &ContactModel::loaded);
    m_model->reload(m_path);
    return loaded.wait(kLoadTimeoutMs);
}

void TestContactModel::loadsOnAWorkerThread()
{
    addContacts(sampleContacts(3000));
    QSignalSpy loading(m_model.get(), &ContactModel::loadingChanged);
    QSignalSpy loaded(m_model.get(), &ContactModel::loaded);
    m_model->reload(m_path);
    // reload() returned before anything was read: the work happens elsewhere.
    QVERIFY(m_model->isLoading());
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(loaded.wait(kLoadTimeoutMs));
    QCOMPARE(loaded.first().first().toInt(), 3000);
    QVERIFY(!m_model->isLoading());
    QCOMPARE(loading.count(), 2);
    QCOMPARE(loading.at(0).first().toBool(), true);
    QCOMPARE(loading.at(1).first().toBool(), false);
    QCOMPARE(m_model->rowCount(), 3000);
    QCOMPARE(m_model->totalCount(), 3000);
    // Favourites first.
    QVERIFY(m_model->data(m_model->index(0, 0), ContactModel::FavouriteRole).toBool());
    QVERIFY(!m_model->data(m_model->index(60, 0), ContactModel::FavouriteRole).toBool());
}

void TestContactModel::filtersAsYouType()
{
    QList<Contact> contacts = sampleContacts(400);
    Contact zhangSan;
    zhangSan.name = QStringLiteral("张三");
    zhangSan.numbers << ContactNumber{{}, QStringLiteral("+86 138 0013 8000"), {}};
    contacts << zhangSan;
    addContacts(contacts);
    QVERIFY(load());

    for (const char *typed : {"z", "zh", "zha", "zhang", "zhangs", "zhangsa", "zhangsan"}) {
        m_model->setFilter(QString::fromUtf8(typed));
        QVERIFY(m_model->rowCount() >= 1);
        QCOMPARE(m_model->rowOf(m_model->contactAt(0).id), 0);
    }
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->contactAt(0).name, QStringLiteral("张三"));
    QCOMPARE(m_model->filter(), QStringLiteral("zhangsan"));

    const qint64 zhangSanId = m_model->contactAt(0).id;
    m_model->setFilter(QStringLiteral("zs"));
    QVERIFY(m_model->rowOf(zhangSanId) >= 0);

    m_model->setFilter(QStringLiteral("138 0013"));
    QCOMPARE(m_model->rowCount(), 1);
    m_model->setFilter(QStringLiteral("no such contact"));
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setFilter(QString());
    QCOMPARE(m_model->rowCount(), 401);
}

void TestContactModel::showsContactData()
{
    Contact contact;
    contact.name = QStringLiteral("张三");
    contact.company = QStringLiteral("华信科技");
    contact.favourite = true;
    contact.numbers << ContactNumber{QStringLiteral("mobile"), QStringLiteral("13800138000"), {}}
                    << ContactNumber{QStringLiteral("office"), QStringLiteral("075528000003"), {}};
    addContacts({contact});
    QVERIFY(load());
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->columnCount(), int(ContactModel::ColumnCount));

    auto cell = [this](int column, int role = Qt::DisplayRole) {
        return m_model->index(0, column).data(role);
    };
    QCOMPARE(cell(ContactModel::NameColumn).toString(), QStringLiteral("张三"));
    QCOMPARE(cell(ContactModel::CompanyColumn).toString(), QStringLiteral("华信科技"));
    QCOMPARE(cell(ContactModel::NumbersColumn).toString(), QStringLiteral("138 0013 8000, 0755 2800 0003"));
    QVERIFY(cell(ContactModel::NumbersColumn, Qt::ToolTipRole).toString().contains(QStringLiteral("office")));
    QCOMPARE(cell(ContactModel::FavouriteColumn).toString(), QStringLiteral("\u2605"));
    QCOMPARE(cell(ContactModel::FavouriteColumn, Qt::AccessibleTextRole).toString(),
             QStringLiteral("Favourite"));
    QCOMPARE(cell(ContactModel::NameColumn, ContactModel::ApiFormsRole).toStringList(),
             (QStringList{QStringLiteral("8613800138000"), QStringLiteral("075528000003")}));
    QCOMPARE(cell(ContactModel::NameColumn, ContactModel::LabelsRole).toStringList(),
             (QStringList{QStringLiteral("mobile"), QStringLiteral("office")}));
    QVERIFY(cell(ContactModel::NameColumn, ContactModel::ContactIdRole).toLongLong() > 0);
    QCOMPARE(m_model->headerData(ContactModel::NameColumn, Qt::Horizontal).toString(),
             QStringLiteral("Name"));
    QCOMPARE(
        m_model->headerData(ContactModel::FavouriteColumn, Qt::Horizontal, Qt::AccessibleTextRole).toString(),
        QStringLiteral("Favourite"));
}

void TestContactModel::reloadKeepsTheFilter()
{
    addContacts(sampleContacts(100));
    QVERIFY(load());
    m_model->setFilter(QStringLiteral("华信"));
    QCOMPARE(m_model->rowCount(), 50);

    Contact another;
    another.name = QStringLiteral("新客户");
    another.company = QStringLiteral("华信科技");
    another.numbers << ContactNumber{{}, QStringLiteral("137 0000 0001"), {}};
    addContacts({another});
    QVERIFY(load());
    QCOMPARE(m_model->filter(), QStringLiteral("华信"));
    QCOMPARE(m_model->rowCount(), 51);
    QVERIFY(m_model->rowOf(m_model->contactAt(0).id) == 0);
    QCOMPARE(m_model->totalCount(), 101);
}

void TestContactModel::newerReloadWins()
{
    addContacts(sampleContacts(200));
    QSignalSpy loaded(m_model.get(), &ContactModel::loaded);
    QSignalSpy loading(m_model.get(), &ContactModel::loadingChanged);
    QTemporaryDir other;
    const QString emptyFile = other.filePath(QStringLiteral("empty.sqlite"));
    m_model->reload(m_path);
    m_model->reload(emptyFile); // supersedes the first
    QVERIFY(loaded.wait(kLoadTimeoutMs));
    // Let the first load finish and deliver its result too: it must be dropped.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(kLoadTimeoutMs));
    QCoreApplication::processEvents();
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().first().toInt(), 0);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(loading.count(), 2);
}

void TestContactModel::namesOrderByPinyinInEveryLanguage_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("Chinese") << QLocale(QLocale::Chinese, QLocale::China);
}

void TestContactModel::namesOrderByPinyinInEveryLanguage()
{
    // Chinese names among the Latin ones by their pinyin, as Chinese address books order them:
    // never all Han names after (English collation) or before (Chinese collation) the others.
    QFETCH(QLocale, locale);
    m_model->setCollationLocale(locale);
    QList<Contact> contacts;
    for (const char *name :
         {"周敏", "Zack Wu", "陈小明", "David Brown", "张三", "Alice", "阿里", "李四", "单田芳"})
        contacts << Contact{
            0, QString::fromUtf8(name), {}, {}, false, {{{}, QStringLiteral("138 0013 8000"), {}}}};
    // One number per contact: each gets its own.
    for (qsizetype i = 0; i < contacts.size(); ++i)
        contacts[i].numbers[0].display = QStringLiteral("138 0013 80%1").arg(i, 2, 10, QLatin1Char('0'));
    addContacts(contacts);
    QVERIFY(load());
    QStringList order;
    for (int row = 0; row < m_model->rowCount(); ++row)
        order << m_model->index(row, ContactModel::NameColumn).data().toString();
    // 单 as a surname is shan, after 李 (li) and before 张 (zhang).
    const QStringList expected{
        QStringLiteral("阿里"),        QStringLiteral("Alice"), QStringLiteral("陈小明"),
        QStringLiteral("David Brown"), QStringLiteral("李四"),  QStringLiteral("单田芳"),
        QStringLiteral("Zack Wu"),     QStringLiteral("张三"),  QStringLiteral("周敏")};
    QCOMPARE(order, expected);
}

void TestContactModel::unusableFileKeepsTheRows()
{
    addContacts(sampleContacts(10));
    QVERIFY(load());
    QCOMPARE(m_model->rowCount(), 10);

    const QString broken = m_dir->filePath(QStringLiteral("broken.sqlite"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    QSignalSpy failed(m_model.get(), &ContactModel::loadFailed);
    m_model->reload(broken);
    QVERIFY(failed.wait(kLoadTimeoutMs));
    QCOMPARE(failed.first().first().value<StorageResult>().error, StorageError::Corrupt);
    QVERIFY(!m_model->isLoading());
    QCOMPARE(m_model->rowCount(), 10);
}

QTEST_GUILESS_MAIN(TestContactModel)
#include "tst_contactmodel.moc"
