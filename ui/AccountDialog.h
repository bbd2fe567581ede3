// Adds or edits one account, its access key included, validating each field as it is typed.
// The key goes to the keychain; when there is none, the user may keep it for this session only.
#pragma once

#include "accounts/Account.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace onedial {

class AccountStore;
class CredentialStore;

class AccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDialog)

public:
    enum class Purpose {
        FirstRun, // no account yet: also offers the sandbox
        Add,
        Edit,     // the key may be left as stored
        EnterKey, // the account has no usable key: the key is required
    };

    AccountDialog(Purpose purpose, AccountStore *accounts, CredentialStore *credentials,
                  const Account &existing = {}, QWidget *parent = nullptr);

    // The account as entered, numbers in API form.
    Account account() const;
    bool sandboxChosen() const { return m_sandboxChosen; }
    // True when the key was kept in memory only, because no keychain could take it.
    bool keptForSessionOnly() const { return m_sessionOnly; }

    // Replaces the introductory sentence, e.g. with why the key is needed now.
    void setIntro(const QString &text);

    void accept() override;

private:
    QWidget *withNotes(QWidget *field, int errorKey, QLabel *extra = nullptr);
    QLineEdit *addLineEdit(const QString &label, const QString &accessibleName, Account::Field field);
    void updateIdentityLabel();
    void updateDisplayChoices();
    bool revalidate();
    void showKeyStatus();
    void save(const Account &account);
    void finishSaving(const Account &account);
    void setBusy(bool busy);

    Purpose m_purpose;
    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    QFormLayout *m_form;
    QLabel *m_intro;
    QLineEdit *m_name;
    QComboBox *m_api;
    QLabel *m_identityLabel;
    QLineEdit *m_identity;
    QLineEdit *m_key;
    QLabel *m_keyStatus;
    QLineEdit *m_sponsor;
    QLineEdit *m_caller;
    QComboBox *m_display;
    QComboBox *m_method;
    QLineEdit *m_endpoint;
    QLineEdit *m_notifyUrl;
    QDialogButtonBox *m_buttons;
    QPushButton *m_sandboxButton = nullptr;
    QHash<int, QLabel *> m_errors; // Account::Field, or -1 for the key
    bool m_sandboxChosen = false;
    bool m_sessionOnly = false;
    bool m_dirtyKey = false;
};

} // namespace onedial
