// Writes the command line's output as UTF-8: results to standard output, problems to standard error.
// Lines may quote what people or files wrote (names, numbers as written, reasons): every control or
// bidirectional character in them other than a line break is written as \u{202E}, and in JSON as
// \u202e, so that a terminal never receives one raw.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace onedial {

enum ExitStatus : int {
    ExitAccepted = 0, // the service accepted the call (or the command did what it was asked)
    ExitRefused = 1,  // the service refused it; its code is shown
    ExitNotSent = 2,  // nothing was sent: usage, bad number, bad configuration
    ExitUnknown = 3,  // transport failure or timeout; the outcome may be unknown
    ExitKeychain = 4, // the keychain could not give or keep the key
};

class Output final
{
public:
    static void out(const QString &line);
    static void err(const QString &line);
    static void json(const QJsonObject &object);
    static void json(const QJsonArray &array);
};

} // namespace onedial
