#include "AccountCommand.h"

#include "Output.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "platform/TerminalInput.h"

#include <QJsonArray>
#include <QJsonObject>

namespace onedial {

namespace {

QString addUsage()
{
    return QStringLiteral("onedial account add NAME (--api v1 --appid ID | --api v2 --userid ID) --sponsor N "
                          "--caller N [--display N] [--method md5|sha1|sha256] [--endpoint URL] "
                          "[--notify-url URL] [--token-lifetime SECONDS]");
}

QString addGatewayUsage()
{
    return QStringLiteral("onedial account add NAME --gateway URL");
}

QString encoded(const QUrl &url)
{
    return QString::fromUtf8(url.toEncoded());
}

// One account as `list --json` and `show --json` print it. Secrets are never part of it.
QJsonObject accountJson(const Account &account, bool isDefault)
{
    QJsonObject object{{QStringLiteral("name"), account.name},
                       {QStringLiteral("kind"), accountKindName(account.kind)},
                       {QStringLiteral("default"), isDefault}};
    if (account.isGateway()) {
        object.insert(QStringLiteral("gateway"), encoded(account.gateway));
        return object;
    }
    object.insert(QStringLiteral("api"), apiName(account.api));
    object.insert(account.api == Api::V1 ? QStringLiteral("appid") : QStringLiteral("userid"),
                  account.identity());
    object.insert(QStringLiteral("sponsor"), account.sponsor);
    object.insert(QStringLiteral("caller"), account.caller);
    object.insert(QStringLiteral("display"), account.display);
    object.insert(QStringLiteral("method"), signMethodName(account.method));
    object.insert(QStringLiteral("endpoint"), encoded(account.effectiveBaseUrl()));
    object.insert(QStringLiteral("notify_url"), encoded(account.notifyUrl));
    object.insert(QStringLiteral("token_lifetime_s"), account.tokenLifetimeSecs);
    return object;
}

} // namespace

void AccountCommand::usage()
{
    Output::err(tr("Usage:"));
    Output::err(QStringLiteral("  ") + addUsage());
    Output::err(QStringLiteral("  ") + addGatewayUsage());
    Output::err(QStringLiteral("  onedial account list [--json]"));
    Output::err(QStringLiteral("  onedial account show NAME [--json]"));
    Output::err(QStringLiteral("  onedial account remove NAME"));
    Output::err(QStringLiteral("  onedial account default NAME"));
    Output::err(
        tr("The access key (or a gateway account's token) is read from standard input and kept in the "
           "system keychain."));
}

void AccountCommand::start()
{
    // m_arguments: "onedial account", then the subcommand and its words.
    const QString sub = m_arguments.value(1);
    const QString program = m_arguments.value(0) + QLatin1Char(' ') + sub;
    m_arguments = QStringList{program} + m_arguments.mid(2);
    if (sub == QLatin1String("add"))
        add();
    else if (sub == QLatin1String("list"))
        list();
    else if (sub == QLatin1String("show"))
        show();
    else if (sub == QLatin1String("remove"))
        remove();
    else if (sub == QLatin1String("default"))
        makeDefault();
    else if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        usage();
        finish(ExitAccepted);
    } else {
        if (!sub.isEmpty())
            Output::err(tr("Unknown account command \"%1\".").arg(sub));
        usage();
        finish(ExitNotSent);
    }
}

void AccountCommand::add()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Add an account, or replace the one with the same name. The access key "
           "is read from standard input (not shown as you type) and stored in the "
           "system keychain. With --gateway, the account places calls through your "
           "team's gateway instead, and the token your administrator gave you is read "
           "the same way."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("A name for the account, such as \"sales\"."));
    const QCommandLineOption api(QStringLiteral("api"), tr("API generation: v1 (appid) or v2 (userid)."),
                                 QStringLiteral("v1|v2"));
    const QCommandLineOption appId(
        QStringLiteral("appid"), tr("The v1 application id from the OneNET console."), QStringLiteral("ID"));
    const QCommandLineOption userId(QStringLiteral("userid"), tr("The v2 user id from the OneNET console."),
                                    QStringLiteral("ID"));
    const QCommandLineOption sponsor(QStringLiteral("sponsor"),
                                     tr("The service number OneNET issued to you."), QStringLiteral("N"));
    const QCommandLineOption caller(QStringLiteral("caller"), tr("Your own phone, which rings first."),
                                    QStringLiteral("N"));
    const QCommandLineOption display(
        QStringLiteral("display"), tr("The number the called person sees: the sponsor or the caller number."),
        QStringLiteral("N"));
    const QCommandLineOption method(QStringLiteral("method"), tr("Token signing method (default sha256)."),
                                    QStringLiteral("md5|sha1|sha256"));
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
                                      tr("Service base URL (default: OneNET's own)."), QStringLiteral("URL"));
    const QCommandLineOption notifyUrl(QStringLiteral("notify-url"),
                                       tr("Where OneNET should send the call's progress."),
                                       QStringLiteral("URL"));
    const QCommandLineOption lifetime(QStringLiteral("token-lifetime"),
                                      tr("Seconds each token stays valid (default %1); longer tolerates a "
                                         "drifting clock.")
                                          .arg(Account::kDefaultTokenLifetimeSecs),
                                      QStringLiteral("SECONDS"));
    const QCommandLineOption gateway(QStringLiteral("gateway"),
                                     tr("Place calls through your team's OneDial gateway at this address; "
                                        "it decides the OneNET settings, so none of the options above is "
                                        "given."),
                                     QStringLiteral("URL"));
    parser.addOptions(
        {api, appId, userId, sponsor, caller, display, method, endpoint, notifyUrl, lifetime, gateway});
    if (!parse(parser, addUsage() + QLatin1Char('\n') + addGatewayUsage()))
        return;

    QStringList problems;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        problems << tr("Give exactly one account name.");
    Account account;
    account.name = positional.value(0);
    if (parser.isSet(gateway)) {
        account.kind = AccountKind::Gateway;
        account.gateway = QUrl(parser.value(gateway), QUrl::StrictMode);
        for (const QCommandLineOption &option :
             {api, appId, userId, sponsor, caller, display, method, endpoint, notifyUrl, lifetime}) {
            if (parser.isSet(option))
                problems << tr("--%1 does not go with --gateway: the gateway decides the OneNET settings.")
                                .arg(option.names().constFirst());
        }
        if (problems.isEmpty())
            problems << account.validate();
        addWithSecret(account, problems);
        return;
    }
    const auto generation = apiFromName(parser.value(api));
    if (!generation)
        problems << tr("--api must be v1 or v2.");
    account.api = generation.value_or(Api::V1);
    if (account.api == Api::V1 && parser.isSet(userId))
        problems << tr("--userid belongs to --api v2; a v1 account takes --appid.");
    if (account.api == Api::V2 && parser.isSet(appId))
        problems << tr("--appid belongs to --api v1; a v2 account takes --userid.");
    account.appId = parser.value(appId);
    account.userId = parser.value(userId);
    account.sponsor = parser.value(sponsor);
    account.caller = parser.value(caller);
    account.display = parser.value(display);
    if (parser.isSet(method)) {
        const auto chosen = signMethodFromName(parser.value(method));
        if (!chosen)
            problems << tr("--method must be md5, sha1 or sha256.");
        account.method = chosen.value_or(SignMethod::Sha256);
    }
    if (parser.isSet(endpoint))
        account.endpoint = QUrl(parser.value(endpoint), QUrl::StrictMode);
    if (parser.isSet(notifyUrl))
        account.notifyUrl = QUrl(parser.value(notifyUrl), QUrl::StrictMode);
    if (parser.isSet(lifetime)) {
        bool ok = false;
        account.tokenLifetimeSecs = parser.value(lifetime).toInt(&ok);
        if (!ok)
            account.tokenLifetimeSecs = 0; // reported by validate()
    }
    problems << account.normalizeNumbers();
    if (problems.isEmpty())
        problems << account.validate();
    addWithSecret(account, problems);
}

void AccountCommand::addWithSecret(const Account &account, const QStringList &problems)
{
    if (!problems.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            Output::err(problem);
        finish(ExitNotSent);
        return;
    }

    AccountStore store;
    if (!store.isReadable()) {
        Output::err(
            tr("The settings file %1 cannot be read; it was left as it is. Fix or move it, then try again.")
                .arg(store.path()));
        finish(ExitNotSent);
        return;
    }

    const bool gateway = account.isGateway();
    const AccessKey key(TerminalInput::readSecret(gateway ? tr("Gateway token for %1: ").arg(account.name)
                                                          : tr("Access key for %1: ").arg(account.name)));
    if (key.isEmpty()) {
        Output::err(gateway
                        ? tr("No gateway token was given. Pipe it in or type it when asked; it is never "
                             "taken from the command line.")
                        : tr("No access key was given. Pipe it in or type it when asked; it is never taken "
                             "from the command line."));
        finish(ExitNotSent);
        return;
    }
    if (const QString problem = key.problemFor(account.kind); !problem.isEmpty()) {
        Output::err(problem);
        finish(ExitNotSent);
        return;
    }

    m_credentials = new CredentialStore(this);
    m_credentials->writeKey(account.name, key, this, [this, account](const CredentialStore::Result &result) {
        if (!result.ok()) {
            Output::err(result.message);
            Output::err(tr("The account was not saved."));
            finish(ExitKeychain);
            return;
        }
        AccountStore settings;
        const bool existed = settings.contains(account.name);
        if (!settings.save(account)) {
            Output::err(tr("The account could not be written to %1. Check that the folder is writable.")
                            .arg(settings.path()));
            finish(ExitNotSent);
            return;
        }
        if (settings.defaultAccountName().isEmpty() || settings.accounts().size() == 1)
            settings.setDefaultAccountName(account.name);
        if (account.isGateway())
            Output::out(existed ? tr("Account \"%1\" updated; its gateway token is in the system keychain.")
                                      .arg(account.name)
                                : tr("Account \"%1\" added; it calls through %2, and its gateway token is in "
                                     "the system keychain.")
                                      .arg(account.name, account.gateway.toDisplayString()));
        else
            Output::out(existed ? tr("Account \"%1\" updated; its access key is in the system keychain.")
                                      .arg(account.name)
                                : tr("Account \"%1\" added; its access key is in the system keychain.")
                                      .arg(account.name));
        finish(ExitAccepted);
    });
}

void AccountCommand::list()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the accounts. Access keys are never shown."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print a JSON array."));
    parser.addOption(json);
    if (!parse(parser, QStringLiteral("onedial account list [--json]")))
        return;
    AccountStore store;
    if (!store.isReadable()) {
        Output::err(tr("The settings file %1 cannot be read; it was left as it is.").arg(store.path()));
        finish(ExitNotSent);
        return;
    }
    const QList<Account> accounts = store.accounts();
    const QString defaultName = store.defaultAccount() ? store.defaultAccount()->name : QString();
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Account &account : accounts)
            array.append(accountJson(account, account.name == defaultName));
        Output::json(array);
        finish(ExitAccepted);
        return;
    }
    if (accounts.isEmpty()) {
        Output::out(tr("No accounts. Add one with: %1").arg(addUsage()));
        finish(ExitAccepted);
        return;
    }
    for (const Account &account : accounts) {
        const QString mark = account.name == defaultName ? QStringLiteral("*") : QStringLiteral(" ");
        if (account.isGateway()) {
            Output::out(tr("%1 %2  gateway %3").arg(mark, account.name, account.gateway.toDisplayString()));
            continue;
        }
        Output::out(tr("%1 %2  %3 %4  sponsor %5  caller %6  %7")
                        .arg(mark, account.name, apiName(account.api), account.identity(), account.sponsor,
                             account.caller, account.effectiveBaseUrl().host()));
    }
    finish(ExitAccepted);
}

void AccountCommand::show()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Show one account's settings. Its access key or token is never shown."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The account to show."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print a JSON object."));
    parser.addOption(json);
    if (!parse(parser, QStringLiteral("onedial account show NAME [--json]")))
        return;
    const QString name = parser.positionalArguments().value(0);
    AccountStore store;
    const std::optional<Account> found = store.account(name);
    if (parser.positionalArguments().size() != 1 || !found) {
        Output::err(tr("There is no account named \"%1\". See: onedial account list").arg(name));
        finish(ExitNotSent);
        return;
    }
    const Account &account = *found;
    const bool isDefault = store.defaultAccount() && store.defaultAccount()->name == name;
    if (parser.isSet(json)) {
        Output::json(accountJson(account, isDefault));
        finish(ExitAccepted);
        return;
    }
    // Field names as in the JSON, so that both read alike; values as stored.
    const auto line = [](const QString &field, const QString &value) {
        Output::out(field.leftJustified(17) + value);
    };
    line(QStringLiteral("name"), account.name);
    line(QStringLiteral("kind"), accountKindName(account.kind));
    if (account.isGateway()) {
        line(QStringLiteral("gateway"), encoded(account.gateway));
    } else {
        line(QStringLiteral("api"), apiName(account.api));
        line(account.api == Api::V1 ? QStringLiteral("appid") : QStringLiteral("userid"), account.identity());
        line(QStringLiteral("sponsor"), account.sponsor);
        line(QStringLiteral("caller"), account.caller);
        if (!account.display.isEmpty())
            line(QStringLiteral("display"), account.display);
        line(QStringLiteral("method"), signMethodName(account.method));
        line(QStringLiteral("endpoint"), encoded(account.effectiveBaseUrl()));
        if (!account.notifyUrl.isEmpty())
            line(QStringLiteral("notify_url"), encoded(account.notifyUrl));
        line(QStringLiteral("token_lifetime_s"), QString::number(account.tokenLifetimeSecs));
    }
    line(QStringLiteral("default"), isDefault ? tr("yes") : tr("no"));
    finish(ExitAccepted);
}

void AccountCommand::remove()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Remove an account and its access key from the system keychain."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The account to remove."));
    if (!parse(parser, QStringLiteral("onedial account remove NAME")))
        return;
    const QString name = parser.positionalArguments().value(0);
    AccountStore store;
    if (parser.positionalArguments().size() != 1 || !store.contains(name)) {
        Output::err(tr("There is no account named \"%1\". See: onedial account list").arg(name));
        finish(ExitNotSent);
        return;
    }
    m_credentials = new CredentialStore(this);
    // The key goes first: if the keychain cannot be reached the account stays, so nothing is left
    // behind in the keychain that the user can no longer see.
    m_credentials->deleteKey(name, this, [this, name](const CredentialStore::Result &result) {
        if (!result.ok()) {
            Output::err(result.message);
            Output::err(tr("The account \"%1\" was kept so that its key can be removed later.").arg(name));
            finish(ExitKeychain);
            return;
        }
        AccountStore settings;
        if (!settings.remove(name)) {
            Output::err(tr("The account could not be removed from %1.").arg(settings.path()));
            finish(ExitNotSent);
            return;
        }
        Output::out(tr("Account \"%1\" and its key were removed from OneDial and the keychain.").arg(name));
        finish(ExitAccepted);
    });
}

void AccountCommand::makeDefault()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Make an account the one used when none is named."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The account to use by default."));
    if (!parse(parser, QStringLiteral("onedial account default NAME")))
        return;
    const QString name = parser.positionalArguments().value(0);
    AccountStore store;
    if (parser.positionalArguments().size() != 1 || !store.setDefaultAccountName(name)) {
        Output::err(tr("There is no account named \"%1\". See: onedial account list").arg(name));
        finish(ExitNotSent);
        return;
    }
    Output::out(tr("\"%1\" is now the default account.").arg(name));
    finish(ExitAccepted);
}

} // namespace onedial
