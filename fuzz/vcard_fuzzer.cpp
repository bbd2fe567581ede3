// Any bytes as a .vcf file: the reader must neither crash, nor hang, nor allocate without bound,
// and what it reads must survive the writer and be read back as the same number of cards.
#include "importexport/ContactFile.h"
#include "importexport/VCardReader.h"
#include "importexport/VCardWriter.h"

#include <cstdint>
#include <cstdlib>

using namespace onedial;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ReadResult read = VCardReader::read(bytes);
    // An override reads the same bytes through another decoder.
    VCardReader::read(bytes, QStringLiteral("GB18030"));
    // Read in parts on several threads (as large files are), the result is the same.
    const ReadResult parts = VCardReader::read(bytes, {}, 3);
    if (parts.records.size() != read.records.size() || parts.problems != read.problems)
        std::abort();
    for (qsizetype i = 0; i < read.records.size(); ++i) {
        if (parts.records.at(i).line != read.records.at(i).line ||
            !(parts.records.at(i).contact == read.records.at(i).contact))
            std::abort();
    }
    VCardReader::looksLikeVCard(bytes);

    QByteArray written;
    for (const ImportRecord &record : read.records) {
        if (record.line < 1)
            std::abort(); // every card has the line it starts on
        written += VCardWriter::card(record.contact);
    }
    const ReadResult again = VCardReader::read(written);
    // Cards with empty names are still cards; anything the reader kept must come back.
    if (again.records.size() != read.records.size())
        std::abort();
    return 0;
}
