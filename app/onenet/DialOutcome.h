// What happened to one dial, in exactly one outcome class, with a message a person can act on
// and the raw details support needs.
#pragma once

#include "accounts/ApiGeneration.h"

#include <QJsonObject>
#include <QString>

namespace onedial {

enum class OutcomeClass {
    Accepted, // the service accepted the call: the user's phone will ring
    Refused,  // the service answered with an error code: no call
    NotSent,  // stopped before anything left this computer
    Failed,   // the request could not reach the service: no call
    Unknown,  // the request may have reached the service, but no usable answer came back
};

QString outcomeClassName(OutcomeClass outcome);
// The short, translated label lists show for an outcome: "Accepted", "Refused (000001)", …
// code is the service's code (v1 code_no or v2 code) shown with a refusal.
QString outcomeLabel(OutcomeClass outcome, const QString &code = {});

// Machine-readable reasons for outcomes that are not the service's own code.
namespace DialError {
inline constexpr char InvalidNumber[] = "invalid_number";
inline constexpr char InvalidAccount[] = "invalid_account";
inline constexpr char InsecureEndpoint[] = "insecure_endpoint";
inline constexpr char InvalidKey[] = "invalid_key";
inline constexpr char AlreadyInFlight[] = "already_in_flight";
inline constexpr char Keychain[] = "keychain";
inline constexpr char Timeout[] = "timeout";
inline constexpr char ConnectionRefused[] = "connection_refused";
inline constexpr char HostNotFound[] = "host_not_found";
inline constexpr char Tls[] = "tls";
inline constexpr char ConnectionClosed[] = "connection_closed";
inline constexpr char Network[] = "network";
inline constexpr char ReplyTooLarge[] = "reply_too_large";
inline constexpr char MalformedReply[] = "malformed_reply";
inline constexpr char HttpError[] = "http_error";
} // namespace DialError

struct DialOutcome
{
    OutcomeClass outcome = OutcomeClass::NotSent;
    Api api = Api::V1;
    QString callee;         // API form when known, otherwise what was typed
    QString requestId;      // the service's request id, if it answered
    QString codeNo;         // v1 code_no
    QString code;           // v1 code text, or v2 "iot.vcs.<name>"
    QString message;        // for the user, translated: what happened and what to do
    QString serviceMessage; // the service's own message text, verbatim
    QString callId;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString error;      // one of DialError when the outcome is not the service's code
    QString detail;     // technical detail for support (never contains the key)

    bool ok() const { return outcome == OutcomeClass::Accepted; }
    // The command line's exit status: 0 accepted, 1 refused, 2 not sent, 3 outcome unknown or transport
    // failure.
    int exitStatus() const;
    QJsonObject toJson() const;
};

} // namespace onedial
