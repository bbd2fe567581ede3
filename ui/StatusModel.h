// One row per dial of this session, newest first: who, which number, and what happened, with the
// raw details support needs. A row appears when the dial starts, changes when it ends, and, for a
// call OneNET accepted and reports on (a gateway account), follows the call: calling you, calling
// the callee, connected, and how it ended.
#pragma once

#include "onenet/CallStatusReport.h"
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
        IconRole, // the outcome icon's name as shown: "calling" too while the call is under way
    };

    explicit StatusModel(QObject *parent = nullptr);

    // A dial has been started: a "calling" row at the top.
    void addPending(quint64 dialId, const QString &who, const QString &number);
    // A dial has ended: its row is updated, or added when it never got as far as being sent.
    void finish(quint64 dialId, const DialOutcome &outcome, const QString &who = {},
                const QString &number = {});
    int rowOf(quint64 dialId) const;
    // OneNET reported a step of the accepted call with this call id: its row says it in words.
    // Returns the words, or an empty string when no row of this session has the call. A step that
    // comes after a later one (reports may cross) changes nothing.
    QString updateProgress(const QString &callId, CallProgress progress, const QString &reason,
                           std::optional<qint64> durationSecs);
    // The person called, as the progress words name them: the contact's name, or the number.
    QString calleeOf(const QString &callId) const;

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
        std::optional<CallProgress> progress;
        QString progressText;
        bool endedBadly = false;
    };
    QString shownOutcome(const Row &row) const;
    QString outcomeText(const Row &row) const;
    QString details(const Row &row) const;

    QList<Row> m_rows; // newest first
};

} // namespace onedial
