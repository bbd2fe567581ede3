// The folders and files that hold a user's accounts, contacts, history and exports are that
// user's alone: on Linux and macOS folders 0700 and files 0600. New ones are created so
// (createFilesPrivate() in ProcessProtection.h, and here for processes that did not call it,
// such as the tests); these also mend the ones an older OneDial created with the system's
// default mode. They only ever take permissions away from the group and others: a folder or file
// the user made read-only stays read-only. On Windows the user's profile folders are private
// through their ACLs, and these do nothing.
#pragma once

#include <QString>

namespace onedial::platform {

// Creates the folder (and its parents) if it is missing; then only its owner may enter it.
bool makePrivateFolder(const QString &path);

// Takes every permission of the group and others away from an existing file or folder; a
// missing one is left missing.
void restrictToOwner(const QString &path);

} // namespace onedial::platform
