// The sandbox's simulation of OneNET's status callbacks: for each call the sandbox accepts with a
// notify_url, the progress a real call would report (calling you, calling the callee, connected,
// ended), a few seconds apart, each POSTed to that URL as OneNET posts it: the documented JSON
// fields, and an Authorization token signed with the account's key by the same algorithm as the
// requests, so that a receiver verifies it exactly as it verifies OneNET's. The callee number
// chooses how the call ends (SandboxScenarios: busy, no answer, the caller not answering, a
// failure, and one call whose reports come twice and out of order). Nothing is ever retried.
#pragma once

#include "accounts/AccessKey.h"
#include "accounts/ApiGeneration.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace onedial {

class SandboxCallbacks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxCallbacks)

public:
    // How a simulated call ends: Disconnected's reason, or Disorderly (ends with HangUp, but its
    // reports arrive duplicated and out of order, as OneNET does not promise otherwise).
    enum class Ending {
        HangUp,
        CallerBusy,
        CallerNoAnswer,
        CalleeBusy,
        CalleeNoAnswer,
        CalleeFailure,
        Disorderly
    };

    struct Call
    {
        Api api = Api::V1;
        QString identity; // appid (v1) or user id (v2)
        AccessKey key;    // signs each callback
        QString callId;
        QString caller; // API form
        QString callee; // API form
        QUrl notifyUrl;
        Ending ending = Ending::HangUp;
    };

    // One POST as it went: what was sent and what the receiver answered.
    struct Delivery
    {
        QString callId;
        QString status; // CallingCaller, CallingCallee, Connected, Disconnected
        QByteArray body;
        QByteArray authorization;
        int httpStatus = 0; // 0: no answer (refused, unreachable, timed out)
        QByteArray answer;
    };

    static constexpr int kDefaultStepMs = 1500;
    static constexpr int kTimeoutMs = 10000;
    static constexpr qint64 kMaxAnswerBytes = 64 * 1024;

    explicit SandboxCallbacks(QObject *parent = nullptr);
    ~SandboxCallbacks() override;

    // The pace of a call: its reports come at 0.2, 1.2, 2.2 and 4.2 steps after it is accepted
    // (the call talks for two steps). Tests make it short; $ONEDIAL_SANDBOX_CALL_STEP_MS sets it.
    void setStepMs(int ms) { m_stepMs = ms; }
    int stepMs() const { return m_stepMs; }
    // Unix seconds, for the tokens' expiry and report_date (the sandbox's clock).
    void setClock(std::function<qint64()> nowSecs) { m_now = std::move(nowSecs); }

    // Schedules the call's reports.
    void simulate(const Call &call);

    const QList<Delivery> &deliveries() const { return m_deliveries; }
    // The documented name of an ending's Disconnected reason ("HangUp" for Disorderly).
    static QString reasonName(Ending ending);

Q_SIGNALS:
    // After each POST's answer (or its failure).
    void delivered(int index);

private:
    struct Report
    {
        QString status;
        QString reason;        // Disconnected only
        int durationSecs = -1; // Disconnected after Connected only
        double atSteps = 0;
    };
    static QList<Report> reportsFor(Ending ending, int talkSecs);
    void post(const Call &call, const Report &report);

    QNetworkAccessManager *m_network;
    std::function<qint64()> m_now;
    QList<Delivery> m_deliveries;
    int m_stepMs = kDefaultStepMs;
};

} // namespace onedial
