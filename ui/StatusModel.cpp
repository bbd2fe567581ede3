#include "StatusModel.h"

#include "OutcomeIcon.h"
#include "core/UserText.h"
#include "onenet/CallProgressWords.h"

#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QLocale>

namespace onedial {

StatusModel::StatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int StatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int StatusModel::rowOf(quint64 dialId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).dialId == dialId)
            return row;
    }
    return -1;
}

void StatusModel::addPending(quint64 dialId, const QString &who, const QString &number)
{
    beginInsertRows({}, 0, 0);
    m_rows.prepend(Row{dialId, QDateTime::currentDateTime(), who, number, true, {}, {}, {}, false});
    endInsertRows();
}

void StatusModel::finish(quint64 dialId, const DialOutcome &outcome, const QString &who,
                         const QString &number)
{
    const int row = rowOf(dialId);
    if (row < 0) {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(Row{dialId,
                           QDateTime::currentDateTime(),
                           who,
                           number.isEmpty() ? outcome.callee : number,
                           false,
                           outcome,
                           {},
                           {},
                           false});
        endInsertRows();
        return;
    }
    Row &existing = m_rows[row];
    existing.pending = false;
    existing.outcome = outcome;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString StatusModel::calleeOf(const QString &callId) const
{
    for (const Row &row : m_rows) {
        if (!callId.isEmpty() && row.outcome.callId == callId)
            return row.who.isEmpty() ? row.number : row.who;
    }
    return {};
}

QString StatusModel::updateProgress(const QString &callId, CallProgress progress, const QString &reason,
                                    std::optional<qint64> durationSecs)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        if (callId.isEmpty() || row.outcome.callId != callId)
            continue;
        if (row.progress && *row.progress >= progress)
            return row.progressText;
        row.progress = progress;
        row.progressText = CallProgressWords::describe(progress, reason, durationSecs,
                                                       row.who.isEmpty() ? row.number : row.who);
        row.endedBadly = CallProgressWords::endedBadly(progress, reason);
        Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
        return row.progressText;
    }
    return {};
}

QString StatusModel::shownOutcome(const Row &row) const
{
    // The icon and tint: a call still under way looks like one being placed; a call that ended
    // without the two people talking looks like a failure.
    if (row.pending || (row.progress && *row.progress != CallProgress::Disconnected))
        return QStringLiteral("calling");
    if (row.endedBadly)
        return outcomeClassName(OutcomeClass::Failed);
    return outcomeClassName(row.outcome.outcome);
}

QString StatusModel::outcomeText(const Row &row) const
{
    if (row.pending)
        return tr("Calling…");
    return outcomeLabel(row.outcome.outcome,
                        row.outcome.codeNo.isEmpty() ? row.outcome.code : row.outcome.codeNo);
}

QString StatusModel::details(const Row &row) const
{
    const DialOutcome &o = row.outcome;
    QStringList lines;
    lines << tr("Time: %1").arg(row.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    lines << tr("Number: %1").arg(o.callee.isEmpty() ? row.number : o.callee);
    lines << tr("Outcome: %1").arg(outcomeText(row));
    if (row.progress)
        lines << tr("Progress: %1").arg(row.progressText);
    lines << tr("API: %1").arg(apiName(o.api));
    const auto add = [&lines](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines << label.arg(value);
    };
    add(tr("Code: %1"), o.codeNo.isEmpty() ? o.code : o.codeNo + QStringLiteral(" ") + o.code);
    add(tr("Call id: %1"), o.callId);
    add(tr("Request id: %1"), o.requestId);
    add(tr("HTTP status: %1"), o.httpStatus ? QString::number(o.httpStatus) : QString());
    add(tr("Error: %1"), o.error);
    add(tr("Service message: %1"), o.serviceMessage);
    add(tr("Message: %1"), o.message);
    add(tr("Detail: %1"), o.detail);
    return lines.join(QLatin1Char('\n'));
}

QVariant StatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const QString outcome = row.pending ? QStringLiteral("calling") : outcomeClassName(row.outcome.outcome);
    const QString shown = shownOutcome(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return row.time.time().toString(QStringLiteral("HH:mm")); // short and 24-hour everywhere
        case WhoColumn:
            return row.who;
        case NumberColumn:
            return row.number;
        case OutcomeColumn:
            return outcomeText(row);
        case MessageColumn:
            if (row.pending)
                return tr("Sending the request to OneNET…");
            return row.progress ? row.progressText : row.outcome.message;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn)
            return outcomeIcon(shown);
        break;
    case Qt::BackgroundRole:
        if (const QColor tint = outcomeTint(shown); tint.isValid())
            return QBrush(tint);
        break;
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn || index.column() == OutcomeColumn)
            return row.pending ? QVariant() : QVariant(UserText::toolTip(row.outcome.message));
        break;
    case Qt::AccessibleTextRole:
        return data(index, Qt::DisplayRole);
    case OutcomeRole:
        return outcome;
    case IconRole:
        return shown;
    case DetailsRole:
        return details(row);
    case DialIdRole:
        return row.dialId;
    default:
        break;
    }
    return {};
}

QVariant StatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case WhoColumn:
        return tr("Who");
    case NumberColumn:
        return tr("Number");
    case OutcomeColumn:
        return tr("Outcome");
    case MessageColumn:
        return tr("What happened");
    }
    return {};
}

} // namespace onedial
