#include "DialCommand.h"

#include "Output.h"
#include "core/UserText.h"
#include "dial/DialService.h"
#include "onenet/DialClient.h"
#include "phone/PhoneNumber.h"
#include "services/AppServices.h"

namespace onedial {

namespace {

constexpr int kMaxTimeoutSecs = 600;

} // namespace

DialCommand::DialCommand(QStringList arguments, AppServices &services, QObject *parent)
    : Command(std::move(arguments), parent)
    , m_services(services)
{}

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
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        Output::err(positional.isEmpty()
                        ? tr("Give the number to call, for example: onedial dial 13800138000")
                        : tr("Give exactly one number to call. Put quotes around a number with "
                             "spaces."));
        finish(ExitNotSent);
        return;
    }
    DialService *dialer = m_services.dialer();
    if (parser.isSet(timeout)) {
        bool ok = false;
        const int secs = parser.value(timeout).toInt(&ok);
        if (!ok || secs < 1 || secs > kMaxTimeoutSecs) {
            Output::err(tr("--timeout takes a whole number of seconds from 1 to %1.").arg(kMaxTimeoutSecs));
            finish(ExitNotSent);
            return;
        }
        dialer->setTimeoutMs(secs * 1000);
    }

    AccountChoice choice =
        parser.isSet(account) ? AccountChoice::named(parser.value(account)) : AccountChoice::defaultAccount();
    if (parser.isSet(sandbox)) {
        m_services.startSandbox(); // when it cannot listen, the dial says the sandbox is not running
        choice = AccountChoice::sandbox(Api::V1);
    }
    connect(dialer, &DialService::historyNotSaved, this, [](const QString &why) {
        Output::err(tr("The call was not saved in the history: %1").arg(why));
    });
    connect(dialer, &DialService::finished, this, [this](quint64, const DialOutcome &outcome) {
        print(outcome, m_json);
        finish(outcome.exitStatus());
    });
    // The number is read here, where its text enters; the service takes it as it is.
    dialer->dial({PhoneNumber::parse(positional.first()), {}, std::nullopt}, choice);
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
        Output::out(tr("  Service message: %1").arg(UserText::escaped(outcome.serviceMessage, false)));
    if (!outcome.callId.isEmpty())
        Output::out(tr("  Call id: %1").arg(outcome.callId));
    if (!outcome.requestId.isEmpty())
        Output::out(tr("  Request id: %1").arg(outcome.requestId));
    if (outcome.httpStatus != 0)
        Output::out(tr("  HTTP status: %1").arg(outcome.httpStatus));
    if (!outcome.detail.isEmpty())
        Output::out(tr("  Detail: %1").arg(UserText::escaped(outcome.detail, false)));
}

} // namespace onedial
