// The gateway's configuration: gateway.json in its state folder, written by `init` and
// `account set`, read by every command, readable by its owner only. It holds no credential: the
// access key has a file of its own (StateFolder), and members' tokens are in the database as
// hashes. The one secret in it is the notify path's, which only keeps strangers from reaching
// the status callback receiver; every callback must still carry OneNET's signature.
#pragma once

#include "accounts/Account.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace onedial::gateway {

// An address range written as "10.0.0.0/8", "::1/128" or a single address.
using Subnet = QPair<QHostAddress, int>;

struct GatewayConfig
{
    Q_DECLARE_TR_FUNCTIONS(GatewayConfig)

public:
    static constexpr char kFileName[] = "gateway.json";
    static constexpr quint16 kDefaultPlainPort = 8080;
    static constexpr quint16 kDefaultTlsPort = 8443;
    static constexpr int kDefaultAuthFailuresPerMinute = 10;
    // OneNET POSTs status callbacks to the public URL's path kNotifyPath + the notify secret.
    static constexpr char kNotifyPath[] = "/onenet/notify/";
    static constexpr int kNotifySecretBytes = 24;   // 192 bits, 32 characters of base64url
    static constexpr int kMaxNotifyUrlLength = 512; // OneNET's limit on notify_url

    QUrl publicUrl;
    // Where members, dials, call events and the audit log are kept: empty for the SQLite file in
    // the state folder (one instance), or postgresql://USER@HOST[:PORT]/NAME[?sslmode=…], a
    // PostgreSQL database several instances share. Never with a password in it
    // (StateFolder::readDatabasePassword).
    QString database;
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = kDefaultPlainPort;
    QString tlsCertificate; // PEM files; both or neither
    QString tlsKey;
    // Reverse proxies whose X-Forwarded-For is believed (the client's address for rate limits
    // and the audit log). Requests from anywhere else are taken at their TCP address.
    QStringList trustedProxies;
    // Who may read /metrics.
    QStringList metricsAllow{QStringLiteral("127.0.0.1/32"), QStringLiteral("::1/128")};
    int authFailuresPerMinute = kDefaultAuthFailuresPerMinute;

    // The team's OneNET account (no caller: each member's own is used), or the built-in sandbox.
    bool hasAccount = false;
    bool sandbox = false;
    Account account;
    // The notify URL's last path segment, base64url; a new one each `account set`. Empty in a
    // configuration from before the gateway received callbacks: no notify_url is sent then.
    QByteArray notifySecret;

    static QString filePath(const QString &stateFolder);
    // Reads the state folder's configuration; nothing, with the reason in error, when it is
    // missing or unusable.
    static std::optional<GatewayConfig> load(const QString &stateFolder, QString *error);
    // Writes it atomically (a crash leaves the old file or the new one), readable by its owner only.
    bool save(const QString &stateFolder, QString *error) const;

    bool usesTls() const { return !tlsCertificate.isEmpty(); }
    bool usesServerDatabase() const { return !database.isEmpty(); }
    // A postgresql:// (or postgres://) URL as libpq's settings, without a password; nothing, with
    // the reason in error, when it is not one the gateway takes.
    static std::optional<ServerConnection> parseDatabaseUrl(const QString &text, QString *error);
    static QByteArray newNotifySecret();
    // publicUrl (or base, when given) + kNotifyPath + notifySecret, the notify_url sent with
    // every dial; empty when there is no secret. Never to be logged or printed: it names the secret.
    QUrl notifyUrl(const QUrl &base = {}) const;
    // Every problem that stops `serve`, translated; empty when it can start.
    QStringList problems() const;
    // The OneNET account's problems (the member's caller is not part of it).
    QStringList accountProblems() const;

    static std::optional<Subnet> parseSubnet(const QString &text);
    static bool contains(const QStringList &subnets, const QHostAddress &address);
    // "HOST:PORT", "[v6]:PORT" or "PORT".
    static bool parseListen(const QString &text, QString *host, quint16 *port);
};

} // namespace onedial::gateway
