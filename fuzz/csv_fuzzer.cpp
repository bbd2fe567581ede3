// Any bytes as a CSV contact list, in every encoding path (detected, UTF-16, GB18030) and with
// each separator: no crash, hang or unbounded allocation, and rows always carry their line.
#include "importexport/ContactFile.h"
#include "importexport/CsvParser.h"
#include "importexport/CsvWriter.h"

#include <cstdint>
#include <cstdlib>

using namespace onedial;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ContactFileOptions options;
    options.format = ContactFileFormat::Csv;
    const ContactFileContents contents = ContactFile::parse(bytes, options);
    int previous = 0;
    for (const ImportRecord &record : contents.read.records) {
        if (record.line <= previous)
            std::abort(); // rows come in file order, each on a later line
        previous = record.line;
    }
    QList<Contact> contacts;
    for (const ImportRecord &record : contents.read.records)
        contacts << record.contact;
    CsvWriter::write(contacts);

    // The same bytes without a header and a mapping of every role, and in other encodings.
    options.firstRowIsHeader = false;
    CsvMapping mapping;
    for (const CsvColumn::Role role : CsvColumns::roles())
        mapping.append(CsvColumn{role, {}, 0, false});
    options.mapping = mapping;
    options.encoding = QStringLiteral("UTF-16LE");
    ContactFile::parse(bytes, options);
    options.encoding = QStringLiteral("GB18030");
    ContactFile::parse(bytes, options);
    const QString text = QString::fromUtf8(bytes);
    for (const QChar separator : {QChar(u','), QChar(u';'), QChar(u'\t')})
        CsvParser::parse(text, separator, nullptr);
    return 0;
}
