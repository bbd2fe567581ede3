#include "SetupWizard.h"

#include "AccountForm.h"
#include "AccountSaver.h"
#include "FoldedSection.h"
#include "HeightFit.h"
#include "SetupTestPage.h"
#include "accounts/AccountStore.h"

#include <QCommandLinkButton>
#include <QFormLayout>
#include <QVBoxLayout>

#include <functional>

namespace onedial {

namespace {

using Row = AccountForm::Row;

// A page whose Next button waits until its fields are right, or, with no fields, never lights:
// the welcome page moves on through its own two buttons.
class FieldsPage final : public QWizardPage
{
public:
    explicit FieldsPage(std::function<bool()> complete, QWidget *parent = nullptr)
        : QWizardPage(parent)
        , m_complete(std::move(complete))
    {}
    bool isComplete() const override { return m_complete(); }
    void recheck() { Q_EMIT completeChanged(); }

private:
    std::function<bool()> m_complete;
};

} // namespace

SetupWizard::SetupWizard(Start start, AccountStore *accounts, CredentialStore *credentials, QWidget *parent)
    : QWizard(parent)
    , m_form(new AccountForm(accounts, AccountForm::Hints::Shown, this))
    , m_saver(new AccountSaver(accounts, credentials, this))
{
    setWindowTitle(start == Start::Welcome ? tr("Welcome to OneDial") : tr("Add account"));
    setOption(QWizard::NoBackButtonOnStartPage);
    m_form->suggestName(freeName(accounts));

    if (start == Start::Welcome)
        setPage(WelcomePage, makeWelcomePage());
    setPage(AccountPage, makeAccountPage());
    setPage(NumbersPage, makeNumbersPage());
    m_testPage = new SetupTestPage(m_form, this);
    setPage(TestPage, m_testPage);
    setStartId(start == Start::Welcome ? WelcomePage : AccountPage);

    connect(m_form, &AccountForm::changed, this, &SetupWizard::update);
    // Problem lines, the advanced section and the test's results change what a page needs.
    const auto refit = [this] {
        reservePageHeight(currentPage());
    };
    connect(m_advanced, &FoldedSection::expandedChanged, this, refit);
    connect(this, &QWizard::currentIdChanged, this, refit);
    connect(m_testPage->check(), &SetupCheck::stepFinished, this, refit);
    connect(m_saver, &AccountSaver::busyChanged, this, [this](bool busy) {
        for (WizardButton which : {BackButton, FinishButton, CancelButton})
            button(which)->setEnabled(!busy);
    });
    connect(m_saver, &AccountSaver::saved, this, [this](bool sessionOnly) {
        m_sessionOnly = sessionOnly;
        m_form->clearKey();
        QWizard::accept();
    });
    // Wide enough for the hints under the fields to wrap into two or three lines, not ten.
    setMinimumWidth(560);
}

QString SetupWizard::freeName(const AccountStore *accounts)
{
    // The service's name, not translated: it is what the OneNET console calls itself too.
    QString base = QStringLiteral("OneNET");
    if (!accounts->contains(base))
        return base;
    for (int n = 2;; ++n) {
        QString name = base + QLatin1Char(' ') + QString::number(n);
        if (!accounts->contains(name))
            return name;
    }
}

QWizardPage *SetupWizard::makeWelcomePage()
{
    auto *page = new FieldsPage([] { return false; }, this);
    page->setTitle(tr("Welcome to OneDial"));
    page->setSubTitle(tr("OneDial places calls through China Mobile's OneNET voice service: OneNET rings "
                         "your phone first, then connects you to the person you called."));

    auto *sandbox =
        new QCommandLinkButton(tr("Try the &sandbox"),
                               tr("A simulated OneNET on this computer. It places no calls and needs "
                                  "no account; you can set up your account later."),
                               page);
    sandbox->setAccessibleName(tr("Try the sandbox"));
    sandbox->setAccessibleDescription(sandbox->description());
    auto *own =
        new QCommandLinkButton(tr("Set up &my OneNET account"),
                               tr("You need, from the OneNET console: the appid or user id, the access "
                                  "key and the sponsor number OneNET issued to you."),
                               page);
    own->setAccessibleName(tr("Set up my OneNET account"));
    own->setAccessibleDescription(own->description());

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(sandbox);
    layout->addWidget(own);
    layout->addStretch();
    AccountForm::chainTabOrder({sandbox, own});

    connect(sandbox, &QCommandLinkButton::clicked, this, [this] {
        m_sandboxChosen = true;
        // Not accept(): nothing is saved; the caller starts the sandbox.
        done(QDialog::Accepted);
    });
    connect(own, &QCommandLinkButton::clicked, this, &QWizard::next);
    return page;
}

QWizardPage *SetupWizard::makeAccountPage()
{
    auto *page = new FieldsPage(
        [this] {
            return m_form->isValid({Row::Api, Row::Identity, Row::Key});
        },
        this);
    page->setTitle(tr("Your OneNET account"));
    page->setSubTitle(tr("Copy these from the OneNET console. The access key is kept in the system keychain, "
                         "never in a file."));
    auto *fields = new QFormLayout;
    m_form->addRows(fields, {Row::Api, Row::Identity, Row::Key});
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(fields);
    layout->addStretch();
    AccountForm::chainTabOrder(
        {m_form->field(Row::Api), m_form->field(Row::Identity), m_form->field(Row::Key)});
    connect(m_form, &AccountForm::changed, page, &FieldsPage::recheck);
    return page;
}

QWizardPage *SetupWizard::makeNumbersPage()
{
    auto *page = new FieldsPage(
        [this] {
            return m_form->isValid({Row::Sponsor, Row::Caller, Row::Display, Row::Name, Row::Method,
                                    Row::Endpoint, Row::NotifyUrl});
        },
        this);
    page->setTitle(tr("Phone numbers"));
    page->setSubTitle(tr("OneNET rings your phone from the sponsor number, then connects you to the person "
                         "you called."));
    auto *fields = new QFormLayout;
    m_form->addRows(fields, {Row::Sponsor, Row::Caller, Row::Display});
    m_advanced =
        new FoldedSection(tr("&Advanced settings"), tr("Advanced settings"),
                          tr("Shows the account name, the signing method, the endpoint and the status "
                             "callback."),
                          page);
    m_form->addRows(m_advanced->form(), {Row::Name, Row::Method, Row::Endpoint, Row::NotifyUrl});

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(fields);
    layout->addWidget(m_advanced);
    layout->addStretch();
    AccountForm::chainTabOrder({m_form->field(Row::Sponsor), m_form->field(Row::Caller),
                                m_form->field(Row::Display), m_advanced->toggle(), m_form->field(Row::Name),
                                m_form->field(Row::Method), m_form->field(Row::Endpoint),
                                m_form->field(Row::NotifyUrl)});
    connect(m_form, &AccountForm::changed, page, &FieldsPage::recheck);
    return page;
}

void SetupWizard::update()
{
    // A problem in a folded field is unfolded, so that the reason Next is off can be seen.
    for (Row row : {Row::Name, Row::Method, Row::Endpoint, Row::NotifyUrl}) {
        if (m_form->showsProblem(row))
            m_advanced->setExpanded(true);
    }
    reservePageHeight(currentPage());
}

Account SetupWizard::account() const
{
    return m_form->account();
}

void SetupWizard::setConnectTimeout(int ms)
{
    m_testPage->check()->setTimeout(ms);
}

void SetupWizard::accept()
{
    if (!m_form->isValid())
        return;
    m_testPage->check()->cancel();
    m_saver->save(m_form->account(), m_form->keyText());
}

} // namespace onedial
