// The onedial executable: a command when the arguments name one, otherwise the window.
#include "GuiApp.h"
#include "browser/BrowserHost.h"
#include "browser/NativeMessaging.h"
#include "cli/CommandLine.h"
#include "cli/Output.h"
#include "core/AppInfo.h"
#include "core/SettingsFile.h"
#include "core/Translations.h"
#include "platform/Console.h"
#include "platform/ProcessProtection.h"
#include "platform/QtRuntime.h"

#include <QCoreApplication>
#include <QStringList>

int main(int argc, char *argv[])
{
    // First, before anything is read or written: no core dump holding keys, no file others can read.
    onedial::platform::disableCoreDumps();
    onedial::platform::createFilesPrivate();
    onedial::platform::prepareQtRuntime();

    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // Started by a browser for the OneDial extension: a host on standard input and output, no window.
    if (onedial::NativeMessaging::isHostInvocation(arguments)) {
        QCoreApplication app(argc, argv);
        onedial::setUpApplicationIdentity();
        onedial::Translations::install();
        return onedial::BrowserHost::run();
    }
    if (onedial::CommandLine::isCommand(arguments)) {
        onedial::platform::useParentConsole();
        QCoreApplication app(argc, argv);
        onedial::setUpApplicationIdentity();
        onedial::Translations::install();
        const QString setAside =
            onedial::SettingsFile::setAsideIfDamaged(onedial::SettingsFile::defaultPath());
        if (!setAside.isEmpty())
            onedial::Output::err(onedial::SettingsFile::notice(setAside));
        return onedial::CommandLine::run(QCoreApplication::arguments());
    }
    return onedial::GuiApp::run(argc, argv);
}
