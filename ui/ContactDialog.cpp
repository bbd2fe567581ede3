#include "ContactDialog.h"

#include "HeightFit.h"
#include "MessageBox.h"
#include "contacts/ContactStore.h"
#include "contacts/PhoneLabels.h"
#include "core/UserText.h"
#include "phone/PhoneNumber.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace onedial {

namespace {

constexpr int kMaxNumbers = 20;

QLabel *makeProblemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // its problems quote what was typed
    label->setStyleSheet(QStringLiteral("color: #b42318;"));
    label->setVisible(false);
    return label;
}

} // namespace

ContactDialog::ContactDialog(ContactStore *store, const Contact &contact, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_id(contact.id)
    , m_name(new QLineEdit(contact.name, this))
    , m_company(new QLineEdit(contact.company, this))
    , m_favourite(new QCheckBox(tr("&Favourite (listed first)"), this))
    , m_numberRows(new QVBoxLayout)
    , m_addNumber(new QPushButton(tr("&Add number"), this))
    , m_notes(new QPlainTextEdit(contact.notes, this))
    , m_problem(makeProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(contact.id ? tr("Edit contact") : tr("New contact"));
    m_name->setAccessibleName(tr("Name"));
    m_company->setAccessibleName(tr("Company"));
    m_favourite->setChecked(contact.favourite);
    m_favourite->setAccessibleDescription(tr("Favourites are listed first and in the tray menu."));
    m_addNumber->setAccessibleName(tr("Add number"));
    m_addNumber->setAccessibleDescription(tr("Adds a field for one more number."));
    m_addNumber->setAutoDefault(false);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(m_notes->fontMetrics().lineSpacing() * 5);
    m_problem->setAccessibleName(tr("Problem"));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("&Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    // A new contact starts with a mobile and a landline field, as a paper form would.
    for (const ContactNumber &number : contact.numbers)
        addNumberRow(number.label, number.display.isEmpty() ? number.apiForm : number.display);
    if (contact.numbers.isEmpty())
        addNumberRow(PhoneLabels::mobile(), {});
    if (contact.numbers.size() < 2 && !contact.id)
        addNumberRow(PhoneLabels::work(), {});

    auto *numbersColumn = new QVBoxLayout;
    numbersColumn->setContentsMargins(0, 0, 0, 0);
    numbersColumn->addLayout(m_numberRows);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_addNumber);
    addRow->addStretch();
    numbersColumn->addLayout(addRow);
    m_numberRows->setContentsMargins(0, 0, 0, 0);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Company:"), m_company);
    auto *numbersLabel = new QLabel(tr("Phone n&umbers:"), this);
    form->addRow(numbersLabel, numbersColumn);
    numbersLabel->setBuddy(m_rows.first().number);
    form->addRow(QString(), m_favourite);
    auto *notesLabel = new QLabel(tr("N&otes:"), this);
    notesLabel->setBuddy(m_notes);
    form->addRow(notesLabel, m_notes);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_addNumber, &QPushButton::clicked, this, [this] {
        addNumberRow(PhoneLabels::mobile(), {});
        m_rows.last().number->setFocus();
    });
    connect(m_name, &QLineEdit::textChanged, this, [this] { revalidate(); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ContactDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ContactDialog::reject);
    revalidate();
    m_name->setFocus();
    resize(540, sizeHint().height());
}

void ContactDialog::addNumberRow(const QString &label, const QString &number)
{
    if (m_rows.size() >= kMaxNumbers)
        return;
    // Each number in a box of its own: the field, its kind and its remove button on one line, its
    // problem (wrapped, as long as it needs) under them.
    auto *box = new QWidget(this);
    NumberRow row{box, new QComboBox(box), new QLineEdit(number, box), new QToolButton(box),
                  makeProblemLabel(box)};
    auto *line = new QHBoxLayout;
    line->addWidget(row.number, 1);
    line->addWidget(row.label);
    line->addWidget(row.remove);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addLayout(line);
    column->addWidget(row.problem);
    // The label is a choice, not a field one could type a number into by mistake; a label of the
    // user's own (from an imported file) stays one of the choices.
    for (const QString &choice : PhoneLabels::choices())
        row.label->addItem(PhoneLabels::shown(choice), choice);
    const QString stored = PhoneLabels::stored(UserText::cleanLine(label));
    if (!stored.isEmpty() && row.label->findData(stored) < 0)
        row.label->addItem(PhoneLabels::shown(stored), stored);
    row.label->setCurrentIndex(qMax(0, row.label->findData(stored)));
    row.label->setAccessibleName(tr("Kind of number %1").arg(m_rows.size() + 1));
    row.number->setAccessibleName(tr("Phone number %1").arg(m_rows.size() + 1));
    row.number->setPlaceholderText(m_rows.isEmpty() ? tr("Mobile, such as 138 0013 8000")
                                                    : tr("Landline with area code, such as 0755 2800 0003"));
    row.number->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    row.remove->setText(tr("Remove"));
    row.remove->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
    row.remove->setToolButtonStyle(Qt::ToolButtonIconOnly);
    row.remove->setAccessibleName(tr("Remove number %1").arg(m_rows.size() + 1));
    row.remove->setToolTip(tr("Remove this number"));
    row.remove->setFocusPolicy(Qt::TabFocus);
    connect(row.number, &QLineEdit::textChanged, this, [this] { revalidate(); });
    connect(row.label, &QComboBox::currentIndexChanged, this, [this] { revalidate(); });
    QLineEdit *edit = row.number;
    connect(row.remove, &QToolButton::clicked, this, [this, edit] {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).number == edit) {
                removeNumberRow(i);
                return;
            }
        }
    });
    m_rows.append(row);
    m_numberRows->addWidget(box);
    relayNumbers();
    // Shown now rather than when the layout gets round to it, so that focus can go to the field.
    box->setVisible(true);
    fitDialogHeight(this);
}

void ContactDialog::removeNumberRow(int row)
{
    const NumberRow removed = m_rows.takeAt(row);
    m_numberRows->removeWidget(removed.box);
    removed.box->hide();
    removed.box->deleteLater();
    if (m_rows.isEmpty())
        addNumberRow(PhoneLabels::mobile(), {});
    relayNumbers();
    m_rows.at(qMin(row, int(m_rows.size()) - 1)).number->setFocus();
    revalidate();
}

void ContactDialog::relayNumbers()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const NumberRow &row = m_rows.at(i);
        row.label->setAccessibleName(tr("Kind of number %1").arg(i + 1));
        row.number->setAccessibleName(tr("Phone number %1").arg(i + 1));
        row.remove->setAccessibleName(tr("Remove number %1").arg(i + 1));
        row.remove->setVisible(m_rows.size() > 1);
    }
    m_addNumber->setEnabled(m_rows.size() < kMaxNumbers);
    updateTabOrder();
}

void ContactDialog::updateTabOrder()
{
    // In the order a person fills in the form: name, company, each number, its kind and its
    // remove button, then the rest.
    QList<QWidget *> chain{m_name, m_company};
    for (const NumberRow &row : std::as_const(m_rows))
        chain << row.number << row.label << row.remove;
    chain << m_addNumber << m_favourite << m_notes << m_buttons;
    for (int i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

QList<QLineEdit *> ContactDialog::numberFields() const
{
    QList<QLineEdit *> fields;
    for (const NumberRow &row : m_rows)
        fields << row.number;
    return fields;
}

QList<QComboBox *> ContactDialog::labelChoices() const
{
    QList<QComboBox *> choices;
    for (const NumberRow &row : m_rows)
        choices << row.label;
    return choices;
}

Contact ContactDialog::contact() const
{
    if (m_saved.id)
        return m_saved;
    Contact contact;
    contact.id = m_id;
    // Cleaned as typed or pasted: a control or bidirectional character is never stored.
    contact.name = UserText::cleanLine(m_name->text());
    contact.company = UserText::cleanLine(m_company->text());
    contact.notes = UserText::cleanMultiline(m_notes->toPlainText()).trimmed();
    contact.favourite = m_favourite->isChecked();
    for (const NumberRow &row : m_rows) {
        const QString number = UserText::cleanLine(row.number->text());
        if (!number.isEmpty())
            contact.numbers.append({row.label->currentData().toString(), number, {}});
    }
    return contact;
}

bool ContactDialog::revalidate()
{
    // Each number's problem shows under it as it is typed; the first one also names what keeps
    // Save off, so a screen reader hears it with the button.
    QString problem;
    bool anyNumber = false;
    for (const NumberRow &row : std::as_const(m_rows)) {
        const QString text = UserText::cleanLine(row.number->text()); // as contact() will store it
        const PhoneNumber number = PhoneNumber::parse(text);
        const bool bad = !text.isEmpty() && !number.isValid();
        anyNumber = anyNumber || !text.isEmpty();
        row.problem->setText(bad ? number.problemText() : QString());
        row.problem->setVisible(bad);
        row.number->setToolTip(text.isEmpty()
                                   ? QString()
                                   : UserText::toolTip(bad ? number.problemText() : number.displayForm()));
        row.number->setAccessibleDescription(bad ? number.problemText() : QString());
        if (bad && problem.isEmpty())
            problem = number.problemText();
    }
    bool quiet = false; // nothing typed yet: no message, but no saving either
    if (problem.isEmpty()) {
        Contact candidate = contact();
        const StorageResult normalized = ContactStore::normalize(candidate);
        if (!normalized.ok()) {
            problem = normalized.message;
            quiet = m_name->text().trimmed().isEmpty();
        } else if (!anyNumber) {
            problem = tr("Enter at least one number to call.");
        }
    }
    const bool perNumber = !problem.isEmpty() && !quiet &&
                           std::any_of(m_rows.cbegin(), m_rows.cend(),
                                       [](const NumberRow &row) { return !row.problem->text().isEmpty(); });
    // A number's own problem is under it already; the line above the buttons says the others.
    m_problem->setText(quiet || perNumber ? QString() : problem);
    m_problem->setVisible(!m_problem->text().isEmpty());
    fitDialogHeight(this); // a problem line came or went: no squeezed fields, no blank band
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    save->setEnabled(problem.isEmpty());
    save->setAccessibleDescription(problem);
    return problem.isEmpty();
}

void ContactDialog::accept()
{
    if (!revalidate())
        return;
    Contact candidate = contact();
    const StorageResult result = candidate.id ? m_store->update(candidate) : m_store->add(candidate);
    if (!result.ok()) {
        MessageBox::warn(this, tr("The contact was not saved"), result.message);
        return;
    }
    m_saved = candidate;
    QDialog::accept();
}

} // namespace onedial
