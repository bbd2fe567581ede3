// Adds or edits one contact. Each number has a field of its own with its label as a choice next
// to it, checked as it is typed the same way as dialling checks it: a contact is never saved with
// a number that cannot be called, nor without any number.
#pragma once

#include "contacts/Contact.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace onedial {

class ContactStore;

class ContactDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactDialog)

public:
    // An existing contact (id != 0) is edited; otherwise a new one is added.
    ContactDialog(ContactStore *store, const Contact &contact = {}, QWidget *parent = nullptr);

    // The contact as entered; after accept(), as stored (with its id and normalized numbers).
    Contact contact() const;
    void accept() override;

    // The number fields, in order (for tests and for focus).
    QList<QLineEdit *> numberFields() const;
    QList<QComboBox *> labelChoices() const;
    QPushButton *addNumberButton() const { return m_addNumber; }

private:
    struct NumberRow
    {
        QWidget *box;
        QComboBox *label;
        QLineEdit *number;
        QToolButton *remove;
        QLabel *problem;
    };

    void addNumberRow(const QString &label, const QString &number);
    void removeNumberRow(int row);
    void relayNumbers();
    void updateTabOrder();
    bool revalidate();

    ContactStore *m_store;
    qint64 m_id;
    QLineEdit *m_name;
    QLineEdit *m_company;
    QCheckBox *m_favourite;
    QVBoxLayout *m_numberRows;
    QList<NumberRow> m_rows;
    QPushButton *m_addNumber;
    QPlainTextEdit *m_notes;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    Contact m_saved;
};

} // namespace onedial
