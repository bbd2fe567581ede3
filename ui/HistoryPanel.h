// Past calls, newest first, one line each: when, who, the outcome with its icon and colour, and
// what happened. Filter them by words, outcome and date; read their details; call again.
// Its controls are made the first time it is shown (or asked for), not with the window: the
// window opens on the contacts, and the history's table, filters and icons are not in its first
// paint.
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace onedial {

class HistoryModel;
class OutcomeStyleProxy;

class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    explicit HistoryPanel(HistoryModel *model, QWidget *parent = nullptr);
    QTableView *view();
    QLineEdit *filterEdit();
    QComboBox *outcomeFilter();
    QComboBox *dateFilter();

Q_SIGNALS:
    // The user asked to call the selected record's number again.
    void redialRequested(const QString &callee, const QString &who, qint64 contactId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void build();
    void redialCurrent();
    void applyDateFilter();
    void fitColumns();

    HistoryModel *m_model;
    OutcomeStyleProxy *m_styled = nullptr; // null until build()
    QLineEdit *m_filter = nullptr;
    QComboBox *m_outcome = nullptr;
    QComboBox *m_date = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_redial = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace onedial
