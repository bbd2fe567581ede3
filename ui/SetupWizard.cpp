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
// the welcome page moves on through its own buttons. The page after it may depend on a choice.
class FieldsPage final : public QWizardPage
{
public:
    explicit FieldsPage(std::function<bool()> complete, QWidget *parent = nullptr,
                        std::function<int()> next = {})
        : QWizardPage(parent)
        , m_complete(std::move(complete))
        , m_next(std::move(next))
    {}
    bool isComplete() const override { return m_complete(); }
    int nextId() const override { return m_next ? m_next() : QWizardPage::nextId(); }
    void recheck() { Q_EMIT completeChanged(); }

private:
    std::function<bool()> m_complete;
    std::function<int()> m_next;
};

} // namespace

SetupWizard::SetupWizard(Start start, AccountStore *accounts, CredentialStore *credentials, QWidget *parent)
    : QWizard(parent)
    , m_form(new AccountForm(accounts, AccountForm::Hints::Shown, this))
    , m_gatewayForm(new AccountForm(accounts, AccountForm::Hints::Shown, this))
    , m_saver(new AccountSaver(accounts, credentials, this))
{
    setWindowTitle(start == Start::Welcome ? tr("Welcome to OneDial") : tr("Add account"));
    setOption(QWizard::NoBackButtonOnStartPage);
    // Windows' Aero wizard shows Back as an arrow of its own, without a word, in the title area:
    // a screen reader needs its name.
    const QList<QAbstractButton *> buttons = findChildren<QAbstractButton *>(Qt::FindDirectChildrenOnly);
    for (QAbstractButton *unnamed : buttons) {
        if (unnamed->text().isEmpty() && unnamed->accessibleName().isEmpty())
            unnamed->setAccessibleName(tr("Back"));
    }
    // The service's name, not translated: it is what the OneNET console calls itself too.
    m_form->suggestName(freeName(accounts, QStringLiteral("OneNET")));
    m_gatewayForm->setKind(AccountKind::Gateway);
    m_gatewayForm->suggestName(freeName(accounts, tr("Team")));

    setPage(WelcomePage, makeWelcomePage(start));
    setPage(AccountPage, makeAccountPage());
    setPage(NumbersPage, makeNumbersPage());
    m_testPage = new SetupTestPage(m_form, this);
    setPage(TestPage, m_testPage);
    setPage(GatewayPage, makeGatewayPage());
    setStartId(WelcomePage);

    connect(m_form, &AccountForm::changed, this, &SetupWizard::update);
    connect(m_gatewayForm, &AccountForm::changed, this, &SetupWizard::update);
    // Problem lines, the advanced section and the test's results change what a page needs.
    const auto refit = [this] {
        reservePageHeight(currentPage());
    };
    connect(m_advanced, &FoldedSection::expandedChanged, this, refit);
    connect(this, &QWizard::currentIdChanged, this, refit);
    // Each step starts in its first field, so that typing goes there (not to the Back button).
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        QWidget *first = nullptr;
        if (id == AccountPage)
            first = m_form->field(Row::Api);
        else if (id == NumbersPage)
            first = m_form->field(Row::Sponsor);
        else if (id == GatewayPage)
            first = m_gatewayForm->field(Row::Gateway);
        if (first)
            first->setFocus(Qt::TabFocusReason);
    });
    connect(m_testPage->check(), &SetupCheck::stepFinished, this, refit);
    connect(m_saver, &AccountSaver::busyChanged, this, [this](bool busy) {
        for (WizardButton which : {BackButton, FinishButton, CancelButton})
            button(which)->setEnabled(!busy);
    });
    connect(m_saver, &AccountSaver::saved, this, [this](bool sessionOnly) {
        m_sessionOnly = sessionOnly;
        m_form->clearKey();
        m_gatewayForm->clearKey();
        QWizard::accept();
    });
    // Wide enough for the hints under the fields to wrap into two or three lines, not ten.
    setMinimumWidth(560);
}

QString SetupWizard::freeName(const AccountStore *accounts, const QString &base)
{
    if (!accounts->contains(base))
        return base;
    for (int n = 2;; ++n) {
        QString name = base + QLatin1Char(' ') + QString::number(n);
        if (!accounts->contains(name))
            return name;
    }
}

QWizardPage *SetupWizard::makeWelcomePage(Start start)
{
    auto *page =
        new FieldsPage([] { return false; }, this,
                       [this] { return m_kind == AccountKind::Gateway ? GatewayPage : AccountPage; });
    if (start == Start::Welcome) {
        page->setTitle(tr("Welcome to OneDial"));
        page->setSubTitle(tr("OneDial places calls through China Mobile's OneNET voice service: OneNET rings "
                             "your phone first, then connects you to the person you called."));
    } else {
        page->setTitle(tr("Add account"));
        page->setSubTitle(tr("Does this account place calls with a OneNET account of your own, or through "
                             "your team's gateway?"));
    }

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
    auto *team =
        new QCommandLinkButton(tr("Use my &team's gateway"),
                               tr("Your company's OneDial gateway places the calls. You need the gateway's "
                                  "address and the token your administrator gave you."),
                               page);
    team->setAccessibleName(tr("Use my team's gateway"));
    team->setAccessibleDescription(team->description());

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(sandbox);
    layout->addWidget(own);
    layout->addWidget(team);
    layout->addStretch();
    // Adding one more account is not the moment to try the sandbox (the account list starts it).
    sandbox->setVisible(start == Start::Welcome);
    AccountForm::chainTabOrder({sandbox, own, team});

    connect(sandbox, &QCommandLinkButton::clicked, this, [this] {
        m_sandboxChosen = true;
        // Not accept(): nothing is saved; the caller starts the sandbox.
        done(QDialog::Accepted);
    });
    connect(own, &QCommandLinkButton::clicked, this, [this] {
        choose(AccountKind::Direct);
        next();
    });
    connect(team, &QCommandLinkButton::clicked, this, [this] {
        choose(AccountKind::Gateway);
        next();
    });
    return page;
}

void SetupWizard::choose(AccountKind kind)
{
    m_kind = kind;
    m_testPage->setForm(chosenForm());
}

const AccountForm *SetupWizard::chosenForm() const
{
    return m_kind == AccountKind::Gateway ? m_gatewayForm : m_form;
}

QWizardPage *SetupWizard::makeGatewayPage()
{
    auto *page =
        new FieldsPage([this] { return m_gatewayForm->isValid(); }, this, [] { return int(TestPage); });
    page->setTitle(tr("Your team's gateway"));
    page->setSubTitle(tr("Your administrator gives you the gateway's address and a token of your own. The "
                         "gateway rings your own phone first, then the person you called."));
    auto *fields = new QFormLayout;
    m_gatewayForm->addRows(fields, {Row::Gateway, Row::Key, Row::Name});
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(fields);
    layout->addStretch();
    AccountForm::chainTabOrder({m_gatewayForm->field(Row::Gateway), m_gatewayForm->field(Row::Key),
                                m_gatewayForm->field(Row::Name)});
    connect(m_gatewayForm, &AccountForm::changed, page, &FieldsPage::recheck);
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
    return chosenForm()->account();
}

void SetupWizard::setConnectTimeout(int ms)
{
    m_testPage->check()->setTimeout(ms);
}

void SetupWizard::accept()
{
    const AccountForm *form = chosenForm();
    if (!form->isValid())
        return;
    m_testPage->check()->cancel();
    m_saver->save(form->account(), form->keyText());
}

} // namespace onedial
