#include "CommandLine.h"

#include "AccountCommand.h"
#include "BrowserCommand.h"
#include "ContactFileCommand.h"
#include "ContactsCommand.h"
#include "DialCommand.h"
#include "HistoryCommand.h"
#include "Output.h"
#include "TokenCommand.h"
#include "services/AppServices.h"

#include <QCoreApplication>

#include <memory>

namespace onedial {

namespace {

const QStringList &commands()
{
    static const QStringList names{QStringLiteral("dial"),     QStringLiteral("account"),
                                   QStringLiteral("contacts"), QStringLiteral("history"),
                                   QStringLiteral("token"),    QStringLiteral("browser"),
                                   QStringLiteral("help")};
    return names;
}

} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    return commands().contains(first) || first == QLatin1String("--help") || first == QLatin1String("-h") ||
           first == QLatin1String("--version") || first == QLatin1String("-v");
}

QString CommandLine::helpText()
{
    return QCoreApplication::translate(
               "CommandLine",
               "OneDial %1: click-to-dial for the OneNET voice service.\n"
               "\n"
               "Usage:\n"
               "  onedial                          open the window\n"
               "  onedial dial NUMBER [--account NAME] [--json] [--timeout SECONDS] [--sandbox]\n"
               "  onedial account add NAME (--api v1 --appid ID | --api v2 --userid ID) --sponsor N --caller "
               "N\n"
               "                      [--display N] [--method md5|sha1|sha256] [--endpoint URL] "
               "[--notify-url URL]\n"
               "  onedial account add NAME --gateway URL     (a team's OneDial gateway; token on stdin)\n"
               "  onedial account list [--json] | show NAME [--json] | remove NAME | default NAME\n"
               "  onedial contacts add NAME NUMBER... [--company C] [--notes TEXT] [--favourite]\n"
               "  onedial contacts list [--search TEXT] [--json]\n"
               "  onedial contacts import FILE [--format vcf|csv] [--encoding NAME]\n"
               "                      [--duplicates merge|skip] [--columns ROLE,...] [--dry-run]\n"
               "  onedial contacts export FILE [--format vcf|csv]\n"
               "  onedial history [FILTER] [--json] [--limit N]\n"
               "  onedial token --res RES --et ET --method M --version V\n"
               "  onedial browser install|remove|status   (the browser extension's link to OneDial)\n"
               "  onedial --version | --help\n"
               "\n"
               "Access keys and gateway tokens are read from standard input and kept in the system "
               "keychain.\n"
               "Try everything without an account: onedial dial 13800138000 --sandbox\n"
               "\n"
               "Exit status: 0 accepted, 1 refused by the service, 2 nothing sent, 3 outcome unknown or\n"
               "transport failure, 4 keychain unavailable.")
        .arg(QCoreApplication::applicationVersion());
}

int CommandLine::run(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        Output::out(QStringLiteral("OneDial ") + QCoreApplication::applicationVersion());
        return ExitAccepted;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        Output::out(helpText());
        return ExitAccepted;
    }

    // Each command parses its own words; its "program name" is "onedial <command>".
    const QStringList commandArguments = QStringList{QStringLiteral("onedial ") + first} + arguments.mid(2);
    std::unique_ptr<AppServices> services;
    std::unique_ptr<Command> command;
    if (first == QLatin1String("dial")) {
        // What a dial needs, put together here as the window's start-up does (GuiApp).
        services = std::make_unique<AppServices>(AppServices::Options{});
        command = std::make_unique<DialCommand>(commandArguments, *services);
    } else if (first == QLatin1String("account"))
        command = std::make_unique<AccountCommand>(QStringList{QStringLiteral("onedial account")} +
                                                   arguments.mid(2));
    else if (first == QLatin1String("contacts") &&
             (arguments.value(2) == QLatin1String("import") || arguments.value(2) == QLatin1String("export")))
        command = std::make_unique<ContactFileCommand>(QStringList{QStringLiteral("onedial contacts")} +
                                                       arguments.mid(2));
    else if (first == QLatin1String("contacts"))
        command = std::make_unique<ContactsCommand>(QStringList{QStringLiteral("onedial contacts")} +
                                                    arguments.mid(2));
    else if (first == QLatin1String("history"))
        command = std::make_unique<HistoryCommand>(commandArguments);
    else if (first == QLatin1String("token"))
        command = std::make_unique<TokenCommand>(commandArguments);
    else if (first == QLatin1String("browser"))
        command = std::make_unique<BrowserCommand>(commandArguments);
    if (!command) {
        Output::err(helpText());
        return ExitNotSent;
    }
    QObject::connect(command.get(), &Command::done, qApp, [](int status) { QCoreApplication::exit(status); });
    QMetaObject::invokeMethod(command.get(), &Command::start, Qt::QueuedConnection);
    return QCoreApplication::exec();
}

} // namespace onedial
