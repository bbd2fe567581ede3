// What each column of a CSV contact list holds, recognised from its header (Outlook in English
// and Chinese, Google Contacts old and new, plain "name,phone" and 姓名,电话 lists), or set by the
// user for any other header; and turning rows into contacts with that mapping.
#pragma once

#include "CsvParser.h"
#include "ImportRecord.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace onedial {

struct CsvColumn
{
    enum class Role {
        Ignore,
        Name,       // the whole name
        GivenName,  // used when no column gives the whole name
        MiddleName, //
        FamilyName, //
        Company,
        Notes,
        Phone,      // a number (or several, separated by ":::", "/" or "、")
        PhoneLabel, // Google's "Phone N - Label": the label of "Phone N - Value"
        Favourite,  // yes/1/true/是 marks a favourite
    };
    Role role = Role::Ignore;
    QString label; // Phone: the label its numbers get, e.g. mobile for Outlook's "Mobile Phone"
    int pair = 0;  // Phone and PhoneLabel: the N of Google's "Phone N - ..." columns; 0 otherwise
    // PhoneLabel: the cells hold Google's type words (the older export's "Phone N - Type": Mobile,
    // Work Fax, "* Home" for the primary number), which become OneDial's labels. Other label cells,
    // like the current export's "Phone N - Label" (which OneDial's own CSV uses too), are kept as
    // written, so that a label reads back exactly as it was exported.
    bool googleTypes = false;

    friend bool operator==(const CsvColumn &, const CsvColumn &) = default;
};

using CsvMapping = QList<CsvColumn>; // one entry per column of the header

class CsvColumns final
{
    Q_DECLARE_TR_FUNCTIONS(CsvColumns)

public:
    static CsvMapping recognise(const QStringList &header);
    // Some column gives a name (or a company to use as one) and some column gives a number.
    static bool isUsable(const CsvMapping &mapping);
    // The roles a user can give a column, and their names for the column-mapping table.
    static QList<CsvColumn::Role> roles();
    static QString roleName(CsvColumn::Role role);

    // The contacts of the rows (without the header row). Numbers keep the text as written.
    static QList<ImportRecord> records(const QList<CsvRow> &rows, const CsvMapping &mapping);
};

// Turns rows into contacts with one mapping, one row at a time, so that a file's rows need not be
// held all at once. Names, companies, labels and notes are cleaned of control and bidirectional
// characters here, where they enter (UserText); numbers keep the text as written, cleaned too.
class CsvRecords final
{
public:
    explicit CsvRecords(const CsvMapping &mapping);

    ImportRecord record(const CsvRow &row) const;

private:
    CsvMapping m_columns;                      // the mapping with every label column paired
    QHash<int, qsizetype> m_labelColumnOfPair; // pair → its label column
};

} // namespace onedial
