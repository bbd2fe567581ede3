#include "ContactFile.h"

#include "CsvParser.h"
#include "CsvWriter.h"
#include "TextEncoding.h"
#include "VCardReader.h"
#include "VCardWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <iterator>

namespace onedial {

ContactFileFormat ContactFile::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("vcf") || suffix == QLatin1String("vcard"))
        return ContactFileFormat::VCard;
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") || suffix == QLatin1String("txt"))
        return ContactFileFormat::Csv;
    return ContactFileFormat::Detect;
}

std::optional<ContactFileFormat> ContactFile::formatFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("vcf") || lower == QLatin1String("vcard"))
        return ContactFileFormat::VCard;
    if (lower == QLatin1String("csv"))
        return ContactFileFormat::Csv;
    return std::nullopt;
}

ContactFileContents ContactFile::read(const QString &path, const ContactFileOptions &options,
                                      const RecordSink &sink)
{
    ContactFileContents contents;
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        contents.error = tr("%1 cannot be read: %2").arg(shown, file.errorString());
        return contents;
    }
    // size() is 0 for pipes and some special files; the read below is capped either way.
    if (file.size() > kMaxFileBytes) {
        contents.error = tr("%1 is larger than %2 MiB, too large for a contact list.")
                             .arg(shown)
                             .arg(kMaxFileBytes / (1024 * 1024));
        return contents;
    }
    // read(n) allocates n bytes up front: ask for what the file holds, not for the largest file.
    const QByteArray bytes = file.size() > 0 ? file.read(file.size() + 1) : file.read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes) {
        contents.error = tr("%1 is larger than %2 MiB, too large for a contact list.")
                             .arg(shown)
                             .arg(kMaxFileBytes / (1024 * 1024));
        return contents;
    }
    if (file.error() != QFileDevice::NoError) {
        contents.error = tr("%1 cannot be read: %2").arg(shown, file.errorString());
        return contents;
    }
    ContactFileOptions resolved = options;
    if (resolved.format == ContactFileFormat::Detect)
        resolved.format = formatForPath(path);
    return parse(bytes, resolved, sink);
}

ContactFileContents ContactFile::parse(const QByteArray &bytes, const ContactFileOptions &options,
                                       const RecordSink &sink)
{
    ContactFileContents contents;
    if (!options.encoding.isEmpty() && TextEncoding::canonicalName(options.encoding).isEmpty()) {
        contents.error = tr("\"%1\" is not an encoding OneDial knows. Try UTF-8 or GB18030 (which also reads "
                            "GBK and GB2312).")
                             .arg(options.encoding);
        return contents;
    }
    contents.format = options.format;
    if (contents.format == ContactFileFormat::Detect) {
        contents.format =
            VCardReader::looksLikeVCard(bytes) ? ContactFileFormat::VCard : ContactFileFormat::Csv;
    }
    if (contents.format == ContactFileFormat::VCard) {
        contents.read = VCardReader::read(bytes, options.encoding);
        if (sink) {
            // The cards are read whole (in parallel parts); handed over in batches all the same.
            QList<ImportRecord> &records = contents.read.records;
            const qint64 total = records.size();
            for (qsizetype i = 0; i < records.size() || i == 0; i += kBatch) {
                QList<ImportRecord> batch(
                    std::make_move_iterator(records.begin() + i),
                    std::make_move_iterator(records.begin() + std::min(records.size(), i + kBatch)));
                QList<ImportIssue> problems;
                if (i == 0)
                    problems.swap(contents.read.problems);
                if (!sink(batch, problems, std::min<qint64>(total, i + kBatch), total))
                    break;
            }
            records.clear();
        }
        return contents;
    }

    const QString text = TextEncoding::decode(bytes, options.encoding);
    contents.read.encoding = options.encoding.isEmpty() ? TextEncoding::detect(bytes)
                                                        : TextEncoding::canonicalName(options.encoding);
    CsvParser parser(text, QChar());
    QList<ImportIssue> &problems = contents.read.problems;
    CsvRow row;
    if (!parser.next(row, &problems)) {
        if (sink)
            sink(contents.read.records, problems, text.size(), text.size());
        return contents;
    }
    std::optional<CsvRow> first; // a bare list's first row is a row, not the header
    if (options.firstRowIsHeader) {
        contents.header = row.fields;
    } else {
        const qsizetype width = row.fields.size();
        for (qsizetype i = 1; i <= width; ++i)
            contents.header << tr("Column %1").arg(i);
        first = row;
    }
    contents.mapping = options.mapping ? *options.mapping : CsvColumns::recognise(contents.header);
    contents.mappingNeeded = !CsvColumns::isUsable(contents.mapping);
    const CsvRecords maker(contents.mapping);
    QList<ImportRecord> &records = contents.read.records;
    // Row by row: only the first few rows (for the dialog's column table) and the records are
    // kept, and with a sink not even those records beyond a batch.
    for (;;) {
        if (first) {
            row = std::move(*first);
            first.reset();
        } else if (!parser.next(row, &problems)) {
            break;
        }
        if (contents.firstRows.size() < kFirstRows)
            contents.firstRows << row;
        if (contents.mappingNeeded) {
            if (contents.firstRows.size() >= kFirstRows)
                break; // nothing is imported until the user says what the columns hold
            continue;
        }
        records << maker.record(row);
        if (sink && records.size() >= kBatch) {
            if (!sink(records, problems, parser.position(), text.size()))
                return contents;
            records.clear();
            problems.clear();
        }
    }
    if (contents.mappingNeeded)
        return contents; // read no further than the rows the column table shows
    if (sink) {
        sink(records, problems, text.size(), text.size());
        records.clear();
        problems.clear();
    }
    return contents;
}

QString ContactFile::write(const QString &path, ContactFileFormat format, const QList<Contact> &contacts)
{
    if (format == ContactFileFormat::Detect)
        format = formatForPath(path);
    if (format == ContactFileFormat::Detect) {
        return tr("Say which format to write: name the file .vcf or .csv, or choose the format.");
    }
    QByteArray bytes;
    if (format == ContactFileFormat::VCard) {
        for (const Contact &contact : contacts)
            bytes += VCardWriter::card(contact);
    } else {
        bytes = CsvWriter::write(contacts);
    }
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("%1 cannot be written: %2").arg(shown, file.errorString());
    // Contacts are personal: the export is its user's alone (0600 on Linux and macOS), even when
    // it replaces a file others could read.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return tr("%1 cannot be written: %2").arg(shown, file.errorString());
    return {};
}

} // namespace onedial
