// Saves an account entered in a window, the one way every window does it: the key into the
// system keychain (or, when there is none and the user agrees, in memory for this session only),
// then the account into the settings file; the first account becomes the default.
#pragma once

#include "accounts/Account.h"

#include <QByteArray>
#include <QObject>

class QWidget;

namespace onedial {

class AccountStore;
class CredentialStore;

class AccountSaver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountSaver)

public:
    // window: where questions and warnings are shown; it also owns the saver.
    AccountSaver(AccountStore *accounts, CredentialStore *credentials, QWidget *window);

    // Saves the account with the key given as typed; an empty key leaves the stored one as it is.
    // Ends in saved(), or in a warning to the user and nothing more. The keychain answers
    // asynchronously: busyChanged() brackets the wait.
    void save(const Account &account, const QByteArray &keyText);
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void busyChanged(bool busy);
    // sessionOnly: no keychain could take the key, and the user chose to keep it until OneDial quits.
    void saved(bool sessionOnly);

private:
    void setBusy(bool busy);
    void finish(const Account &account, bool sessionOnly);

    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    QWidget *m_window;
    bool m_busy = false;
};

} // namespace onedial
