// `onedial account add|list|remove|default`: accounts' settings, with the access key read from
// standard input and kept only in the OS keychain.
#pragma once

#include "Command.h"

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
    void list();
    void remove();
    void makeDefault();
    void usage();

    CredentialStore *m_credentials = nullptr;
};

} // namespace onedial
