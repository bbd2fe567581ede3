// Contacts in the app's database. Every change is checked first (a name, numbers that can be
// dialled) and written in one transaction, so a contact is stored whole or not at all.
// Use from the thread that opened the Database.
#pragma once

#include "contacts/Contact.h"
#include "storage/StorageResult.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

namespace onedial {

class Database;

class ContactStore final
{
    Q_DECLARE_TR_FUNCTIONS(ContactStore)

public:
    static constexpr int kMaxNameLength = 200;

    explicit ContactStore(Database &database);

    // Trims the texts and turns each number (written any way people write it, in apiForm, or in
    // display when apiForm is empty) into API and display form. Rejected, with the reason of the
    // first bad number, a missing name or a number listed twice. Writes nothing.
    static StorageResult normalize(Contact &contact);

    // Stores a new contact and sets its id (and normalized numbers).
    StorageResult add(Contact &contact);
    // Stores all of them in one transaction: every contact or none (imports).
    StorageResult addAll(QList<Contact> &contacts);
    // For imports, which normalize every contact beforehand (on several threads, to show a preview
    // before anything is written): stores contacts that came out of normalize() unchanged, in one
    // transaction, without parsing their numbers a second time. Only cheap checks are made (a name,
    // API forms made of digits); a contact that fails them is rejected and nothing is written.
    StorageResult addAllNormalized(QList<Contact> &contacts);
    // Replaces the stored contact with contact.id, numbers included. NotFound when it is gone.
    StorageResult update(Contact &contact);
    // Removes the contact and its numbers; its calls stay in the history under the name they had.
    StorageResult remove(qint64 id);

    std::optional<Contact> get(qint64 id, StorageResult *status = nullptr) const;
    // Every contact in id order, numbers in the order the user gave them.
    QList<Contact> all(StorageResult *status = nullptr) const;
    // Calls visit for every contact in id order without holding them all in memory at once.
    StorageResult forEach(const std::function<void(Contact &&)> &visit) const;
    qint64 count(StorageResult *status = nullptr) const;
    // The first contact (lowest id) with a number in this API form, for naming a dialled number.
    std::optional<Contact> findByNumber(const QString &apiForm, StorageResult *status = nullptr) const;

private:
    StorageResult insertAll(QList<Contact> &contacts);

    Database &m_database;
};

} // namespace onedial
