#include "TextEncoding.h"

#include <QStringDecoder>

namespace onedial {

QStringList TextEncoding::choices()
{
    return {QStringLiteral("UTF-8"), QStringLiteral("GB18030"), QStringLiteral("UTF-16LE"),
            QStringLiteral("UTF-16BE"), QStringLiteral("Big5")};
}

int TextEncoding::bomLength(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return 3;
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return 2;
    return 0;
}

bool TextEncoding::isValidUtf8(const char *data, qsizetype size)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char min = 0x80, max = 0xBF; // the allowed range of the second byte (RFC 3629)
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                min = 0xA0; // no overlong forms
            else if (lead == 0xED)
                max = 0x9F; // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                min = 0x90;
            else if (lead == 0xF4)
                max = 0x8F; // nothing above U+10FFFF
        } else {
            return false;
        }
        if (size - i < length)
            return false;
        if (bytes[i + 1] < min || bytes[i + 1] > max)
            return false;
        for (int k = 2; k < length; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return false;
        }
        i += length;
    }
    return true;
}

QString TextEncoding::detect(const QByteArray &bytes)
{
    if (bytes.startsWith("\xFF\xFE"))
        return QStringLiteral("UTF-16LE");
    if (bytes.startsWith("\xFE\xFF"))
        return QStringLiteral("UTF-16BE");
    if (isValidUtf8(bytes))
        return QStringLiteral("UTF-8");
    return QStringLiteral("GB18030");
}

QString TextEncoding::canonicalName(const QString &name)
{
    const QString key = name.trimmed().toUpper().remove(QLatin1Char('_'));
    if (key.isEmpty())
        return {};
    if (key == QLatin1String("UTF-8") || key == QLatin1String("UTF8"))
        return QStringLiteral("UTF-8");
    if (key == QLatin1String("GBK") || key == QLatin1String("GB2312") || key == QLatin1String("GB18030") ||
        key == QLatin1String("CP936") || key == QLatin1String("X-GBK") || key == QLatin1String("EUC-CN") ||
        key == QLatin1String("WINDOWS-936"))
        return QStringLiteral("GB18030");
    if (key == QLatin1String("UTF-16LE") || key == QLatin1String("UTF16LE"))
        return QStringLiteral("UTF-16LE");
    if (key == QLatin1String("UTF-16BE") || key == QLatin1String("UTF16BE"))
        return QStringLiteral("UTF-16BE");
    if (key == QLatin1String("UTF-16") || key == QLatin1String("UTF16") || key == QLatin1String("UNICODE"))
        return QStringLiteral("UTF-16");
    // Anything else ICU knows (Big5, Shift_JIS, windows-1252, ...), under ICU's own name.
    const QByteArray latin = name.trimmed().toLatin1();
    QStringDecoder decoder(latin.constData());
    return decoder.isValid() ? QString::fromLatin1(decoder.name()) : QString();
}

QString TextEncoding::decode(const QByteArray &bytes, const QString &encoding, bool *ok)
{
    QString name = encoding.isEmpty() ? detect(bytes) : canonicalName(encoding);
    if (ok)
        *ok = !name.isEmpty();
    if (name.isEmpty())
        return {};
    if (name == QLatin1String("UTF-16"))
        name = bytes.startsWith("\xFE\xFF") ? QStringLiteral("UTF-16BE") : QStringLiteral("UTF-16LE");
    // Only a byte-order mark that belongs to the encoding is dropped.
    qsizetype skip = 0;
    if (name == QLatin1String("UTF-8") && bytes.startsWith("\xEF\xBB\xBF"))
        skip = 3;
    else if ((name == QLatin1String("UTF-16LE") && bytes.startsWith("\xFF\xFE")) ||
             (name == QLatin1String("UTF-16BE") && bytes.startsWith("\xFE\xFF")))
        skip = 2;
    const QByteArrayView body = QByteArrayView(bytes).sliced(skip);
    if (name == QLatin1String("UTF-8"))
        return QString::fromUtf8(body);
    const QByteArray latin = name.toLatin1();
    QStringDecoder decoder(latin.constData());
    if (!decoder.isValid()) {
        if (ok)
            *ok = false;
        return {};
    }
    return decoder.decode(body);
}

} // namespace onedial
