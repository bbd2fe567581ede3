// Splits CSV text into rows of fields (RFC 4180: fields in double quotes may hold the separator,
// line breaks and doubled quotes), tolerating what spreadsheets write besides: ';' or tab as the
// separator (European and "Unicode text" exports), Excel's "sep=;" first line, CR-only line ends
// (old Mac Excel) and stray quotes inside unquoted fields (kept as written).
#pragma once

#include "ImportRecord.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace onedial {

struct CsvRow
{
    int line = 0; // 1-based line of the file where the row starts
    QStringList fields;
};

// Reads one row at a time, so that a large file is never held as rows whole (a 20 MB file of
// "a,1" lines is five million rows, each a list of strings).
class CsvParser final
{
    Q_DECLARE_TR_FUNCTIONS(CsvParser)

public:
    // A contact list has a few dozen columns; a row with more is not a contact list's row.
    static constexpr int kMaxColumns = 1000;

    // text must outlive the parser. separator: QChar() to detect.
    CsvParser(QStringView text, QChar separator);

    // The next row with at least one non-empty field, in file order; false at the end. A row that
    // cannot be read (a quote that is never closed, too many columns) is reported in problems, not
    // returned. row's list is reused, so reading into the same row allocates little.
    bool next(CsvRow &row, QList<ImportIssue> *problems);
    // How far the reading is, in characters of the text.
    qsizetype position() const { return m_pos; }

    // ',' ';' or '\t': the one found most often in the first line, outside quotes; ',' when
    // none is found or on a tie. Excel's "sep=X" first line decides by itself.
    static QChar detectSeparator(QStringView text);
    // Every row at once (for short texts and tests).
    static QList<CsvRow> parse(QStringView text, QChar separator, QList<ImportIssue> *problems);

private:
    void takeLineEnd();

    QStringView m_text;
    QChar m_separator;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace onedial
