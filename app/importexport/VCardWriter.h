// Writes contacts as vCard 4.0 (RFC 6350), one card per contact, in a form VCardReader reads back
// to the same contact: FN, ORG, NOTE, each number as a tel: URI with its type (cell, work, home,
// fax, pager) or, for any other label, the label itself in an X-ABLabel (as Apple and Google
// write it), and X-ONEDIAL-FAVOURITE for a favourite. UTF-8, CRLF, lines folded at 75 octets.
#pragma once

#include "contacts/Contact.h"

#include <QByteArray>

namespace onedial {

class VCardWriter final
{
public:
    static QByteArray card(const Contact &contact);
};

} // namespace onedial
