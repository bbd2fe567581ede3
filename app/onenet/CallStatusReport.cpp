#include "CallStatusReport.h"

#include <QDate>
#include <QTime>

namespace onedial {

namespace {

constexpr int kReportDateLength = 14;

// A duration OneNET may send as a number or as digits in a string; nothing when absent.
bool readSeconds(const QJsonObject &body, const char *name, std::optional<qint64> *seconds)
{
    const QJsonValue value = body.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull())
        return true;
    qint64 number = -1;
    if (value.isDouble()) {
        const double real = value.toDouble();
        if (real == double(qint64(real)))
            number = qint64(real);
    } else if (value.isString()) {
        bool ok = false;
        number = value.toString().toLongLong(&ok);
        if (!ok)
            number = -1;
    }
    if (number < 0 || number > 7 * 24 * 3600)
        return false;
    *seconds = number;
    return true;
}

// A text field, or an empty string when absent; false when it is there but not short text.
bool readText(const QJsonObject &body, const char *name, QString *text)
{
    const QJsonValue value = body.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString() || value.toString().size() > CallStatusReport::kMaxFieldLength)
        return false;
    *text = value.toString();
    return true;
}

// Date and time apart: as one QDateTime the text would be read in this machine's time zone, where
// a Beijing time may fall into a daylight-saving gap.
bool isReportDate(const QString &text)
{
    if (text.size() != kReportDateLength)
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return QDate::fromString(text.left(8), QStringLiteral("yyyyMMdd")).isValid() &&
           QTime::fromString(text.mid(8), QStringLiteral("HHmmss")).isValid();
}

} // namespace

QString callProgressName(CallProgress progress)
{
    switch (progress) {
    case CallProgress::CallingCaller:
        return QStringLiteral("CallingCaller");
    case CallProgress::CallingCallee:
        return QStringLiteral("CallingCallee");
    case CallProgress::Connected:
        return QStringLiteral("Connected");
    case CallProgress::Disconnected:
        break;
    }
    return QStringLiteral("Disconnected");
}

std::optional<CallProgress> callProgressFromName(const QString &name)
{
    for (CallProgress progress : {CallProgress::CallingCaller, CallProgress::CallingCallee,
                                  CallProgress::Connected, CallProgress::Disconnected}) {
        if (name == callProgressName(progress))
            return progress;
    }
    return std::nullopt;
}

std::optional<CallStatusReport> CallStatusReport::fromJson(const QJsonObject &body, QString *problem)
{
    CallStatusReport report;
    const auto fail = [problem](const QString &what) {
        *problem = what;
        return std::nullopt;
    };
    if (!readText(body, "call_id", &report.callId) || report.callId.isEmpty())
        return fail(QStringLiteral("no call_id"));
    QString status;
    if (!readText(body, "status", &status))
        return fail(QStringLiteral("status is not text"));
    const auto progress = callProgressFromName(status);
    if (!progress)
        return fail(QStringLiteral("status is not one of CallingCaller, CallingCallee, Connected, "
                                   "Disconnected"));
    report.progress = *progress;
    // v1 names the account appid, v2 user_id.
    if (!readText(body, "appid", &report.account) ||
        (report.account.isEmpty() && !readText(body, "user_id", &report.account))) {
        return fail(QStringLiteral("appid or user_id is not text"));
    }
    if (!readText(body, "caller", &report.caller) || !readText(body, "callee", &report.callee))
        return fail(QStringLiteral("caller or callee is not text"));
    if (!readText(body, "reason", &report.reason))
        return fail(QStringLiteral("reason is not text"));
    if (!readSeconds(body, "call_duration", &report.callDuration) ||
        !readSeconds(body, "caller_call_duration", &report.callerCallDuration)) {
        return fail(QStringLiteral("a duration is not a number of seconds"));
    }
    if (!readText(body, "report_date", &report.reportDate))
        return fail(QStringLiteral("report_date is not text"));
    if (!report.reportDate.isEmpty() && !isReportDate(report.reportDate))
        return fail(QStringLiteral("report_date is not YYYYmmDDHHMMSS"));
    return report;
}

QJsonObject CallStatusReport::successAnswer(const QString &requestId)
{
    return QJsonObject{
        {QStringLiteral("request_id"), requestId},
        {QStringLiteral("code_no"), QStringLiteral("000000")},
        {QStringLiteral("code"), QStringLiteral("onenet_common_success")},
        {QStringLiteral("message"), QStringLiteral("success")},
    };
}

} // namespace onedial
