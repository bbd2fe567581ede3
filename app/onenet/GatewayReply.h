// The one place that reads onedial-gateway's answer to a dial (docs/gateway-api.md, POST
// /api/v1/dial) into a DialOutcome. The gateway sends an outcome object; the words the user sees
// are made here, in the user's language: OneNET's answers in the words a direct dial shows
// (ReplyParser::serviceAnswerMessage), the gateway's own refusals with what to do about each.
#pragma once

#include "DialOutcome.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace onedial {

// The gateway's error codes the desktop words itself; any other code gets a general sentence.
namespace GatewayError {
inline constexpr char TokenRefused[] = "token_refused";
inline constexpr char UserDisabled[] = "user_disabled";
inline constexpr char CallerNotAllowed[] = "caller_not_allowed";
inline constexpr char DailyLimit[] = "daily_limit";
inline constexpr char TooManyFailures[] = "too_many_failures";
inline constexpr char AlreadyInFlight[] = "already_in_flight";
inline constexpr char InvalidNumber[] = "invalid_number";
inline constexpr char InvalidRequest[] = "invalid_request";
inline constexpr char NotConfigured[] = "not_configured";
inline constexpr char Unavailable[] = "unavailable";
inline constexpr char RequestTooLarge[] = "request_too_large";
inline constexpr char RequestTimeout[] = "request_timeout";
inline constexpr char NotFound[] = "not_found";
inline constexpr char MethodNotAllowed[] = "method_not_allowed";
} // namespace GatewayError

class GatewayReply final
{
    Q_DECLARE_TR_FUNCTIONS(GatewayReply)

public:
    // httpStatus: the gateway's status line; body: the whole (size-capped) body; retryAfterSecs:
    // the Retry-After header in seconds, or -1 when there is none. The outcome's httpStatus is
    // OneNET's (from the body), as the gateway reports it; the gateway's own status, its dial_id
    // and its English message go into detail.
    static DialOutcome parse(int httpStatus, const QByteArray &body, int retryAfterSecs = -1);

    // The translated sentence for one of the gateway's refusals before anything was sent.
    static QString messageForError(const QString &error, int retryAfterSecs);
};

} // namespace onedial
