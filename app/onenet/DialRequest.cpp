#include "DialRequest.h"

#include "phone/PhoneNumber.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace onedial {

namespace {

constexpr int kMaxNumberLength = 64;
constexpr int kMaxAppIdLength = 32;
constexpr int kMaxNotifyUrlLength = 512;

DialOutcome notSent(Api api, const QString &callee, const char *error, const QString &message)
{
    DialOutcome outcome;
    outcome.outcome = OutcomeClass::NotSent;
    outcome.api = api;
    outcome.callee = callee;
    outcome.error = QLatin1String(error);
    outcome.message = message;
    return outcome;
}

} // namespace

std::pair<std::optional<DialRequest>, DialOutcome> DialRequest::build(const Account &account,
                                                                      const PhoneNumber &callee)
{
    if (!callee.isValid()) {
        return {std::nullopt,
                notSent(account.api, callee.shown(), DialError::InvalidNumber, callee.problemText())};
    }
    // An unencrypted endpoint gets its own error, ahead of validate(), which would otherwise
    // report it as one account problem among others.
    // (A gateway account without an address is left to validate().)
    const QUrl url = account.dialUrl();
    if (!account.effectiveBaseUrl().isEmpty() && url.scheme() != QLatin1String("https") &&
        !Account::isAllowedEndpoint(url)) {
        return {std::nullopt,
                notSent(account.api, callee.apiForm(), DialError::InsecureEndpoint,
                        QCoreApplication::translate(
                            "DialRequest", "Refusing to send the call over an unencrypted connection "
                                           "to %1. Use an https:// endpoint.")
                            .arg(url.host()))};
    }
    const QStringList problems = account.validate();
    if (!problems.isEmpty()) {
        return {std::nullopt,
                notSent(account.api, callee.apiForm(), DialError::InvalidAccount,
                        QCoreApplication::translate("DialRequest", "The account \"%1\" cannot dial yet: %2")
                            .arg(account.name, problems.join(QLatin1Char(' '))))};
    }

    if (account.isGateway()) {
        // The gateway fills in everything else from the member's settings, and refuses a caller
        // or display sent along (caller_not_allowed).
        DialRequest request;
        request.kind = AccountKind::Gateway;
        request.url = url;
        request.body = QJsonDocument(QJsonObject{{QStringLiteral("callee"), callee.apiForm()}})
                           .toJson(QJsonDocument::Compact);
        request.callee = callee.apiForm();
        DialOutcome pending;
        pending.callee = request.callee;
        return {request, pending};
    }

    // The lengths are the API's documented limits; checking them here turns an opaque
    // service refusal into a message about the field that is wrong.
    QJsonObject body;
    if (account.api == Api::V1) {
        Q_ASSERT(account.appId.size() <= kMaxAppIdLength);
        body.insert(QStringLiteral("appid"), account.appId);
    }
    body.insert(QStringLiteral("sponsor"), account.sponsor);
    body.insert(QStringLiteral("caller"), account.caller);
    body.insert(QStringLiteral("callee"), callee.apiForm());
    if (!account.display.isEmpty())
        body.insert(QStringLiteral("display"), account.display);
    if (!account.notifyUrl.isEmpty())
        body.insert(QStringLiteral("notify_url"), QString::fromUtf8(account.notifyUrl.toEncoded()));
    Q_ASSERT(callee.apiForm().size() <= kMaxNumberLength);
    Q_ASSERT(account.notifyUrl.toEncoded().size() <= kMaxNotifyUrlLength);

    DialRequest request;
    request.api = account.api;
    request.url = url;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.callee = callee.apiForm();
    request.token.version = TokenSigner::versionFor(account.api);
    request.token.res = TokenSigner::resFor(account.api, account.identity());
    request.token.method = account.method;

    DialOutcome pending;
    pending.api = account.api;
    pending.callee = request.callee;
    return {request, pending};
}

} // namespace onedial
