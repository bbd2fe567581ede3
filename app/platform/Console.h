// Where a command's output goes. One implementation, with a Windows part.
#pragma once

namespace onedial::platform {

// Called by main() before a command (onedial dial, token, ...) writes anything.
// - Windows: onedial.exe is a GUI program (so that the window opens without a console of its own),
//   and Windows gives a GUI program no console: a command typed in cmd.exe or PowerShell would
//   print nothing. So the standard streams that lead nowhere are joined to the console the command
//   was typed in, if any; streams redirected to a file or a pipe stay as they are. The console's
//   output code page becomes UTF-8, the encoding OneDial writes.
// - Linux and macOS: nothing to do.
void useParentConsole();

} // namespace onedial::platform
