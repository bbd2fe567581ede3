#include "BrowserCommand.h"

#include "Output.h"
#include "browser/NativeMessaging.h"

#include <QCoreApplication>
#include <QDir>

namespace onedial {

void BrowserCommand::start()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lets the OneDial browser extension hand numbers to this OneDial, for you only.\n"
           "install: register with Chrome, Chromium, Edge and Firefox\n"
           "remove: take the registration away\n"
           "status: say which browsers know this OneDial"));
    parser.addPositionalArgument(QStringLiteral("action"), tr("install, remove or status"));
    if (!parse(parser, QStringLiteral("onedial browser install|remove|status")))
        return;
    const QString action = parser.positionalArguments().value(0);
    if (parser.positionalArguments().size() != 1 ||
        !QStringList{QStringLiteral("install"), QStringLiteral("remove"), QStringLiteral("status")}.contains(
            action)) {
        Output::err(tr("Say what to do: onedial browser install, remove or status."));
        finish(2);
        return;
    }

    const QString program = QDir::toNativeSeparators(QCoreApplication::applicationFilePath());
    int failures = 0;
    if (action == QLatin1String("install") || action == QLatin1String("remove")) {
        const bool install = action == QLatin1String("install");
        const QList<NativeMessaging::Registration> done =
            install ? NativeMessaging::registerForUser(QCoreApplication::applicationFilePath())
                    : NativeMessaging::unregisterForUser();
        for (const NativeMessaging::Registration &registration : done) {
            const QString name = NativeMessaging::browserName(registration.browser);
            if (!registration.problem.isEmpty()) {
                Output::err(install ? tr("%1: not registered: %2").arg(name, registration.problem)
                                    : tr("%1: %2").arg(name, registration.problem));
                ++failures;
            } else if (install) {
                Output::out(tr("%1: registered (%2)").arg(name, QDir::toNativeSeparators(registration.path)));
            } else {
                Output::out(tr("%1: not registered for you").arg(name));
            }
        }
    } else {
        for (const NativeMessaging::Browser browser : NativeMessaging::allBrowsers()) {
            const QString name = NativeMessaging::browserName(browser);
            const QString registered = NativeMessaging::registeredProgram(browser);
            if (registered.isEmpty())
                Output::out(tr("%1: not registered for you").arg(name));
            else if (registered == program)
                Output::out(tr("%1: registered for this OneDial").arg(name));
            else
                Output::out(tr("%1: registered for another OneDial (%2)").arg(name, registered));
        }
    }
    finish(failures == 0 ? 0 : 2);
}

} // namespace onedial
