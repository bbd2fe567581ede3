// Past calls, newest first: filter them, read their details, call a number again.
#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableView;

namespace onedial {

class HistoryModel;

class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    explicit HistoryPanel(HistoryModel *model, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }

Q_SIGNALS:
    // The user asked to call the selected record's number again.
    void redialRequested(const QString &callee, const QString &who, qint64 contactId);

private:
    void redialCurrent();

    HistoryModel *m_model;
    QLineEdit *m_filter;
    QTableView *m_view;
    QPushButton *m_redial;
    QPushButton *m_copy;
};

} // namespace onedial
