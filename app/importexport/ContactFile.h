// A contact file on disk: which format it is (by its extension, else by its content), reading it
// into records with the right reader and encoding, and writing contacts to it.
#pragma once

#include "CsvColumns.h"
#include "ImportRecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace onedial {

enum class ContactFileFormat { Detect, VCard, Csv };

struct ContactFileOptions
{
    ContactFileFormat format = ContactFileFormat::Detect;
    QString encoding;                  // empty: detect
    std::optional<CsvMapping> mapping; // CSV: what each column holds; none: recognise the header
    bool firstRowIsHeader = true;      // CSV: false for a bare list of rows (then a mapping is needed)
};

struct ContactFileContents
{
    QString error; // the file cannot be read at all (missing, too large, unknown encoding); translated
    ContactFileFormat format = ContactFileFormat::Detect;
    ReadResult read;
    // CSV only: the header (or "Column 1", ... without one), the mapping used, and the first rows,
    // for the import dialog's column-mapping table.
    QStringList header;
    CsvMapping mapping;
    bool mappingNeeded = false; // the header was not recognised and no mapping was given
    QList<CsvRow> firstRows;

    bool ok() const { return error.isEmpty(); }
};

// Takes the records of a file in batches while it is read (instead of all at once in
// ContactFileContents::read), with the problems found since the last batch: a large CSV file is
// then never held as rows or records whole. done and total say how far the reading is. Returns
// false to stop the reading (a cancel).
using RecordSink = std::function<bool(QList<ImportRecord> &records, QList<ImportIssue> &problems, qint64 done,
                                      qint64 total)>;

class ContactFile final
{
    Q_DECLARE_TR_FUNCTIONS(ContactFile)

public:
    // A contact list is a few MiB (100,000 vCards are about 20 MiB); anything far larger is not one,
    // and reading it whole would only exhaust memory.
    static constexpr qint64 kMaxFileBytes = 256LL * 1024 * 1024;
    static constexpr int kFirstRows = 5;
    // Records per batch handed to a RecordSink.
    static constexpr int kBatch = 4096;

    // .vcf/.vcard → VCard, .csv/.tsv/.txt → Csv, anything else Detect.
    static ContactFileFormat formatForPath(const QString &path);
    // "vcf" or "csv" (as the command line spells them) → a format; nullopt for anything else.
    static std::optional<ContactFileFormat> formatFromName(const QString &name);

    // With a sink, records and problems go to it, not into the contents' read.
    static ContactFileContents read(const QString &path, const ContactFileOptions &options = {},
                                    const RecordSink &sink = {});
    // The same from bytes already in memory (tests, fuzzing).
    static ContactFileContents parse(const QByteArray &bytes, const ContactFileOptions &options = {},
                                     const RecordSink &sink = {});

    // Writes the contacts in format (Detect: by the path's extension) through a temporary file that
    // replaces path only when complete. Returns the problem, translated, or an empty string.
    static QString write(const QString &path, ContactFileFormat format, const QList<Contact> &contacts);
};

} // namespace onedial
