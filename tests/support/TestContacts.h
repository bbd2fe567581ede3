// Contacts for the window tests: a short way to write one, and storing a set of them in the
// database of this process's TestEnvironment before the window opens.
#pragma once

#include "contacts/Contact.h"

#include <QList>
#include <QString>

namespace onedial::test {

// One number: its label (may be empty) and any spelling of it.
ContactNumber number(const QString &spelling, const QString &label = {});

Contact person(const QString &name, const QString &company, bool favourite,
               const QList<ContactNumber> &numbers);

// Opens the default database (after TestEnvironment::applyToThisProcess) and adds the contacts
// in one transaction. False, with the reason in *error, if that failed.
bool storeContacts(QList<Contact> contacts, QString *error);

} // namespace onedial::test
