#include "ReplyParser.h"

#include "ResultCatalogue.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace onedial {

namespace {

constexpr int kMaxFieldLength = 256; // longer ids or messages are cut: they only feed display and logs

QString text(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isString())
        return value.toString().left(kMaxFieldLength);
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

QString callIdFrom(const QJsonObject &object)
{
    const QJsonValue data = object.value(QLatin1String("data"));
    if (!data.isObject())
        return {};
    return text(data.toObject(), "call_id");
}

// A reply we could not use. Whether the call was placed is then unknown, except for an HTTP
// client error (4xx) without a service envelope: the server itself turned the request away.
DialOutcome unusable(Api api, int httpStatus, const QByteArray &body, const QString &why)
{
    DialOutcome outcome;
    outcome.api = api;
    outcome.httpStatus = httpStatus;
    outcome.detail = why + QStringLiteral("; body starts: ") + QString::fromUtf8(body.left(120)).simplified();
    if (httpStatus >= 400 && httpStatus < 500) {
        outcome.outcome = OutcomeClass::Failed;
        outcome.error = QLatin1String(DialError::HttpError);
        outcome.message =
            QCoreApplication::translate(
                "ReplyParser", "The server turned the request away (HTTP %1) without a OneNET answer. "
                               "No call was placed. Check the account's endpoint address.")
                .arg(httpStatus);
    } else if (httpStatus >= 500 || (httpStatus >= 300 && httpStatus < 400)) {
        outcome.outcome = OutcomeClass::Unknown;
        outcome.error = QLatin1String(DialError::HttpError);
        outcome.message =
            QCoreApplication::translate("ReplyParser",
                                        "The service answered with an error page (HTTP %1) instead of a "
                                        "OneNET answer. The call may or may not have been placed: check your "
                                        "phone before dialling again.")
                .arg(httpStatus);
    } else {
        outcome.outcome = OutcomeClass::Unknown;
        outcome.error = QLatin1String(DialError::MalformedReply);
        outcome.message = QCoreApplication::translate(
            "ReplyParser",
            "The service's answer could not be read. The call may or may not have been placed: "
            "check your phone before dialling again.");
    }
    return outcome;
}

DialOutcome parseV1(int httpStatus, const QJsonObject &object, const QByteArray &body)
{
    const QJsonValue codeNo = object.value(QLatin1String("code_no"));
    if (!codeNo.isString() || codeNo.toString().isEmpty() || codeNo.toString().size() > 16)
        return unusable(Api::V1, httpStatus, body, QStringLiteral("no code_no string"));
    DialOutcome outcome;
    outcome.api = Api::V1;
    outcome.httpStatus = httpStatus;
    outcome.codeNo = codeNo.toString();
    outcome.code = text(object, "code");
    outcome.requestId = text(object, "request_id");
    outcome.serviceMessage = text(object, "message");
    if (outcome.codeNo == QLatin1String("000000")) {
        outcome.outcome = OutcomeClass::Accepted;
        outcome.callId = callIdFrom(object);
    } else {
        outcome.outcome = OutcomeClass::Refused;
    }
    outcome.message = ReplyParser::serviceAnswerMessage(outcome);
    return outcome;
}

DialOutcome parseV2(int httpStatus, const QJsonObject &object, const QByteArray &body)
{
    const QJsonValue success = object.value(QLatin1String("success"));
    if (!success.isBool())
        return unusable(Api::V2, httpStatus, body, QStringLiteral("no success boolean"));
    DialOutcome outcome;
    outcome.api = Api::V2;
    outcome.httpStatus = httpStatus;
    outcome.requestId = text(object, "requestId");
    outcome.serviceMessage = text(object, "msg");
    if (success.toBool()) {
        outcome.outcome = OutcomeClass::Accepted;
        outcome.callId = callIdFrom(object);
    } else {
        outcome.outcome = OutcomeClass::Refused;
        outcome.code = text(object, "code");
    }
    outcome.message = ReplyParser::serviceAnswerMessage(outcome);
    return outcome;
}

} // namespace

QString ReplyParser::serviceAnswerMessage(const DialOutcome &outcome)
{
    if (outcome.api == Api::V1)
        return ResultCatalogue::messageForV1(outcome.codeNo, outcome.serviceMessage);
    if (outcome.outcome == OutcomeClass::Accepted) {
        return QCoreApplication::translate(
            "ResultCatalogue", "Call accepted. Your phone will ring first; answer it to be connected.");
    }
    if (outcome.code.isEmpty() && (outcome.httpStatus == 401 || outcome.httpStatus == 403)) {
        return QCoreApplication::translate(
            "ReplyParser",
            "OneNET refused the authorization. Check that the access key belongs to this account, "
            "that the signing method matches the console, and that this computer's clock is right.");
    }
    return ResultCatalogue::messageForV2(outcome.code, outcome.serviceMessage);
}

DialOutcome ReplyParser::parse(Api api, int httpStatus, const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return unusable(
            api, httpStatus, body,
            QStringLiteral("not JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    }
    if (!document.isObject())
        return unusable(api, httpStatus, body, QStringLiteral("JSON is not an object"));
    return api == Api::V1 ? parseV1(httpStatus, document.object(), body)
                          : parseV2(httpStatus, document.object(), body);
}

} // namespace onedial
