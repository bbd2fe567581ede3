// What the single-instance hand-off needs from the operating system. One implementation per OS
// (ProcessHandOff_linux.cpp, _win.cpp, _mac.cpp), chosen in CMake.
#pragma once

#include <QString>

namespace onedial::platform {

// A folder only this user can write to, for the instance lock and the local socket. Empty when
// there is none.
QString handOffDirectory();

// Called by a second start just before it hands its arguments over, so that the running instance
// may bring its window to the front. Windows only lets the foreground process give that right away.
void allowForegroundHandOff();

} // namespace onedial::platform
