// The call history in the app's database: one row per dial, written in its own transaction,
// and the progress that OneNET's callbacks report later.
// Use from the thread that opened the Database.
#pragma once

#include "history/CallRecord.h"
#include "storage/StorageResult.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace onedial {

class Database;

class HistoryStore final
{
    Q_DECLARE_TR_FUNCTIONS(HistoryStore)

public:
    explicit HistoryStore(Database &database);

    // Stores a dial and sets record.id.
    StorageResult add(CallRecord &record);
    // Newest first (the most recently recorded first, whatever the clock did), only the records
    // matching filter (see CallFilter), at most limit of them (limit < 0: all).
    QList<CallRecord> list(const QString &filter = {}, int limit = -1, StorageResult *status = nullptr) const;
    std::optional<CallRecord> get(qint64 id, StorageResult *status = nullptr) const;
    // The newest dial that was sent to this number (API form): accepted, refused or unknown.
    std::optional<CallRecord> latestSentTo(const QString &callee) const;
    // Stores what a callback reported about the call with this call_id. NotFound when no
    // record has it.
    StorageResult updateProgress(const QString &callId, const RecordedProgress &progress);
    qint64 count(StorageResult *status = nullptr) const;

private:
    Database &m_database;
};

} // namespace onedial
