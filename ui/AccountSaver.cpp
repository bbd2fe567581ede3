#include "AccountSaver.h"

#include "MessageBox.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"

#include <QWidget>

namespace onedial {

AccountSaver::AccountSaver(AccountStore *accounts, CredentialStore *credentials, QWidget *window)
    : QObject(window)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_window(window)
{}

void AccountSaver::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    m_window->setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
    Q_EMIT busyChanged(busy);
}

void AccountSaver::save(const Account &account, const QByteArray &keyText)
{
    if (m_busy)
        return;
    if (keyText.isEmpty()) {
        finish(account, false); // editing without a new key: the stored one stays
        return;
    }
    const AccessKey key(keyText);
    setBusy(true);
    m_credentials->writeKey(
        account.name, key, this, [this, account, key](const CredentialStore::Result &result) {
            // Not busy any more before any question: the window must answer to the user again.
            setBusy(false);
            if (result.ok()) {
                finish(account, false);
                return;
            }
            if (result.status == CredentialStore::Status::NoKeychain ||
                result.status == CredentialStore::Status::Denied) {
                const bool keep = MessageBox::confirm(
                    m_window, tr("No keychain"),
                    result.message + QStringLiteral("\n\n") +
                        (account.isGateway() ? tr("You can keep the token for this session "
                                                  "only: OneDial holds it in memory until it "
                                                  "quits, and asks for it again next time.")
                                             : tr("You can keep the key for this session only: "
                                                  "OneDial holds it in memory until it quits, "
                                                  "and asks for it again next time.")),
                    tr("Keep for this session only"), tr("Cancel"));
                if (keep) {
                    m_credentials->keepForSession(account.name, key);
                    finish(account, true);
                }
                return;
            }
            MessageBox::warn(
                m_window, account.isGateway() ? tr("The token was not saved") : tr("The key was not saved"),
                result.message);
        });
}

void AccountSaver::finish(const Account &account, bool sessionOnly)
{
    if (!m_accounts->save(account)) {
        MessageBox::warn(m_window, tr("The account was not saved"),
                         tr("The settings file %1 could not be written. Check that its folder is writable.")
                             .arg(m_accounts->path()));
        return;
    }
    if (m_accounts->defaultAccountName().isEmpty() || m_accounts->accounts().size() == 1)
        m_accounts->setDefaultAccountName(account.name);
    Q_EMIT saved(sessionOnly);
}

} // namespace onedial
