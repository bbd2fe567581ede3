// One click-to-dial account: everything needed to place a call except its secret (a OneNET access
// key, or a gateway token), which lives only in the OS keychain. A direct account talks to OneNET
// itself; a gateway account only names the team's gateway, which decides every OneNET field.
#pragma once

#include "AccountKind.h"
#include "ApiGeneration.h"
#include "SignMethod.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace onedial {

struct Account
{
    Q_DECLARE_TR_FUNCTIONS(Account)

public:
    QString name;
    AccountKind kind = AccountKind::Direct;
    QUrl gateway; // Gateway: the gateway's base URL
    // Direct accounts only from here on: a gateway account leaves them empty.
    Api api = Api::V1;
    QString appId;  // v1
    QString userId; // v2
    QString sponsor;
    QString caller;
    QString display;
    SignMethod method = SignMethod::Sha256;
    QUrl endpoint;  // base URL; empty means the service's own
    QUrl notifyUrl; // optional
    int tokenLifetimeSecs = 3600;

    static constexpr int kDefaultTokenLifetimeSecs = 3600;
    // A v1 appid is this many hexadecimal digits.
    static constexpr int kAppIdLength = 32;

    bool isGateway() const { return kind == AccountKind::Gateway; }
    QString identity() const { return api == Api::V1 ? appId : userId; }
    QUrl effectiveBaseUrl() const;
    // The full click-to-dial URL: OneNET's for this account's API generation, or the gateway's
    // dial route.
    QUrl dialUrl() const;
    // A route of a gateway account's gateway, such as "/api/v1/me", under its base URL's path.
    QUrl gatewayUrl(const QString &route) const;
    static QUrl defaultBaseUrl(Api api);

    enum class Field {
        Name,
        Identity,
        Sponsor,
        Caller,
        Display,
        Endpoint,
        NotifyUrl,
        TokenLifetime,
        Gateway
    };

    // The problem with one field, translated, or an empty string when the field is fine. Numbers
    // are expected in API form already (see normalizeNumbers()).
    QString problem(Field field) const;
    // Every field's problem, in form order, for the fields this kind of account has; empty when the
    // account can dial.
    QStringList validate() const;
    // Turns sponsor, caller and display into API form; returns problems for numbers that cannot be used.
    QStringList normalizeNumbers();

    static bool isValidName(const QString &name);
    // HTTPS anywhere; plain HTTP only to this machine (the sandbox and test servers).
    static bool isAllowedEndpoint(const QUrl &url);
};

} // namespace onedial
