// `onedial dial NUMBER`: one signed request, one outcome, an exit status that says which.
#pragma once

#include "Command.h"
#include "accounts/AccessKey.h"
#include "onenet/DialOutcome.h"

#include <QDateTime>

namespace onedial {

class CredentialStore;
class DialClient;
class SandboxServer;
struct Account;

class DialCommand final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DialCommand)

public:
    using Command::Command;
    void start() override;

    // Prints an outcome as text or as one JSON object.
    static void print(const DialOutcome &outcome, bool asJson);

private:
    void dial(const Account &account, const AccessKey &key);
    void report(const DialOutcome &outcome);
    void saveToHistory(const DialOutcome &outcome);

    bool m_json = false;
    int m_timeoutMs = 0;
    QString m_number;
    QString m_accountName; // for the history: the account used, or the one asked for
    QDateTime m_startedAt;
    CredentialStore *m_credentials = nullptr;
    DialClient *m_client = nullptr;
    SandboxServer *m_sandbox = nullptr;
};

} // namespace onedial
