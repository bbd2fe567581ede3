// How an account places calls: straight to OneNET with its own access key (v1 or v2, see Api), or
// through the team's onedial-gateway, which keeps the OneNET key and decides the OneNET fields.
#pragma once

#include <QString>

#include <optional>

namespace onedial {

enum class AccountKind { Direct, Gateway };

// The name settings, options and JSON use: "direct", "gateway".
inline QString accountKindName(AccountKind kind)
{
    return kind == AccountKind::Gateway ? QStringLiteral("gateway") : QStringLiteral("direct");
}

inline std::optional<AccountKind> accountKindFromName(const QString &name)
{
    if (name == QLatin1String("direct"))
        return AccountKind::Direct;
    if (name == QLatin1String("gateway"))
        return AccountKind::Gateway;
    return std::nullopt;
}

} // namespace onedial
