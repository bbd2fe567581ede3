// Which encoding a contact file is in, and turning its bytes into text. Phones and Google write
// UTF-8; Excel in China saves "CSV" in the ANSI code page, GBK; Excel's "Unicode text" is UTF-16.
// Detection: a byte-order mark first, then whether the bytes are valid UTF-8 (GBK text almost
// never is), else GB18030, the superset of GBK and GB2312. The user can override the guess.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace onedial {

class TextEncoding final
{
    Q_DECLARE_TR_FUNCTIONS(TextEncoding)

public:
    // The names offered to the user; decode() accepts any name ICU knows as well.
    static QStringList choices();
    // "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030".
    static QString detect(const QByteArray &bytes);
    // A name as the canonical one used here: gbk, GB2312, cp936 → GB18030 (GB18030 decodes all
    // of them, and a file labelled GB2312 often holds GBK characters); utf8 → UTF-8. Empty when
    // the name is not an encoding this build can decode.
    static QString canonicalName(const QString &name);
    // The length of a byte-order mark at the start of bytes (UTF-8, UTF-16 LE/BE), or 0.
    static int bomLength(const QByteArray &bytes);
    static bool isValidUtf8(const char *data, qsizetype size);
    static bool isValidUtf8(const QByteArray &bytes) { return isValidUtf8(bytes.constData(), bytes.size()); }

    // Decodes bytes (a leading byte-order mark is dropped) in encoding (canonical or not; empty:
    // detect). ok is false when the name is unknown; bytes that do not fit the encoding become
    // U+FFFD, as a spreadsheet would show them.
    static QString decode(const QByteArray &bytes, const QString &encoding, bool *ok = nullptr);
};

} // namespace onedial
