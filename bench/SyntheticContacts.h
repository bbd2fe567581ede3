// Realistic made-up contacts for the benchmark: Chinese names from common surnames and given-name
// characters, some Latin names, companies that many contacts share, mobile and landline numbers
// that libphonenumber accepts. The same seed gives the same contacts.
#pragma once

#include "contacts/Contact.h"

#include <QList>

namespace onedial::bench {

QList<Contact> syntheticContacts(int count, unsigned seed = 20240501);

} // namespace onedial::bench
