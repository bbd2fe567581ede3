#include "AccountDialog.h"

#include "MessageBox.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "onenet/TokenSigner.h"
#include "phone/PhoneNumber.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace onedial {

namespace {

constexpr int kKeyField = -1;

QLabel *makeErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b42318;"));
    label->setVisible(false);
    return label;
}

// The API form of a typed number, or the text as typed when it is not a number (the field's
// error then says why).
QString numberField(const QLineEdit *edit)
{
    const PhoneNumber number = PhoneNumber::parse(edit->text());
    return number.isValid() ? number.apiForm() : edit->text().trimmed();
}

QString numberProblem(const QLineEdit *edit)
{
    if (edit->text().trimmed().isEmpty())
        return {};
    const PhoneNumber number = PhoneNumber::parse(edit->text());
    return number.isValid() ? QString() : number.problemText();
}

} // namespace

QWidget *AccountDialog::withNotes(QWidget *field, int errorKey, QLabel *extra)
{
    // The field and the notes about it share one cell, so hidden notes leave no gaps.
    auto *cell = new QWidget(this);
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(field);
    if (extra)
        column->addWidget(extra);
    auto *error = makeErrorLabel(cell);
    column->addWidget(error);
    m_errors.insert(errorKey, error);
    return cell;
}

AccountDialog::AccountDialog(Purpose purpose, AccountStore *accounts, CredentialStore *credentials,
                             const Account &existing, QWidget *parent)
    : QDialog(parent)
    , m_purpose(purpose)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_form(new QFormLayout)
    , m_intro(new QLabel(this))
    , m_api(new QComboBox(this))
    , m_identityLabel(new QLabel(this))
    , m_keyStatus(new QLabel(this))
    , m_display(new QComboBox(this))
    , m_method(new QComboBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    switch (purpose) {
    case Purpose::FirstRun:
        setWindowTitle(tr("Welcome to OneDial"));
        m_intro->setText(
            tr("Enter your OneNET click-to-dial account as shown in the OneNET console. The access "
               "key is kept in the system keychain, never in a file. No account yet? Try the "
               "sandbox: a simulated OneNET on this computer that places no calls."));
        break;
    case Purpose::Add:
        setWindowTitle(tr("Add account"));
        m_intro->setText(tr("Enter the account as shown in the OneNET console. The access key is kept in the "
                            "system keychain, never in a file."));
        break;
    case Purpose::Edit:
        setWindowTitle(tr("Edit account"));
        m_intro->setText(
            tr("Change the account's settings. Leave the access key empty to keep the stored one."));
        break;
    case Purpose::EnterKey:
        setWindowTitle(tr("Access key needed"));
        m_intro->setText(tr("No access key is stored for \"%1\". Enter it to dial; it is kept in the system "
                            "keychain.")
                             .arg(existing.name));
        break;
    }
    m_intro->setWordWrap(true);

    m_name = addLineEdit(tr("&Name:"), tr("Account name"), Account::Field::Name);
    m_name->setPlaceholderText(tr("For example: sales"));
    m_api->addItem(tr("v1: appid (voice.heclouds.com)"), QStringLiteral("v1"));
    m_api->addItem(tr("v2: user id (openapi.heclouds.com)"), QStringLiteral("v2"));
    m_api->setAccessibleName(tr("API generation"));
    m_form->addRow(tr("&API:"), m_api);
    m_identity = new QLineEdit(this);
    m_identity->setAccessibleName(tr("Application or user id"));
    m_identityLabel->setBuddy(m_identity);
    m_form->addRow(m_identityLabel, withNotes(m_identity, int(Account::Field::Identity)));

    m_key = new QLineEdit(this);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setAccessibleName(tr("Access key"));
    m_key->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_keyStatus->setWordWrap(true);
    m_keyStatus->setVisible(false);
    m_form->addRow(tr("Access &key:"), withNotes(m_key, kKeyField, m_keyStatus));

    m_sponsor = addLineEdit(tr("&Sponsor number:"), tr("Sponsor number"), Account::Field::Sponsor);
    m_sponsor->setPlaceholderText(tr("The service number OneNET issued, such as 0755 2800 0003"));
    m_caller = addLineEdit(tr("&Your phone:"), tr("Your phone number (caller)"), Account::Field::Caller);
    m_caller->setPlaceholderText(tr("Rings first, such as 138 0013 8000"));
    m_display->setAccessibleName(tr("Number the called person sees"));
    m_form->addRow(tr("Sho&wn to callee:"), withNotes(m_display, int(Account::Field::Display)));
    m_method->addItem(QStringLiteral("sha256"), QStringLiteral("sha256"));
    m_method->addItem(QStringLiteral("sha1"), QStringLiteral("sha1"));
    m_method->addItem(QStringLiteral("md5"), QStringLiteral("md5"));
    m_method->setAccessibleName(tr("Token signing method"));
    m_form->addRow(tr("Signing &method:"), m_method);
    m_endpoint = addLineEdit(tr("&Endpoint:"), tr("Service address"), Account::Field::Endpoint);
    m_notifyUrl =
        addLineEdit(tr("Status &callback:"), tr("Status callback address"), Account::Field::NotifyUrl);
    m_notifyUrl->setPlaceholderText(tr("Optional: where OneNET sends the call's progress"));

    if (purpose == Purpose::FirstRun) {
        m_sandboxButton = m_buttons->addButton(tr("Try the &sandbox"), QDialogButtonBox::ActionRole);
        m_sandboxButton->setAccessibleName(tr("Try the sandbox"));
        connect(m_sandboxButton, &QPushButton::clicked, this, [this] {
            m_sandboxChosen = true;
            QDialog::reject();
        });
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AccountDialog::reject);

    // Fill in the existing account.
    const bool editing = purpose == Purpose::Edit || purpose == Purpose::EnterKey;
    if (editing) {
        m_name->setText(existing.name);
        m_name->setReadOnly(true); // the keychain entry is named after the account
        m_api->setCurrentIndex(existing.api == Api::V1 ? 0 : 1);
        m_identity->setText(existing.identity());
        m_sponsor->setText(existing.sponsor);
        m_caller->setText(existing.caller);
        m_method->setCurrentIndex(m_method->findData(signMethodName(existing.method)));
        if (!existing.endpoint.isEmpty())
            m_endpoint->setText(QString::fromUtf8(existing.endpoint.toEncoded()));
        if (!existing.notifyUrl.isEmpty())
            m_notifyUrl->setText(QString::fromUtf8(existing.notifyUrl.toEncoded()));
    }
    updateIdentityLabel();
    updateDisplayChoices();
    if (editing && !existing.display.isEmpty())
        m_display->setCurrentIndex(
            existing.display == existing.caller && existing.display != existing.sponsor ? 1 : 0);
    if (purpose == Purpose::Edit) {
        m_key->setPlaceholderText(tr("Stored in the keychain; type a new key to replace it"));
        showKeyStatus();
    } else {
        m_key->setPlaceholderText(tr("Base64 text from the OneNET console"));
    }

    for (QLineEdit *edit : {m_name, m_identity, m_key, m_sponsor, m_caller, m_endpoint, m_notifyUrl})
        connect(edit, &QLineEdit::textEdited, this, [this] { revalidate(); });
    connect(m_key, &QLineEdit::textEdited, this, [this] { m_dirtyKey = true; });
    connect(m_api, &QComboBox::currentIndexChanged, this, [this] {
        updateIdentityLabel();
        revalidate();
    });
    connect(m_sponsor, &QLineEdit::textEdited, this, &AccountDialog::updateDisplayChoices);
    connect(m_caller, &QLineEdit::textEdited, this, &AccountDialog::updateDisplayChoices);
    QWidget *previous = m_name;
    for (QWidget *next :
         std::initializer_list<QWidget *>{m_api, m_identity, m_key, m_sponsor, m_caller, m_display, m_method,
                                          m_endpoint, m_notifyUrl, m_buttons}) {
        setTabOrder(previous, next);
        previous = next;
    }
    revalidate();
    (purpose == Purpose::EnterKey ? m_key : m_name)->setFocus();
    // Grow when a field's error appears instead of squeezing the fields.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    m_name->setMinimumWidth(380);
}

QLineEdit *AccountDialog::addLineEdit(const QString &label, const QString &accessibleName,
                                      Account::Field field)
{
    auto *edit = new QLineEdit(this);
    edit->setAccessibleName(accessibleName);
    m_form->addRow(label, withNotes(edit, int(field)));
    return edit;
}

void AccountDialog::updateIdentityLabel()
{
    const bool v1 = m_api->currentData().toString() == QLatin1String("v1");
    m_identityLabel->setText(v1 ? tr("App&id:") : tr("User &id:"));
    m_identity->setPlaceholderText(v1 ? tr("32 characters, from the OneNET console")
                                      : tr("Your OneNET user id"));
    m_endpoint->setPlaceholderText(
        tr("Default: %1").arg(Account::defaultBaseUrl(v1 ? Api::V1 : Api::V2).toDisplayString()));
}

void AccountDialog::updateDisplayChoices()
{
    // OneNET shows the callee either the sponsor number or, when whitelisted, the caller's own:
    // a choice between the two instead of a free field that could only be wrong.
    const int current = qMax(0, m_display->currentIndex());
    const QString sponsor = PhoneNumber::parse(m_sponsor->text()).displayForm();
    const QString caller = PhoneNumber::parse(m_caller->text()).displayForm();
    m_display->clear();
    m_display->addItem(sponsor.isEmpty() ? tr("The sponsor number (default)")
                                         : tr("The sponsor number, %1 (default)").arg(sponsor));
    m_display->addItem(caller.isEmpty()
                           ? tr("My own number (caller; must be whitelisted by OneNET)")
                           : tr("My own number, %1 (must be whitelisted by OneNET)").arg(caller));
    m_display->setCurrentIndex(current);
}

Account AccountDialog::account() const
{
    Account account;
    account.name = m_name->text().trimmed();
    account.api = m_api->currentData().toString() == QLatin1String("v1") ? Api::V1 : Api::V2;
    (account.api == Api::V1 ? account.appId : account.userId) = m_identity->text().trimmed();
    account.sponsor = numberField(m_sponsor);
    account.caller = numberField(m_caller);
    if (m_display->currentIndex() == 1)
        account.display = account.caller;
    account.method = signMethodFromName(m_method->currentData().toString()).value_or(SignMethod::Sha256);
    if (!m_endpoint->text().trimmed().isEmpty())
        account.endpoint = QUrl(m_endpoint->text().trimmed(), QUrl::StrictMode);
    if (!m_notifyUrl->text().trimmed().isEmpty())
        account.notifyUrl = QUrl(m_notifyUrl->text().trimmed(), QUrl::StrictMode);
    return account;
}

bool AccountDialog::revalidate()
{
    const Account candidate = account();
    bool valid = true;
    const auto show = [&](int field, const QString &problem, bool typed) {
        QLabel *label = m_errors.value(field);
        // A field nobody has typed in yet shows no error; the Save button is still off.
        label->setText(problem);
        label->setVisible(!problem.isEmpty() && typed);
        valid = valid && problem.isEmpty();
    };
    show(int(Account::Field::Name), candidate.problem(Account::Field::Name), !m_name->text().isEmpty());
    if (m_purpose == Purpose::Add || m_purpose == Purpose::FirstRun) {
        if (m_accounts->contains(candidate.name))
            show(int(Account::Field::Name), tr("An account named \"%1\" exists already.").arg(candidate.name),
                 true);
    }
    show(int(Account::Field::Identity), candidate.problem(Account::Field::Identity),
         !m_identity->text().isEmpty());
    const QString sponsorProblem = numberProblem(m_sponsor);
    show(int(Account::Field::Sponsor),
         sponsorProblem.isEmpty() ? candidate.problem(Account::Field::Sponsor) : sponsorProblem,
         !m_sponsor->text().isEmpty());
    const QString callerProblem = numberProblem(m_caller);
    show(int(Account::Field::Caller),
         callerProblem.isEmpty() ? candidate.problem(Account::Field::Caller) : callerProblem,
         !m_caller->text().isEmpty());
    show(int(Account::Field::Display), candidate.problem(Account::Field::Display), true);
    show(int(Account::Field::Endpoint), candidate.problem(Account::Field::Endpoint), true);
    show(int(Account::Field::NotifyUrl), candidate.problem(Account::Field::NotifyUrl), true);

    const QByteArray keyText = m_key->text().trimmed().toLatin1();
    QString keyProblem;
    const bool keyRequired = m_purpose != Purpose::Edit;
    if (keyText.isEmpty() && keyRequired)
        keyProblem = tr("Enter the access key.");
    else if (!keyText.isEmpty() && !TokenSigner::isValidKeyText(keyText))
        keyProblem =
            tr("This is not a OneNET access key: it is base64 text, as shown in the OneNET console.");
    show(kKeyField, keyProblem, !m_key->text().isEmpty());

    m_buttons->button(QDialogButtonBox::Save)->setEnabled(valid);
    // Wrapped error lines need their height for the dialog's width; let the layout settle first.
    QTimer::singleShot(0, this, [this] {
        if (height() < heightForWidth(width()))
            resize(width(), heightForWidth(width()));
    });
    return valid;
}

void AccountDialog::showKeyStatus()
{
    m_keyStatus->setVisible(true);
    m_keyStatus->setText(tr("Checking the keychain…"));
    m_credentials->readKey(m_name->text(), this, [this](const CredentialStore::Result &result) {
        // Only whether a key is there is shown, never the key itself.
        if (result.ok())
            m_keyStatus->setText(result.sessionOnly ? tr("A key is kept for this session only (no keychain).")
                                                    : tr("A key is stored in the system keychain."));
        else if (result.status == CredentialStore::Status::NotFound)
            m_keyStatus->setText(tr("No key is stored yet."));
        else
            m_keyStatus->setText(result.message);
    });
}

void AccountDialog::setIntro(const QString &text)
{
    m_intro->setText(text);
}

void AccountDialog::setBusy(bool busy)
{
    m_buttons->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void AccountDialog::accept()
{
    if (!revalidate())
        return;
    save(account());
}

void AccountDialog::save(const Account &account)
{
    const QByteArray keyText = m_key->text().trimmed().toLatin1();
    if (keyText.isEmpty()) {
        finishSaving(account); // editing without a new key: the stored one stays
        return;
    }
    const AccessKey key(keyText);
    setBusy(true);
    m_credentials->writeKey(
        account.name, key, this, [this, account, key](const CredentialStore::Result &result) {
            setBusy(false);
            if (result.ok()) {
                finishSaving(account);
                return;
            }
            if (result.status == CredentialStore::Status::NoKeychain ||
                result.status == CredentialStore::Status::Denied) {
                const bool keep = MessageBox::confirm(this, tr("No keychain"),
                                                      result.message + QStringLiteral("\n\n") +
                                                          tr("You can keep the key for this session only: "
                                                             "OneDial holds it in memory until it quits, "
                                                             "and asks for it again next time."),
                                                      tr("Keep for this session only"), tr("Cancel"));
                if (keep) {
                    m_credentials->keepForSession(account.name, key);
                    m_sessionOnly = true;
                    finishSaving(account);
                }
                return;
            }
            MessageBox::warn(this, tr("The key was not saved"), result.message);
        });
}

void AccountDialog::finishSaving(const Account &account)
{
    m_key->clear();
    if (!m_accounts->save(account)) {
        MessageBox::warn(this, tr("The account was not saved"),
                         tr("The settings file %1 could not be written. Check that its folder is writable.")
                             .arg(m_accounts->path()));
        return;
    }
    if (m_accounts->defaultAccountName().isEmpty() || m_accounts->accounts().size() == 1)
        m_accounts->setDefaultAccountName(account.name);
    QDialog::accept();
}

} // namespace onedial
