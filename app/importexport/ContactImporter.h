// Turns what a contact file held into contacts in the store, in two steps so that the user sees
// what will happen before anything is written:
//
//  plan():   checks every record with ContactStore::normalize (libphonenumber, on several
//            threads), finds duplicates by normalised number (against the store and within the
//            file) and decides, row by row, new / merged / skipped / invalid, each with a reason.
//            Reads the store, writes nothing.
//  commit(): writes the plan in one transaction. A failure or a cancel leaves the store as it was.
//
// Runs on any one thread, with a Database opened on that thread (Database is one per thread);
// progress is reported on that thread, and cancel() may be called from any thread.
#pragma once

#include "ContactFile.h"
#include "ImportRecord.h"
#include "storage/StorageResult.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <atomic>
#include <functional>
#include <memory>

namespace onedial {

class Database;

enum class DuplicateChoice {
    Merge, // a row with a number already known adds its other numbers to the contact that has it
    Skip,  // a row with a number already known is left out
};

struct ImportPlan
{
    // Numbers to add to a contact already in the store.
    struct Merge
    {
        qint64 contactId = 0;
        QString contactName;
        QString matchedNumber;        // the API form that made the match; checked again on commit
        QList<ContactNumber> numbers; // normalised
    };

    QList<Contact> newContacts; // normalised, in file order; later duplicate rows' numbers merged in
    QList<Merge> merges;
    int newCount = 0;
    int mergedCount = 0;
    int skippedCount = 0;
    int invalidCount = 0;
    QList<ImportIssue> issues; // every invalid or skipped row and every dropped number, by line

    bool hasChanges() const { return !newContacts.isEmpty() || !merges.isEmpty(); }
    // Rows that are usable (new, merged or already there); 0 means nothing in the file can be imported.
    int usableCount() const { return newCount + mergedCount + skippedCount; }
};

struct ImportOutcome
{
    enum class Status { Done, Cancelled, Failed };
    Status status = Status::Done;
    QString message; // Failed: the reason, translated
    QString detail;  // Failed: the database's own text, for support

    bool ok() const { return status == Status::Done; }
};

class ContactImporter final
{
    Q_DECLARE_TR_FUNCTIONS(ContactImporter)
    Q_DISABLE_COPY_MOVE(ContactImporter)

public:
    enum class Phase { Checking, Writing };
    using Progress = std::function<void(Phase phase, qint64 done, qint64 total)>;

    // Records per step of the write: the cancel flag is looked at and progress is reported after each.
    static constexpr int kWriteChunk = 250;

    explicit ContactImporter(Database &database);

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Threads that check numbers; 0 (the default) uses every core.
    void setThreadCount(int threads) { m_threads = threads; }
    // Safe from any thread; the running plan() or commit() stops at the next row.
    void cancel() { m_cancelled.store(true); }
    // A flag owned by whoever started the work (a dialog on the UI thread), looked at like cancel().
    void setCancelFlag(std::shared_ptr<const std::atomic_bool> flag) { m_cancelFlag = std::move(flag); }
    bool isCancelled() const { return m_cancelled.load() || (m_cancelFlag && m_cancelFlag->load()); }

    ImportOutcome plan(const ReadResult &read, DuplicateChoice choice, ImportPlan &plan);
    // Reads the file and plans its records batch by batch while it is read, so that neither its
    // rows nor its records are ever held whole (a 20 MB CSV file can be five million rows). contents
    // is what ContactFile::read gives, without the records; when it has an error or needs a
    // column mapping, plan stays empty and the outcome is Done.
    ImportOutcome planFile(const QString &path, const ContactFileOptions &options, DuplicateChoice choice,
                           ImportPlan &plan, ContactFileContents &contents);
    ImportOutcome commit(const ImportPlan &plan);

private:
    struct Owner
    {
        qint64 contactId = 0;    // a stored contact, or
        qsizetype newIndex = -1; // a contact of this import
    };
    struct Known
    {
        QHash<QString, Owner> owners; // API form → who has it
        QHash<qint64, QString> names; // stored contacts' names, for the reasons shown
    };

    // The state of one plan between its batches.
    struct Planning;

    StorageResult loadKnownNumbers(Known &known) const;
    void report(Phase phase, qint64 done, qint64 total) const;
    ImportOutcome begin(Planning &planning);
    // Checks records (on every core) and decides each one, in order; problems are the reader's
    // since the last batch. recordsBefore/recordsTotal: for the progress while checking (a
    // total of 0 reports nothing; the caller reports by batch).
    ImportOutcome add(Planning &planning, const QList<ImportRecord> &records, QList<ImportIssue> &problems,
                      qint64 recordsBefore, qint64 recordsTotal);
    void finish(Planning &planning);

    Database &m_database;
    Progress m_progress;
    int m_threads = 0;
    std::atomic_bool m_cancelled{false};
    std::shared_ptr<const std::atomic_bool> m_cancelFlag;
};

} // namespace onedial
