// `onedial dial NUMBER`: reads the arguments, hands the number to the dial service (one signed
// request, one outcome, kept in the history) and prints the outcome with an exit status that says
// which. With --wait (a gateway account, or the sandbox), it then follows the call and prints each
// step OneNET reports until the call ends.
#pragma once

#include "Command.h"
#include "dial/AccountChoice.h"
#include "onenet/DialOutcome.h"
#include "onenet/GatewayEventStream.h"

#include <QList>

class QTimer;

namespace onedial {

class AppServices;

class DialCommand final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DialCommand)

public:
    DialCommand(QStringList arguments, AppServices &services, QObject *parent = nullptr);
    void start() override;

    // Prints an outcome as text or as one JSON object.
    static void print(const DialOutcome &outcome, bool asJson);

    // Longest time --wait waits for the next step of a call before it gives up.
    static constexpr int kMaxSilenceSecs = 600;
    // How long --wait waits for the gateway's event stream to open before it gives up, not dialling.
    static constexpr int kOpenTimeoutMs = 10000;

private:
    void dialNow();
    void followUntilEnd(const DialOutcome &outcome);
    void printStep(const GatewayEventStream::CallEvent &event);

    AppServices &m_services;
    bool m_json = false;
    bool m_wait = false;
    QString m_number;
    AccountChoice m_choice;
    QString m_callId; // the accepted call followed with --wait
    int m_exitStatus = 0;
    QList<GatewayEventStream::CallEvent> m_early; // steps that came before the dial's answer
    QTimer *m_silence = nullptr;
};

} // namespace onedial
