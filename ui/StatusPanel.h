// The strip under the contact list: the last dial's outcome, always in view, and this session's
// dials in a list that folds away. The raw details (codes, ids, HTTP status) are one click away,
// behind "Details…", to read and copy.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QVBoxLayout;
class QToolButton;

namespace onedial {

class StatusModel;

class StatusPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusPanel)

public:
    explicit StatusPanel(StatusModel *model, QWidget *parent = nullptr);

    // The unfolded list; made the first time it is unfolded or asked for (the strip alone is in
    // the window's first paint).
    QTableView *view();
    QToolButton *toggle() const { return m_toggle; }
    QLabel *lastOutcome() const { return m_last; }
    QPushButton *detailsButton() const { return m_details; }
    bool isExpanded() const;
    void setExpanded(bool expanded);
    // The raw details of the selected dial (the newest when none is selected).
    QString currentDetails() const;
    // Opens the details of the selected dial in a small window with a Copy button.
    void showDetails();

private:
    void updateSummary();
    void buildView();

    StatusModel *m_model;
    QToolButton *m_toggle;
    QLabel *m_lastIcon;
    QLabel *m_last;
    QPushButton *m_details;
    QVBoxLayout *m_layout;
    QTableView *m_view = nullptr;
};

} // namespace onedial
