#include "DialCommand.h"

#include "Output.h"
#include "accounts/AccountStore.h"
#include "core/UserText.h"
#include "dial/CallProgressService.h"
#include "dial/DialService.h"
#include "onenet/CallProgressWords.h"
#include "onenet/DialClient.h"
#include "phone/PhoneNumber.h"
#include "services/AppServices.h"

#include <QJsonObject>
#include <QTimer>

#include <utility>

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
    const QCommandLineOption wait(
        QStringLiteral("wait"),
        tr("After OneNET accepts the call, follow it and print each step until it ends (an account "
           "on your team's gateway, or the sandbox). With --json, one JSON object per line."));
    parser.addOptions({account, json, timeout, sandbox, wait});
    if (!parse(parser, QStringLiteral("onedial dial NUMBER [--account NAME] [--json] [--timeout SECONDS] "
                                      "[--sandbox] [--wait]")))
        return;

    m_json = parser.isSet(json);
    m_wait = parser.isSet(wait);
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
        if (m_wait && outcome.outcome == OutcomeClass::Accepted && !outcome.callId.isEmpty()) {
            followUntilEnd(outcome);
            return;
        }
        finish(outcome.exitStatus());
    });
    m_number = positional.first();
    m_choice = choice;
    if (!m_wait || choice.isSandbox()) {
        dialNow();
        return;
    }
    // A gateway account's steps come on its event stream, which is opened before the dial so
    // that not even the first step is missed. Another account cannot be followed: OneNET reports
    // progress only to a server it can reach.
    const auto chosen = choice.kind == AccountChoice::Kind::Named
                            ? m_services.accounts()->account(choice.name)
                            : m_services.accounts()->defaultAccount();
    if (!chosen || !chosen->isGateway()) {
        Output::err(
            tr("--wait follows a call only for an account on your team's gateway, or in the "
               "sandbox (--sandbox): OneNET reports a call's progress only to a server it can reach."));
        finish(ExitNotSent);
        return;
    }
    CallProgressService *progress = m_services.callProgress();
    progress->sync();
    GatewayEventStream *stream = progress->stream(chosen->name);
    auto *opening = new QTimer(this);
    opening->setSingleShot(true);
    const auto proceed = [this, stream, opening] {
        opening->stop();
        opening->deleteLater();
        disconnect(stream, &GatewayEventStream::stateChanged, this, nullptr);
        if (stream->state() != GatewayEventStream::State::Open) {
            // Not dialled: a call that cannot be followed is not what --wait asked for.
            Output::err(tr("Not dialled: the call could not be followed. %1")
                            .arg(stream->problem().isEmpty() ? tr("The gateway's event stream did not open.")
                                                             : stream->problem()));
            finish(ExitNotSent);
            return;
        }
        dialNow();
    };
    connect(stream, &GatewayEventStream::stateChanged, this, [proceed](GatewayEventStream::State state) {
        if (state != GatewayEventStream::State::Connecting)
            proceed();
    });
    connect(opening, &QTimer::timeout, this, proceed);
    opening->start(kOpenTimeoutMs);
}

void DialCommand::dialNow()
{
    if (m_wait) {
        connect(m_services.callProgress(), &CallProgressService::progressed, this,
                [this](const CallProgressService::Update &update) {
                    if (m_callId.isEmpty()) {
                        m_early.append(update.event); // before the dial's answer: kept until then
                        return;
                    }
                    if (update.event.callId == m_callId)
                        printStep(update.event);
                });
    }
    // The number is read here, where its text enters; the service takes it as it is.
    m_services.dialer()->dial({PhoneNumber::parse(m_number), {}, std::nullopt}, m_choice);
}

void DialCommand::followUntilEnd(const DialOutcome &outcome)
{
    m_callId = outcome.callId;
    m_exitStatus = outcome.exitStatus();
    m_silence = new QTimer(this);
    m_silence->setSingleShot(true);
    connect(m_silence, &QTimer::timeout, this, [this] {
        Output::err(tr("No step of the call was reported for %1 minutes; not waiting any longer.")
                        .arg(kMaxSilenceSecs / 60));
        finish(m_exitStatus);
    });
    m_silence->start(kMaxSilenceSecs * 1000);
    const QList<GatewayEventStream::CallEvent> early = std::exchange(m_early, {});
    for (const GatewayEventStream::CallEvent &event : early) {
        if (event.callId == m_callId)
            printStep(event);
    }
}

void DialCommand::printStep(const GatewayEventStream::CallEvent &event)
{
    if (m_silence)
        m_silence->start();
    const QString words = CallProgressWords::describe(event.progress, event.reason, event.durationSecs,
                                                      PhoneNumber::parse(event.callee).shown());
    if (m_json) {
        QJsonObject line{
            {QStringLiteral("call_id"), event.callId},
            {QStringLiteral("status"), callProgressName(event.progress)},
            {QStringLiteral("reason"), event.reason.isEmpty() ? QJsonValue() : QJsonValue(event.reason)},
            {QStringLiteral("duration_s"),
             event.durationSecs ? QJsonValue(qint64(*event.durationSecs)) : QJsonValue()},
            {QStringLiteral("message"), words}};
        Output::json(line);
    } else {
        Output::out(words);
    }
    if (event.progress == CallProgress::Disconnected)
        finish(m_exitStatus);
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
