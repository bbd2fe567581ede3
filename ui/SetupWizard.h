// Sets up an account in a few short steps and tests it as far as that can be done without placing
// a call. It begins with a choice: at the first start between the sandbox, a OneNET account of
// one's own and the team's gateway; from Accounts > Add between the two kinds of account. A
// OneNET account takes only what the OneNET console shows; a gateway account only the gateway's
// address and the member's token. Finishing saves the account as the account dialog does
// (AccountSaver).
#pragma once

#include "accounts/Account.h"

#include <QWizard>

namespace onedial {

class AccountForm;
class AccountSaver;
class AccountStore;
class CredentialStore;
class FoldedSection;
class SetupTestPage;

class SetupWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupWizard)

public:
    enum class Start {
        Welcome, // the first start: the sandbox or an account
        Account, // adding one more account: which kind
    };
    enum Page { WelcomePage, AccountPage, NumbersPage, TestPage, GatewayPage };

    SetupWizard(Start start, AccountStore *accounts, CredentialStore *credentials, QWidget *parent = nullptr);

    // The user chose to try the sandbox instead of setting up an account.
    bool sandboxChosen() const { return m_sandboxChosen; }
    // The account as entered, numbers in API form.
    Account account() const;
    // True when the key was kept in memory only, because no keychain could take it.
    bool keptForSessionOnly() const { return m_sessionOnly; }

    // How long the test step waits for the endpoint's host (a few seconds unless a test says less).
    void setConnectTimeout(int ms);

    void accept() override;

private:
    QWizardPage *makeWelcomePage(Start start);
    QWizardPage *makeAccountPage();
    QWizardPage *makeNumbersPage();
    QWizardPage *makeGatewayPage();
    void choose(AccountKind kind);
    const AccountForm *chosenForm() const;
    void update();
    static QString freeName(const AccountStore *accounts, const QString &base);

    AccountForm *m_form;        // a OneNET account of one's own
    AccountForm *m_gatewayForm; // an account on the team's gateway
    AccountKind m_kind = AccountKind::Direct;
    AccountSaver *m_saver;
    FoldedSection *m_advanced = nullptr;
    SetupTestPage *m_testPage = nullptr;
    bool m_sandboxChosen = false;
    bool m_sessionOnly = false;
};

} // namespace onedial
