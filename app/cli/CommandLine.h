// Decides between the command line and the window, and runs command-line commands.
#pragma once

#include <QStringList>

namespace onedial {

class CommandLine final
{
public:
    // True when the arguments name a command (dial, account, token, …) or ask for --help or
    // --version; false when the window should open.
    static bool isCommand(const QStringList &arguments);
    // Runs the command on the current QCoreApplication's event loop; returns the exit status.
    static int run(const QStringList &arguments);
    static QString helpText();
};

} // namespace onedial
