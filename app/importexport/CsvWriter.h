// Writes contacts as a CSV file that Excel (Chinese or not) opens with the right characters and
// that CsvReader reads back to the same contacts: UTF-8 with a byte-order mark (without it Excel
// reads the file as GBK), CRLF, one row per contact with its numbers in "Phone N - Label" and
// "Phone N - Value" column pairs (Google's names). Numbers are written in display form
// (138 0013 8000), which Excel keeps as text instead of turning 8613800138000 into 8.61E+12.
#pragma once

#include "contacts/Contact.h"

#include <QByteArray>
#include <QList>

namespace onedial {

class CsvWriter final
{
public:
    static QByteArray write(const QList<Contact> &contacts);
};

} // namespace onedial
