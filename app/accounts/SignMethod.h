// The hash an account's tokens are signed with. The account chooses it; the signer uses it.
#pragma once

#include <QString>

#include <optional>

namespace onedial {

enum class SignMethod { Md5, Sha1, Sha256 };

// The name OneNET's token carries ("md5", "sha1", "sha256"), also used in settings and options.
inline QString signMethodName(SignMethod method)
{
    switch (method) {
    case SignMethod::Md5:
        return QStringLiteral("md5");
    case SignMethod::Sha1:
        return QStringLiteral("sha1");
    case SignMethod::Sha256:
        break;
    }
    return QStringLiteral("sha256");
}

inline std::optional<SignMethod> signMethodFromName(const QString &name)
{
    for (SignMethod method : {SignMethod::Md5, SignMethod::Sha1, SignMethod::Sha256}) {
        if (name == signMethodName(method))
            return method;
    }
    return std::nullopt;
}

} // namespace onedial
