#include "NumberChoiceDialog.h"

#include "core/UserText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace onedial {

NumberChoiceDialog::NumberChoiceDialog(const QString &who, const QStringList &numbers,
                                       const QStringList &labels, QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_numbers(numbers)
{
    setWindowTitle(tr("Call %1").arg(who));
    m_list->setAccessibleName(tr("Numbers of %1").arg(who));
    for (int i = 0; i < numbers.size(); ++i) {
        const QString label = labels.value(i);
        m_list->addItem(label.isEmpty() ? numbers.at(i) : tr("%1: %2").arg(label, numbers.at(i)));
    }
    m_list->setCurrentRow(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *dial = buttons->addButton(tr("&Dial"), QDialogButtonBox::AcceptRole);
    dial->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    auto *question = new QLabel(tr("%1 has several numbers. Which one?").arg(UserText::cleanLine(who)), this);
    question->setTextFormat(Qt::PlainText); // a name is shown as written, never as markup
    layout->addWidget(question);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
}

QString NumberChoiceDialog::chosenNumber() const
{
    return m_numbers.value(m_list->currentRow());
}

} // namespace onedial
