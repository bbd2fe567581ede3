#include "ContactStore.h"

#include "core/UserText.h"
#include "phone/PhoneNumber.h"
#include "storage/Database.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

#if ONEDIAL_SQLITE_SHARED_WITH_QT
#include <sqlite3.h>
#endif

namespace onedial {

namespace {

// Qt Sql binds a null QString as NULL; the text columns are NOT NULL and hold '' instead.
QString nonNull(const QString &text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

StorageResult rejected(const QString &message)
{
    return {StorageError::Rejected, message, {}};
}

// The inserts of a new contact, for Qt Sql (Writer) and for SQLite's own API (SqliteWriter).
constexpr char kInsertContact[] =
    "INSERT INTO contacts (name, company, notes, favourite) VALUES (?, ?, ?, ?)";
constexpr char kInsertNumber[] =
    "INSERT INTO contact_numbers (contact_id, position, label, api_form, display) VALUES (?, ?, ?, ?, ?)";

// The prepared statements of one write, reused for every contact of an import.
struct Writer
{
    explicit Writer(const QSqlDatabase &db)
        : insertContact(db)
        , insertNumber(db)
    {
        // Bound by position: an import binds a million values, and a name is looked up each time.
        insertContact.prepare(QLatin1String(kInsertContact));
        insertNumber.prepare(QLatin1String(kInsertNumber));
    }

    bool insertNumbers(const Contact &contact)
    {
        for (qsizetype i = 0; i < contact.numbers.size(); ++i) {
            const ContactNumber &number = contact.numbers.at(i);
            insertNumber.bindValue(0, contact.id);
            insertNumber.bindValue(1, qint64(i));
            insertNumber.bindValue(2, nonNull(number.label));
            insertNumber.bindValue(3, nonNull(number.apiForm));
            insertNumber.bindValue(4, nonNull(number.display));
            if (!insertNumber.exec()) {
                failed = &insertNumber;
                return false;
            }
        }
        return true;
    }

    bool insert(Contact &contact)
    {
        insertContact.bindValue(0, nonNull(contact.name));
        insertContact.bindValue(1, nonNull(contact.company));
        insertContact.bindValue(2, nonNull(contact.notes));
        insertContact.bindValue(3, contact.favourite ? 1 : 0);
        if (!insertContact.exec()) {
            failed = &insertContact;
            return false;
        }
        contact.id = insertContact.lastInsertId().toLongLong();
        return insertNumbers(contact);
    }

    QSqlQuery insertContact;
    QSqlQuery insertNumber;
    QSqlQuery *failed = nullptr;
};

#if ONEDIAL_SQLITE_SHARED_WITH_QT
// The same inserts as Writer's, on the SQLite connection under Qt's (QSqlDriver::handle()), for
// imports: Qt Sql spends about 2,000 instructions on binding each value, more than SQLite spends
// on inserting the row, and an import of 100,000 contacts binds a million values. Only where Qt's
// SQLite plug-in uses the same shared SQLite library as OneDial (the build checks it, see
// app/CMakeLists.txt); elsewhere imports go through Writer.
class SqliteWriter
{
public:
    explicit SqliteWriter(const QSqlDatabase &db)
    {
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_db = *static_cast<sqlite3 *const *>(handle.constData());
    }
    ~SqliteWriter()
    {
        sqlite3_finalize(m_contact);
        sqlite3_finalize(m_number);
    }
    Q_DISABLE_COPY_MOVE(SqliteWriter)

    // False when the connection is not SQLite's or the statements cannot be prepared (then
    // error() says why, or is empty for another engine).
    bool prepare()
    {
        return m_db && sqlite3_prepare_v2(m_db, kInsertContact, -1, &m_contact, nullptr) == SQLITE_OK &&
               sqlite3_prepare_v2(m_db, kInsertNumber, -1, &m_number, nullptr) == SQLITE_OK;
    }

    bool insert(Contact &contact)
    {
        bindText(m_contact, 1, contact.name);
        bindText(m_contact, 2, contact.company);
        bindText(m_contact, 3, contact.notes);
        sqlite3_bind_int(m_contact, 4, contact.favourite ? 1 : 0);
        if (!run(m_contact))
            return false;
        contact.id = sqlite3_last_insert_rowid(m_db);
        for (qsizetype i = 0; i < contact.numbers.size(); ++i) {
            const ContactNumber &number = contact.numbers.at(i);
            sqlite3_bind_int64(m_number, 1, contact.id);
            sqlite3_bind_int64(m_number, 2, i);
            bindText(m_number, 3, number.label);
            bindText(m_number, 4, number.apiForm);
            bindText(m_number, 5, number.display);
            if (!run(m_number))
                return false;
        }
        return true;
    }

    // As Qt's driver reports an error: SQLite's message, and its extended code as the native code.
    QSqlError error() const
    {
        if (!m_db)
            return {};
        const auto *message = static_cast<const char16_t *>(sqlite3_errmsg16(m_db));
        return QSqlError(QStringLiteral("Unable to insert the contacts"), QString::fromUtf16(message),
                         QSqlError::StatementError, QString::number(sqlite3_extended_errcode(m_db)));
    }

private:
    // The text stays alive and unchanged until the statement has run: SQLite need not copy it.
    static void bindText(sqlite3_stmt *statement, int index, const QString &text)
    {
        sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
    }
    static bool run(sqlite3_stmt *statement)
    {
        const int status = sqlite3_step(statement);
        sqlite3_reset(statement);
        return status == SQLITE_DONE;
    }

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_contact = nullptr;
    sqlite3_stmt *m_number = nullptr;
};
#endif

Contact contactFrom(const QSqlQuery &query)
{
    Contact contact;
    contact.id = query.value(0).toLongLong();
    contact.name = query.value(1).toString();
    contact.company = query.value(2).toString();
    contact.notes = query.value(3).toString();
    contact.favourite = query.value(4).toInt() != 0;
    return contact;
}

ContactNumber numberFrom(const QSqlQuery &query)
{
    // Columns 0 and 1 are contact_id and position.
    return {query.value(2).toString(), query.value(3).toString(), query.value(4).toString()};
}

const QString kContactColumns = QStringLiteral("SELECT id, name, company, notes, favourite FROM contacts");
const QString kNumberColumns =
    QStringLiteral("SELECT contact_id, position, label, api_form, display FROM contact_numbers");

} // namespace

ContactStore::ContactStore(Database &database)
    : m_database(database)
{}

StorageResult ContactStore::normalize(Contact &contact)
{
    // Every way into the store passes here: no control or bidirectional character is kept.
    contact.name = UserText::cleanLine(contact.name);
    contact.company = UserText::cleanLine(contact.company);
    contact.notes = UserText::cleanMultiline(contact.notes);
    if (contact.name.isEmpty())
        return rejected(tr("Give the contact a name."));
    if (contact.name.size() > kMaxNameLength)
        return rejected(tr("The name is too long: at most %1 characters.").arg(kMaxNameLength));

    QSet<QString> seen;
    for (ContactNumber &number : contact.numbers) {
        const QString typed = UserText::cleanLine(number.apiForm.isEmpty() ? number.display : number.apiForm);
        const PhoneNumber parsed = PhoneNumber::parse(typed);
        if (!parsed.isValid())
            return rejected(parsed.problemText());
        if (seen.contains(parsed.apiForm()))
            return rejected(tr("%1 is listed twice for this contact.").arg(parsed.displayForm()));
        seen.insert(parsed.apiForm());
        number.label = UserText::cleanLine(number.label);
        number.apiForm = parsed.apiForm();
        number.display = parsed.displayForm();
    }
    return {};
}

StorageResult ContactStore::add(Contact &contact)
{
    if (StorageResult checked = normalize(contact); !checked.ok())
        return checked;
    StorageResult written = m_database.transaction([&]() -> StorageResult {
        Writer writer(QSqlDatabase::database(m_database.connectionName(), false));
        return writer.insert(contact) ? StorageResult{} : m_database.failure(writer.failed->lastError());
    });
    if (!written.ok())
        contact.id = 0;
    return written;
}

StorageResult ContactStore::addAll(QList<Contact> &contacts)
{
    for (Contact &contact : contacts) {
        if (StorageResult checked = normalize(contact); !checked.ok()) {
            StorageResult named = checked;
            named.message = tr("%1: %2").arg(
                contact.name.isEmpty() ? tr("A contact without a name") : contact.name, checked.message);
            return named;
        }
    }
    return insertAll(contacts);
}

StorageResult ContactStore::addAllNormalized(QList<Contact> &contacts)
{
    const auto isDigits = [](const QString &text) {
        return !text.isEmpty() &&
               std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    for (const Contact &contact : std::as_const(contacts)) {
        const bool named = !contact.name.isEmpty() && contact.name.size() <= kMaxNameLength &&
                           contact.name == contact.name.trimmed();
        const bool numbersNormalized =
            std::all_of(contact.numbers.cbegin(), contact.numbers.cend(), [&](const ContactNumber &number) {
                return isDigits(number.apiForm) && !number.display.isEmpty();
            });
        if (!named || !numbersNormalized)
            return rejected(tr("%1: this contact was not checked before it was stored.").arg(contact.name));
    }
    return insertAll(contacts);
}

StorageResult ContactStore::insertAll(QList<Contact> &contacts)
{
    StorageResult written = m_database.transaction([&]() -> StorageResult {
        const QSqlDatabase db = QSqlDatabase::database(m_database.connectionName(), false);
#if ONEDIAL_SQLITE_SHARED_WITH_QT
        if (SqliteWriter direct(db); direct.prepare()) {
            for (Contact &contact : contacts) {
                if (!direct.insert(contact))
                    return m_database.failure(direct.error());
            }
            return {};
        } else if (const QSqlError error = direct.error(); error.isValid()) {
            return m_database.failure(error);
        }
#endif
        Writer writer(db);
        for (Contact &contact : contacts) {
            if (!writer.insert(contact))
                return m_database.failure(writer.failed->lastError());
        }
        return {};
    });
    if (!written.ok()) {
        for (Contact &contact : contacts)
            contact.id = 0;
    }
    return written;
}

StorageResult ContactStore::update(Contact &contact)
{
    if (StorageResult checked = normalize(contact); !checked.ok())
        return checked;
    return m_database.transaction([&]() -> StorageResult {
        const QSqlDatabase db = QSqlDatabase::database(m_database.connectionName(), false);
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE contacts SET name = :name, company = :company, notes = :notes,"
                                     " favourite = :fav WHERE id = :id"));
        query.bindValue(QStringLiteral(":name"), nonNull(contact.name));
        query.bindValue(QStringLiteral(":company"), nonNull(contact.company));
        query.bindValue(QStringLiteral(":notes"), nonNull(contact.notes));
        query.bindValue(QStringLiteral(":fav"), contact.favourite ? 1 : 0);
        query.bindValue(QStringLiteral(":id"), contact.id);
        if (!query.exec())
            return m_database.failure(query.lastError());
        if (query.numRowsAffected() == 0)
            return {StorageError::NotFound,
                    tr("This contact no longer exists; it may have been removed in another window."),
                    {}};
        query.prepare(QStringLiteral("DELETE FROM contact_numbers WHERE contact_id = :id"));
        query.bindValue(QStringLiteral(":id"), contact.id);
        if (!query.exec())
            return m_database.failure(query.lastError());
        Writer writer(db);
        return writer.insertNumbers(contact) ? StorageResult{}
                                             : m_database.failure(writer.failed->lastError());
    });
}

StorageResult ContactStore::remove(qint64 id)
{
    return m_database.transaction([&]() -> StorageResult {
        QSqlQuery query(QSqlDatabase::database(m_database.connectionName(), false));
        query.prepare(QStringLiteral("DELETE FROM contacts WHERE id = :id"));
        query.bindValue(QStringLiteral(":id"), id);
        if (!query.exec())
            return m_database.failure(query.lastError());
        if (query.numRowsAffected() == 0)
            return {StorageError::NotFound, tr("This contact no longer exists."), {}};
        return {};
    });
}

std::optional<Contact> ContactStore::get(qint64 id, StorageResult *status) const
{
    StorageResult local;
    StorageResult &result = status ? *status : local;
    result = {};
    QSqlQuery query(QSqlDatabase::database(m_database.connectionName(), false));
    query.prepare(kContactColumns + QStringLiteral(" WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec()) {
        result = m_database.failure(query.lastError());
        return std::nullopt;
    }
    if (!query.next()) {
        result = {StorageError::NotFound, tr("This contact no longer exists."), {}};
        return std::nullopt;
    }
    Contact contact = contactFrom(query);
    query.prepare(kNumberColumns + QStringLiteral(" WHERE contact_id = :id ORDER BY position"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec()) {
        result = m_database.failure(query.lastError());
        return std::nullopt;
    }
    while (query.next())
        contact.numbers << numberFrom(query);
    return contact;
}

StorageResult ContactStore::forEach(const std::function<void(Contact &&)> &visit) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_database.connectionName(), false);
    // Two cursors walked side by side, both in contact id order: one pass, no per-contact query.
    QSqlQuery contacts(db);
    contacts.setForwardOnly(true);
    QSqlQuery numbers(db);
    numbers.setForwardOnly(true);
    if (!contacts.exec(kContactColumns + QStringLiteral(" ORDER BY id")))
        return m_database.failure(contacts.lastError());
    if (!numbers.exec(kNumberColumns + QStringLiteral(" ORDER BY contact_id, position")))
        return m_database.failure(numbers.lastError());
    bool haveNumber = numbers.next();
    while (contacts.next()) {
        Contact contact = contactFrom(contacts);
        while (haveNumber && numbers.value(0).toLongLong() < contact.id)
            haveNumber = numbers.next();
        while (haveNumber && numbers.value(0).toLongLong() == contact.id) {
            contact.numbers << numberFrom(numbers);
            haveNumber = numbers.next();
        }
        visit(std::move(contact));
    }
    if (contacts.lastError().isValid())
        return m_database.failure(contacts.lastError());
    if (numbers.lastError().isValid())
        return m_database.failure(numbers.lastError());
    return {};
}

QList<Contact> ContactStore::all(StorageResult *status) const
{
    QList<Contact> contacts;
    const StorageResult result = forEach([&contacts](Contact &&contact) { contacts << std::move(contact); });
    if (status)
        *status = result;
    return result.ok() ? contacts : QList<Contact>();
}

qint64 ContactStore::count(StorageResult *status) const
{
    QSqlQuery query(QSqlDatabase::database(m_database.connectionName(), false));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM contacts")) || !query.next()) {
        if (status)
            *status = m_database.failure(query.lastError());
        return 0;
    }
    if (status)
        *status = {};
    return query.value(0).toLongLong();
}

std::optional<Contact> ContactStore::findByNumber(const QString &apiForm, StorageResult *status) const
{
    QSqlQuery query(QSqlDatabase::database(m_database.connectionName(), false));
    query.prepare(QStringLiteral("SELECT min(contact_id) FROM contact_numbers WHERE api_form = :api"));
    query.bindValue(QStringLiteral(":api"), apiForm);
    if (!query.exec() || !query.next()) {
        if (status)
            *status = m_database.failure(query.lastError());
        return std::nullopt;
    }
    if (query.value(0).isNull()) {
        if (status)
            *status = {StorageError::NotFound, tr("No contact has this number."), {}};
        return std::nullopt;
    }
    return get(query.value(0).toLongLong(), status);
}

} // namespace onedial
