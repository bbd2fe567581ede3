// Reads a .vcf file holding any number of vCards (2.1, 3.0 and 4.0, as phones, Outlook and
// Google write them) into contacts: FN (or N, family name first without a space for Chinese
// names), every TEL with its type or label, the first ORG component and NOTE.
//
// The file may come from anywhere, so reading it is bounded: one pass over the bytes (a large file
// in parts of whole cards, one per core, each one pass), a property
// OneDial keeps may be at most kMaxValueBytes long after unfolding (longer ones make their card
// unusable, reported), and so may its name and parameters; a property OneDial keeps with more than
// kMaxParameters parameters makes its card unusable too (reported); properties OneDial does not
// keep (PHOTO, ADR, ...) are skipped without being stored, their parameters not even parsed; and
// each card keeps at most kMaxNumbersPerCard numbers.
#pragma once

#include "ImportRecord.h"

#include <QByteArray>
#include <QCoreApplication>

namespace onedial {

class VCardReader final
{
    Q_DECLARE_TR_FUNCTIONS(VCardReader)

public:
    static constexpr qsizetype kMaxValueBytes = 256 * 1024;
    static constexpr int kMaxNumbersPerCard = 100;
    // Parameters (each TYPE value counted) of a property OneDial reads; phones write two or three.
    static constexpr int kMaxParameters = 100;

    // Files from this size on are read in parts, one per core (up to 4), split between cards.
    static constexpr qsizetype kParallelFromBytes = 1024 * 1024;

    // encoding: empty to detect (a byte-order mark, valid UTF-8, else GB18030); a CHARSET
    // parameter on a property always wins, since the card says it itself. threads: 0 to decide by
    // the size; tests and the fuzzer force a parallel read of small input with more.
    static ReadResult read(const QByteArray &bytes, const QString &encoding = {}, int threads = 0);
    // True when the text (after a byte-order mark and blank space) starts with BEGIN:VCARD.
    static bool looksLikeVCard(const QByteArray &bytes);
};

} // namespace onedial
