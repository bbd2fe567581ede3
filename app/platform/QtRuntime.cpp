#include "QtRuntime.h"

#include <QByteArray>
#include <QtGlobal>

namespace onedial::platform {

void prepareQtRuntime()
{
#if defined(Q_OS_WIN) && defined(Q_CC_MINGW)
    if (!qEnvironmentVariableIsSet("QT_ENABLE_REGEXP_JIT"))
        qputenv("QT_ENABLE_REGEXP_JIT", QByteArrayLiteral("0"));
#endif
}

} // namespace onedial::platform
