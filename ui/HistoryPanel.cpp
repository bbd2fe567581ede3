#include "HistoryPanel.h"

#include "history/HistoryModel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace onedial {

HistoryPanel::HistoryPanel(HistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_redial(new QPushButton(tr("&Redial"), this))
    , m_copy(new QPushButton(tr("Copy &details"), this))
{
    m_filter->setPlaceholderText(tr("Filter by name, number, code or message"));
    m_filter->setAccessibleName(tr("Filter call history"));
    m_filter->setClearButtonEnabled(true);
    m_view->setModel(model);
    m_view->setAccessibleName(tr("Call history"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_redial->setAccessibleName(tr("Redial the selected call"));
    m_copy->setAccessibleName(tr("Copy the selected call's details"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_redial);
    top->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, model, &HistoryModel::setFilter);
    connect(m_redial, &QPushButton::clicked, this, &HistoryPanel::redialCurrent);
    connect(m_view, &QTableView::activated, this, &HistoryPanel::redialCurrent);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            QApplication::clipboard()->setText(current.data(HistoryModel::DetailsRole).toString());
    });
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
