#include "GuiApp.h"

#include "BrowserDialRequest.h"
#include "FirstPaintQuits.h"
#include "LinkHandler.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "TrayController.h"
#include "cli/Output.h"
#include "core/AppInfo.h"
#include "core/Log.h"
#include "core/SettingsFile.h"
#include "core/Translations.h"
#include "platform/SingleInstance.h"
#include "services/AppServices.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdlib>

namespace onedial {

namespace {

void bringToFront(QWidget *window)
{
    window->show();
    window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window->raise();
    // On Windows this works because the later start called AllowSetForegroundWindow first
    // (platform::allowForegroundHandOff); elsewhere the window manager decides.
    window->activateWindow();
}

} // namespace

void GuiApp::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("sandbox"),
                      QApplication::translate("GuiApp", "Dial the built-in OneNET simulator.")});
    parser.addOption({QStringLiteral("hidden"),
                      QApplication::translate("GuiApp", "Start without showing the window (as at login).")});
    parser.addOption(
        {QStringLiteral("exit-after-startup"),
         QApplication::translate("GuiApp", "Quit as soon as the window has been shown and painted "
                                           "once (for measuring start-up).")});
    parser.addPositionalArgument(
        QStringLiteral("link"),
        QApplication::translate("GuiApp", "A tel: or callto: link to dial, such as tel:+86-138-0013-8000."),
        QStringLiteral("[link]"));
}

GuiApp::Options GuiApp::readOptions(const QCommandLineParser &parser)
{
    Options options;
    options.sandbox = parser.isSet(QStringLiteral("sandbox"));
    options.hidden = parser.isSet(QStringLiteral("hidden"));
    options.exitAfterStartup = parser.isSet(QStringLiteral("exit-after-startup"));
    // Every other word is taken as a link; one that is not gets refused with its reason.
    options.links = parser.positionalArguments();
    return options;
}

int GuiApp::run(int &argc, char **argv)
{
    QApplication app(argc, argv);
    setUpApplicationIdentity();
    Translations::install();
    // Before anything reads the settings: a damaged file is kept aside, not overwritten.
    const QString settingsSetAside = SettingsFile::setAsideIfDamaged(SettingsFile::defaultPath());
    QApplication::setApplicationDisplayName(QStringLiteral("OneDial"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/onedial.svg")));

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    const Options options = readOptions(parser);

    // After the options (a bad one is reported by this start), before any window exists.
    // A start-up measurement runs on its own, beside any OneDial already running.
    SingleInstance instance;
    if (!options.exitAfterStartup && instance.claim() == SingleInstance::Role::Secondary) {
        if (instance.handOff(QApplication::arguments().mid(1)))
            return EXIT_SUCCESS;
        Output::err(QApplication::translate("GuiApp",
                                            "OneDial is already running but did not answer. If it is stuck, "
                                            "end it and start OneDial again."));
        return EXIT_FAILURE;
    }

    // The application is put together here: what the window, the tray and links share.
    // The database is opened after the window's first paint (MainWindow::loadAfterStart).
    AppServices services({.sandbox = options.sandbox, .databasePath = {}, .openDatabaseLater = true});
    MainWindow window(services);
    if (!settingsSetAside.isEmpty()) {
        QMetaObject::invokeMethod(
            &window,
            [&window, settingsSetAside] {
                MessageBox::warn(&window, QApplication::translate("GuiApp", "Settings were damaged"),
                                 SettingsFile::notice(settingsSetAside));
            },
            Qt::QueuedConnection);
    }
    LinkHandler links(&window);
    app.installEventFilter(&links);
    // After the window, so it is destroyed first. Without a tray yet, it looks for one for a while.
    TrayController tray(&window);

    // A number from the browser extension, through `onedial` started as its native-messaging host.
    QObject::connect(&instance, &SingleInstance::requestReceived, &window,
                     [&window, &links](const QStringList &arguments, PendingReply *reply) {
                         if (arguments.value(0) == QLatin1String("--browser-dial"))
                             BrowserDialRequest::handle(&window, &links, arguments.mid(1), reply);
                         else
                             reply->send({});
                     });
    QObject::connect(&instance, &SingleInstance::argumentsReceived, &window,
                     [&window, &links](const QStringList &arguments) {
                         QCommandLineParser received;
                         addOptions(received);
                         // Lenient: a later start's unknown option must not stop the running window.
                         received.parse(QStringList{QApplication::applicationFilePath()} + arguments);
                         const Options more = readOptions(received);
                         if (more.sandbox && !window.sandbox())
                             qCInfo(lcInstance, "--sandbox of a later start ignored: one window per user");
                         // A start at login while OneDial already runs leaves the window where it is.
                         if (!more.hidden || !more.links.isEmpty())
                             bringToFront(&window);
                         for (const QString &link : more.links)
                             links.openLink(link);
                     });

    if (options.exitAfterStartup) {
        // The first paint of the window ends the process: what a start-up measurement times.
        window.installEventFilter(new FirstPaintQuits(&window));
        window.show();
        return QApplication::exec();
    }
    if (!options.hidden || !options.links.isEmpty()) {
        window.show();
        QMetaObject::invokeMethod(&window, &MainWindow::offerFirstRun, Qt::QueuedConnection);
    } else {
        // No paint to wait for: the tray's quick dial searches the contacts.
        QMetaObject::invokeMethod(&window, &MainWindow::loadAfterStart, Qt::QueuedConnection);
    }
    for (const QString &link : options.links)
        QMetaObject::invokeMethod(
            &links, [&links, link] { links.openLink(link); }, Qt::QueuedConnection);
    return QApplication::exec();
}

} // namespace onedial
