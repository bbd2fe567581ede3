#include "SandboxCallbacks.h"

#include "TokenSigner.h"
#include "core/Log.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace onedial {

namespace {

// How long a simulated token stays valid: long enough for a receiver on a slow machine.
constexpr qint64 kTokenLifetimeSecs = 300;
// OneNET's report_date is Beijing time (the documentation gives no zone; China has one).
constexpr qint64 kBeijingOffsetSecs = 8 * 3600;
constexpr int kTalkSteps = 2;

} // namespace

SandboxCallbacks::SandboxCallbacks(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{
    // A slower or quicker pace for a demonstration, or none to speak of for a script that posts
    // callbacks of its own (tests/gateway-e2e.sh).
    bool ok = false;
    const int stepMs = qEnvironmentVariableIntValue("ONEDIAL_SANDBOX_CALL_STEP_MS", &ok);
    if (ok && stepMs > 0)
        m_stepMs = stepMs;
}

SandboxCallbacks::~SandboxCallbacks() = default;

QString SandboxCallbacks::reasonName(Ending ending)
{
    switch (ending) {
    case Ending::HangUp:
    case Ending::Disorderly:
        return QStringLiteral("HangUp");
    case Ending::CallerBusy:
        return QStringLiteral("CallerBusy");
    case Ending::CallerNoAnswer:
        return QStringLiteral("CallerNoAnswer");
    case Ending::CalleeBusy:
        return QStringLiteral("CalleeBusy");
    case Ending::CalleeNoAnswer:
        return QStringLiteral("CalleeNoAnswer");
    case Ending::CalleeFailure:
        return QStringLiteral("CalleeFailure");
    }
    return QStringLiteral("Other");
}

QList<SandboxCallbacks::Report> SandboxCallbacks::reportsFor(Ending ending, int talkSecs)
{
    const QString callingCaller = QStringLiteral("CallingCaller");
    const QString callingCallee = QStringLiteral("CallingCallee");
    const QString connected = QStringLiteral("Connected");
    const QString disconnected = QStringLiteral("Disconnected");
    const QString reason = reasonName(ending);
    switch (ending) {
    case Ending::HangUp:
        return {{callingCaller, {}, -1, 0.2},
                {callingCallee, {}, -1, 1.2},
                {connected, {}, -1, 2.2},
                {disconnected, reason, talkSecs, 2.2 + kTalkSteps}};
    case Ending::CallerBusy:
    case Ending::CallerNoAnswer:
        // The user's own phone did not take the call: the callee is never rung.
        return {{callingCaller, {}, -1, 0.2}, {disconnected, reason, -1, 2.2}};
    case Ending::CalleeBusy:
    case Ending::CalleeNoAnswer:
    case Ending::CalleeFailure:
        return {{callingCaller, {}, -1, 0.2}, {callingCallee, {}, -1, 1.2}, {disconnected, reason, -1, 3.2}};
    case Ending::Disorderly:
        // Connected overtakes CallingCallee, and two reports come twice.
        return {{callingCaller, {}, -1, 0.2},
                {connected, {}, -1, 1.2},
                {callingCallee, {}, -1, 1.4},
                {connected, {}, -1, 1.6},
                {disconnected, reason, talkSecs, 1.2 + kTalkSteps},
                {disconnected, reason, talkSecs, 1.4 + kTalkSteps}};
    }
    return {};
}

void SandboxCallbacks::simulate(const Call &call)
{
    if (!call.notifyUrl.isValid() || call.notifyUrl.isEmpty())
        return;
    const int talkSecs = qMax(1, (kTalkSteps * m_stepMs + 500) / 1000);
    for (const Report &report : reportsFor(call.ending, talkSecs)) {
        QTimer::singleShot(qRound(report.atSteps * m_stepMs), this,
                           [this, call, report] { post(call, report); });
    }
}

void SandboxCallbacks::post(const Call &call, const Report &report)
{
    const qint64 now = m_now();
    QJsonObject body{
        {call.api == Api::V1 ? QStringLiteral("appid") : QStringLiteral("user_id"), call.identity},
        {QStringLiteral("call_id"), call.callId},
        {QStringLiteral("caller"), call.caller},
        {QStringLiteral("callee"), call.callee},
        {QStringLiteral("status"), report.status},
        {QStringLiteral("report_date"), QDateTime::fromSecsSinceEpoch(now + kBeijingOffsetSecs, Qt::UTC)
                                            .toString(QStringLiteral("yyyyMMddHHmmss"))},
    };
    if (!report.reason.isEmpty())
        body.insert(QStringLiteral("reason"), report.reason);
    if (report.durationSecs >= 0)
        body.insert(QStringLiteral("call_duration"), report.durationSecs);

    const TokenParams params{TokenSigner::versionFor(call.api), TokenSigner::resFor(call.api, call.identity),
                             now + kTokenLifetimeSecs, SignMethod::Sha256};
    const std::optional<QByteArray> authorization = TokenSigner::authorization(call.key, params);
    if (!authorization) {
        qCWarning(lcSandbox) << "the sandbox could not sign a status callback";
        return;
    }

    Delivery delivery;
    delivery.callId = call.callId;
    delivery.status = report.status;
    delivery.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    delivery.authorization = *authorization;

    QNetworkRequest request(call.notifyUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/json;charset=UTF-8"));
    request.setRawHeader("Authorization", delivery.authorization);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(kTimeoutMs);
    QNetworkReply *reply = m_network->post(request, delivery.body);
    // A receiver on this machine (a gateway in sandbox mode, with its own TLS certificate for
    // its public name) is trusted as it is: the callbacks carry nothing secret.
    if (QHostAddress(call.notifyUrl.host()).isLoopback())
        reply->ignoreSslErrors();
    connect(reply, &QNetworkReply::finished, this, [this, reply, delivery]() mutable {
        reply->deleteLater();
        delivery.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->isOpen()) // a POST that got no answer (refused, unreachable) has nothing to read
            delivery.answer = reply->read(kMaxAnswerBytes);
        if (delivery.httpStatus != 200) {
            // Logged without the token: the receiver's answer and the call are enough to follow it.
            qCInfo(lcSandbox).noquote()
                << "status callback" << delivery.status << "for call" << delivery.callId << "got"
                << (delivery.httpStatus ? QString::number(delivery.httpStatus) : reply->errorString());
        }
        m_deliveries.append(delivery);
        Q_EMIT delivered(int(m_deliveries.size()) - 1);
    });
}

} // namespace onedial
