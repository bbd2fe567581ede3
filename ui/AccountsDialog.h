// Lists the accounts: add, edit, remove (the key with it) and choose the default one.
#pragma once

#include <QDialog>

class QListWidget;
class QPushButton;

namespace onedial {

class AccountStore;
class CredentialStore;

class AccountsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountsDialog)

public:
    AccountsDialog(AccountStore *accounts, CredentialStore *credentials, QWidget *parent = nullptr);

Q_SIGNALS:
    void accountsChanged();

private:
    void reload(const QString &select = {});
    QString selectedName() const;
    void addAccount();
    void editAccount();
    void removeAccount();
    void makeDefault();
    void updateButtons();

    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_default;
};

} // namespace onedial
