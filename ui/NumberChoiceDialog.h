// Asks which of a contact's numbers to call. Enter calls the highlighted one.
#pragma once

#include <QDialog>

class QListWidget;

namespace onedial {

class NumberChoiceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NumberChoiceDialog)

public:
    // numbers and labels in the contact's order.
    NumberChoiceDialog(const QString &who, const QStringList &numbers, const QStringList &labels,
                       QWidget *parent = nullptr);
    QString chosenNumber() const;

private:
    QListWidget *m_list;
    QStringList m_numbers;
};

} // namespace onedial
