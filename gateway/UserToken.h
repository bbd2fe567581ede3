// A member's bearer token: "odg_" + a public id of 8 characters + "_" + 35 characters of secret
// (base64url, 6 and 26 random bytes from the system's generator). The gateway keeps the id and
// the SHA-256 of the whole token, never the token itself; a token presented is found by its id
// and its hash compared in constant time, so neither the lookup nor the comparison tells an
// attacker how close a guess came.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace onedial::gateway {

struct UserToken
{
    QByteArray text; // the whole token; shown once, then forgotten
    QByteArray id;   // the public part, stored to find the token's member
    QByteArray hash; // SHA-256 of text, stored

    static constexpr int kLength = 48;

    static UserToken generate();
    // The token in an Authorization value ("Bearer odg_…"), or nothing when it is not one.
    static std::optional<UserToken> fromAuthorization(const QByteArray &authorization);
    static std::optional<UserToken> parse(const QByteArray &text);
    static QByteArray hashOf(const QByteArray &text);
    // Compares two hashes in time that depends only on their length.
    static bool sameHash(const QByteArray &a, const QByteArray &b);
};

} // namespace onedial::gateway
