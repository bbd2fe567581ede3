#include "AccountDialog.h"

#include "AccountForm.h"
#include "AccountSaver.h"
#include "FoldedSection.h"
#include "HeightFit.h"
#include "accounts/CredentialStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace onedial {

using Row = AccountForm::Row;

AccountDialog::AccountDialog(Purpose purpose, AccountStore *accounts, CredentialStore *credentials,
                             const Account &existing, QWidget *parent)
    : QDialog(parent)
    , m_credentials(credentials)
    , m_form(new AccountForm(accounts, AccountForm::Hints::DescriptionsOnly, this))
    , m_saver(new AccountSaver(accounts, credentials, this))
    , m_intro(new QLabel(this))
    , m_advanced(new FoldedSection(tr("&Advanced settings"), tr("Advanced settings"),
                                   tr("Shows the signing method, the endpoint and the status callback."),
                                   this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    const bool gateway = existing.isGateway();
    switch (purpose) {
    case Purpose::Edit:
        setWindowTitle(tr("Edit account"));
        m_intro->setText(
            gateway
                ? tr("Change the gateway's address or your token. Leave the token empty to keep the "
                     "stored one.")
                : tr("Change the account's settings. Leave the access key empty to keep the stored one."));
        break;
    case Purpose::EnterKey:
        setWindowTitle(gateway ? tr("Gateway token needed") : tr("Access key needed"));
        m_intro->setText(gateway ? tr("No gateway token is stored for \"%1\". Enter the token your "
                                      "administrator gave you to dial; it is kept in the system keychain.")
                                       .arg(existing.name)
                                 : tr("No access key is stored for \"%1\". Enter it to dial; it is kept in "
                                      "the system keychain.")
                                       .arg(existing.name));
        break;
    }
    m_intro->setWordWrap(true);

    auto *fields = new QFormLayout;
    if (gateway) {
        // The gateway decides every OneNET setting: its address and the member's token are all.
        m_form->addRows(fields, {Row::Name, Row::Gateway, Row::Key});
        m_advanced->setVisible(false);
    } else {
        m_form->addRows(
            fields, {Row::Name, Row::Api, Row::Identity, Row::Key, Row::Sponsor, Row::Caller, Row::Display});
        m_form->addRows(m_advanced->form(), {Row::Method, Row::Endpoint, Row::NotifyUrl});
    }
    m_form->setAccount(existing);
    m_form->setKeyRequired(purpose == Purpose::EnterKey);
    // Folded unless this account uses them, so that nothing set there is hidden from its owner.
    m_advanced->setExpanded(m_form->hasAdvancedValues());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(fields);
    layout->addWidget(m_advanced);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AccountDialog::reject);
    connect(m_form, &AccountForm::changed, this, &AccountDialog::update);
    connect(m_advanced, &FoldedSection::expandedChanged, this, &AccountDialog::refit);
    connect(m_saver, &AccountSaver::busyChanged, this, [this](bool busy) { m_buttons->setEnabled(!busy); });
    connect(m_saver, &AccountSaver::saved, this, [this](bool sessionOnly) {
        m_sessionOnly = sessionOnly;
        m_form->clearKey();
        QDialog::accept();
    });

    if (gateway)
        AccountForm::chainTabOrder(
            {m_form->field(Row::Name), m_form->field(Row::Gateway), m_form->field(Row::Key), m_buttons});
    else
        AccountForm::chainTabOrder(
            {m_form->field(Row::Name), m_form->field(Row::Api), m_form->field(Row::Identity),
             m_form->field(Row::Key), m_form->field(Row::Sponsor), m_form->field(Row::Caller),
             m_form->field(Row::Display), m_advanced->toggle(), m_form->field(Row::Method),
             m_form->field(Row::Endpoint), m_form->field(Row::NotifyUrl), m_buttons});
    if (purpose == Purpose::Edit)
        showKeyStatus();
    update();
    const Row first = gateway ? Row::Gateway : Row::Api;
    m_form->field(purpose == Purpose::EnterKey ? Row::Key : first)->setFocus();
    // Grow when a field's problem appears instead of squeezing the fields (refit() shrinks).
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    m_form->field(Row::Name)->setMinimumWidth(380);
}

Account AccountDialog::account() const
{
    return m_form->account();
}

void AccountDialog::update()
{
    // A problem in a folded field is unfolded, so that the reason Save is off can be seen.
    for (Row row : {Row::Method, Row::Endpoint, Row::NotifyUrl}) {
        if (m_form->showsProblem(row))
            m_advanced->setExpanded(true);
    }
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(m_form->isValid() && !m_saver->isBusy());
    refit();
}

void AccountDialog::refit()
{
    // Fitted whenever what is shown changes (and only then, so that a height the user chose
    // survives typing): up when a problem line appears, down again when it goes (HeightFit.h).
    int shown = m_advanced->isExpanded() ? 1 : 0;
    for (int i = 0; i < int(Row::Count); ++i) {
        if (m_form->showsProblem(Row(i)))
            shown |= 1 << (i + 1);
    }
    if (shown == m_shownNotes)
        return;
    m_shownNotes = shown;
    fitDialogHeight(this);
}

void AccountDialog::showKeyStatus()
{
    QLabel *note = m_form->keyNote();
    note->setVisible(true);
    note->setText(tr("Checking the keychain…"));
    m_credentials->readKey(m_form->account().name, this, [this, note](const CredentialStore::Result &result) {
        // Only whether a key is there is shown, never the key itself.
        const bool gateway = m_form->kind() == AccountKind::Gateway;
        if (result.ok() && gateway)
            note->setText(result.sessionOnly ? tr("A token is kept for this session only (no keychain).")
                                             : tr("A token is stored in the system keychain."));
        else if (result.ok())
            note->setText(result.sessionOnly ? tr("A key is kept for this session only (no keychain).")
                                             : tr("A key is stored in the system keychain."));
        else if (result.status == CredentialStore::Status::NotFound)
            note->setText(gateway ? tr("No token is stored yet.") : tr("No key is stored yet."));
        else
            note->setText(result.message);
        m_shownNotes = -1; // the note's length changed
        refit();
    });
}

void AccountDialog::setIntro(const QString &text)
{
    m_intro->setText(text);
    m_shownNotes = -1;
    refit();
}

void AccountDialog::accept()
{
    if (!m_form->isValid())
        return;
    m_saver->save(m_form->account(), m_form->keyText());
}

} // namespace onedial
