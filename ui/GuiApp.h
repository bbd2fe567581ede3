// Starts the windowed app: the QApplication, the window and the options only the window takes.
// One window per user: a later start hands its arguments (links, --hidden) to the running one.
#pragma once

#include <QStringList>

class QCommandLineParser;

namespace onedial {

class GuiApp final
{
public:
    static int run(int &argc, char **argv);

    // What a start asks of the window; read alike from this start and from a later one.
    struct Options
    {
        bool sandbox = false;
        bool hidden = false;           // start without showing the window (start at login, to the tray)
        bool exitAfterStartup = false; // quit after the first paint (start-up measurements)
        QStringList links;             // tel: / callto: links to confirm and dial
    };

private:
    static void addOptions(QCommandLineParser &parser);
    static Options readOptions(const QCommandLineParser &parser);
};

} // namespace onedial
