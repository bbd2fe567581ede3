// Builds OneNET's Authorization header: an HMAC over et, method, res and version, keyed with
// the base64-decoded access key. Each request gets a fresh token.
#pragma once

#include "accounts/AccessKey.h"
#include "accounts/ApiGeneration.h"
#include "accounts/SignMethod.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <optional>

namespace onedial {

struct TokenParams
{
    QString version;
    QString res;
    qint64 et = 0; // expiry, Unix time in seconds
    SignMethod method = SignMethod::Sha256;
};

class TokenSigner final
{
public:
    // The resource and version strings each API generation signs.
    static QString resFor(Api api, const QString &appIdOrUserId);
    static QString versionFor(Api api);

    // The raw signature (base64 of the HMAC), or nothing if the key is not one OneNET could have
    // issued (AccessKey::problem()).
    static std::optional<QByteArray> sign(const AccessKey &key, const TokenParams &params);
    // The complete Authorization header value, or nothing if the key is not one OneNET could have
    // issued.
    static std::optional<QByteArray> authorization(const AccessKey &key, const TokenParams &params);
    // Parses a header value back into its fields (the sandbox verifies tokens with this).
    static std::optional<std::pair<TokenParams, QByteArray>> parseAuthorization(const QByteArray &header);

    // Whether the text is a OneNET access key by AccessKey::problem()'s rule.
    static bool isValidKeyText(const QByteArray &base64Text);
};

} // namespace onedial
