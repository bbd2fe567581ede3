#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace onedial {

namespace {

QString agentPath()
{
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents/" ONEDIAL_APP_ID ".plist");
}

} // namespace

bool Autostart::isEnabled()
{
    return QFile::exists(agentPath());
}

IntegrationResult Autostart::setEnabled(bool enabled)
{
    if (!enabled) {
        if (QFile::exists(agentPath()) && !QFile::remove(agentPath()))
            return {false, QCoreApplication::translate("Autostart", "Could not remove %1.").arg(agentPath())};
        return {true, {}};
    }
    // launchd reads the agents folder at login; the agent takes effect from the next one.
    const QString plist = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                         "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                                         "<plist version=\"1.0\">\n<dict>\n"
                                         "  <key>Label</key><string>%1</string>\n"
                                         "  <key>ProgramArguments</key>\n"
                                         "  <array><string>%2</string><string>%3</string></array>\n"
                                         "  <key>RunAtLoad</key><true/>\n"
                                         "  <key>ProcessType</key><string>Interactive</string>\n"
                                         "</dict>\n</plist>\n")
                              .arg(QStringLiteral(ONEDIAL_APP_ID),
                                   QCoreApplication::applicationFilePath().toHtmlEscaped(), hiddenOption());
    QDir().mkpath(QDir::homePath() + QStringLiteral("/Library/LaunchAgents"));
    QSaveFile file(agentPath());
    if (!file.open(QIODevice::WriteOnly) || file.write(plist.toUtf8()) < 0 || !file.commit())
        return {false, QCoreApplication::translate("Autostart", "Could not write %1.").arg(agentPath())};
    return {true, {}};
}

} // namespace onedial
