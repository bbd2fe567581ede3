#include "DialOutcome.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace onedial {

QString outcomeClassName(OutcomeClass outcome)
{
    switch (outcome) {
    case OutcomeClass::Accepted:
        return QStringLiteral("accepted");
    case OutcomeClass::Refused:
        return QStringLiteral("refused");
    case OutcomeClass::NotSent:
        return QStringLiteral("not_sent");
    case OutcomeClass::Failed:
        return QStringLiteral("failed");
    case OutcomeClass::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString outcomeLabel(OutcomeClass outcome, const QString &code)
{
    switch (outcome) {
    case OutcomeClass::Accepted:
        return QCoreApplication::translate("DialOutcome", "Accepted");
    case OutcomeClass::Refused:
        return code.isEmpty() ? QCoreApplication::translate("DialOutcome", "Refused")
                              : QCoreApplication::translate("DialOutcome", "Refused (%1)").arg(code);
    case OutcomeClass::NotSent:
        return QCoreApplication::translate("DialOutcome", "Not sent");
    case OutcomeClass::Failed:
        return QCoreApplication::translate("DialOutcome", "Failed, no call");
    case OutcomeClass::Unknown:
        break;
    }
    return QCoreApplication::translate("DialOutcome", "Outcome unknown");
}

int DialOutcome::exitStatus() const
{
    switch (outcome) {
    case OutcomeClass::Accepted:
        return 0;
    case OutcomeClass::Refused:
        return 1;
    case OutcomeClass::NotSent:
        return error == QLatin1String(DialError::Keychain) ? 4 : 2;
    case OutcomeClass::Failed:
    case OutcomeClass::Unknown:
        break;
    }
    return 3;
}

QJsonObject DialOutcome::toJson() const
{
    auto textOrNull = [](const QString &text) {
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    };
    return QJsonObject{
        {QStringLiteral("ok"), ok()},
        {QStringLiteral("outcome"), outcomeClassName(outcome)},
        {QStringLiteral("api"), apiName(api)},
        {QStringLiteral("callee"), textOrNull(callee)},
        {QStringLiteral("request_id"), textOrNull(requestId)},
        {QStringLiteral("code_no"), textOrNull(codeNo)},
        {QStringLiteral("code"), textOrNull(code)},
        {QStringLiteral("message"), message},
        {QStringLiteral("service_message"), textOrNull(serviceMessage)},
        {QStringLiteral("call_id"), textOrNull(callId)},
        {QStringLiteral("http_status"), httpStatus == 0 ? QJsonValue() : QJsonValue(httpStatus)},
        {QStringLiteral("error"), textOrNull(error)},
    };
}

} // namespace onedial
