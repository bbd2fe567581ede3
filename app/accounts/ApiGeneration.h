// The two generations of OneNET's voice API; everything that differs between them keys on this.
#pragma once

#include <QString>

#include <optional>

namespace onedial {

enum class Api { V1, V2 };

inline QString apiName(Api api)
{
    return api == Api::V1 ? QStringLiteral("v1") : QStringLiteral("v2");
}

inline std::optional<Api> apiFromName(const QString &name)
{
    if (name.compare(QLatin1String("v1"), Qt::CaseInsensitive) == 0)
        return Api::V1;
    if (name.compare(QLatin1String("v2"), Qt::CaseInsensitive) == 0)
        return Api::V2;
    return std::nullopt;
}

} // namespace onedial
