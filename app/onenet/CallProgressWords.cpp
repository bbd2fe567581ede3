#include "CallProgressWords.h"

namespace onedial {

QString CallProgressWords::duration(qint64 secs)
{
    secs = qMax<qint64>(0, secs);
    if (secs < 60)
        return tr("%1 s").arg(secs);
    if (secs < 3600)
        return secs % 60 == 0 ? tr("%1 min").arg(secs / 60) : tr("%1 min %2 s").arg(secs / 60).arg(secs % 60);
    const qint64 minutes = (secs % 3600) / 60;
    return minutes == 0 ? tr("%1 h").arg(secs / 3600) : tr("%1 h %2 min").arg(secs / 3600).arg(minutes);
}

bool CallProgressWords::endedBadly(CallProgress progress, const QString &reason)
{
    return progress == CallProgress::Disconnected && reason != QLatin1String("HangUp");
}

QString CallProgressWords::describe(CallProgress progress, const QString &reason,
                                    std::optional<qint64> durationSecs, const QString &callee)
{
    switch (progress) {
    case CallProgress::CallingCaller:
        return tr("Calling you: answer your phone");
    case CallProgress::CallingCallee:
        return tr("Calling %1").arg(callee);
    case CallProgress::Connected:
        return tr("Connected with %1").arg(callee);
    case CallProgress::Disconnected:
        break;
    }
    // OneNET's reasons ("Status callback" in the service's documentation), in a person's words.
    if (reason == QLatin1String("HangUp") || reason.isEmpty()) {
        if (durationSecs && *durationSecs > 0)
            return tr("Ended after %1").arg(duration(*durationSecs));
        return tr("Ended");
    }
    if (reason == QLatin1String("CallerBusy"))
        return tr("Your phone was busy, so %1 was not called").arg(callee);
    if (reason == QLatin1String("CallerNoAnswer"))
        return tr("You did not answer your phone, so %1 was not called").arg(callee);
    if (reason == QLatin1String("CallerFailure"))
        return tr("Your phone could not be reached, so %1 was not called").arg(callee);
    if (reason == QLatin1String("CallerAbandon"))
        return tr("You hung up before %1 answered").arg(callee);
    if (reason == QLatin1String("CalleeBusy"))
        return tr("%1's phone was busy").arg(callee);
    if (reason == QLatin1String("CalleeNoAnswer"))
        return tr("%1 did not answer").arg(callee);
    if (reason == QLatin1String("CalleeFailure"))
        return tr("%1's phone could not be reached (off, out of service or no signal)").arg(callee);
    return tr("Ended (OneNET's reason: %1)").arg(reason.left(CallStatusReport::kMaxFieldLength));
}

} // namespace onedial
