// `onedial account add|list|show|remove|default`: accounts' settings, with the secret (an access
// key, or a gateway account's token) read from standard input and kept only in the OS keychain.
#pragma once

#include "Command.h"
#include "accounts/Account.h"

namespace onedial {

class CredentialStore;

class AccountCommand final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountCommand)

public:
    using Command::Command;
    void start() override;

private:
    void add();
    // Reads the secret from standard input and saves both, or reports the problems and stops.
    void addWithSecret(const Account &account, const QStringList &problems);
    void list();
    void show();
    void remove();
    void makeDefault();
    void usage();

    CredentialStore *m_credentials = nullptr;
};

} // namespace onedial
