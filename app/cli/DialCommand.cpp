#include "DialCommand.h"

#include "Output.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "contacts/ContactStore.h"
#include "history/HistoryStore.h"
#include "onenet/DialClient.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "phone/PhoneNumber.h"
#include "storage/Database.h"

namespace onedial {

namespace {

constexpr int kMaxTimeoutSecs = 600;

DialOutcome notSent(const QString &callee, const char *error, const QString &message)
{
    DialOutcome outcome;
    outcome.outcome = OutcomeClass::NotSent;
    outcome.callee = callee;
    outcome.error = QLatin1String(error);
    outcome.message = message;
    return outcome;
}

} // namespace

void DialCommand::start()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Place one click-to-dial call: OneNET rings your phone, then connects "
           "the number you give."));
    parser.addPositionalArgument(
        QStringLiteral("NUMBER"),
        tr("The number to call, as you would write it: 138 0013 8000, +86 138-0013-8000, "
           "(0755) 2800 0003."));
    const QCommandLineOption account(QStringLiteral("account"),
                                     tr("Use this account instead of the default one."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the outcome as one JSON object."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     tr("Seconds to wait for the service's answer (default %1).")
                                         .arg(DialClient::kDefaultTimeoutMs / 1000),
                                     QStringLiteral("SECONDS"));
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        tr("Dial the built-in OneNET simulator instead of the real service. No call "
           "is placed."));
    parser.addOptions({account, json, timeout, sandbox});
    if (!parse(parser, QStringLiteral(
                           "onedial dial NUMBER [--account NAME] [--json] [--timeout SECONDS] [--sandbox]")))
        return;

    m_json = parser.isSet(json);
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_accountName = parser.isSet(sandbox) ? QStringLiteral("sandbox") : parser.value(account);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        Output::err(positional.isEmpty()
                        ? tr("Give the number to call, for example: onedial dial 13800138000")
                        : tr("Give exactly one number to call. Put quotes around a number with "
                             "spaces."));
        finish(ExitNotSent);
        return;
    }
    m_number = positional.first();
    m_timeoutMs = DialClient::kDefaultTimeoutMs;
    if (parser.isSet(timeout)) {
        bool ok = false;
        const int secs = parser.value(timeout).toInt(&ok);
        if (!ok || secs < 1 || secs > kMaxTimeoutSecs) {
            Output::err(tr("--timeout takes a whole number of seconds from 1 to %1.").arg(kMaxTimeoutSecs));
            finish(ExitNotSent);
            return;
        }
        m_timeoutMs = secs * 1000;
    }

    // A number that cannot be dialled is reported before anything else is touched.
    const PhoneNumber number = PhoneNumber::parse(m_number);
    if (!number.isValid()) {
        report(notSent(m_number.left(64), DialError::InvalidNumber, number.problemText()));
        return;
    }

    if (parser.isSet(sandbox)) {
        m_sandbox = new SandboxServer(this);
        if (!m_sandbox->listen()) {
            report(notSent(number.apiForm(), DialError::Network,
                           tr("The sandbox could not start: no free port on 127.0.0.1.")));
            return;
        }
        dial(m_sandbox->sandboxAccount(Api::V1), AccessKey(SandboxScenarios::key()));
        return;
    }

    AccountStore store;
    if (!store.isReadable()) {
        report(notSent(number.apiForm(), DialError::InvalidAccount,
                       tr("The settings file %1 cannot be read. Fix or move it, then add the account again.")
                           .arg(store.path())));
        return;
    }
    const std::optional<Account> chosen =
        parser.isSet(account) ? store.account(parser.value(account)) : store.defaultAccount();
    if (!chosen) {
        QString message;
        if (parser.isSet(account))
            message =
                tr("There is no account named \"%1\". See: onedial account list").arg(parser.value(account));
        else if (store.accounts().isEmpty())
            message = tr("No account is set up. Add one with: onedial account add NAME --api v1 --appid ID "
                         "--sponsor NUMBER --caller NUMBER (or try: onedial dial %1 --sandbox)")
                          .arg(m_number);
        else
            message =
                tr("Several accounts are set up and none is the default. Choose one with --account NAME, "
                   "or set a default with: onedial account default NAME");
        report(notSent(number.apiForm(), DialError::InvalidAccount, message));
        return;
    }
    const QStringList problems = chosen->validate();
    if (!problems.isEmpty()) {
        report(notSent(
            number.apiForm(), DialError::InvalidAccount,
            tr("The account \"%1\" cannot dial yet: %2").arg(chosen->name, problems.join(QLatin1Char(' ')))));
        return;
    }

    m_accountName = chosen->name;
    m_credentials = new CredentialStore(this);
    const Account &chosenAccount = *chosen;
    m_credentials->readKey(
        chosenAccount.name, this,
        [this, chosenAccount, callee = number.apiForm()](const CredentialStore::Result &result) {
            if (!result.ok()) {
                DialOutcome outcome = notSent(callee, DialError::Keychain, result.message);
                outcome.api = chosenAccount.api;
                report(outcome);
                return;
            }
            dial(chosenAccount, result.key);
        });
}

void DialCommand::dial(const Account &account, const AccessKey &key)
{
    m_client = new DialClient(this);
    connect(m_client, &DialClient::finished, this,
            [this](quint64, const DialOutcome &outcome) { report(outcome); });
    m_client->dial(account, key, m_number, m_timeoutMs);
}

void DialCommand::report(const DialOutcome &outcome)
{
    print(outcome, m_json);
    saveToHistory(outcome);
    finish(outcome.exitStatus());
}

void DialCommand::saveToHistory(const DialOutcome &outcome)
{
    // Every dial that reached an outcome is kept, those not sent included (a number that cannot
    // be dialled, no account, no key): the user tried to call, and the history says why nothing
    // rang. Usage mistakes stop before a dial and are not kept. A failure here changes neither
    // the outcome nor the exit status.
    Database database;
    StorageResult saved = database.open();
    if (saved.ok()) {
        CallRecord record = CallRecord::fromOutcome(outcome, m_accountName, m_startedAt);
        if (const auto contact = ContactStore(database).findByNumber(outcome.callee)) {
            record.contactId = contact->id;
            record.contactName = contact->name;
        }
        saved = HistoryStore(database).add(record);
    }
    if (!saved.ok())
        Output::err(tr("The call was not saved in the history: %1").arg(saved.message));
}

void DialCommand::print(const DialOutcome &outcome, bool asJson)
{
    if (asJson) {
        Output::json(outcome.toJson());
        return;
    }
    QString headline;
    switch (outcome.outcome) {
    case OutcomeClass::Accepted:
        headline = tr("Accepted: calling %1.").arg(outcome.callee);
        break;
    case OutcomeClass::Refused:
        headline = tr("Refused by OneNET: no call to %1.").arg(outcome.callee);
        break;
    case OutcomeClass::NotSent:
        headline = tr("Not sent: no call was placed.");
        break;
    case OutcomeClass::Failed:
        headline = tr("Failed: no call was placed.");
        break;
    case OutcomeClass::Unknown:
        headline = tr("Outcome unknown for %1.").arg(outcome.callee);
        break;
    }
    Output::out(headline);
    Output::out(outcome.message);
    if (!outcome.codeNo.isEmpty() || !outcome.code.isEmpty()) {
        const QString code = outcome.codeNo.isEmpty()
                                 ? outcome.code
                                 : outcome.codeNo + QStringLiteral(" (") + outcome.code + QLatin1Char(')');
        Output::out(tr("  Code: %1").arg(code));
    }
    if (!outcome.serviceMessage.isEmpty())
        Output::out(tr("  Service message: %1").arg(outcome.serviceMessage));
    if (!outcome.callId.isEmpty())
        Output::out(tr("  Call id: %1").arg(outcome.callId));
    if (!outcome.requestId.isEmpty())
        Output::out(tr("  Request id: %1").arg(outcome.requestId));
    if (outcome.httpStatus != 0)
        Output::out(tr("  HTTP status: %1").arg(outcome.httpStatus));
    if (!outcome.detail.isEmpty())
        Output::out(tr("  Detail: %1").arg(outcome.detail));
}

} // namespace onedial
