// The words a person reads about a call's progress after OneNET accepted it: "Calling you",
// "Calling 张三", "Connected", "Ended after 2 min 13 s", or why it ended ("张三's phone was
// busy", "You did not answer"). One place, so that the status panel, the history, the tray and
// the command line say the same thing.
#pragma once

#include "CallStatusReport.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace onedial {

class CallProgressWords final
{
    Q_DECLARE_TR_FUNCTIONS(CallProgressWords)

public:
    // callee: the contact's name, or the number as shown when there is no name.
    static QString describe(CallProgress progress, const QString &reason, std::optional<qint64> durationSecs,
                            const QString &callee);
    // "45 s", "2 min 13 s", "1 h 5 min".
    static QString duration(qint64 secs);
    // Whether the call ended without the two people talking (any reason but HangUp after Connected).
    static bool endedBadly(CallProgress progress, const QString &reason);
};

} // namespace onedial
