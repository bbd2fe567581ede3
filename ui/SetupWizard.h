// Sets up a OneNET account in a few short steps, with only what the OneNET console shows, and
// tests it as far as that can be done without placing a call. At the first start it begins with
// a choice between the sandbox and an account of one's own; from Accounts > Add it begins with
// the account. Finishing saves the account as the account dialog does (AccountSaver).
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
        Account, // adding one more account
    };
    enum Page { WelcomePage, AccountPage, NumbersPage, TestPage };

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
    QWizardPage *makeWelcomePage();
    QWizardPage *makeAccountPage();
    QWizardPage *makeNumbersPage();
    void update();
    static QString freeName(const AccountStore *accounts);

    AccountForm *m_form;
    AccountSaver *m_saver;
    FoldedSection *m_advanced = nullptr;
    SetupTestPage *m_testPage = nullptr;
    bool m_sandboxChosen = false;
    bool m_sessionOnly = false;
};

} // namespace onedial
