#include "StatusPanel.h"

#include "FocusRing.h"
#include "OutcomeIcon.h"
#include "StatusModel.h"
#include "core/Settings.h"
#include "core/UserText.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace onedial {

namespace {

constexpr int kVisibleRows = 4; // the unfolded list: enough to compare the last few dials

} // namespace

StatusPanel::StatusPanel(StatusModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_toggle(new QToolButton(this))
    , m_lastIcon(new QLabel(this))
    , m_last(new QLabel(this))
    , m_details(new QPushButton(tr("Deta&ils…"), this))
    , m_layout(new QVBoxLayout(this))
{
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setAutoRaise(true);
    m_toggle->setAccessibleName(tr("Show this session's dials"));
    m_toggle->setAccessibleDescription(
        tr("Unfolds or folds the list of the calls made since OneDial started."));
    m_toggle->setFocusPolicy(Qt::StrongFocus);
    m_last->setTextFormat(Qt::PlainText); // names and the service's words
    m_last->setAccessibleName(tr("Last call outcome"));
    m_last->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // elided, never widening
    m_last->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lastIcon->setFixedSize(16, 16);
    m_lastIcon->setAccessibleName(tr("Outcome icon"));
    m_details->setAccessibleName(tr("Call details"));
    m_details->setAccessibleDescription(tr("The codes and ids of the selected call, to read or copy."));
    m_details->setEnabled(false);

    auto *strip = new QHBoxLayout;
    strip->setContentsMargins(0, 0, 0, 0);
    strip->addWidget(m_toggle);
    strip->addWidget(m_lastIcon);
    strip->addWidget(m_last, 1);
    strip->addWidget(m_details);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    m_layout->addLayout(strip);

    connect(m_toggle, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            buildView();
        if (m_view)
            m_view->setVisible(on);
        m_toggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        Settings().setValue(Setting::StatusListOpen, on);
    });
    connect(m_details, &QPushButton::clicked, this, &StatusPanel::showDetails);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        // The newest dial is the one the user wants to read about.
        if (m_view)
            m_view->setCurrentIndex(m_model->index(0, StatusModel::OutcomeColumn));
        updateSummary();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.row() == 0)
            updateSummary();
    });
    connect(model, &QAbstractItemModel::modelReset, this, &StatusPanel::updateSummary);

    const bool open = Settings().value(Setting::StatusListOpen);
    m_toggle->setChecked(open);
    m_toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    if (open)
        buildView();
    updateSummary();
}

QTableView *StatusPanel::view()
{
    buildView();
    return m_view;
}

void StatusPanel::buildView()
{
    if (m_view)
        return;
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("This session's dials"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    showFocusRing(m_view);
    m_view->setTabKeyNavigation(false); // Tab leaves the list; arrows move in it
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(StatusModel::MessageColumn, QHeaderView::Stretch);
    m_view->setFixedHeight(m_view->horizontalHeader()->sizeHint().height() +
                           kVisibleRows * m_view->verticalHeader()->defaultSectionSize() +
                           2 * m_view->frameWidth());

    m_view->setVisible(m_toggle->isChecked());
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, StatusModel::OutcomeColumn));
    m_layout->addWidget(m_view);
    // In the Tab order after the strip, where it was before it was made.
    setTabOrder(m_details, m_view);
}

bool StatusPanel::isExpanded() const
{
    return m_toggle->isChecked();
}

void StatusPanel::setExpanded(bool expanded)
{
    m_toggle->setChecked(expanded);
}

void StatusPanel::updateSummary()
{
    const int count = m_model->rowCount();
    m_toggle->setText(tr("Dials this session (%n)", nullptr, count));
    m_details->setEnabled(count > 0);
    if (count == 0) {
        m_lastIcon->clear();
        m_last->setText(tr("No calls yet. Pick a contact and press Enter, or type a number."));
        m_last->setToolTip({});
        return;
    }
    const auto cell = [this](int column, int role = Qt::DisplayRole) {
        return m_model->index(0, column).data(role);
    };
    const QString who = cell(StatusModel::WhoColumn).toString();
    const QString number = cell(StatusModel::NumberColumn).toString();
    const QString whom = who.isEmpty() ? number : tr("%1 (%2)").arg(who, number);
    // The outcome in words with its code ("Refused (000001)"), then what the service said.
    const QString text =
        tr("%1 %2, %3: %4")
            .arg(cell(StatusModel::TimeColumn).toString(), whom, cell(StatusModel::OutcomeColumn).toString(),
                 cell(StatusModel::MessageColumn).toString());
    m_lastIcon->setPixmap(outcomeIcon(cell(0, StatusModel::IconRole).toString()).pixmap(16, 16));
    m_lastIcon->setToolTip(cell(StatusModel::OutcomeColumn).toString());
    const QString &spoken = text;
    if (m_last->text() == text)
        return;
    m_last->setText(text);
    m_last->setToolTip(UserText::toolTip(spoken));
    m_last->setAccessibleDescription(spoken);
    // A screen reader says the outcome when it arrives, wherever the focus is.
    QAccessibleEvent announce(m_last, QAccessible::Alert);
    QAccessible::updateAccessibility(&announce);
}

QString StatusPanel::currentDetails() const
{
    QModelIndex current = m_view ? m_view->currentIndex() : QModelIndex();
    if (!current.isValid() && m_model->rowCount() > 0)
        current = m_model->index(0, 0);
    return current.isValid() ? current.data(StatusModel::DetailsRole).toString() : QString();
}

void StatusPanel::showDetails()
{
    const QString details = currentDetails();
    if (details.isEmpty())
        return;
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Call details"));
    auto *text = new QPlainTextEdit(details, dialog);
    text->setReadOnly(true);
    text->setAccessibleName(tr("Call details"));
    text->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setAccessibleName(tr("Copy call details"));
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(copy, &QPushButton::clicked, dialog, [details] { QApplication::clipboard()->setText(details); });
    dialog->resize(460, 300);
    dialog->open();
}

} // namespace onedial
