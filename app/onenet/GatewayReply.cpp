#include "GatewayReply.h"

#include "ReplyParser.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

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

// The words the dial client uses for the same situations, so that both paths read alike.
QString sentences(const QString &first, const QString &second)
{
    return QCoreApplication::translate("onedial::DialClient", "%1 %2",
                                       "two sentences in a row: what happened, then what to do")
        .arg(first, second);
}

QString checkPhone()
{
    return QCoreApplication::translate(
        "onedial::DialClient",
        "The call may or may not have been placed: check your phone before dialling again.");
}

std::optional<OutcomeClass> outcomeFromName(const QString &name)
{
    for (OutcomeClass each : {OutcomeClass::Accepted, OutcomeClass::Refused, OutcomeClass::NotSent,
                              OutcomeClass::Failed, OutcomeClass::Unknown}) {
        if (name == outcomeClassName(each))
            return each;
    }
    return std::nullopt;
}

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

// An answer that is not an outcome object. As for OneNET's own answers (ReplyParser): a client
// error (4xx) means the request was turned away before anything was sent; anything else leaves the
// call's fate unknown.
DialOutcome unusable(int httpStatus, const QByteArray &body, const QString &why)
{
    DialOutcome outcome;
    outcome.httpStatus = httpStatus;
    outcome.detail = QStringLiteral("gateway: ") + why + QStringLiteral("; body starts: ") +
                     QString::fromUtf8(body.left(120)).simplified();
    if (httpStatus >= 400 && httpStatus < 500) {
        outcome.outcome = OutcomeClass::Failed;
        outcome.error = QLatin1String(DialError::HttpError);
        outcome.message =
            GatewayReply::tr("The server at the gateway address turned the request away (HTTP "
                             "%1) without an answer OneDial can read. No call was placed. Check "
                             "the gateway address in the account settings.")
                .arg(httpStatus);
    } else if (httpStatus >= 500 || (httpStatus >= 300 && httpStatus < 400)) {
        outcome.outcome = OutcomeClass::Unknown;
        outcome.error = QLatin1String(DialError::HttpError);
        outcome.message =
            sentences(GatewayReply::tr(
                          "Your team's gateway answered with an error page (HTTP %1) instead of the call's "
                          "outcome.")
                          .arg(httpStatus),
                      checkPhone());
    } else {
        outcome.outcome = OutcomeClass::Unknown;
        outcome.error = QLatin1String(DialError::MalformedReply);
        outcome.message =
            sentences(GatewayReply::tr("Your team's gateway's answer could not be read."), checkPhone());
    }
    return outcome;
}

// Whether the gateway's status line agrees with the outcome its body claims. A body that claims
// an accepted call under an error status, or "nothing sent" under a success, is not believed.
bool statusFits(OutcomeClass outcome, int httpStatus)
{
    switch (outcome) {
    case OutcomeClass::Accepted:
    case OutcomeClass::Refused:
        return isSuccess(httpStatus);
    case OutcomeClass::NotSent:
    case OutcomeClass::Failed:
    case OutcomeClass::Unknown:
        break;
    }
    return httpStatus >= 400;
}

QString waitText(int secs)
{
    if (secs < 60)
        return GatewayReply::tr("in %n second(s)", nullptr, qMax(secs, 1));
    if (secs < 3600)
        return GatewayReply::tr("in about %n minute(s)", nullptr, (secs + 59) / 60);
    return GatewayReply::tr("in about %n hour(s)", nullptr, (secs + 1799) / 3600);
}

} // namespace

QString GatewayReply::messageForError(const QString &error, int retryAfterSecs)
{
    const auto is = [&error](const char *code) {
        return error == QLatin1String(code);
    };
    if (is(GatewayError::TokenRefused))
        return tr("Your team's gateway did not accept your token: it may have been replaced, or your "
                  "membership removed. No call was placed. Ask your administrator for a new token and enter "
                  "it in the account settings.");
    if (is(GatewayError::UserDisabled))
        return tr("Your administrator has turned off your calls on your team's gateway. No call was placed. "
                  "Ask your administrator to turn them on again.");
    if (is(GatewayError::DailyLimit)) {
        const QString reached =
            tr("You have placed all the calls your team allows you per day. No call was placed.");
        return sentences(reached, retryAfterSecs >= 0
                                      ? tr("The limit resets %1.").arg(waitText(retryAfterSecs))
                                      : tr("The limit resets at midnight, the gateway's time."));
    }
    if (is(GatewayError::TooManyFailures)) {
        const QString blocked = tr("Your team's gateway has stopped listening to this computer's network "
                                   "address for a while, after too many attempts with a wrong token. No call "
                                   "was placed.");
        return sentences(
            blocked, retryAfterSecs >= 0
                         ? tr("Try again %1; if it happens again, check the token in the account settings.")
                               .arg(waitText(retryAfterSecs))
                         : tr("Try again in a minute; if it happens again, check the token in the account "
                              "settings."));
    }
    if (is(GatewayError::CallerNotAllowed))
        return tr("Your team's gateway refused a request that named a caller or display number: members "
                  "always call from their own phone, as the administrator set it. No call was placed.");
    if (is(GatewayError::AlreadyInFlight))
        return tr("Your call to this number is already being placed through your team's gateway (perhaps "
                  "from another computer). Wait for its outcome before dialling again.");
    if (is(GatewayError::InvalidNumber))
        return tr("Your team's gateway cannot dial this number. No call was placed. Check the number.");
    if (is(GatewayError::NotConfigured))
        return tr("Your team's gateway has no OneNET account set up yet, so it cannot place calls. No call "
                  "was placed. Tell your administrator.");
    if (is(GatewayError::Unavailable))
        return tr("Your team's gateway cannot use its database just now. No call was placed. Try again in a "
                  "few minutes; if it keeps happening, tell your administrator.");
    if (is(GatewayError::RequestTimeout))
        return tr("The request reached your team's gateway too slowly and was dropped. No call was placed. "
                  "Check your network, then try again.");
    if (is(GatewayError::NotFound) || is(GatewayError::MethodNotAllowed))
        return tr("The server at the gateway address has no dial route (%1): the address is probably not "
                  "your team's gateway. No call was placed. Check the gateway address in the account "
                  "settings.")
            .arg(error);
    if (is(GatewayError::RequestTooLarge) || is(GatewayError::InvalidRequest))
        return tr("Your team's gateway could not take OneDial's request (%1). No call was placed. Tell your "
                  "administrator; a proxy between you and the gateway may be changing requests.")
            .arg(error);
    return tr("Your team's gateway refused the call (%1). No call was placed. If it keeps happening, tell "
              "your administrator.")
        .arg(error.isEmpty() ? QStringLiteral("?") : error.left(64));
}

DialOutcome GatewayReply::parse(int httpStatus, const QByteArray &body, int retryAfterSecs)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return unusable(httpStatus, body,
                        QStringLiteral("not JSON (%1 at offset %2)")
                            .arg(parseError.errorString())
                            .arg(parseError.offset));
    }
    if (!document.isObject())
        return unusable(httpStatus, body, QStringLiteral("JSON is not an object"));
    const QJsonObject object = document.object();

    const QString error = text(object, "error");
    std::optional<OutcomeClass> outcomeClass;
    const QJsonValue outcomeValue = object.value(QLatin1String("outcome"));
    if (outcomeValue.isString())
        outcomeClass = outcomeFromName(outcomeValue.toString());
    else if (outcomeValue.isUndefined() && !error.isEmpty() &&
             ((httpStatus >= 400 && httpStatus < 500) || httpStatus == 503))
        // The plain error body: refused before the dial route (4xx), or not_configured and
        // unavailable (503).
        outcomeClass = OutcomeClass::NotSent;
    if (!outcomeClass)
        return unusable(httpStatus, body, QStringLiteral("no outcome"));
    if (!statusFits(*outcomeClass, httpStatus))
        return unusable(httpStatus, body, QStringLiteral("outcome does not fit the status"));

    DialOutcome outcome;
    outcome.outcome = *outcomeClass;
    outcome.api = apiFromName(text(object, "api")).value_or(Api::V1);
    outcome.callee = text(object, "callee");
    outcome.requestId = text(object, "request_id");
    outcome.codeNo = text(object, "code_no");
    outcome.code = text(object, "code");
    outcome.serviceMessage = text(object, "service_message");
    outcome.callId = text(object, "call_id");
    const QJsonValue onenetStatus = object.value(QLatin1String("http_status"));
    outcome.httpStatus = onenetStatus.isDouble() ? onenetStatus.toInt() : 0;
    outcome.error = error;

    QStringList detail{QStringLiteral("gateway HTTP %1").arg(httpStatus)};
    if (const QJsonValue dialId = object.value(QLatin1String("dial_id")); dialId.isDouble())
        detail << QStringLiteral("dial_id %1").arg(qint64(dialId.toDouble()));
    if (outcome.outcome != OutcomeClass::Accepted && outcome.outcome != OutcomeClass::Refused) {
        if (const QString said = text(object, "message"); !said.isEmpty())
            detail << QStringLiteral("gateway says: ") + said.simplified();
    }
    outcome.detail = detail.join(QStringLiteral("; "));

    switch (outcome.outcome) {
    case OutcomeClass::Accepted:
    case OutcomeClass::Refused:
        outcome.error.clear(); // OneNET's code says it all
        outcome.message = ReplyParser::serviceAnswerMessage(outcome);
        break;
    case OutcomeClass::NotSent:
        outcome.message = messageForError(error, retryAfterSecs);
        break;
    case OutcomeClass::Failed:
        outcome.message = tr("Your team's gateway could not reach OneNET (%1). No call was placed. Try again "
                             "in a moment; if it keeps happening, tell your administrator.")
                              .arg(error.isEmpty() ? QStringLiteral("?") : error.left(64));
        break;
    case OutcomeClass::Unknown:
        outcome.message = sentences(tr("Your team's gateway sent the call to OneNET but got no usable answer "
                                       "(%1).")
                                        .arg(error.isEmpty() ? QStringLiteral("?") : error.left(64)),
                                    checkPhone());
        break;
    }
    return outcome;
}

} // namespace onedial
