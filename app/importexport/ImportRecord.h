// What a contact file reader hands to the importer: contacts as the file wrote them (numbers not yet
// checked), each with the line it starts on, and the problems found while reading, so that no row
// of the file disappears without a reason the user can read.
#pragma once

#include "contacts/Contact.h"

#include <QList>
#include <QString>

namespace onedial {

struct ImportRecord
{
    int line = 0;    // 1-based line of the file where the card or row starts
    Contact contact; // each number's apiForm holds the text as written in the file
};

struct ImportIssue
{
    enum class Kind {
        Invalid,       // the row cannot be imported at all
        Skipped,       // a duplicate, skipped as the user chose
        NumberDropped, // the row is imported without one of its numbers
    };
    int line = 0; // 0 when the problem is about the whole file
    Kind kind = Kind::Invalid;
    QString reason; // translated
    QString name;   // the row's contact, when it has a name: how the user knows the row

    friend bool operator==(const ImportIssue &, const ImportIssue &) = default;
};

struct ReadResult
{
    QList<ImportRecord> records;
    QList<ImportIssue> problems; // rows or cards that could not be read, each with its line
    QString encoding;            // the encoding the text was read in, e.g. "UTF-8" or "GB18030"
};

} // namespace onedial

// Moved in memory as plain bytes when their lists grow: an import of a few million rows that all
// need attention would otherwise need twice their memory for a moment at each growth.
Q_DECLARE_TYPEINFO(onedial::ImportRecord, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(onedial::ImportIssue, Q_RELOCATABLE_TYPE);
