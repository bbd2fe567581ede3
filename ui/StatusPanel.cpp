#include "StatusPanel.h"

#include "StatusModel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace onedial {

StatusPanel::StatusPanel(StatusModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("&Copy details"), this))
{
    m_view->setModel(model);
    m_view->setAccessibleName(tr("Call status"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(StatusModel::MessageColumn, QHeaderView::Stretch);
    // Rows are measured one at a time when they change: sizing every row to its contents on each
    // dial would re-measure the whole session's list and slow the next dial down.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Call details"));
    m_details->setPlaceholderText(tr("Select a call to see its details."));
    m_details->setMaximumHeight(m_details->fontMetrics().lineSpacing() * 5);
    m_copy->setAccessibleName(tr("Copy call details"));
    m_copy->setEnabled(false);

    auto *title = new QLabel(tr("Calls this session"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *detailsRow = new QHBoxLayout;
    detailsRow->addWidget(m_details, 1);
    detailsRow->addWidget(m_copy, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addLayout(detailsRow);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &StatusPanel::showDetails);
    connect(model, &QAbstractItemModel::dataChanged, this, &StatusPanel::showDetails);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        // The newest dial is the one the user wants to read about.
        m_view->resizeRowToContents(0);
        m_view->setCurrentIndex(m_model->index(0, StatusModel::OutcomeColumn));
    });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft) { m_view->resizeRowToContents(topLeft.row()); });
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(currentDetails()); });
}

QString StatusPanel::currentDetails() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(StatusModel::DetailsRole).toString() : QString();
}

void StatusPanel::showDetails()
{
    m_details->setPlainText(currentDetails());
    m_copy->setEnabled(m_view->currentIndex().isValid());
}

} // namespace onedial
