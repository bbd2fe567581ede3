// What the process does for itself at start-up, before it reads an access key or a contact, so
// that neither ends up where other people can read it. One implementation per OS
// (ProcessProtection_unix.cpp for Linux and macOS, _win.cpp), chosen in CMake; main() calls both first.
#pragma once

namespace onedial::platform {

// No core dump of this process: one would hold the access keys and contacts in its memory.
// - Linux and macOS: RLIMIT_CORE 0, soft and hard, so nothing started from here raises it again.
// - Windows: nothing to do. Windows writes no dump file by itself; Windows Error Reporting keeps
//   one only where an administrator has turned on LocalDumps, a machine-wide choice for all
//   programs that OneDial respects.
// Returns whether core dumps are off.
bool disableCoreDumps();

// Folders and files this process creates are its user's alone from the moment they exist:
// umask 077 on Linux and macOS (folders 0700, files 0600). Windows: a user's profile folders are
// private through their ACLs, which new files inherit; nothing to do.
void createFilesPrivate();

} // namespace onedial::platform
