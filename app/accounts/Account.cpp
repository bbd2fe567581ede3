#include "Account.h"

#include "phone/PhoneNumber.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrlQuery>

namespace onedial {

namespace {

// The position of the first character that is not a hexadecimal digit, or -1.
qsizetype firstNonHex(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool hex = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        if (!hex)
            return i;
    }
    return -1;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QUrl Account::defaultBaseUrl(Api api)
{
    return api == Api::V1 ? QUrl(QStringLiteral("https://voice.heclouds.com:8002"))
                          : QUrl(QStringLiteral("https://openapi.heclouds.com"));
}

QUrl Account::effectiveBaseUrl() const
{
    if (isGateway())
        return gateway;
    return endpoint.isEmpty() ? defaultBaseUrl(api) : endpoint;
}

QUrl Account::dialUrl() const
{
    if (isGateway())
        return gatewayUrl(QStringLiteral("/api/v1/dial"));
    QUrl url = effectiveBaseUrl();
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (api == Api::V1) {
        url.setPath(path + QStringLiteral("/v1/onenet/dial/notify"));
    } else {
        url.setPath(path + QStringLiteral("/vcs"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("action"), QStringLiteral("dialNotify"));
        query.addQueryItem(QStringLiteral("version"), QStringLiteral("2"));
        url.setQuery(query);
    }
    return url;
}

QUrl Account::gatewayUrl(const QString &route) const
{
    QUrl url = gateway;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + route);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

bool Account::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[\\w][\\w .@-]{0,63}$"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    return pattern.match(name).hasMatch();
}

bool Account::isAllowedEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    return url.scheme() == QLatin1String("http") && isLoopbackHost(url.host());
}

QStringList Account::normalizeNumbers()
{
    QStringList problems;
    auto normalize = [&problems](QString &field, const QString &label) {
        if (field.isEmpty())
            return;
        const PhoneNumber number = PhoneNumber::parse(field);
        if (number.isValid())
            field = number.apiForm();
        else
            problems << label + QStringLiteral(": ") + number.problemText();
    };
    normalize(sponsor, tr("Sponsor number"));
    normalize(caller, tr("Your phone (caller)"));
    normalize(display, tr("Display number"));
    return problems;
}

QString Account::problem(Field field) const
{
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    switch (field) {
    case Field::Name:
        if (!isValidName(name))
            return tr("The account name must be 1 to 64 letters, digits, spaces, dots, @ or dashes.");
        break;
    case Field::Identity:
        if (api == Api::V1) {
            // OneNET's appids are 32 hexadecimal digits; anything else is a typo or a partial copy,
            // which OneNET would only refuse (000002) once a call is placed.
            if (appId.isEmpty())
                return tr("The appid is missing. Copy it from the OneNET console: voice service, your "
                          "application's details.");
            if (const qsizetype at = firstNonHex(appId); at >= 0)
                return tr("The appid has only the digits 0-9 and the letters a-f; \"%1\" is not one of them.")
                    .arg(appId.at(at));
            if (appId.size() != kAppIdLength)
                return tr("The appid must be exactly %1 characters long; this one has %2. Copy it whole "
                          "from the OneNET console.")
                    .arg(kAppIdLength)
                    .arg(appId.size());
        } else {
            if (userId.isEmpty())
                return tr("The user id is missing. Copy it from the OneNET console: your account's details.");
            if (userId.size() > 64 || !idPattern.match(userId).hasMatch())
                return tr(
                    "The user id must be at most 64 letters or digits, as shown in the OneNET console.");
        }
        break;
    case Field::Sponsor:
        if (sponsor.isEmpty())
            return tr("The sponsor number is missing: it is the service number OneNET issued to you.");
        if (sponsor.size() > 64)
            return tr("Phone numbers may have at most 64 characters.");
        break;
    case Field::Caller:
        if (caller.isEmpty())
            return tr("Your own phone number (caller) is missing: OneNET rings it first.");
        if (caller.size() > 64)
            return tr("Phone numbers may have at most 64 characters.");
        break;
    case Field::Display:
        if (!display.isEmpty() && display != sponsor && display != caller)
            return tr("The display number must be either the sponsor number or your own (caller) number; "
                      "OneNET refuses any other.");
        break;
    case Field::Endpoint:
        if (!endpoint.isEmpty() && !isAllowedEndpoint(endpoint))
            return tr("The endpoint must be an https:// address (plain http:// only to this computer).");
        break;
    case Field::NotifyUrl:
        if (!notifyUrl.isEmpty()) {
            const bool schemeOk =
                notifyUrl.scheme() == QLatin1String("https") || notifyUrl.scheme() == QLatin1String("http");
            if (!notifyUrl.isValid() || !schemeOk || notifyUrl.host().isEmpty())
                return tr("The status callback address must be a full http:// or https:// address.");
            if (notifyUrl.toEncoded().size() > 512)
                return tr("The status callback address may have at most 512 characters.");
        }
        break;
    case Field::TokenLifetime:
        if (tokenLifetimeSecs < 60 || tokenLifetimeSecs > 7 * 24 * 3600)
            return tr("The token lifetime must be between 60 seconds and 7 days.");
        break;
    case Field::Gateway:
        if (gateway.isEmpty())
            return tr("The gateway address is missing. Your administrator gives it to you with your token, "
                      "such as https://dial.example.com.");
        if (!isAllowedEndpoint(gateway))
            return tr(
                "The gateway address must be an https:// address (plain http:// only to this computer).");
        if (gateway.hasQuery() || gateway.hasFragment())
            return tr("The gateway address is only the server's address, without ? or # parts.");
        break;
    }
    return {};
}

QStringList Account::validate() const
{
    QStringList problems;
    // The gateway decides a gateway account's OneNET fields: none of them is asked for here.
    const QList<Field> fields =
        isGateway() ? QList<Field>{Field::Name, Field::Gateway}
                    : QList<Field>{Field::Name,    Field::Identity, Field::Sponsor,   Field::Caller,
                                   Field::Display, Field::Endpoint, Field::NotifyUrl, Field::TokenLifetime};
    for (Field field : fields) {
        const QString text = problem(field);
        if (!text.isEmpty())
            problems << text;
    }
    return problems;
}

} // namespace onedial
