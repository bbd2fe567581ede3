// The one place that reads the service's answer to a dial, for both API generations,
// including answers that are not what the documentation promises.
#pragma once

#include "DialOutcome.h"

#include <QByteArray>

namespace onedial {

class ReplyParser final
{
public:
    // httpStatus is the status line's code; body is the whole (size-capped) body.
    static DialOutcome parse(Api api, int httpStatus, const QByteArray &body);
    // The user's words for OneNET's answer (accepted, or refused with its code) that outcome
    // carries: api, outcome, codeNo or code, serviceMessage and httpStatus (OneNET's). The gateway's
    // answers are worded with it too (GatewayReply), so a call shows the same words either way.
    static QString serviceAnswerMessage(const DialOutcome &outcome);
};

} // namespace onedial
