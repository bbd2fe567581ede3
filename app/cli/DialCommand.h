// `onedial dial NUMBER`: reads the arguments, hands the number to the dial service (one signed
// request, one outcome, kept in the history) and prints the outcome with an exit status that says
// which.
#pragma once

#include "Command.h"
#include "onenet/DialOutcome.h"

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

private:
    AppServices &m_services;
    bool m_json = false;
};

} // namespace onedial
