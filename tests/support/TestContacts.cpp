#include "TestContacts.h"

#include "contacts/ContactStore.h"
#include "storage/Database.h"

namespace onedial::test {

ContactNumber number(const QString &spelling, const QString &label)
{
    return ContactNumber{label, spelling, {}};
}

Contact person(const QString &name, const QString &company, bool favourite,
               const QList<ContactNumber> &numbers)
{
    Contact contact;
    contact.name = name;
    contact.company = company;
    contact.favourite = favourite;
    contact.numbers = numbers;
    return contact;
}

bool storeContacts(QList<Contact> contacts, QString *error)
{
    Database database;
    StorageResult result = database.open();
    if (result.ok())
        result = ContactStore(database).addAll(contacts);
    if (!result.ok() && error)
        *error = result.message;
    return result.ok();
}

} // namespace onedial::test
