#include "ProcessProtection.h"

namespace onedial::platform {

bool disableCoreDumps()
{
    // No dump is written unless an administrator turned on Windows Error Reporting's LocalDumps.
    return true;
}

void createFilesPrivate()
{
    // New files inherit the ACLs of the user's profile folders, which only the user may read.
}

} // namespace onedial::platform
