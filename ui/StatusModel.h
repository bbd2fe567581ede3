// One row per dial of this session, newest first: who, which number, and what happened, with the
// raw details support needs. A row appears when the dial starts and changes when it ends.
#pragma once

#include "onenet/DialOutcome.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace onedial {

class StatusModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusModel)

public:
    enum Column { TimeColumn, WhoColumn, NumberColumn, OutcomeColumn, MessageColumn, ColumnCount };
    enum Role {
        OutcomeRole = Qt::UserRole + 1, // outcomeClassName(), or "calling" while in flight
        DetailsRole,                    // the raw details as copyable text
        DialIdRole,
    };

    explicit StatusModel(QObject *parent = nullptr);

    // A dial has been started: a "calling" row at the top.
    void addPending(quint64 dialId, const QString &who, const QString &number);
    // A dial has ended: its row is updated, or added when it never got as far as being sent.
    void finish(quint64 dialId, const DialOutcome &outcome, const QString &who = {},
                const QString &number = {});
    int rowOf(quint64 dialId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        quint64 dialId = 0;
        QDateTime time;
        QString who;
        QString number;
        bool pending = true;
        DialOutcome outcome;
    };
    QString outcomeText(const Row &row) const;
    QString details(const Row &row) const;

    QList<Row> m_rows; // newest first
};

} // namespace onedial
