// What a change to the desktop's integration (link handler, start at login) came to.
#pragma once

#include <QString>

namespace onedial {

struct IntegrationResult
{
    bool ok = false;
    QString message; // translated; says what went wrong, or anything left for the user to do
};

} // namespace onedial
