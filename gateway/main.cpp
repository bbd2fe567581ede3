// onedial-gateway: the team server (GatewayCommands).
#include "GatewayCommands.h"
#include "platform/ProcessProtection.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // The access key is in this process's memory: no core dump may carry it to disk, and every
    // file the gateway creates is its user's alone.
    onedial::platform::disableCoreDumps();
    onedial::platform::createFilesPrivate();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onedial-gateway"));
    return onedial::gateway::GatewayCommands::run(QCoreApplication::arguments());
}
