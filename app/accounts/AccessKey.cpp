#include "AccessKey.h"

#include <algorithm>

namespace onedial {

AccessKey::AccessKey(QByteArray base64Text)
    : m_data(std::make_shared<Wiped>(Wiped{std::move(base64Text)}))
{
    // Trailing line breaks come from typing the key at a terminal or piping a file.
    QByteArray &bytes = m_data->bytes;
    while (!bytes.isEmpty() && (bytes.endsWith('\n') || bytes.endsWith('\r') || bytes.endsWith(' ')))
        bytes.chop(1);
}

QString AccessKey::problem() const
{
    const QByteArray &text = base64Text();
    if (text.isEmpty())
        return tr("Enter the access key.");
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    const qsizetype length = decoded ? decoded.decoded.size() : -1;
    decoded.decoded.fill('\0'); // only its length was wanted
    if (length < 0)
        return tr("This is not a OneNET access key: it is base64 text (letters, digits, + and /, sometimes = "
                  "at the end), as shown in the OneNET console.");
    if (length < kMinBytes)
        return tr("This key is too short. A OneNET access key decodes to %1 to %2 bytes (usually 32, "
                  "written as 44 characters): copy the whole key from the OneNET console.")
            .arg(kMinBytes)
            .arg(kMaxBytes);
    if (length > kMaxBytes)
        return tr("This key is too long. A OneNET access key decodes to %1 to %2 bytes (usually 32, "
                  "written as 44 characters): copy only the key from the OneNET console.")
            .arg(kMinBytes)
            .arg(kMaxBytes);
    return {};
}

const QByteArray &AccessKey::base64Text() const
{
    static const QByteArray empty;
    return m_data ? m_data->bytes : empty;
}

AccessKey::Wiped::~Wiped()
{
    if (!bytes.isDetached())
        return; // another QByteArray still shares the buffer; it is wiped with the last owner's copy
    std::fill(bytes.begin(), bytes.end(), '\0');
}

} // namespace onedial
