#include "Command.h"

#include "Output.h"

#include <QTimer>

namespace onedial {

bool Command::parse(QCommandLineParser &parser, const QString &usageLine)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(m_arguments)) {
        Output::err(parser.errorText());
        Output::err(tr("Usage: %1").arg(usageLine));
        finish(ExitNotSent);
        return false;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // Qt prints its own "Usage:" line from the program name; ours names the command too.
        const qsizetype firstBreak = text.indexOf(QLatin1Char('\n'));
        text = tr("Usage: %1").arg(usageLine) + text.mid(firstBreak);
        Output::out(text.trimmed());
        finish(ExitAccepted);
        return false;
    }
    return true;
}

void Command::finish(int exitStatus)
{
    if (m_finished)
        return;
    m_finished = true;
    // Later, from the event loop, so that a command can finish from inside start().
    QTimer::singleShot(0, this, [this, exitStatus] { Q_EMIT done(exitStatus); });
}

} // namespace onedial
