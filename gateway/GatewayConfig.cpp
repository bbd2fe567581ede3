#include "GatewayConfig.h"

#include "platform/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrlQuery>

#include <algorithm>

namespace onedial::gateway {

namespace {

constexpr qint64 kMaxFileBytes = 64 * 1024;

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

bool isNotifySecret(const QByteArray &text)
{
    // At least 128 bits, base64url only (it is a path segment as it is).
    if (text.size() < 22)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_';
    });
}

QStringList toList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const auto &item : array)
        list.append(item.toString());
    return list;
}

} // namespace

QString GatewayConfig::filePath(const QString &stateFolder)
{
    return QDir(stateFolder).filePath(QLatin1String(kFileName));
}

std::optional<GatewayConfig> GatewayConfig::load(const QString &stateFolder, QString *error)
{
    const QString path = filePath(stateFolder);
    QFile file(path);
    if (!file.exists()) {
        *error = tr("The gateway is not set up in %1. Run `onedial-gateway init --public-url URL` first.")
                     .arg(QDir::toNativeSeparators(stateFolder));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2.").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxFileBytes) {
        *error = tr("%1 is larger than %2 KiB and is not a gateway configuration.")
                     .arg(path)
                     .arg(kMaxFileBytes / 1024);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = tr("%1 is not valid JSON (%2). Fix it or run `onedial-gateway init` again.")
                     .arg(path, parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    GatewayConfig config;
    config.publicUrl = QUrl(root.value(QLatin1String("public_url")).toString());
    config.database = root.value(QLatin1String("database")).toString();
    config.listenHost = root.value(QLatin1String("listen_host")).toString(config.listenHost);
    const int port = root.value(QLatin1String("listen_port")).toInt(config.listenPort);
    if (port < 0 || port > 65535) {
        *error = tr("%1: listen_port %2 is not a port number.").arg(path).arg(port);
        return std::nullopt;
    }
    config.listenPort = quint16(port);
    config.tlsCertificate = root.value(QLatin1String("tls_certificate")).toString();
    config.tlsKey = root.value(QLatin1String("tls_key")).toString();
    if (root.contains(QLatin1String("trusted_proxies")))
        config.trustedProxies = toList(root.value(QLatin1String("trusted_proxies")));
    if (root.contains(QLatin1String("metrics_allow")))
        config.metricsAllow = toList(root.value(QLatin1String("metrics_allow")));
    config.authFailuresPerMinute =
        root.value(QLatin1String("auth_failures_per_minute")).toInt(kDefaultAuthFailuresPerMinute);

    const QJsonObject account = root.value(QLatin1String("onenet")).toObject();
    if (!account.isEmpty()) {
        config.hasAccount = true;
        config.sandbox = account.value(QLatin1String("sandbox")).toBool();
        Account &a = config.account;
        a.name = QStringLiteral("gateway");
        const auto api = apiFromName(account.value(QLatin1String("api")).toString());
        const auto method = signMethodFromName(account.value(QLatin1String("method")).toString());
        if (!api || !method) {
            *error = tr("%1: the OneNET account's api or method is not known. Run `onedial-gateway account "
                        "set` again.")
                         .arg(path);
            return std::nullopt;
        }
        a.api = *api;
        a.method = *method;
        a.appId = account.value(QLatin1String("appid")).toString();
        a.userId = account.value(QLatin1String("userid")).toString();
        a.sponsor = account.value(QLatin1String("sponsor")).toString();
        a.display = account.value(QLatin1String("display")).toString();
        a.endpoint = QUrl(account.value(QLatin1String("endpoint")).toString());
        config.notifySecret = account.value(QLatin1String("notify_secret")).toString().toLatin1();
        if (!config.notifySecret.isEmpty() && !isNotifySecret(config.notifySecret)) {
            *error = tr("%1: the OneNET account's notify_secret is not one the gateway made. Run "
                        "`onedial-gateway account set` again.")
                         .arg(path);
            return std::nullopt;
        }
    }
    return config;
}

bool GatewayConfig::save(const QString &stateFolder, QString *error) const
{
    QJsonObject root{
        {QStringLiteral("public_url"), publicUrl.toString()},
        {QStringLiteral("database"), database},
        {QStringLiteral("listen_host"), listenHost},
        {QStringLiteral("listen_port"), int(listenPort)},
        {QStringLiteral("tls_certificate"), tlsCertificate},
        {QStringLiteral("tls_key"), tlsKey},
        {QStringLiteral("trusted_proxies"), toArray(trustedProxies)},
        {QStringLiteral("metrics_allow"), toArray(metricsAllow)},
        {QStringLiteral("auth_failures_per_minute"), authFailuresPerMinute},
    };
    if (hasAccount) {
        QJsonObject onenet{
            {QStringLiteral("sandbox"), sandbox},
            {QStringLiteral("api"), apiName(account.api)},
            {QStringLiteral("appid"), account.appId},
            {QStringLiteral("userid"), account.userId},
            {QStringLiteral("sponsor"), account.sponsor},
            {QStringLiteral("display"), account.display},
            {QStringLiteral("method"), signMethodName(account.method)},
            {QStringLiteral("endpoint"), account.endpoint.toString()},
        };
        if (!notifySecret.isEmpty())
            onenet.insert(QStringLiteral("notify_secret"), QString::fromLatin1(notifySecret));
        root.insert(QStringLiteral("onenet"), onenet);
    }
    if (!platform::makePrivateFolder(stateFolder)) {
        *error = tr("Cannot create the state folder %1.").arg(QDir::toNativeSeparators(stateFolder));
        return false;
    }
    QSaveFile file(filePath(stateFolder));
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2.").arg(file.fileName(), file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2.").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

QByteArray GatewayConfig::newNotifySecret()
{
    QByteArray raw(kNotifySecretBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    QByteArray text = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    raw.fill('\0');
    return text;
}

QUrl GatewayConfig::notifyUrl(const QUrl &base) const
{
    if (notifySecret.isEmpty() || (publicUrl.isEmpty() && base.isEmpty()))
        return {};
    // A public URL with a path (a reverse proxy's prefix) keeps it, as the desktops' /api/v1 does.
    QUrl url = base.isEmpty() ? publicUrl : base;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1String(kNotifyPath) + QString::fromLatin1(notifySecret));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QStringList GatewayConfig::accountProblems() const
{
    if (!hasAccount)
        return {tr("No OneNET account is set. Run `onedial-gateway account set` (the access key on standard "
                   "input), or `onedial-gateway account set --sandbox` to try the gateway.")};
    QStringList problems;
    for (Account::Field field : {Account::Field::Identity, Account::Field::Sponsor, Account::Field::Display,
                                 Account::Field::Endpoint}) {
        const QString problem = account.problem(field);
        if (!problem.isEmpty())
            problems.append(problem);
    }
    return problems;
}

QStringList GatewayConfig::problems() const
{
    QStringList problems;
    if (!publicUrl.isValid() || publicUrl.host().isEmpty() ||
        (publicUrl.scheme() != QLatin1String("https") && publicUrl.scheme() != QLatin1String("http"))) {
        problems.append(
            tr("The public URL \"%1\" is not an http or https address.").arg(publicUrl.toString()));
    }
    if (tlsCertificate.isEmpty() != tlsKey.isEmpty())
        problems.append(tr("Give both --tls-cert and --tls-key, or neither."));
    const QHostAddress listen(listenHost);
    const bool loopback =
        listenHost == QLatin1String("localhost") || (!listen.isNull() && listen.isLoopback());
    if (listen.isNull() && listenHost != QLatin1String("localhost"))
        problems.append(tr("The listen address \"%1\" is not an IP address.").arg(listenHost));
    else if (!loopback && !usesTls())
        problems.append(tr("The gateway listens on %1 without TLS. Plain HTTP is allowed on this machine's "
                           "loopback only (put a reverse proxy in front, listening on 127.0.0.1), or give "
                           "--tls-cert and --tls-key.")
                            .arg(listenHost));
    for (const QString &subnet : trustedProxies + metricsAllow) {
        if (!parseSubnet(subnet))
            problems.append(
                tr("\"%1\" is not an address or an address range such as 10.0.0.0/8.").arg(subnet));
    }
    if (authFailuresPerMinute < 1)
        problems.append(tr("auth_failures_per_minute must be at least 1."));
    if (QString error; usesServerDatabase() && !parseDatabaseUrl(database, &error))
        problems.append(error);
    if (notifyUrl().toEncoded().size() > kMaxNotifyUrlLength)
        problems.append(tr("The public URL is too long: OneNET takes a notify URL of at most %1 characters, "
                           "and the gateway's adds %2 to it.")
                            .arg(kMaxNotifyUrlLength)
                            .arg(int(qstrlen(kNotifyPath)) + int(notifySecret.size())));
    return problems;
}

std::optional<ServerConnection> GatewayConfig::parseDatabaseUrl(const QString &text, QString *error)
{
    // The libpq settings a URL may carry; anything else is refused rather than silently ignored.
    static const QStringList allowed{
        QStringLiteral("host"),
        QStringLiteral("sslmode"),
        QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"),
        QStringLiteral("sslkey"),
        QStringLiteral("sslcrl"),
        QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"),
        QStringLiteral("target_session_attrs"),
        QStringLiteral("gssencmode"),
        QStringLiteral("krbsrvname"),
    };
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))) {
        *error = tr("The database \"%1\" is not a PostgreSQL URL such as "
                    "postgresql://onedial@db.example.com:5432/onedial.")
                     .arg(text);
        return std::nullopt;
    }
    if (!url.password().isEmpty()) {
        // It would be in gateway.json, in the process list and in the shell's history.
        *error = tr("Leave the password out of the database URL: give it with --database-password-file, "
                    "or as the systemd credential database-password.");
        return std::nullopt;
    }
    ServerConnection server;
    server.host = url.host();
    server.port = url.port(5432);
    server.user = url.userName();
    server.databaseName = url.path().mid(1);
    if (server.databaseName.isEmpty() || server.databaseName.contains(QLatin1Char('/'))) {
        *error = tr("The database URL \"%1\" names no database: end it with /NAME.").arg(text);
        return std::nullopt;
    }
    QStringList options;
    const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (!allowed.contains(name)) {
            *error = tr("The database URL's setting \"%1\" is not one the gateway passes on (it takes %2).")
                         .arg(name, allowed.join(QLatin1String(", ")));
            return std::nullopt;
        }
        // Values go into libpq's "name=value" list as they are: no separators or quotes in them.
        static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@+-]+$"));
        if (!plain.match(value).hasMatch()) {
            *error = tr("The database URL's %1 \"%2\" has characters the gateway does not pass on.")
                         .arg(name, value);
            return std::nullopt;
        }
        if (name == QLatin1String("host"))
            server.host = value;
        else
            options.append(name + QLatin1Char('=') + value);
    }
    if (server.host.isEmpty()) {
        *error = tr("The database URL \"%1\" names no server: postgresql://USER@HOST/NAME, or "
                    "?host=/run/postgresql for the local socket.")
                     .arg(text);
        return std::nullopt;
    }
    server.options = options.join(QLatin1Char(';'));
    return server;
}

std::optional<Subnet> GatewayConfig::parseSubnet(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.contains(QLatin1Char('/'))) {
        const QHostAddress address(trimmed);
        if (address.isNull())
            return std::nullopt;
        return Subnet(address, address.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32);
    }
    const Subnet subnet = QHostAddress::parseSubnet(trimmed);
    if (subnet.first.isNull())
        return std::nullopt;
    return subnet;
}

bool GatewayConfig::contains(const QStringList &subnets, const QHostAddress &address)
{
    // An IPv4 client of a dual-stack socket arrives as ::ffff:a.b.c.d.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    const QHostAddress plain = isV4 ? QHostAddress(v4) : address;
    for (const QString &text : subnets) {
        if (const auto subnet = parseSubnet(text); subnet && plain.isInSubnet(*subnet))
            return true;
    }
    return false;
}

bool GatewayConfig::parseListen(const QString &text, QString *host, quint16 *port)
{
    QString hostPart;
    QString portPart = text;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return false;
        hostPart = text.mid(1, close - 1);
        portPart = text.mid(close + 2);
    } else if (text.count(QLatin1Char(':')) == 1) {
        hostPart = text.section(QLatin1Char(':'), 0, 0);
        portPart = text.section(QLatin1Char(':'), 1);
    }
    bool ok = false;
    const uint value = portPart.toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    if (!hostPart.isEmpty()) {
        if (QHostAddress(hostPart).isNull() && hostPart != QLatin1String("localhost"))
            return false;
        *host = hostPart;
    }
    *port = quint16(value);
    return true;
}

} // namespace onedial::gateway
