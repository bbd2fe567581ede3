// The status panel: this session's dials, newest first, with each one's raw details a click
// away and copyable.
#pragma once

#include <QWidget>

class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace onedial {

class StatusModel;

class StatusPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusPanel)

public:
    explicit StatusPanel(StatusModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QString currentDetails() const;

private:
    void showDetails();

    StatusModel *m_model;
    QTableView *m_view;
    QPlainTextEdit *m_details;
    QPushButton *m_copy;
};

} // namespace onedial
