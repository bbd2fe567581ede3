#include "GuiApp.h"

#include "MainWindow.h"
#include "core/AppInfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

namespace onedial {

int GuiApp::run(int &argc, char **argv)
{
    QApplication app(argc, argv);
    setUpApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("OneDial"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/onedial.svg")));

    QCommandLineParser parser;
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"), QApplication::translate("GuiApp", "Dial the built-in OneNET simulator."));
    parser.addOption(sandbox);
    parser.process(app);

    MainWindow window(parser.isSet(sandbox) ? MainWindow::Mode::Sandbox : MainWindow::Mode::Normal);
    window.show();
    QMetaObject::invokeMethod(&window, &MainWindow::offerFirstRun, Qt::QueuedConnection);
    return QApplication::exec();
}

} // namespace onedial
