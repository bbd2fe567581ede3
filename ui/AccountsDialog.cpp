#include "AccountsDialog.h"

#include "AccountDialog.h"
#include "MessageBox.h"
#include "SetupWizard.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace onedial {

AccountsDialog::AccountsDialog(AccountStore *accounts, CredentialStore *credentials, QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_default(new QPushButton(tr("Make &default"), this))
{
    setWindowTitle(tr("Accounts"));
    m_list->setAccessibleName(tr("Accounts"));
    m_add->setAccessibleName(tr("Add account"));
    m_edit->setAccessibleName(tr("Edit account"));
    m_remove->setAccessibleName(tr("Remove account"));
    m_default->setAccessibleName(tr("Make default account"));

    auto *buttons = new QVBoxLayout;
    for (QPushButton *button : {m_add, m_edit, m_remove, m_default})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &AccountsDialog::addAccount);
    connect(m_edit, &QPushButton::clicked, this, &AccountsDialog::editAccount);
    connect(m_remove, &QPushButton::clicked, this, &AccountsDialog::removeAccount);
    connect(m_default, &QPushButton::clicked, this, &AccountsDialog::makeDefault);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &AccountsDialog::editAccount);
    connect(m_list, &QListWidget::currentRowChanged, this, &AccountsDialog::updateButtons);
    reload();
    resize(520, 320);
}

void AccountsDialog::reload(const QString &select)
{
    m_list->clear();
    const QString defaultName = m_accounts->defaultAccount() ? m_accounts->defaultAccount()->name : QString();
    for (const Account &account : m_accounts->accounts()) {
        QString text = account.isGateway()
                           ? tr("%1 (team gateway, %2)").arg(account.name, account.gateway.toString())
                           : tr("%1 (%2, %3)").arg(account.name, apiName(account.api), account.identity());
        if (account.name == defaultName)
            text += QLatin1Char(' ') + tr("— default");
        if (m_credentials->hasSessionKey(account.name))
            text += QLatin1Char(' ') + tr("— key for this session only");
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, account.name);
        if (account.name == select || (select.isEmpty() && m_list->count() == 1))
            m_list->setCurrentItem(item);
    }
    updateButtons();
}

QString AccountsDialog::selectedName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void AccountsDialog::updateButtons()
{
    const bool selected = !selectedName().isEmpty();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_default->setEnabled(selected);
}

void AccountsDialog::addAccount()
{
    auto *wizard = new SetupWizard(SetupWizard::Start::Account, m_accounts, m_credentials, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        reload(wizard->account().name);
        Q_EMIT accountsChanged();
    });
    wizard->open();
}

void AccountsDialog::editAccount()
{
    const auto account = m_accounts->account(selectedName());
    if (!account)
        return;
    auto *dialog = new AccountDialog(AccountDialog::Purpose::Edit, m_accounts, m_credentials, *account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, name = account->name] {
        reload(name);
        Q_EMIT accountsChanged();
    });
    dialog->open();
}

void AccountsDialog::removeAccount()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const auto account = m_accounts->account(name);
    const bool gateway = account && account->isGateway();
    if (!MessageBox::confirm(this, tr("Remove account"),
                             (gateway
                                  ? tr("Remove the account \"%1\" and its gateway token from the keychain? "
                                       "The call history stays.")
                                  : tr("Remove the account \"%1\" and its access key from the keychain? "
                                       "The call history stays."))
                                 .arg(name),
                             tr("Remove"), tr("Keep"))) {
        return;
    }
    setEnabled(false);
    m_credentials->deleteKey(name, this, [this, name](const CredentialStore::Result &result) {
        setEnabled(true);
        if (!result.ok()) {
            // The account stays, so that its key can still be removed once the keychain is back.
            MessageBox::warn(this, tr("The account was kept"), result.message);
            return;
        }
        m_accounts->remove(name);
        reload();
        Q_EMIT accountsChanged();
    });
}

void AccountsDialog::makeDefault()
{
    const QString name = selectedName();
    if (m_accounts->setDefaultAccountName(name)) {
        reload(name);
        Q_EMIT accountsChanged();
    }
}

} // namespace onedial
