#include "ContactDialog.h"

#include "MessageBox.h"
#include "contacts/ContactStore.h"
#include "core/UserText.h"
#include "phone/PhoneNumber.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace onedial {

namespace {
enum NumberColumn { LabelColumn, NumberColumn };
}

ContactDialog::ContactDialog(ContactStore *store, const Contact &contact, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_id(contact.id)
    , m_name(new QLineEdit(contact.name, this))
    , m_company(new QLineEdit(contact.company, this))
    , m_favourite(new QCheckBox(tr("&Favourite (listed first)"), this))
    , m_numbers(new QTableWidget(0, 2, this))
    , m_notes(new QPlainTextEdit(contact.notes, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(contact.id ? tr("Edit contact") : tr("New contact"));
    m_name->setAccessibleName(tr("Name"));
    m_company->setAccessibleName(tr("Company"));
    m_favourite->setChecked(contact.favourite);
    m_numbers->setAccessibleName(tr("Phone numbers"));
    m_numbers->setHorizontalHeaderLabels({tr("Label"), tr("Number")});
    m_numbers->horizontalHeader()->setSectionResizeMode(NumberColumn, QHeaderView::Stretch);
    m_numbers->verticalHeader()->hide();
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(m_notes->fontMetrics().lineSpacing() * 5);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText); // its problems quote what was typed
    m_problem->setStyleSheet(QStringLiteral("color: #b42318;"));

    for (const ContactNumber &number : contact.numbers)
        addNumberRow(number.label, number.display.isEmpty() ? number.apiForm : number.display);
    if (contact.numbers.isEmpty())
        addNumberRow(tr("mobile"), {});

    auto *addNumber = new QPushButton(tr("Add &number"), this);
    auto *removeNumber = new QPushButton(tr("&Remove number"), this);
    addNumber->setAccessibleName(tr("Add number"));
    removeNumber->setAccessibleName(tr("Remove number"));
    auto *numberButtons = new QHBoxLayout;
    numberButtons->addWidget(addNumber);
    numberButtons->addWidget(removeNumber);
    numberButtons->addStretch();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Company:"), m_company);
    form->addRow(QString(), m_favourite);
    auto *numbersLabel = new QLabel(tr("Phone numbers:"), this);
    numbersLabel->setBuddy(m_numbers);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(numbersLabel);
    layout->addWidget(m_numbers, 1);
    layout->addLayout(numberButtons);
    auto *notesLabel = new QLabel(tr("N&otes:"), this);
    notesLabel->setBuddy(m_notes);
    layout->addWidget(notesLabel);
    layout->addWidget(m_notes);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(addNumber, &QPushButton::clicked, this, [this] {
        addNumberRow(QString(), QString());
        m_numbers->setCurrentCell(m_numbers->rowCount() - 1, NumberColumn);
        m_numbers->editItem(m_numbers->currentItem());
    });
    connect(removeNumber, &QPushButton::clicked, this, [this] {
        if (m_numbers->currentRow() >= 0)
            m_numbers->removeRow(m_numbers->currentRow());
        revalidate();
    });
    connect(m_name, &QLineEdit::textChanged, this, [this] { revalidate(); });
    connect(m_numbers, &QTableWidget::itemChanged, this, [this] { revalidate(); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ContactDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ContactDialog::reject);
    revalidate();
    m_name->setFocus();
    resize(480, 460);
}

void ContactDialog::addNumberRow(const QString &label, const QString &number)
{
    const int row = m_numbers->rowCount();
    m_numbers->insertRow(row);
    m_numbers->setItem(row, LabelColumn, new QTableWidgetItem(label));
    m_numbers->setItem(row, NumberColumn, new QTableWidgetItem(number));
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
    for (int row = 0; row < m_numbers->rowCount(); ++row) {
        const QString label =
            m_numbers->item(row, LabelColumn) ? m_numbers->item(row, LabelColumn)->text() : QString();
        const QString number =
            m_numbers->item(row, NumberColumn) ? m_numbers->item(row, NumberColumn)->text() : QString();
        if (!number.trimmed().isEmpty())
            contact.numbers.append({UserText::cleanLine(label), UserText::cleanLine(number), {}});
    }
    return contact;
}

bool ContactDialog::revalidate()
{
    QString problem;
    // Mark each number that cannot be dialled, and name the first problem below the table.
    const QSignalBlocker blocker(m_numbers);
    for (int row = 0; row < m_numbers->rowCount(); ++row) {
        QTableWidgetItem *item = m_numbers->item(row, NumberColumn);
        if (!item)
            continue;
        const QString text = UserText::cleanLine(item->text()); // as contact() will store it
        const PhoneNumber number = PhoneNumber::parse(text);
        const bool bad = !text.isEmpty() && !number.isValid();
        item->setForeground(bad ? QBrush(QColor(180, 35, 24)) : QBrush());
        item->setToolTip(UserText::toolTip(bad ? number.problemText() : number.displayForm()));
        if (bad && problem.isEmpty())
            problem = number.problemText();
    }
    Contact candidate = contact();
    if (problem.isEmpty()) {
        const StorageResult normalized = ContactStore::normalize(candidate);
        if (!normalized.ok() && !m_name->text().trimmed().isEmpty())
            problem = normalized.message;
        else if (!normalized.ok())
            problem = QStringLiteral(" "); // nothing typed yet: no message, but no saving either
    }
    m_problem->setText(problem.trimmed());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
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
