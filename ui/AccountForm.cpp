#include "AccountForm.h"

#include "accounts/AccessKey.h"
#include "accounts/AccountStore.h"
#include "phone/PhoneNumber.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace onedial {

namespace {

QLabel *makeNoteLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setVisible(false);
    return label;
}

// The API form of a typed number, or the text as typed when it is not a number (its problem then
// says why).
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

AccountForm::AccountForm(AccountStore *accounts, Hints hints, QWidget *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_parent(parent)
    , m_hints(hints)
{
    m_api = new QComboBox(parent);
    m_api->addItem(tr("v1: appid (voice.heclouds.com)"), QStringLiteral("v1"));
    m_api->addItem(tr("v2: user id (openapi.heclouds.com)"), QStringLiteral("v2"));
    makeLine(Row::Api, tr("API &generation:"), m_api, tr("API generation"));
    setHint(Row::Api, tr("Which of OneNET's two voice APIs your account uses: v1 works with an "
                         "application's appid, v2 with the user id of your OneNET account."));

    m_identity = addLineEdit(Row::Identity, tr("App&id:"), tr("Application or user id"));

    m_key = addLineEdit(Row::Key, tr("Access &key:"), tr("Access key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_keyNote = makeNoteLabel(m_lines.at(index(Row::Key)).cell);
    // The note goes between the field and its hint and problem lines.
    static_cast<QVBoxLayout *>(m_lines.at(index(Row::Key)).cell->layout())->insertWidget(1, m_keyNote);

    m_sponsor = addLineEdit(Row::Sponsor, tr("&Sponsor number:"), tr("Sponsor number"));
    m_sponsor->setPlaceholderText(tr("The service number OneNET issued, such as 0755 2800 0003"));
    setHint(Row::Sponsor, tr("The service number OneNET issued for your voice service: your phone sees it "
                             "when OneNET rings you."));

    m_caller = addLineEdit(Row::Caller, tr("&Your phone:"), tr("Your phone number (caller)"));
    m_caller->setPlaceholderText(tr("Rings first, such as 138 0013 8000"));
    setHint(Row::Caller, tr("Your own phone. OneNET rings it first, then connects you to the person you "
                            "called."));

    m_display = new QComboBox(parent);
    makeLine(Row::Display, tr("Sho&wn to callee:"), m_display, tr("Number the called person sees"));
    setHint(Row::Display, tr("OneNET shows the person you call the sponsor number, or your own number if "
                             "OneNET has whitelisted it for your account."));

    m_name = addLineEdit(Row::Name, tr("Account na&me:"), tr("Account name"));
    m_name->setPlaceholderText(tr("For example: sales"));

    m_method = new QComboBox(parent);
    for (SignMethod method : {SignMethod::Sha256, SignMethod::Sha1, SignMethod::Md5})
        m_method->addItem(signMethodName(method), signMethodName(method));
    makeLine(Row::Method, tr("Signing me&thod:"), m_method, tr("Token signing method"));
    setHint(Row::Method, tr("The hash each call's token is signed with. OneNET accepts all three; sha256 "
                            "unless your OneNET documentation asks for another."));

    m_endpoint = addLineEdit(Row::Endpoint, tr("&Endpoint:"), tr("Service address"));
    setHint(Row::Endpoint, tr("Leave it empty to use OneNET's own address."));

    m_notifyUrl = addLineEdit(Row::NotifyUrl, tr("Status &callback:"), tr("Status callback address"));
    m_notifyUrl->setPlaceholderText(tr("Optional: where OneNET sends the call's progress"));
    setHint(Row::NotifyUrl, tr("Optional: an address of your own server where OneNET sends each call's "
                               "progress. A desktop computer usually cannot receive it."));

    m_gateway = addLineEdit(Row::Gateway, tr("Gateway a&ddress:"), tr("Gateway address"));
    m_gateway->setPlaceholderText(tr("Such as https://dial.example.com"));
    m_gateway->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoPredictiveText);
    setHint(Row::Gateway, tr("The address of your team's OneDial gateway, from your administrator. The "
                             "gateway holds the OneNET account and places your calls."));

    for (QLineEdit *edit :
         {m_identity, m_key, m_sponsor, m_caller, m_name, m_endpoint, m_notifyUrl, m_gateway})
        connect(edit, &QLineEdit::textEdited, this, &AccountForm::revalidate);
    connect(m_sponsor, &QLineEdit::textEdited, this, &AccountForm::updateDisplayChoices);
    connect(m_caller, &QLineEdit::textEdited, this, &AccountForm::updateDisplayChoices);
    connect(m_api, &QComboBox::currentIndexChanged, this, [this] {
        updateForApi();
        revalidate();
    });
    connect(m_display, &QComboBox::currentIndexChanged, this, &AccountForm::revalidate);
    connect(m_method, &QComboBox::currentIndexChanged, this, &AccountForm::revalidate);
    updateForApi();
    updateDisplayChoices();
    revalidate();
}

void AccountForm::makeLine(Row row, const QString &label, QWidget *field, const QString &accessibleName)
{
    Line &line = m_lines.at(index(row));
    line.field = field;
    field->setAccessibleName(accessibleName);
    line.label = new QLabel(label, m_parent);
    line.label->setBuddy(field);
    line.label->setVisible(false); // until a window lays the row out (addRows)
    // The field and the notes about it share one cell, so hidden notes leave no gaps.
    line.cell = new QWidget(m_parent);
    line.cell->setVisible(false);
    auto *column = new QVBoxLayout(line.cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(field);
    line.hint = makeNoteLabel(line.cell);
    column->addWidget(line.hint);
    line.problem = makeNoteLabel(line.cell);
    line.problem->setStyleSheet(QStringLiteral("color: #b42318;"));
    column->addWidget(line.problem);
}

QLineEdit *AccountForm::addLineEdit(Row row, const QString &label, const QString &accessibleName)
{
    auto *edit = new QLineEdit(m_parent);
    makeLine(row, label, edit, accessibleName);
    return edit;
}

void AccountForm::setHint(Row row, const QString &text)
{
    Line &line = m_lines.at(index(row));
    line.hint->setText(text);
    line.hint->setVisible(m_hints == Hints::Shown && !text.isEmpty());
    line.field->setAccessibleDescription(text);
}

void AccountForm::addRows(QFormLayout *form, std::initializer_list<Row> rows)
{
    for (Row row : rows) {
        const Line &line = m_lines.at(index(row));
        form->addRow(line.label, line.cell);
        line.label->setVisible(true);
        line.cell->setVisible(true);
    }
}

void AccountForm::chainTabOrder(std::initializer_list<QWidget *> widgets)
{
    QWidget *previous = nullptr;
    for (QWidget *next : widgets) {
        if (previous)
            QWidget::setTabOrder(previous, next);
        previous = next;
    }
}

void AccountForm::updateForApi()
{
    const bool v1 = m_api->currentData().toString() == QLatin1String("v1");
    // Where each value is: the doc's own words (v1: the application's id and the key issued with
    // it; v2: the account's user id and its key), not menu paths that change with the console.
    m_lines.at(index(Row::Identity)).label->setText(v1 ? tr("App&id:") : tr("User &id:"));
    m_identity->setPlaceholderText(v1 ? tr("32 characters, 0-9 and a-f") : tr("Your OneNET user id"));
    setHint(Row::Identity, v1 ? tr("Your application's id: OneNET console, voice service, your application's "
                                   "details.")
                              : tr("Your account's user id: OneNET console, your account's details."));
    updateKeyRow();
    m_endpoint->setPlaceholderText(
        tr("Default: %1").arg(Account::defaultBaseUrl(v1 ? Api::V1 : Api::V2).toDisplayString()));
}

void AccountForm::updateKeyRow()
{
    // One field for the account's secret: a OneNET access key, or the member's gateway token.
    QLabel *label = m_lines.at(index(Row::Key)).label;
    if (m_kind == AccountKind::Gateway) {
        label->setText(tr("Gateway t&oken:"));
        m_key->setAccessibleName(tr("Gateway token"));
        m_key->setPlaceholderText(m_keyRequired
                                      ? tr("Starts with odg_, from your administrator")
                                      : tr("Stored in the keychain; type a new token to replace it"));
        setHint(Row::Key, tr("The token your administrator gave you, for you alone. It is kept in the system "
                             "keychain, never in a file."));
        setHint(Row::Name, tr("How OneDial lists this account; its token is kept in the keychain under this "
                              "name."));
        return;
    }
    const bool v1 = m_api->currentData().toString() == QLatin1String("v1");
    label->setText(tr("Access &key:"));
    m_key->setAccessibleName(tr("Access key"));
    m_key->setPlaceholderText(m_keyRequired ? tr("Base64 text from the OneNET console")
                                            : tr("Stored in the keychain; type a new key to replace it"));
    setHint(Row::Key, v1 ? tr("The access key OneNET issued with this appid, from the OneNET console. It "
                              "is kept in the system keychain, never in a file.")
                         : tr("Your account's access key, from the OneNET console. It is kept in the "
                              "system keychain, never in a file."));
    setHint(Row::Name, tr("How OneDial lists this account; its access key is kept in the keychain under "
                          "this name."));
}

void AccountForm::setKind(AccountKind kind)
{
    m_kind = kind;
    updateKeyRow();
    revalidate();
}

bool AccountForm::belongsToKind(Row row) const
{
    if (m_kind == AccountKind::Gateway)
        return row == Row::Name || row == Row::Gateway || row == Row::Key;
    return row != Row::Gateway;
}

void AccountForm::updateDisplayChoices()
{
    // OneNET shows the callee either the sponsor number or, when whitelisted, the caller's own:
    // a choice between the two instead of a free field that could only be wrong.
    const int current = qMax(0, m_display->currentIndex());
    const QString sponsor = PhoneNumber::parse(m_sponsor->text()).displayForm();
    const QString caller = PhoneNumber::parse(m_caller->text()).displayForm();
    const QSignalBlocker blocker(m_display);
    m_display->clear();
    m_display->addItem(sponsor.isEmpty() ? tr("The sponsor number (default)")
                                         : tr("The sponsor number, %1 (default)").arg(sponsor));
    m_display->addItem(caller.isEmpty()
                           ? tr("My own number (caller; must be whitelisted by OneNET)")
                           : tr("My own number, %1 (must be whitelisted by OneNET)").arg(caller));
    m_display->setCurrentIndex(current);
}

void AccountForm::setAccount(const Account &existing)
{
    m_nameIsNew = false;
    m_name->setText(existing.name);
    m_name->setReadOnly(true); // the keychain entry is named after the account
    m_kind = existing.kind;
    m_gateway->setText(existing.gateway.isEmpty() ? QString()
                                                  : QString::fromUtf8(existing.gateway.toEncoded()));
    m_api->setCurrentIndex(existing.api == Api::V1 ? 0 : 1);
    m_identity->setText(existing.identity());
    // Numbers as people write them; they are stored in API form again when saved.
    m_sponsor->setText(PhoneNumber::parse(existing.sponsor).shown());
    m_caller->setText(PhoneNumber::parse(existing.caller).shown());
    m_method->setCurrentIndex(m_method->findData(signMethodName(existing.method)));
    m_endpoint->setText(existing.endpoint.isEmpty() ? QString()
                                                    : QString::fromUtf8(existing.endpoint.toEncoded()));
    m_notifyUrl->setText(existing.notifyUrl.isEmpty() ? QString()
                                                      : QString::fromUtf8(existing.notifyUrl.toEncoded()));
    updateKeyRow();
    updateDisplayChoices();
    if (!existing.display.isEmpty())
        m_display->setCurrentIndex(
            existing.display == existing.caller && existing.display != existing.sponsor ? 1 : 0);
    revalidate();
}

void AccountForm::suggestName(const QString &name)
{
    m_nameIsNew = true;
    m_name->setReadOnly(false);
    m_name->setText(name);
    revalidate();
}

void AccountForm::setKeyRequired(bool required)
{
    m_keyRequired = required;
    updateKeyRow();
    revalidate();
}

Account AccountForm::account() const
{
    Account account;
    account.name = m_name->text().trimmed();
    if (m_kind == AccountKind::Gateway) {
        // A gateway account names the gateway only: the gateway decides every OneNET field.
        account.kind = AccountKind::Gateway;
        if (!m_gateway->text().trimmed().isEmpty())
            account.gateway = QUrl(m_gateway->text().trimmed(), QUrl::StrictMode);
        return account;
    }
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

QByteArray AccountForm::keyText() const
{
    return m_key->text().trimmed().toLatin1();
}

void AccountForm::clearKey()
{
    m_key->clear();
    revalidate();
}

QString AccountForm::problemOf(Row row, const Account &candidate) const
{
    if (!belongsToKind(row))
        return {};
    switch (row) {
    case Row::Api:
    case Row::Count:
        break;
    case Row::Identity:
        return candidate.problem(Account::Field::Identity);
    case Row::Key: {
        const QByteArray text = keyText();
        if (text.isEmpty() && !m_keyRequired)
            return {};
        return AccessKey(text).problemFor(m_kind);
    }
    case Row::Sponsor: {
        const QString problem = numberProblem(m_sponsor);
        return problem.isEmpty() ? candidate.problem(Account::Field::Sponsor) : problem;
    }
    case Row::Caller: {
        const QString problem = numberProblem(m_caller);
        return problem.isEmpty() ? candidate.problem(Account::Field::Caller) : problem;
    }
    case Row::Display:
        return candidate.problem(Account::Field::Display);
    case Row::Name:
        if (m_nameIsNew && Account::isValidName(candidate.name) && m_accounts->contains(candidate.name))
            return tr("An account named \"%1\" exists already.").arg(candidate.name);
        return candidate.problem(Account::Field::Name);
    case Row::Method:
        break;
    case Row::Endpoint:
        return candidate.problem(Account::Field::Endpoint);
    case Row::NotifyUrl:
        return candidate.problem(Account::Field::NotifyUrl);
    case Row::Gateway:
        return candidate.problem(Account::Field::Gateway);
    }
    return {};
}

void AccountForm::revalidate()
{
    const Account candidate = account();
    for (int i = 0; i < int(Row::Count); ++i) {
        const Row row = Row(i);
        m_problems.at(i) = problemOf(row, candidate);
        Line &line = m_lines.at(i);
        line.problem->setText(m_problems.at(i));
        line.problem->setVisible(showsProblem(row));
        // A screen reader hears the problem with the field, not only a red line it cannot see.
        line.field->setAccessibleDescription(showsProblem(row) ? m_problems.at(i) : line.hint->text());
    }
    Q_EMIT changed();
}

bool AccountForm::showsProblem(Row row) const
{
    const QString &problem = m_problems.at(index(row));
    if (problem.isEmpty())
        return false;
    // A field nobody has typed in yet shows no problem; the window's button stays off all the same.
    if (auto *edit = qobject_cast<QLineEdit *>(field(row)))
        return !edit->text().isEmpty();
    return true;
}

bool AccountForm::isValid(std::initializer_list<Row> rows) const
{
    if (rows.size() == 0)
        return std::all_of(m_problems.cbegin(), m_problems.cend(),
                           [](const QString &p) { return p.isEmpty(); });
    return std::all_of(rows.begin(), rows.end(),
                       [this](Row row) { return m_problems.at(index(row)).isEmpty(); });
}

bool AccountForm::hasAdvancedValues() const
{
    if (m_kind == AccountKind::Gateway)
        return false;
    return m_method->currentData().toString() != signMethodName(SignMethod::Sha256) ||
           !m_endpoint->text().trimmed().isEmpty() || !m_notifyUrl->text().trimmed().isEmpty();
}

} // namespace onedial
