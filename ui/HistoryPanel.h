// Past calls, newest first, one line each: when, who, the outcome with its icon and colour, and
// what happened. Filter them by words, outcome and date; read their details; call again.
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
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *outcomeFilter() const { return m_outcome; }
    QComboBox *dateFilter() const { return m_date; }

Q_SIGNALS:
    // The user asked to call the selected record's number again.
    void redialRequested(const QString &callee, const QString &who, qint64 contactId);

private:
    void redialCurrent();
    void applyDateFilter();
    void fitColumns();

    HistoryModel *m_model;
    OutcomeStyleProxy *m_styled;
    QLineEdit *m_filter;
    QComboBox *m_outcome;
    QComboBox *m_date;
    QTableView *m_view;
    QPushButton *m_redial;
    QPushButton *m_copy;
};

} // namespace onedial
