#include "ProcessProtection.h"
#include "core/Log.h"

#include <sys/resource.h>
#include <sys/stat.h>

namespace onedial::platform {

bool disableCoreDumps()
{
    const rlimit none = {0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0) {
        qCWarning(lcPlatform, "core dumps could not be turned off");
        return false;
    }
    return true;
}

void createFilesPrivate()
{
    umask(S_IRWXG | S_IRWXO);
}

} // namespace onedial::platform
