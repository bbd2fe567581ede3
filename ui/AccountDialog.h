// Changes an account that exists, or asks for its access key when none is stored, checking each
// field as it is typed. New accounts are set up in the SetupWizard. The settings few people
// change are folded under "Advanced" unless the account uses them.
#pragma once

#include "accounts/Account.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace onedial {

class AccountForm;
class AccountSaver;
class AccountStore;
class CredentialStore;
class FoldedSection;

class AccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDialog)

public:
    enum class Purpose {
        Edit,     // the key may be left as stored
        EnterKey, // the account has no usable key: the key is required
    };

    AccountDialog(Purpose purpose, AccountStore *accounts, CredentialStore *credentials,
                  const Account &existing, QWidget *parent = nullptr);

    // The account as entered, numbers in API form.
    Account account() const;
    // True when the key was kept in memory only, because no keychain could take it.
    bool keptForSessionOnly() const { return m_sessionOnly; }

    // Replaces the introductory sentence, e.g. with why the key is needed now.
    void setIntro(const QString &text);

    void accept() override;

private:
    void showKeyStatus();
    void update();
    void refit();

    CredentialStore *m_credentials;
    AccountForm *m_form;
    AccountSaver *m_saver;
    QLabel *m_intro;
    FoldedSection *m_advanced;
    QDialogButtonBox *m_buttons;
    int m_shownNotes = -1; // which problem lines and sections were on screen at the last fit
    bool m_sessionOnly = false;
};

} // namespace onedial
