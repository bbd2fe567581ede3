#include "HistoryModel.h"

#include "core/Log.h"
#include "core/UserText.h"
#include "history/HistoryStore.h"
#include "onenet/CallProgressWords.h"
#include "phone/PhoneNumber.h"
#include "storage/Database.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace onedial {

namespace {

struct Loaded
{
    QList<CallRecord> records;
    StorageResult status;
};

// Runs on a pool thread with its own connection to the file.
Loaded load(const QString &path, int limit)
{
    Loaded loaded;
    Database database(path);
    loaded.status = database.open();
    if (loaded.status.ok())
        loaded.records = HistoryStore(database).list({}, limit, &loaded.status);
    return loaded;
}

QString displayNumber(const QString &callee)
{
    return PhoneNumber::parse(callee).shown();
}

} // namespace

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

HistoryModel::~HistoryModel() = default;

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HistoryModel::details(const CallRecord &record)
{
    QStringList lines;
    auto add = [&lines](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines << label.arg(value);
    };
    add(tr("Time (UTC): %1"), record.time.toUTC().toString(Qt::ISODate));
    add(tr("Account: %1"), record.account);
    add(tr("Number: %1"), record.callee);
    add(tr("Outcome: %1"), record.outcomeText());
    add(tr("Request id: %1"), record.requestId);
    add(tr("Call id: %1"), record.callId);
    add(tr("Code: %1"), record.codeNo.isEmpty() ? record.code
                        : record.code.isEmpty()
                            ? record.codeNo
                            : record.codeNo + QStringLiteral(" (") + record.code + QLatin1Char(')'));
    add(tr("Service message: %1"), record.serviceMessage);
    add(tr("HTTP status: %1"), record.httpStatus ? QString::number(record.httpStatus) : QString());
    add(tr("Error: %1"), record.error);
    add(tr("Detail: %1"), record.detail);
    add(tr("Status: %1"), record.progress.status);
    add(tr("Reason: %1"), record.progress.reason);
    add(tr("Duration: %1 s"),
        record.progress.durationS ? QString::number(*record.progress.durationS) : QString());
    return lines.join(QLatin1Char('\n'));
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CallRecord &record = recordAt(index.row());
    switch (role) {
    case RecordIdRole:
        return record.id;
    case OutcomeClassRole:
        return int(record.outcome);
    case OutcomeNameRole:
        return outcomeClassName(record.outcome);
    case CalleeRole:
        return record.callee;
    case ContactIdRole:
        return record.contactId ? QVariant(*record.contactId) : QVariant();
    case CallIdRole:
        return record.callId;
    case RequestIdRole:
        return record.requestId;
    case DetailsRole:
        return details(record);
    case Qt::ToolTipRole:
        return UserText::toolTip(details(record)); // the service's own message is quoted in it
    default:
        break;
    }
    if (role != Qt::DisplayRole)
        return {};

    switch (index.column()) {
    case TimeColumn:
        return shortTime(record.time);
    case ContactColumn:
        return record.contactName;
    case NumberColumn:
        return displayNumber(record.callee);
    case AccountColumn:
        // The sandbox's account is OneDial's own, named in the user's language.
        return record.account == QLatin1String("sandbox") ? tr("Sandbox") : record.account;
    case OutcomeColumn:
        return record.outcomeText();
    case MessageColumn:
        return record.message;
    case ProgressColumn: {
        // OneNET's report in words ("Ended after 2 min 13 s", "张三's phone was busy"); a status
        // OneDial does not know is shown as it came.
        const std::optional<CallProgress> progress = callProgressFromName(record.progress.status);
        if (!progress) {
            if (record.progress.durationS)
                return tr("%1, %2 s").arg(record.progress.status).arg(*record.progress.durationS);
            return record.progress.status;
        }
        std::optional<qint64> duration;
        if (record.progress.durationS)
            duration = *record.progress.durationS;
        return CallProgressWords::describe(*progress, record.progress.reason, duration,
                                           record.contactName.isEmpty() ? displayNumber(record.callee)
                                                                        : record.contactName);
    }
    default:
        break;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ContactColumn:
        return tr("Contact");
    case NumberColumn:
        return tr("Number");
    case AccountColumn:
        return tr("Account");
    case OutcomeColumn:
        return tr("Outcome");
    case MessageColumn:
        return tr("Message");
    case ProgressColumn:
        return tr("Progress");
    default:
        break;
    }
    return {};
}

void HistoryModel::refilter()
{
    m_rows.clear();
    for (qsizetype i = m_records.size() - 1; i >= 0; --i) {
        if (m_filter.matches(m_records.at(i)))
            m_rows << int(i);
    }
}

void HistoryModel::setRecords(const QList<CallRecord> &newestFirst)
{
    beginResetModel();
    m_records = newestFirst;
    std::reverse(m_records.begin(), m_records.end());
    refilter();
    endResetModel();
}

void HistoryModel::setFilter(const QString &text)
{
    if (text != m_filter.text())
        setCallFilter(CallFilter(text, m_filter.outcome(), m_filter.since()));
}

void HistoryModel::setOutcomeFilter(std::optional<OutcomeClass> outcome)
{
    if (outcome != m_filter.outcome())
        setCallFilter(CallFilter(m_filter.text(), outcome, m_filter.since()));
}

void HistoryModel::setSince(const QDateTime &since)
{
    if (since != m_filter.since())
        setCallFilter(CallFilter(m_filter.text(), m_filter.outcome(), since));
}

void HistoryModel::setCallFilter(const CallFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    refilter();
    endResetModel();
}

bool HistoryModel::hasProgress() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(),
                       [this](int i) { return !m_records.at(i).progress.status.isEmpty(); });
}

QString HistoryModel::shortTime(const QDateTime &time, const QDateTime &now)
{
    const QDateTime local = time.toLocalTime();
    const QDateTime localNow = now.toLocalTime();
    if (local.date() == localNow.date())
        return local.toString(QStringLiteral("HH:mm"));
    if (local.date().year() == localNow.date().year())
        return QLocale().toString(local, tr("d MMM HH:mm", "Qt date format of a call earlier this year"));
    return QLocale().toString(local, tr("d MMM yyyy HH:mm", "Qt date format of a call in an earlier year"));
}

void HistoryModel::addRecord(const CallRecord &record)
{
    m_records << record;
    if (!m_filter.matches(record))
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(int(m_records.size() - 1));
    endInsertRows();
}

void HistoryModel::updateProgress(const QString &callId, const RecordedProgress &progress)
{
    if (callId.isEmpty())
        return;
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (m_records.at(i).callId != callId)
            continue;
        m_records[i].progress = progress;
        // A row stays even if the new progress no longer matches the filter: rows do not vanish
        // while the user looks at them.
        const qsizetype row = m_rows.indexOf(int(i));
        if (row >= 0)
            Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
}

void HistoryModel::reload(const QString &databasePath, int limit)
{
    const quint64 generation = ++m_generation;
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged(true);
    }
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Loaded result = watcher->result();
        m_loading = false;
        Q_EMIT loadingChanged(false);
        if (!result.status.ok()) {
            qCWarning(lcHistory) << "Loading the history failed:" << result.status.detail;
            Q_EMIT loadFailed(result.status);
            return;
        }
        setRecords(result.records);
        Q_EMIT loaded(int(result.records.size()));
    });
    watcher->setFuture(QtConcurrent::run(load, databasePath, limit));
}

} // namespace onedial
