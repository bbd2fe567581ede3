#include "GatewayCommands.h"

#include "Gateway.h"
#include "GatewayConfig.h"
#include "GatewayInstance.h"
#include "GatewayLog.h"
#include "GatewayStore.h"
#include "StateFolder.h"
#include "UserToken.h"
#include "cli/Output.h"
#include "onenet/SandboxScenarios.h"
#include "phone/PhoneNumber.h"
#include "platform/TerminalInput.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSocketNotifier>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace onedial::gateway {

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

// Every open event stream holds a connection, and so a file descriptor. The soft limit a
// service starts with (1,024 under systemd) would run out long before the server's connection
// cap; the hard limit (524,288 under systemd) is what the administrator allows, so take it.
void raiseDescriptorLimit(int wanted)
{
    struct rlimit files = {};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0)
        return;
    if (files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &files) != 0)
            ::getrlimit(RLIMIT_NOFILE, &files);
    }
    if (files.rlim_cur != RLIM_INFINITY && files.rlim_cur < rlim_t(wanted)) {
        qCWarning(lcGateway).noquote()
            << QStringLiteral("This process may open %1 files at most, fewer than the %2 connections "
                              "the gateway accepts: raise LimitNOFILE (systemd) or ulimit -n")
                   .arg(quint64(files.rlim_cur))
                   .arg(wanted);
    }
}

struct Parsed
{
    QCommandLineParser parser;
    QStringList words; // the positional words after the command
    StateFolder state{QString()};
};

QCommandLineOption stateOption()
{
    return {QStringLiteral("state"),
            GatewayCommands::tr("The folder of the gateway's configuration, database and key (default: %1).")
                .arg(StateFolder::defaultPath()),
            QStringLiteral("DIR")};
}

// Parses the words after the command; false after printing the problem.
bool parse(Parsed *parsed, const QStringList &arguments, const QList<QCommandLineOption> &options)
{
    parsed->parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parsed->parser.addOption(stateOption());
    parsed->parser.addOptions(options);
    if (!parsed->parser.parse(arguments)) {
        Output::err(parsed->parser.errorText());
        Output::err(GatewayCommands::tr("See onedial-gateway --help."));
        return false;
    }
    parsed->words = parsed->parser.positionalArguments();
    const QString state = parsed->parser.value(QStringLiteral("state"));
    parsed->state = StateFolder(state.isEmpty() ? StateFolder::defaultPath() : state);
    QString error;
    if (!parsed->state.becomeOwner(&error)) {
        Output::err(error);
        return false;
    }
    return true;
}

// The configured store, or null after printing why.
std::unique_ptr<GatewayStore> openStore(const StateFolder &state, const GatewayConfig &config)
{
    QString error;
    std::unique_ptr<GatewayStore> store = GatewayCommands::openStore(state, config, &error);
    if (!store)
        Output::err(error);
    return store;
}

std::optional<GatewayConfig> loadConfig(const StateFolder &state)
{
    QString error;
    auto config = GatewayConfig::load(state.path(), &error);
    if (!config)
        Output::err(error);
    return config;
}

// A number in API form for a member's caller or the account's sponsor and display.
std::optional<QString> apiNumber(const QString &text, const QString &what)
{
    const PhoneNumber number = PhoneNumber::parse(text);
    if (!number.isValid()) {
        Output::err(GatewayCommands::tr("%1: %2").arg(what, number.problemText()));
        return std::nullopt;
    }
    return number.apiForm();
}

int initCommand(const QStringList &arguments)
{
    Parsed parsed;
    const QCommandLineOption publicUrl(
        QStringLiteral("public-url"),
        GatewayCommands::tr("The address desktops and OneNET reach the gateway at."), QStringLiteral("URL"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    GatewayCommands::tr("Where to listen (HOST:PORT)."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption cert(QStringLiteral("tls-cert"), GatewayCommands::tr("TLS certificate (PEM)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("tls-key"), GatewayCommands::tr("TLS private key (PEM)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption proxy(QStringLiteral("trusted-proxy"),
                                   GatewayCommands::tr("A reverse proxy whose X-Forwarded-For is believed."),
                                   QStringLiteral("ADDRESS"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        GatewayCommands::tr(
            "Where members and calls are kept: a PostgreSQL database several instances share "
            "(postgresql://USER@HOST[:PORT]/NAME), or sqlite for the file in the state folder "
            "(the default)."),
        QStringLiteral("URL"));
    const QCommandLineOption passwordFile(
        QStringLiteral("database-password-file"),
        GatewayCommands::tr("A file with the PostgreSQL password, copied into the state folder (readable by "
                            "its owner only)."),
        QStringLiteral("FILE"));
    if (!parse(&parsed, arguments, {publicUrl, listen, cert, key, proxy, database, passwordFile}))
        return GatewayCommands::kExitUsage;
    const QCommandLineParser &p = parsed.parser;
    if (!p.isSet(publicUrl)) {
        Output::err(GatewayCommands::tr("init needs --public-url, the address desktops reach the gateway at, "
                                        "such as https://dial.example.com."));
        return GatewayCommands::kExitUsage;
    }
    QString error;
    GatewayConfig config;
    // init again: keep the account and whatever is not given (the listen address, the TLS
    // files, the proxies, the database), change what is given.
    const auto existing = GatewayConfig::load(parsed.state.path(), &error);
    if (existing)
        config = *existing;
    config.publicUrl = QUrl(p.value(publicUrl));
    if (!existing || p.isSet(cert) || p.isSet(key)) {
        config.tlsCertificate = p.isSet(cert) ? QFileInfo(p.value(cert)).absoluteFilePath() : QString();
        config.tlsKey = p.isSet(key) ? QFileInfo(p.value(key)).absoluteFilePath() : QString();
    }
    if (!existing) {
        config.listenHost = QStringLiteral("127.0.0.1");
        config.listenPort =
            config.usesTls() ? GatewayConfig::kDefaultTlsPort : GatewayConfig::kDefaultPlainPort;
    }
    if (p.isSet(listen) &&
        !GatewayConfig::parseListen(p.value(listen), &config.listenHost, &config.listenPort)) {
        Output::err(GatewayCommands::tr("--listen takes HOST:PORT, such as 0.0.0.0:8443 or 127.0.0.1:8080."));
        return GatewayCommands::kExitUsage;
    }
    if (p.isSet(proxy))
        config.trustedProxies = p.values(proxy);
    if (p.isSet(database))
        config.database = p.value(database) == QLatin1String("sqlite") ? QString() : p.value(database);
    if (const QStringList problems = config.problems(); !problems.isEmpty()) {
        for (const QString &problem : problems)
            Output::err(problem);
        return GatewayCommands::kExitUsage;
    }
    QByteArray password;
    if (p.isSet(passwordFile)) {
        QFile file(p.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly) || file.size() > 4096) {
            Output::err(GatewayCommands::tr("Cannot read the password file %1%2.")
                            .arg(p.value(passwordFile), file.isOpen()
                                                            ? GatewayCommands::tr(": it is larger than 4 KiB")
                                                            : QStringLiteral(": ") + file.errorString()));
            return GatewayCommands::kExitUsage;
        }
        password = file.readAll();
        while (password.endsWith('\n') || password.endsWith('\r'))
            password.chop(1);
    }
    if (!parsed.state.prepare(&error) || !config.save(parsed.state.path(), &error) ||
        (p.isSet(passwordFile) && !parsed.state.writeDatabasePassword(password, &error))) {
        password.fill('\0');
        Output::err(error);
        return GatewayCommands::kExitFailed;
    }
    password.fill('\0');
    const auto store = openStore(parsed.state, config);
    if (!store)
        return GatewayCommands::kExitFailed;
    Output::out(GatewayCommands::tr("The gateway is set up in %1, listening on %2:%3%4.")
                    .arg(parsed.state.path(), config.listenHost)
                    .arg(config.listenPort)
                    .arg(config.usesTls() ? GatewayCommands::tr(" with TLS") : QString()));
    Output::out(GatewayCommands::tr("Its database: %1.").arg(store->path()));
    Output::out(GatewayCommands::tr("Next: onedial-gateway account set … (the access key on standard input), "
                                    "then onedial-gateway user add NAME --caller NUMBER."));
    return GatewayCommands::kExitOk;
}

int accountCommand(const QStringList &arguments)
{
    Parsed parsed;
    const QCommandLineOption api(QStringLiteral("api"), GatewayCommands::tr("v1 or v2."),
                                 QStringLiteral("API"));
    const QCommandLineOption appid(QStringLiteral("appid"), GatewayCommands::tr("The v1 appid."),
                                   QStringLiteral("ID"));
    const QCommandLineOption userid(QStringLiteral("userid"), GatewayCommands::tr("The v2 userid."),
                                    QStringLiteral("ID"));
    const QCommandLineOption sponsor(
        QStringLiteral("sponsor"), GatewayCommands::tr("The account's sponsor number."), QStringLiteral("N"));
    const QCommandLineOption display(QStringLiteral("display"),
                                     GatewayCommands::tr("The number callees see."), QStringLiteral("N"));
    const QCommandLineOption method(QStringLiteral("method"), GatewayCommands::tr("md5, sha1 or sha256."),
                                    QStringLiteral("METHOD"));
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
                                      GatewayCommands::tr("Another service address."), QStringLiteral("URL"));
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"), GatewayCommands::tr("Use the built-in OneNET simulator (no real calls)."));
    const QCommandLineOption json(QStringLiteral("json"), GatewayCommands::tr("Print JSON."));
    if (!parse(&parsed, arguments, {api, appid, userid, sponsor, display, method, endpoint, sandbox, json}))
        return GatewayCommands::kExitUsage;
    const QCommandLineParser &p = parsed.parser;
    const QString verb = parsed.words.value(0);
    auto config = loadConfig(parsed.state);
    if (!config)
        return GatewayCommands::kExitFailed;

    if (verb == QLatin1String("show")) {
        QString keyError;
        StateFolder::KeySource source = StateFolder::KeySource::None;
        if (!config->sandbox)
            parsed.state.readKey(&keyError, &source);
        const QString keySource = config->sandbox ? QStringLiteral("sandbox")
                                  : source == StateFolder::KeySource::Credential
                                      ? QStringLiteral("credential")
                                  : source == StateFolder::KeySource::File ? QStringLiteral("file")
                                                                           : QStringLiteral("none");
        const QJsonObject object{
            {QStringLiteral("configured"), config->hasAccount},
            {QStringLiteral("sandbox"), config->sandbox},
            {QStringLiteral("api"), apiName(config->account.api)},
            {QStringLiteral("identity"), config->account.identity()},
            {QStringLiteral("sponsor"), config->account.sponsor},
            {QStringLiteral("display"), config->account.display},
            {QStringLiteral("method"), signMethodName(config->account.method)},
            {QStringLiteral("endpoint"), config->sandbox ? QStringLiteral("built-in sandbox")
                                                         : config->account.effectiveBaseUrl().toString()},
            {QStringLiteral("key"), keySource},
            // Whether dials carry a notify_url; the URL itself names the secret, so it is not shown.
            {QStringLiteral("status_callbacks"), !config->notifySecret.isEmpty()},
        };
        if (p.isSet(json)) {
            Output::json(object);
        } else {
            for (auto it = object.begin(); it != object.end(); ++it)
                Output::out(it.key() + QStringLiteral(": ") + it.value().toVariant().toString());
            if (!keyError.isEmpty() && !config->sandbox)
                Output::err(keyError);
        }
        return config->hasAccount ? GatewayCommands::kExitOk : GatewayCommands::kExitFailed;
    }
    if (verb != QLatin1String("set")) {
        Output::err(GatewayCommands::tr("Use onedial-gateway account set … or account show."));
        return GatewayCommands::kExitUsage;
    }

    config->hasAccount = true;
    config->sandbox = p.isSet(sandbox);
    Account &account = config->account;
    account = Account();
    account.name = QStringLiteral("gateway");
    // A new path each time: a notify URL that leaked with the old account stops reaching the gateway.
    config->notifySecret = GatewayConfig::newNotifySecret();
    const auto apiValue =
        apiFromName(p.value(api).isEmpty() && config->sandbox ? QStringLiteral("v1") : p.value(api));
    if (!apiValue) {
        Output::err(GatewayCommands::tr("--api must be v1 or v2."));
        return GatewayCommands::kExitUsage;
    }
    account.api = *apiValue;
    if (config->sandbox) {
        account.appId = SandboxScenarios::appId();
        account.userId = SandboxScenarios::userId();
        account.sponsor = SandboxScenarios::sponsor();
    } else {
        account.appId = p.value(appid);
        account.userId = p.value(userid);
        const auto sponsorNumber = apiNumber(p.value(sponsor), QStringLiteral("--sponsor"));
        if (!sponsorNumber)
            return GatewayCommands::kExitUsage;
        account.sponsor = *sponsorNumber;
        if (p.isSet(display)) {
            const auto displayNumber = apiNumber(p.value(display), QStringLiteral("--display"));
            if (!displayNumber)
                return GatewayCommands::kExitUsage;
            account.display = *displayNumber;
        }
        if (p.isSet(method)) {
            const auto methodValue = signMethodFromName(p.value(method));
            if (!methodValue) {
                Output::err(GatewayCommands::tr("--method must be md5, sha1 or sha256."));
                return GatewayCommands::kExitUsage;
            }
            account.method = *methodValue;
        }
        account.endpoint = QUrl(p.value(endpoint));
    }
    if (const QStringList problems = config->accountProblems(); !problems.isEmpty()) {
        for (const QString &problem : problems)
            Output::err(problem);
        return GatewayCommands::kExitUsage;
    }
    QString error;
    if (!config->sandbox) {
        const AccessKey key(TerminalInput::readSecret(GatewayCommands::tr("OneNET access key: ")));
        if (const QString problem = key.problem(); !problem.isEmpty()) {
            Output::err(problem);
            return GatewayCommands::kExitUsage;
        }
        if (!parsed.state.writeKey(key, &error)) {
            Output::err(error);
            return GatewayCommands::kExitFailed;
        }
    }
    if (!config->save(parsed.state.path(), &error)) {
        Output::err(error);
        return GatewayCommands::kExitFailed;
    }
    if (const auto store = openStore(parsed.state, *config)) {
        AuditEntry entry;
        entry.event = QStringLiteral("account.set");
        entry.detail = config->sandbox ? QStringLiteral("the built-in sandbox")
                                       : QStringLiteral("%1 %2, sponsor %3")
                                             .arg(apiName(account.api), account.identity(), account.sponsor);
        store->appendAudit(entry);
    }
    Output::out(
        config->sandbox
            ? GatewayCommands::tr("The gateway now dials the built-in sandbox: no real calls are placed.")
            : GatewayCommands::tr("The OneNET account is set; its key is in %1 (readable by its owner only).")
                  .arg(parsed.state.keyFilePath()));
    Output::out(GatewayCommands::tr("OneNET reports each call's progress to %1%2… (the rest of the path is a "
                                    "secret kept in %3).")
                    .arg(config->publicUrl.toString(QUrl::StripTrailingSlash),
                         QLatin1String(GatewayConfig::kNotifyPath),
                         GatewayConfig::filePath(parsed.state.path())));
    // SIGHUP reloads only the TLS files: the account and its key are read at start.
    Output::out(GatewayCommands::tr("A running gateway takes it when it starts again "
                                    "(systemctl restart onedial-gateway)."));
    return GatewayCommands::kExitOk;
}

int userCommand(const QStringList &arguments)
{
    Parsed parsed;
    const QCommandLineOption caller(QStringLiteral("caller"),
                                    GatewayCommands::tr("The member's own phone, rung first on every call."),
                                    QStringLiteral("N"));
    const QCommandLineOption limit(QStringLiteral("daily-limit"),
                                   GatewayCommands::tr("Most calls per day (0: no limit)."),
                                   QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), GatewayCommands::tr("Print JSON."));
    if (!parse(&parsed, arguments, {caller, limit, json}))
        return GatewayCommands::kExitUsage;
    const QCommandLineParser &p = parsed.parser;
    const QString verb = parsed.words.value(0);
    const QString name = parsed.words.value(1);
    // Members can be added before the OneNET account is set, but not before init.
    const auto config = loadConfig(parsed.state);
    if (!config)
        return GatewayCommands::kExitFailed;
    const auto store = openStore(parsed.state, *config);
    if (!store)
        return GatewayCommands::kExitFailed;

    if (verb == QLatin1String("list")) {
        StorageResult read;
        const QList<User> users = store->users(&read);
        if (!read.ok()) {
            Output::err(read.message);
            return GatewayCommands::kExitFailed;
        }
        const QDate today = QDate::currentDate();
        if (p.isSet(json)) {
            QJsonArray array;
            for (const User &user : users) {
                QJsonObject object = user.toJson();
                object.insert(QStringLiteral("dials_today"), store->dialsOn(user.name, today));
                array.append(object);
            }
            Output::json(array);
        } else {
            for (const User &user : users) {
                Output::out(GatewayCommands::tr("%1  caller %2  limit %3  today %4%5")
                                .arg(user.name, user.caller,
                                     user.dailyLimit > 0 ? QString::number(user.dailyLimit)
                                                         : GatewayCommands::tr("none"))
                                .arg(store->dialsOn(user.name, today))
                                .arg(user.disabled ? GatewayCommands::tr("  (disabled)") : QString()));
            }
            if (users.isEmpty())
                Output::out(
                    GatewayCommands::tr("No members yet: onedial-gateway user add NAME --caller NUMBER."));
        }
        return GatewayCommands::kExitOk;
    }
    if (name.isEmpty() || !Account::isValidName(name)) {
        Output::err(GatewayCommands::tr("Name the member: letters, digits, spaces and . @ - _ (at most 64), "
                                        "such as zhang.san."));
        return GatewayCommands::kExitUsage;
    }
    if (verb == QLatin1String("add")) {
        const auto callerNumber = apiNumber(p.value(caller), QStringLiteral("--caller"));
        if (!callerNumber)
            return GatewayCommands::kExitUsage;
        bool ok = true;
        const int dailyLimit = p.isSet(limit) ? p.value(limit).toInt(&ok) : 0;
        if (!ok || dailyLimit < 0) {
            Output::err(GatewayCommands::tr("--daily-limit takes a whole number, 0 for no limit."));
            return GatewayCommands::kExitUsage;
        }
        const UserToken token = UserToken::generate();
        User user;
        user.name = name;
        user.caller = *callerNumber;
        user.dailyLimit = dailyLimit;
        user.tokenId = token.id;
        user.tokenHash = token.hash;
        if (const StorageResult added = store->addUser(&user); !added.ok()) {
            Output::err(added.message);
            return GatewayCommands::kExitFailed;
        }
        Output::err(
            GatewayCommands::tr("Member %1 added; calls ring %2 first. Their token, shown this once "
                                "(give it to them privately with the gateway's address; they enter "
                                "both in OneDial under Accounts > Manage accounts > Add > Use my team's "
                                "gateway, or with `onedial account add NAME --gateway URL`):")
                .arg(name, user.caller));
        Output::out(QString::fromLatin1(token.text));
        return GatewayCommands::kExitOk;
    }
    StorageResult result;
    if (verb == QLatin1String("disable") || verb == QLatin1String("enable")) {
        result = store->setDisabled(name, verb == QLatin1String("disable"));
    } else if (verb == QLatin1String("remove")) {
        result = store->removeUser(name);
    } else if (verb == QLatin1String("token")) {
        const UserToken token = UserToken::generate();
        result = store->replaceToken(name, token.id, token.hash);
        if (result.ok()) {
            Output::err(
                GatewayCommands::tr("A new token for %1; the old one no longer works. Shown this once:")
                    .arg(name));
            Output::out(QString::fromLatin1(token.text));
            return GatewayCommands::kExitOk;
        }
    } else {
        Output::err(GatewayCommands::tr("Use user add, list, disable, enable, remove or token."));
        return GatewayCommands::kExitUsage;
    }
    if (!result.ok()) {
        Output::err(result.message);
        return GatewayCommands::kExitFailed;
    }
    Output::out(verb == QLatin1String("remove")
                    ? GatewayCommands::tr("Member %1 removed; their calls stay in the audit log.").arg(name)
                : verb == QLatin1String("disable") ? GatewayCommands::tr("Member %1 disabled.").arg(name)
                                                   : GatewayCommands::tr("Member %1 enabled.").arg(name));
    return GatewayCommands::kExitOk;
}

int auditCommand(const QStringList &arguments)
{
    Parsed parsed;
    const QCommandLineOption user(QStringLiteral("user"), GatewayCommands::tr("Only this member's entries."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption since(
        QStringLiteral("since"), GatewayCommands::tr("Only entries from this date or time on (2026-12-01)."),
        QStringLiteral("DATE"));
    const QCommandLineOption json(QStringLiteral("json"), GatewayCommands::tr("Print JSON lines."));
    if (!parse(&parsed, arguments, {user, since, json}))
        return GatewayCommands::kExitUsage;
    const QCommandLineParser &p = parsed.parser;
    QDateTime from;
    if (p.isSet(since)) {
        from = QDateTime::fromString(p.value(since), Qt::ISODate);
        if (!from.isValid()) {
            const QDate day = QDate::fromString(p.value(since), Qt::ISODate);
            if (day.isValid())
                from = day.startOfDay();
        }
        if (!from.isValid()) {
            Output::err(GatewayCommands::tr("--since takes a date such as 2026-12-01 or 2026-12-01T09:00."));
            return GatewayCommands::kExitUsage;
        }
    }
    const auto config = loadConfig(parsed.state);
    if (!config)
        return GatewayCommands::kExitFailed;
    const auto store = openStore(parsed.state, *config);
    if (!store)
        return GatewayCommands::kExitFailed;
    StorageResult read;
    const QList<AuditEntry> entries = store->audit(p.value(user), from, &read);
    if (!read.ok()) {
        Output::err(read.message);
        return GatewayCommands::kExitFailed;
    }
    for (const AuditEntry &entry : entries) {
        if (p.isSet(json)) {
            Output::json(entry.toJson());
            continue;
        }
        QStringList parts{entry.time.toLocalTime().toString(Qt::ISODate), entry.event};
        for (const QString &part :
             {entry.user, entry.callee, entry.outcome, entry.reason, entry.code, entry.error}) {
            if (!part.isEmpty())
                parts.append(part);
        }
        if (entry.dialId > 0)
            parts.append(QStringLiteral("dial=%1").arg(entry.dialId));
        if (!entry.requestId.isEmpty())
            parts.append(QStringLiteral("request=%1").arg(entry.requestId));
        if (!entry.callId.isEmpty())
            parts.append(QStringLiteral("call=%1").arg(entry.callId));
        if (entry.callDuration)
            parts.append(QStringLiteral("duration=%1s").arg(*entry.callDuration));
        if (!entry.reportDate.isEmpty())
            parts.append(QStringLiteral("reported=%1").arg(entry.reportDate));
        if (!entry.address.isEmpty())
            parts.append(QStringLiteral("from=%1").arg(entry.address));
        if (!entry.detail.isEmpty())
            parts.append(QStringLiteral("(%1)").arg(entry.detail));
        Output::out(parts.join(QLatin1String("  ")));
    }
    return GatewayCommands::kExitOk;
}

int migrateCommand(const QStringList &arguments)
{
    Parsed parsed;
    const QCommandLineOption fromSqlite(
        QStringLiteral("from-sqlite"),
        GatewayCommands::tr("The state folder (or the gateway.sqlite file) of the gateway to move."),
        QStringLiteral("DIR"));
    if (!parse(&parsed, arguments, {fromSqlite}))
        return GatewayCommands::kExitUsage;
    const auto config = loadConfig(parsed.state);
    if (!config)
        return GatewayCommands::kExitFailed;
    if (!parsed.parser.isSet(fromSqlite) || !config->usesServerDatabase()) {
        Output::err(GatewayCommands::tr(
            "migrate --from-sqlite DIR moves a gateway's SQLite database into the PostgreSQL database this "
            "gateway is set up with: first `onedial-gateway init --database postgresql://…`."));
        return GatewayCommands::kExitUsage;
    }
    QString sourcePath = parsed.parser.value(fromSqlite);
    if (QFileInfo(sourcePath).isDir())
        sourcePath = StateFolder(sourcePath).databasePath();
    if (!QFileInfo(sourcePath).isFile()) {
        Output::err(GatewayCommands::tr("There is no gateway database at %1.").arg(sourcePath));
        return GatewayCommands::kExitFailed;
    }
    GatewayStore source(sourcePath);
    if (const StorageResult opened = source.open(); !opened.ok()) {
        Output::err(opened.message);
        return GatewayCommands::kExitFailed;
    }
    const auto target = openStore(parsed.state, *config);
    if (!target)
        return GatewayCommands::kExitFailed;
    QList<QPair<QString, int>> copied;
    if (const StorageResult moved = target->importFrom(source, &copied); !moved.ok()) {
        Output::err(moved.message);
        return GatewayCommands::kExitFailed;
    }
    QStringList counts;
    for (const auto &[table, rows] : std::as_const(copied))
        counts.append(QStringLiteral("%1 %2").arg(table).arg(rows));
    Output::out(
        GatewayCommands::tr("Copied from %1 into %2: %3. The SQLite file is left as it was; remove it "
                            "once the gateway runs on PostgreSQL.")
            .arg(sourcePath, target->path(), counts.join(QLatin1String(", "))));
    return GatewayCommands::kExitOk;
}

int serveCommand(const QStringList &arguments)
{
    Parsed parsed;
    const QCommandLineOption port(
        QStringLiteral("port"),
        GatewayCommands::tr("Listen on this port instead (0: any free one, printed)."),
        QStringLiteral("PORT"));
    const QCommandLineOption timeout(QStringLiteral("dial-timeout"),
                                     GatewayCommands::tr("Seconds to wait for OneNET's answer (default 15)."),
                                     QStringLiteral("SECONDS"));
    if (!parse(&parsed, arguments, {port, timeout}))
        return GatewayCommands::kExitUsage;
    auto config = loadConfig(parsed.state);
    if (!config)
        return GatewayCommands::kExitFailed;
    if (const QStringList problems = config->problems(); !problems.isEmpty()) {
        for (const QString &problem : problems)
            Output::err(problem);
        return GatewayCommands::kExitFailed;
    }
    const auto store = openStore(parsed.state, *config);
    if (!store)
        return GatewayCommands::kExitFailed;
    QString keyProblem;
    AccessKey key;
    if (config->hasAccount && !config->sandbox)
        key = parsed.state.readKey(&keyProblem);

    Gateway gateway(*config, key, keyProblem, store.get());
    // The connections, and a few descriptors for the database, the listener and the sandbox.
    raiseDescriptorLimit(gateway.server()->limits().maxConnections + 64);
    // Tests only: a shorter heartbeat, and so a shorter wait before a killed instance's dials in
    // flight count as interrupted (six heartbeats).
    if (const int heartbeatMs = qEnvironmentVariableIntValue("ONEDIAL_GATEWAY_HEARTBEAT_MS"); heartbeatMs > 0)
        gateway.instance()->setTimings(heartbeatMs, 6 * heartbeatMs);
    if (parsed.parser.isSet(timeout))
        gateway.setDialTimeoutMs(qBound(1, parsed.parser.value(timeout).toInt(), 120) * 1000);
    QString error;
    bool portOk = true;
    const int portOverride = parsed.parser.isSet(port) ? parsed.parser.value(port).toInt(&portOk) : -1;
    if (!portOk || portOverride > 65535) {
        Output::err(GatewayCommands::tr("--port takes a port number."));
        return GatewayCommands::kExitUsage;
    }
    if (!gateway.start(&error, portOverride)) {
        Output::err(error);
        return GatewayCommands::kExitFailed;
    }
    // The port on a line of its own, for scripts and tests that asked for any free one.
    Output::out(QStringLiteral("listening %1").arg(gateway.port()));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        Output::err(GatewayCommands::tr("Cannot set up signal handling."));
        return GatewayCommands::kExitFailed;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &gateway, [&] {
        char number = 0;
        if (::read(g_signalPipe[0], &number, 1) != 1)
            return;
        if (number == SIGHUP) {
            QString reloadError;
            if (gateway.reloadTls(&reloadError))
                qCInfo(lcGateway) << "SIGHUP: TLS certificate and key loaded again";
            else
                qCWarning(lcGateway).noquote() << "SIGHUP: keeping the previous certificate:" << reloadError;
            return;
        }
        qCInfo(lcGateway) << "Stopping";
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int number : {SIGHUP, SIGTERM, SIGINT})
        ::sigaction(number, &action, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
    return QCoreApplication::exec() == 0 ? GatewayCommands::kExitOk : GatewayCommands::kExitFailed;
}

} // namespace

std::unique_ptr<GatewayStore> GatewayCommands::openStore(const StateFolder &state,
                                                         const GatewayConfig &config, QString *error)
{
    std::unique_ptr<GatewayStore> store;
    if (config.usesServerDatabase()) {
        std::optional<ServerConnection> server = GatewayConfig::parseDatabaseUrl(config.database, error);
        if (!server || !state.readDatabasePassword(&server->password, error))
            return nullptr;
        store = std::make_unique<GatewayStore>(std::move(*server));
    } else {
        store = std::make_unique<GatewayStore>(state.databasePath());
    }
    if (const StorageResult opened = store->open(); !opened.ok()) {
        *error = opened.message;
        return nullptr;
    }
    return store;
}

QString GatewayCommands::usage()
{
    return tr("onedial-gateway: keeps a team's OneNET key on one server and places calls for its members,\n"
              "each from their own phone (docs/gateway-api.md).\n"
              "\n"
              "Usage:\n"
              "  onedial-gateway init --public-url URL [--listen HOST:PORT] [--tls-cert FILE --tls-key "
              "FILE]\n"
              "                       [--trusted-proxy ADDRESS]...\n"
              "                       [--database postgresql://USER@HOST[:PORT]/NAME "
              "[--database-password-file FILE]]\n"
              "  onedial-gateway account set (--api v1 --appid ID | --api v2 --userid ID) --sponsor N\n"
              "                       [--display N] [--method md5|sha1|sha256] [--endpoint URL]\n"
              "                       (the access key on standard input)\n"
              "  onedial-gateway account set --sandbox     the built-in OneNET simulator: no real calls\n"
              "  onedial-gateway account show [--json]\n"
              "  onedial-gateway user add NAME --caller N [--daily-limit N]   prints the member's token "
              "once\n"
              "  onedial-gateway user list [--json]\n"
              "  onedial-gateway user disable|enable|remove NAME\n"
              "  onedial-gateway user token NAME           a new token; the old one stops working\n"
              "  onedial-gateway serve [--port PORT] [--dial-timeout SECONDS]\n"
              "  onedial-gateway audit [--user NAME] [--since DATE] [--json]\n"
              "  onedial-gateway migrate --from-sqlite DIR  moves a gateway's SQLite database to "
              "PostgreSQL\n"
              "\n"
              "Every command takes --state DIR, the folder of the configuration, database and key\n"
              "(default: %1).\n"
              "SIGHUP makes a running gateway load its TLS certificate and key again.\n")
        .arg(StateFolder::defaultPath());
}

int GatewayCommands::run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        Output::out(usage());
        return command.isEmpty() ? kExitUsage : kExitOk;
    }
    if (command == QLatin1String("--version")) {
        Output::out(QStringLiteral("onedial-gateway %1").arg(QLatin1String(ONEDIAL_VERSION)));
        return kExitOk;
    }
    QStringList rest = arguments;
    rest.removeAt(1); // the parser sees the program, then the command's own words
    if (command == QLatin1String("init"))
        return initCommand(rest);
    if (command == QLatin1String("account"))
        return accountCommand(rest);
    if (command == QLatin1String("user"))
        return userCommand(rest);
    if (command == QLatin1String("audit"))
        return auditCommand(rest);
    if (command == QLatin1String("serve"))
        return serveCommand(rest);
    if (command == QLatin1String("migrate"))
        return migrateCommand(rest);
    Output::err(tr("Unknown command \"%1\". See onedial-gateway --help.").arg(command));
    return kExitUsage;
}

} // namespace onedial::gateway
