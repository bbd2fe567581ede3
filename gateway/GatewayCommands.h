// `onedial-gateway COMMAND`: set-up (init, account, user), the audit log, and serve.
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace onedial::gateway {

class GatewayCommands final
{
    Q_DECLARE_TR_FUNCTIONS(GatewayCommands)

public:
    static constexpr int kExitOk = 0;
    static constexpr int kExitFailed = 1;
    static constexpr int kExitUsage = 2;

    // Runs the command named in arguments (arguments[0] is the program); returns the exit status.
    // serve runs the event loop until SIGTERM or SIGINT.
    static int run(const QStringList &arguments);
    static QString usage();
};

} // namespace onedial::gateway
