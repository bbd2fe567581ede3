// Builds OneNET's Authorization header: an HMAC over et, method, res and version, keyed with
// the base64-decoded access key. Each request gets a fresh token. It also checks a token made
// with the same key by someone else: OneNET signs its status callbacks that way.
#pragma once

#include "accounts/AccessKey.h"
#include "accounts/ApiGeneration.h"
#include "accounts/SignMethod.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <optional>

namespace onedial {

// What verify() found in a token; Valid when it may be believed.
enum class TokenCheck {
    Valid,
    Missing,       // no Authorization at all
    Malformed,     // not version=…&res=…&et=…&method=…&sign=…
    WrongResource, // res or version of another account or API generation
    BadSignature,  // not signed with this key (or the key itself is unusable)
    Expired,       // signed right, but its et has passed
};

// A short English word for logs ("bad_signature"); never anything from the token.
QString tokenCheckName(TokenCheck check);

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
    // Checks a header value made with this account's key, as OneNET makes the one on its status
    // callbacks: res and version must be the account's (resFor, versionFor), the sign the HMAC
    // for the method the token names, compared in constant time, and et not before nowSecs.
    static TokenCheck verify(const AccessKey &key, Api api, const QString &appIdOrUserId,
                             const QByteArray &header, qint64 nowSecs);

    // Equal bytes, compared in time that depends on the lengths only (signatures, token hashes).
    static bool sameBytes(const QByteArray &a, const QByteArray &b);

    // Whether the text is a OneNET access key by AccessKey::problem()'s rule.
    static bool isValidKeyText(const QByteArray &base64Text);
};

} // namespace onedial
