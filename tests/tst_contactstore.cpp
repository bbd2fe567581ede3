// Contacts in a real SQLite file: numbers stored the way the API takes them, bad numbers refused
// with their reason and nothing stored, updates and removals whole, calls outliving contacts.
#include "contacts/ContactStore.h"
#include "history/HistoryStore.h"
#include "storage/Database.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace onedial;

namespace {

Contact zhangSan()
{
    Contact contact;
    contact.name = QStringLiteral("  张三 ");
    contact.company = QStringLiteral("华信科技");
    contact.notes = QStringLiteral("prefers mornings");
    contact.numbers << ContactNumber{QStringLiteral("mobile"), QStringLiteral("+86 138 0013 8000"), {}}
                    << ContactNumber{QStringLiteral("office"), {}, QStringLiteral("(0755) 2800 0003")};
    return contact;
}

// Customer 0 … Customer count-1, each with one mobile number of its own (139 0000 0000 on).
QList<Contact> customers(int count)
{
    QList<Contact> contacts;
    for (int i = 0; i < count; ++i) {
        Contact contact;
        contact.name = QStringLiteral("Customer %1").arg(i);
        contact.numbers << ContactNumber{{}, QStringLiteral("1390000%1").arg(i, 4, 10, QLatin1Char('0')), {}};
        contacts << contact;
    }
    return contacts;
}

} // namespace

class TestContactStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void addStoresNumbersInApiAndDisplayForm();
    void badNumberIsRejectedWithItsReason_data();
    void badNumberIsRejectedWithItsReason();
    void nameIsRequired();
    void updateReplacesNumbers();
    void updateOfRemovedContactIsNotFound();
    void removeKeepsTheCallsInHistory();
    void addAllIsAllOrNothing();
    void addAllStoresEveryTextAsGiven();
    void addAllFailureInTheDatabaseLeavesNothing();
    void findByNumber();
    void countAndAll();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

void TestContactStore::init()
{
    m_database.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>(m_dir->filePath(QStringLiteral("onedial.sqlite")));
    QVERIFY(m_database->open().ok());
}

void TestContactStore::addStoresNumbersInApiAndDisplayForm()
{
    ContactStore store(*m_database);
    Contact contact = zhangSan();
    const StorageResult added = store.add(contact);
    QVERIFY2(added.ok(), qPrintable(added.message));
    QVERIFY(contact.id > 0);

    // Read back through a second connection: what is on disk, not what is cached.
    Database other(m_database->path());
    QVERIFY(other.open().ok());
    const auto stored = ContactStore(other).get(contact.id);
    QVERIFY(stored);
    QCOMPARE(stored->name, QStringLiteral("张三"));
    QCOMPARE(stored->company, QStringLiteral("华信科技"));
    QCOMPARE(stored->notes, QStringLiteral("prefers mornings"));
    QCOMPARE(stored->favourite, false);
    QCOMPARE(stored->numbers.size(), 2);
    QCOMPARE(stored->numbers.at(0), (ContactNumber{QStringLiteral("mobile"), QStringLiteral("8613800138000"),
                                                   QStringLiteral("138 0013 8000")}));
    QCOMPARE(stored->numbers.at(1), (ContactNumber{QStringLiteral("office"), QStringLiteral("075528000003"),
                                                   QStringLiteral("0755 2800 0003")}));
    QCOMPARE(*stored, contact);
}

void TestContactStore::badNumberIsRejectedWithItsReason_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("too short") << "12345"
                               << "12345";
    QTest::newRow("words") << "call me"
                           << "has letters in it";
    QTest::newRow("letter O for a zero") << "138 0013 800O"
                                         << "has letters in it";
    QTest::newRow("extension") << "0755 2800 0003 x99"
                               << "cannot dial extensions";
    QTest::newRow("abroad") << "+1 650 253 0000"
                            << "not a Chinese number";
    QTest::newRow("empty") << ""
                           << "Enter a phone number";
}

void TestContactStore::badNumberIsRejectedWithItsReason()
{
    QFETCH(QString, typed);
    QFETCH(QString, reasonContains);
    ContactStore store(*m_database);
    Contact contact = zhangSan();
    contact.numbers << ContactNumber{{}, typed, {}};
    const StorageResult added = store.add(contact);
    QCOMPARE(added.error, StorageError::Rejected);
    QVERIFY2(added.message.contains(reasonContains), qPrintable(added.message));
    QCOMPARE(contact.id, 0);
    QCOMPARE(store.count(), 0);
}

void TestContactStore::nameIsRequired()
{
    ContactStore store(*m_database);
    Contact contact = zhangSan();
    contact.name = QStringLiteral("   ");
    QCOMPARE(store.add(contact).error, StorageError::Rejected);

    Contact twice = zhangSan();
    twice.numbers << ContactNumber{{}, QStringLiteral("138-0013-8000"), {}};
    const StorageResult duplicate = store.add(twice);
    QCOMPARE(duplicate.error, StorageError::Rejected);
    QVERIFY(duplicate.message.contains(QStringLiteral("138 0013 8000")));
    QCOMPARE(store.count(), 0);
}

void TestContactStore::updateReplacesNumbers()
{
    ContactStore store(*m_database);
    Contact contact = zhangSan();
    QVERIFY(store.add(contact).ok());

    contact.name = QStringLiteral("张三丰");
    contact.favourite = true;
    contact.numbers = {ContactNumber{QStringLiteral("new"), QStringLiteral("139 0000 1234"), {}}};
    QVERIFY(store.update(contact).ok());
    const auto stored = store.get(contact.id);
    QVERIFY(stored);
    QCOMPARE(stored->name, QStringLiteral("张三丰"));
    QVERIFY(stored->favourite);
    QCOMPARE(stored->numbers.size(), 1);
    QCOMPARE(stored->numbers.first().apiForm, QStringLiteral("8613900001234"));

    // A bad number in an update leaves the stored contact as it was.
    Contact broken = *stored;
    broken.name = QStringLiteral("changed");
    broken.numbers << ContactNumber{{}, QStringLiteral("999"), {}};
    QCOMPARE(store.update(broken).error, StorageError::Rejected);
    QCOMPARE(*store.get(contact.id), *stored);
}

void TestContactStore::updateOfRemovedContactIsNotFound()
{
    ContactStore store(*m_database);
    Contact contact = zhangSan();
    QVERIFY(store.add(contact).ok());
    QVERIFY(store.remove(contact.id).ok());
    QCOMPARE(store.update(contact).error, StorageError::NotFound);
    QCOMPARE(store.remove(contact.id).error, StorageError::NotFound);
    StorageResult status;
    QVERIFY(!store.get(contact.id, &status));
    QCOMPARE(status.error, StorageError::NotFound);
}

void TestContactStore::removeKeepsTheCallsInHistory()
{
    ContactStore store(*m_database);
    Contact contact = zhangSan();
    QVERIFY(store.add(contact).ok());
    HistoryStore history(*m_database);
    CallRecord call;
    call.callee = QStringLiteral("8613800138000");
    call.contactId = contact.id;
    call.contactName = contact.name;
    QVERIFY(history.add(call).ok());

    QVERIFY(store.remove(contact.id).ok());
    QCOMPARE(store.count(), 0);
    const QList<CallRecord> calls = history.list();
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls.first().contactName, QStringLiteral("张三"));
    QVERIFY(!calls.first().contactId.has_value());
    // The numbers went with the contact.
    QVERIFY(!store.findByNumber(QStringLiteral("8613800138000")));
}

void TestContactStore::addAllIsAllOrNothing()
{
    ContactStore store(*m_database);
    QList<Contact> contacts = customers(50);
    contacts[37].numbers.first().apiForm = QStringLiteral("12");
    const StorageResult refused = store.addAll(contacts);
    QCOMPARE(refused.error, StorageError::Rejected);
    QVERIFY(refused.message.contains(QStringLiteral("Customer 37")));
    QCOMPARE(store.count(), 0);

    contacts[37].numbers.first().apiForm = QStringLiteral("13900009999");
    QVERIFY(store.addAll(contacts).ok());
    QCOMPARE(store.count(), 50);
    QVERIFY(std::all_of(contacts.cbegin(), contacts.cend(), [](const Contact &c) { return c.id > 0; }));
}

void TestContactStore::addAllStoresEveryTextAsGiven()
{
    // An import writes many contacts at once (through SQLite's own API where Qt's plug-in shares
    // OneDial's SQLite); what comes back must be what went in, ids following the highest one.
    ContactStore store(*m_database);
    Contact first = zhangSan();
    QVERIFY(store.add(first).ok());
    Contact removed;
    removed.name = QStringLiteral("Removed");
    QVERIFY(store.add(removed).ok());
    QVERIFY(store.remove(removed.id).ok());

    QList<Contact> contacts;
    Contact quoted;
    quoted.name = QStringLiteral("O'Brien \"Dan\" \\ 😀 王");
    quoted.notes = QStringLiteral("line one\nline two");
    quoted.favourite = true;
    quoted.numbers << ContactNumber{QStringLiteral("手机"), QStringLiteral("13800138000"), {}}
                   << ContactNumber{{}, QStringLiteral("010 1234 5678"), {}};
    Contact bare; // no company, notes, label: stored as empty text, never NULL
    bare.name = QStringLiteral("Bare");
    bare.numbers << ContactNumber{{}, QStringLiteral("+86 139 0000 0001"), {}};
    Contact none;
    none.name = QStringLiteral("No numbers");
    contacts << quoted << bare << none;
    QVERIFY(store.addAll(contacts).ok());

    QCOMPARE(contacts.at(0).id, removed.id); // SQLite's own choice: after the highest id there is
    QCOMPARE(contacts.at(1).id, removed.id + 1);
    QCOMPARE(contacts.at(2).id, removed.id + 2);
    const QList<Contact> all = store.all();
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.at(0), first);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(all.at(i + 1), contacts.at(i));
    QCOMPARE(all.at(1).name, QStringLiteral("O'Brien \"Dan\" \\ 😀 王"));
    QCOMPARE(all.at(1).numbers.at(1).display, QStringLiteral("010 1234 5678"));
    QVERIFY(!all.at(2).company.isNull());
    QCOMPARE(store.findByNumber(QStringLiteral("8613900000001"))->id, contacts.at(1).id);
}

void TestContactStore::addAllFailureInTheDatabaseLeavesNothing()
{
    // A failure SQLite reports halfway (here a trigger of the test's) rolls back the whole import
    // and comes back with SQLite's own text.
    {
        QSqlQuery trigger(QSqlDatabase::database(m_database->connectionName(), false));
        QVERIFY(
            trigger.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON contact_numbers"
                                        " WHEN NEW.api_form = '8613900000040'"
                                        " BEGIN SELECT RAISE(ABORT, 'number refused by the test'); END")));
    }
    ContactStore store(*m_database);
    QList<Contact> contacts = customers(60);
    const StorageResult failed = store.addAll(contacts);
    QCOMPARE(failed.error, StorageError::Failed);
    QVERIFY2(failed.detail.contains(QStringLiteral("number refused by the test")), qPrintable(failed.detail));
    QCOMPARE(store.count(), 0);
    QVERIFY(std::all_of(contacts.cbegin(), contacts.cend(), [](const Contact &c) { return c.id == 0; }));
}

void TestContactStore::findByNumber()
{
    ContactStore store(*m_database);
    Contact first = zhangSan();
    QVERIFY(store.add(first).ok());
    Contact colleague;
    colleague.name = QStringLiteral("李四");
    colleague.numbers << ContactNumber{QStringLiteral("switchboard"), QStringLiteral("0755-2800-0003"), {}};
    QVERIFY(store.add(colleague).ok());

    const auto byLandline = store.findByNumber(QStringLiteral("075528000003"));
    QVERIFY(byLandline);
    QCOMPARE(byLandline->id, first.id); // the lowest id shares it
    StorageResult status;
    QVERIFY(!store.findByNumber(QStringLiteral("8613999999999"), &status));
    QCOMPARE(status.error, StorageError::NotFound);
}

void TestContactStore::countAndAll()
{
    ContactStore store(*m_database);
    QCOMPARE(store.count(), 0);
    QVERIFY(store.all().isEmpty());
    Contact a = zhangSan();
    Contact b;
    b.name = QStringLiteral("No numbers yet");
    QVERIFY(store.add(a).ok());
    QVERIFY(store.add(b).ok());
    const QList<Contact> all = store.all();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0), a);
    QCOMPARE(all.at(1), b);
    QCOMPARE(store.count(), 2);
}

QTEST_GUILESS_MAIN(TestContactStore)
#include "tst_contactstore.moc"
