// Marks the contacts being called right now, so the list shows it and the window does not start
// a second call to the same number.
#pragma once

#include <QIdentityProxyModel>

#include <functional>

namespace onedial {

class InFlightProxyModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InFlightProxyModel)

public:
    enum Role { InFlightRole = Qt::UserRole + 100 };

    // isInFlight answers for one number in API form.
    InFlightProxyModel(std::function<bool(const QString &)> isInFlight, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool isInFlight(int row) const;
    // Calls in flight changed: repaint the marks.
    void refresh();

private:
    std::function<bool(const QString &)> m_isInFlight;
};

} // namespace onedial
