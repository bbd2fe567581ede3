#include "PrivateFiles.h"

#include "core/Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace onedial::platform {

bool makePrivateFolder(const QString &path)
{
    if (!QFileInfo::exists(path) && !QDir().mkpath(path))
        return false;
    restrictToOwner(path);
    return true;
}

void restrictToOwner(const QString &path)
{
#if defined(Q_OS_UNIX)
    const QFileInfo info(path);
    if (!info.exists() || info.isSymLink())
        return;
    // The owner's bits only: the "user" flags say what this process may do, which for root is
    // everything, and copying them would grant what the owner's bits do not.
    constexpr QFile::Permissions kOwner = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    const QFile::Permissions now = info.permissions();
    if (!(now & ~(kOwner | QFile::ReadUser | QFile::WriteUser | QFile::ExeUser)))
        return;
    if (!QFile::setPermissions(path, now & kOwner))
        qCWarning(lcPlatform, "could not make %s private", qUtf8Printable(path));
#else
    Q_UNUSED(path)
#endif
}

} // namespace onedial::platform
