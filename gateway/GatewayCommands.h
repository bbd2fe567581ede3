// `onedial-gateway COMMAND`: set-up (init, account, user), the audit log, and serve.
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace onedial::gateway {

class GatewayStore;
class StateFolder;
struct GatewayConfig;

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

    // The store the configuration names, open: the state folder's SQLite file, or the PostgreSQL
    // database with the password from the state folder or the systemd credential. Null, with the
    // reason in error, when it cannot be opened.
    static std::unique_ptr<GatewayStore> openStore(const StateFolder &state, const GatewayConfig &config,
                                                   QString *error);
};

} // namespace onedial::gateway
