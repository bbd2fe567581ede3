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

QString AccessKey::gatewayTokenProblem() const
{
    // The layout of onedial-gateway's tokens (docs/gateway-api.md): odg_ + id + _ + secret.
    constexpr qsizetype kIdStart = 4;
    constexpr qsizetype kIdLength = 8;
    constexpr qsizetype kSecretStart = kIdStart + kIdLength + 1;
    const QByteArray &text = base64Text();
    if (text.isEmpty())
        return tr("Enter the gateway token your administrator gave you.");
    if (!text.startsWith("odg_")) {
        // The most likely mix-up: the team's OneNET key instead of the member's own token.
        if (problem().isEmpty())
            return tr("This looks like a OneNET access key, not a gateway token. A gateway account uses "
                      "the token your administrator gave you, which starts with odg_.");
        return tr("This is not a gateway token: a gateway token starts with odg_ and is %1 characters "
                  "long. Copy the whole token your administrator gave you.")
            .arg(kGatewayTokenLength);
    }
    if (text.size() != kGatewayTokenLength)
        return tr("This gateway token has %1 characters instead of %2: copy the whole token your "
                  "administrator gave you, and nothing else.")
            .arg(text.size())
            .arg(kGatewayTokenLength);
    const auto isBase64Url = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_';
    };
    bool wellFormed = text.at(kSecretStart - 1) == '_';
    for (qsizetype i = kIdStart; i < text.size() && wellFormed; ++i) {
        if (i != kSecretStart - 1)
            wellFormed = isBase64Url(text.at(i));
    }
    if (!wellFormed)
        return tr("This is not a gateway token: after odg_ it has only letters, digits, - and _ (with a _ "
                  "after the first 8). Copy the token again from what your administrator sent you.");
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
