#include "UrlSchemeRegistration.h"

namespace onedial {

QStringList UrlSchemeRegistration::schemes()
{
    // From cmake/Identity.cmake, like every other place that names them.
    return QStringLiteral(ONEDIAL_URL_SCHEMES).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace onedial
