#include "InFlightProxyModel.h"

#include "OutcomeIcon.h"
#include "contacts/ContactModel.h"

#include <QBrush>
#include <QColor>

namespace onedial {

InFlightProxyModel::InFlightProxyModel(std::function<bool(const QString &)> isInFlight, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_isInFlight(std::move(isInFlight))
{}

bool InFlightProxyModel::isInFlight(int row) const
{
    const QStringList numbers = index(row, 0).data(ContactModel::ApiFormsRole).toStringList();
    return std::any_of(numbers.cbegin(), numbers.cend(),
                       [this](const QString &number) { return m_isInFlight(number); });
}

QVariant InFlightProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == InFlightRole)
        return index.isValid() && isInFlight(index.row());
    if (index.isValid() && index.column() == ContactModel::NameColumn &&
        (role == Qt::DecorationRole || role == Qt::ToolTipRole) && isInFlight(index.row())) {
        if (role == Qt::DecorationRole)
            return outcomeIcon(QStringLiteral("calling"));
        return tr("Calling now: wait for the outcome before dialling again.");
    }
    // The favourite's star in gold, which reads on light and dark backgrounds.
    if (role == Qt::ForegroundRole && index.isValid() && index.column() == ContactModel::FavouriteColumn)
        return QBrush(QColor(0xd9, 0x8e, 0x04));
    return QIdentityProxyModel::data(index, role);
}

void InFlightProxyModel::refresh()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::DecorationRole, Qt::ToolTipRole});
}

} // namespace onedial
