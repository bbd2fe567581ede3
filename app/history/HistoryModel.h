// Past calls as the history view shows them: newest first, filterable, with the raw details a
// support question needs. Loading runs on a worker thread with its own database connection; a
// dial just made and its later progress arrive one row at a time, without a reload.
#pragma once

#include "history/CallRecord.h"
#include "storage/StorageResult.h"

#include <QAbstractTableModel>
#include <QList>

namespace onedial {

class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    // The view keeps this many of the newest calls; `onedial history` can list them all.
    static constexpr int kDefaultLimit = 10000;

    enum Column {
        TimeColumn,
        ContactColumn,
        NumberColumn,
        AccountColumn,
        OutcomeColumn,
        MessageColumn,
        ProgressColumn,
        ColumnCount
    };
    enum Role {
        RecordIdRole = Qt::UserRole + 1, // qint64
        OutcomeClassRole,                // int: an OutcomeClass, for colour and icon
        OutcomeNameRole,                 // "accepted", "refused", "not_sent", "failed", "unknown"
        CalleeRole,                      // the number in API form, for redial
        ContactIdRole,                   // qint64, or null when the call had no contact
        CallIdRole,
        RequestIdRole,
        DetailsRole, // several lines of raw details to show and copy
    };

    explicit HistoryModel(QObject *parent = nullptr);
    ~HistoryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces all records (newest first, as HistoryStore::list() gives them).
    void setRecords(const QList<CallRecord> &newestFirst);
    // Loads the newest limit records from the database file (empty: Database::defaultPath()) on
    // a worker thread; returns at once. A newer reload supersedes one still running.
    void reload(const QString &databasePath = {}, int limit = kDefaultLimit);
    bool isLoading() const { return m_loading; }

    // Shows only the records matching text (see CallFilter), keeping the outcome and date filters.
    void setFilter(const QString &text);
    QString filter() const { return m_filter.text(); }
    // Shows only one kind of outcome (nothing: all), and only calls since a time (invalid: all).
    void setOutcomeFilter(std::optional<OutcomeClass> outcome);
    void setSince(const QDateTime &since);
    // Whether any record shown has progress from OneNET's callbacks (the view shows the column then).
    bool hasProgress() const;
    // The time as the list shows it: today's by time only, 24-hour, in the user's language.
    static QString shortTime(const QDateTime &time, const QDateTime &now = QDateTime::currentDateTime());

    // A dial just recorded: it goes on top when it matches the filter.
    void addRecord(const CallRecord &record);
    // A progress callback: the rows of that call show it.
    void updateProgress(const QString &callId, const RecordedProgress &progress);

    const CallRecord &recordAt(int row) const { return m_records.at(m_rows.at(row)); }
    int totalCount() const { return int(m_records.size()); }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded(int recordCount);
    void loadFailed(const onedial::StorageResult &result);

private:
    void setCallFilter(const CallFilter &filter);
    void refilter();
    static QString details(const CallRecord &record);

    QList<CallRecord> m_records; // oldest first, so a new call is appended
    QList<int> m_rows;           // indexes into m_records of the rows shown, newest first
    CallFilter m_filter;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace onedial
