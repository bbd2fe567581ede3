#include "HistoryPanel.h"

#include "FocusRing.h"
#include "OutcomeIcon.h"
#include "history/HistoryModel.h"

#include <QApplication>
#include <QBrush>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace onedial {

// The history's rows with the status panel's icon on the outcome and its tint on the row. (The
// history model is in the widget-free core, the icons are not.)
class OutcomeStyleProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == HistoryModel::OutcomeColumn)
            return outcomeIcon(index.data(HistoryModel::OutcomeNameRole).toString());
        if (role == Qt::BackgroundRole) {
            if (const QColor tint = outcomeTint(index.data(HistoryModel::OutcomeNameRole).toString());
                tint.isValid())
                return QBrush(tint);
        }
        return QIdentityProxyModel::data(index, role);
    }
};

namespace {

enum DateRange { AnyDate, Today, LastWeek, LastMonth };

} // namespace

HistoryPanel::HistoryPanel(HistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{}

QTableView *HistoryPanel::view()
{
    build();
    return m_view;
}

QLineEdit *HistoryPanel::filterEdit()
{
    build();
    return m_filter;
}

QComboBox *HistoryPanel::outcomeFilter()
{
    build();
    return m_outcome;
}

QComboBox *HistoryPanel::dateFilter()
{
    build();
    return m_date;
}

void HistoryPanel::showEvent(QShowEvent *event)
{
    build();
    QWidget::showEvent(event);
}

void HistoryPanel::build()
{
    if (m_view)
        return;
    HistoryModel *model = m_model;
    m_styled = new OutcomeStyleProxy(this);
    m_filter = new QLineEdit(this);
    m_outcome = new QComboBox(this);
    m_date = new QComboBox(this);
    m_view = new QTableView(this);
    m_redial = new QPushButton(tr("&Redial"), this);
    m_copy = new QPushButton(tr("Copy detai&ls"), this);
    m_filter->setPlaceholderText(tr("Filter by name, number, code or message"));
    m_filter->setAccessibleName(tr("Filter call history"));
    m_filter->setClearButtonEnabled(true);
    m_outcome->setAccessibleName(tr("Show calls with outcome"));
    m_outcome->addItem(tr("All outcomes"), -1);
    m_outcome->addItem(outcomeIcon(OutcomeClass::Accepted), tr("Accepted"), int(OutcomeClass::Accepted));
    m_outcome->addItem(outcomeIcon(OutcomeClass::Refused), tr("Refused"), int(OutcomeClass::Refused));
    m_outcome->addItem(outcomeIcon(OutcomeClass::Unknown), tr("Outcome unknown"), int(OutcomeClass::Unknown));
    m_outcome->addItem(outcomeIcon(OutcomeClass::Failed), tr("Failed"), int(OutcomeClass::Failed));
    m_outcome->addItem(outcomeIcon(OutcomeClass::NotSent), tr("Not sent"), int(OutcomeClass::NotSent));
    m_date->setAccessibleName(tr("Show calls from"));
    m_date->addItem(tr("Any date"), AnyDate);
    m_date->addItem(tr("Today"), Today);
    m_date->addItem(tr("Last 7 days"), LastWeek);
    m_date->addItem(tr("Last 30 days"), LastMonth);

    m_styled->setSourceModel(model);
    m_view->setModel(m_styled);
    m_view->setAccessibleName(tr("Call history"));
    m_view->setAccessibleDescription(tr("Enter or a double-click calls the selected number again."));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    showFocusRing(m_view);
    m_view->setTabKeyNavigation(false); // Tab leaves the list; arrows move in it
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // The short columns fit their text (measured on the first rows only: 10,000 rows are kept);
    // the message takes the width that is left.
    QHeaderView *header = m_view->horizontalHeader();
    header->setResizeContentsPrecision(200);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(HistoryModel::MessageColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    m_redial->setAccessibleName(tr("Redial the selected call"));
    m_copy->setAccessibleName(tr("Copy the selected call's details"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_outcome);
    top->addWidget(m_date);
    top->addWidget(m_redial);
    top->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, model, &HistoryModel::setFilter);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, [this] {
        const int outcome = m_outcome->currentData().toInt();
        m_model->setOutcomeFilter(outcome < 0 ? std::nullopt : std::optional(OutcomeClass(outcome)));
    });
    connect(m_date, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyDateFilter);
    connect(m_redial, &QPushButton::clicked, this, &HistoryPanel::redialCurrent);
    connect(m_view, &QTableView::activated, this, &HistoryPanel::redialCurrent);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            QApplication::clipboard()->setText(current.data(HistoryModel::DetailsRole).toString());
    });
    connect(model, &QAbstractItemModel::modelReset, this, &HistoryPanel::fitColumns);
    connect(model, &QAbstractItemModel::rowsInserted, this, &HistoryPanel::fitColumns);
    connect(model, &QAbstractItemModel::dataChanged, this, &HistoryPanel::fitColumns);
    fitColumns();
    // In the window's Tab order where the panel is, not after every control made before them.
    setTabOrder(this, m_filter);
    setTabOrder(m_filter, m_outcome);
    setTabOrder(m_outcome, m_date);
    setTabOrder(m_date, m_redial);
    setTabOrder(m_redial, m_copy);
    setTabOrder(m_copy, m_view);
}

void HistoryPanel::applyDateFilter()
{
    const QDate today = QDate::currentDate();
    QDate from;
    switch (m_date->currentData().toInt()) {
    case Today:
        from = today;
        break;
    case LastWeek:
        from = today.addDays(-6);
        break;
    case LastMonth:
        from = today.addDays(-29);
        break;
    default:
        break;
    }
    m_model->setSince(from.isValid() ? from.startOfDay() : QDateTime());
}

void HistoryPanel::fitColumns()
{
    // The progress column only once OneNET has reported progress for a call shown.
    m_view->setColumnHidden(HistoryModel::ProgressColumn, !m_model->hasProgress());
}

void HistoryPanel::redialCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QModelIndex row = current.siblingAtColumn(0);
    Q_EMIT redialRequested(row.data(HistoryModel::CalleeRole).toString(),
                           row.siblingAtColumn(HistoryModel::ContactColumn).data().toString(),
                           row.data(HistoryModel::ContactIdRole).toLongLong());
}

} // namespace onedial
