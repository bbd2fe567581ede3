// Reads a secret from standard input: without echo when it is a terminal, otherwise the first
// line of what is piped in. Secrets never come from the command line.
#pragma once

#include <QByteArray>
#include <QString>

namespace onedial {

class TerminalInput final
{
public:
    static bool stdinIsTerminal();
    // The prompt goes to standard error, and only when standard input is a terminal.
    static QByteArray readSecret(const QString &prompt);
};

} // namespace onedial
