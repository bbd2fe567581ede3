// One status callback OneNET POSTs to a dial's notify_url ("Status callback" in
// onenet-voice-api.md), read once where it arrives: which call, how far it got, and when it
// ended, why and after how long. The gateway's receiver reads it; a desktop's can too.
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace onedial {

// How far a call got, in the order a call moves through: a report never moves a call back.
enum class CallProgress {
    CallingCaller = 1, // OneNET rings the person who dialled
    CallingCallee,     // they answered; OneNET rings the number dialled
    Connected,
    Disconnected, // final: reason says why
};

// OneNET's word for it ("CallingCaller", …), also what the gateway stores and serves.
QString callProgressName(CallProgress progress);
std::optional<CallProgress> callProgressFromName(const QString &name);

struct CallStatusReport
{
    // OneNET's reasons are words of up to a dozen letters; a longer one is not OneNET's.
    static constexpr int kMaxFieldLength = 64;

    QString account; // appid (v1) or user_id (v2) when the report names one
    QString callId;
    QString caller;
    QString callee;
    CallProgress progress = CallProgress::CallingCaller;
    QString reason;                           // when Disconnected: HangUp, CalleeBusy, … as sent
    std::optional<qint64> callDuration;       // seconds, when Disconnected (OneNET may leave it out)
    std::optional<qint64> callerCallDuration; // seconds, for a caller outside China Mobile
    QString reportDate;                       // YYYYmmDDHHMMSS as sent (Beijing time), or empty

    // The report in a callback's JSON body; nothing, with what is wrong in English for the log,
    // when call_id or status is missing or a field is not of its documented form.
    static std::optional<CallStatusReport> fromJson(const QJsonObject &body, QString *problem);

    // The body a receiver answers OneNET with (HTTP 200): code_no "000000",
    // code "onenet_common_success".
    static QJsonObject successAnswer(const QString &requestId);
};

} // namespace onedial
