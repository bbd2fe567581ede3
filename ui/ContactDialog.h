// Adds or edits one contact. Numbers are checked as they are typed, the same way as dialling
// checks them, so a contact never holds a number that cannot be called.
#pragma once

#include "contacts/Contact.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

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

private:
    void addNumberRow(const QString &label, const QString &number);
    bool revalidate();

    ContactStore *m_store;
    qint64 m_id;
    QLineEdit *m_name;
    QLineEdit *m_company;
    QCheckBox *m_favourite;
    QTableWidget *m_numbers;
    QPlainTextEdit *m_notes;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    Contact m_saved;
};

} // namespace onedial
