#include "ContactImporter.h"

#include "contacts/ContactStore.h"
#include "phone/PhoneNumber.h"
#include "storage/Database.h"

#include <QFuture>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <iterator>
#include <memory>

namespace onedial {

namespace {

// Rows a thread takes at a time: small enough to share the work evenly and to stop soon after a
// cancel, large enough that taking them costs nothing.
constexpr qsizetype kCheckBatch = 64;
constexpr qint64 kProgressEvery = 1000;

struct Checked
{
    Contact contact;     // normalised, with the usable numbers only
    QString invalid;     // why the row cannot be imported; empty when it can
    QStringList dropped; // numbers left out of a usable row, each a sentence saying why
};

// Safe on any thread: ContactStore::normalize and PhoneNumber touch no shared state of their own,
// and libphonenumber's PhoneNumberUtil is a const singleton made once (pthread_once) whose regular
// expression cache is guarded by a mutex (Debian's build links pthread_mutex_lock for it).
Checked check(const Contact &written)
{
    Checked out;
    out.contact = written;
    Contact &contact = out.contact;
    if (contact.name.trimmed().isEmpty()) {
        out.invalid = ContactImporter::tr("It has no name.");
        return out;
    }
    if (contact.numbers.isEmpty()) {
        out.invalid = ContactImporter::tr("It has no phone number.");
        return out;
    }
    if (ContactStore::normalize(contact).ok())
        return out;

    // Which numbers are the trouble? A row is imported with the numbers that can be dialled (a fax
    // "ext. 12" or a foreign number beside a good mobile is common) and each one left out is said.
    contact = written;
    QList<ContactNumber> usable;
    QSet<QString> seen;
    for (const ContactNumber &number : std::as_const(contact.numbers)) {
        const PhoneNumber parsed = PhoneNumber::parse(number.apiForm);
        if (!parsed.isValid()) {
            out.dropped << parsed.problemText();
            continue;
        }
        if (seen.contains(parsed.apiForm()))
            continue; // the same number twice in one card (TEL;CELL and TEL;PREF) is one number
        seen.insert(parsed.apiForm());
        usable << number;
    }
    if (usable.isEmpty()) {
        out.invalid = out.dropped.join(QLatin1Char(' '));
        out.dropped.clear();
        return out;
    }
    contact.numbers = usable;
    if (const StorageResult again = ContactStore::normalize(contact); !again.ok()) {
        out.invalid = again.message; // the name (too long), not a number
        out.dropped.clear();
    }
    return out;
}

} // namespace

ContactImporter::ContactImporter(Database &database)
    : m_database(database)
{}

void ContactImporter::report(Phase phase, qint64 done, qint64 total) const
{
    if (m_progress)
        m_progress(phase, done, total);
}

StorageResult ContactImporter::loadKnownNumbers(Known &known) const
{
    ContactStore store(m_database);
    StorageResult status;
    if (store.count(&status) == 0)
        return status;
    return store.forEach([&known](Contact &&contact) {
        known.names.insert(contact.id, contact.name);
        for (const ContactNumber &number : std::as_const(contact.numbers)) {
            // forEach goes in id order: the first owner is the oldest, as findByNumber answers.
            if (!known.owners.contains(number.apiForm))
                known.owners.insert(number.apiForm, Owner{contact.id, -1});
        }
    });
}

struct ContactImporter::Planning
{
    Planning(ImportPlan &target, DuplicateChoice chosen)
        : plan(target)
        , choice(chosen)
    {}

    ImportPlan &plan;
    DuplicateChoice choice;
    Known known;
    QList<int> newLines;              // the line of each new contact, for the reasons
    QHash<qint64, qsizetype> mergeOf; // stored contact id → its entry in plan.merges
    QSet<QString> reasons;            // see intern()
    int threads = 1;
    std::unique_ptr<QThreadPool> pool; // the helpers that check numbers beside the calling thread

    // Many rows of a broken or hostile file share one reason ("1" is not a phone number, five
    // million times): each distinct text is kept once and shared. Bounded, so that a file whose
    // every reason differs costs no more than without it.
    QString intern(const QString &reason)
    {
        if (const auto found = reasons.constFind(reason); found != reasons.cend())
            return *found;
        if (reasons.size() < kMaxSharedReasons)
            reasons.insert(reason);
        return reason;
    }
    static constexpr qsizetype kMaxSharedReasons = 4096;
};

ImportOutcome ContactImporter::begin(Planning &planning)
{
    planning.plan = {};
    if (const StorageResult loaded = loadKnownNumbers(planning.known); !loaded.ok())
        return {ImportOutcome::Status::Failed, loaded.message, loaded.detail};
    planning.threads = m_threads > 0 ? m_threads : std::max(1, QThread::idealThreadCount());
    if (planning.threads > 1) {
        planning.pool = std::make_unique<QThreadPool>();
        planning.pool->setMaxThreadCount(planning.threads - 1);
    }
    return {};
}

ImportOutcome ContactImporter::add(Planning &planning, const QList<ImportRecord> &records,
                                   QList<ImportIssue> &problems, qint64 recordsBefore, qint64 recordsTotal)
{
    // 1. Every record checked, on all cores. The calling thread works too and reports progress.
    const qsizetype total = records.size();
    QList<Checked> checked(total);
    Checked *results = checked.data();
    std::atomic<qsizetype> next{0};
    std::atomic<qsizetype> done{0};
    const auto work = [&](bool reporting) {
        qint64 reported = 0;
        for (;;) {
            const qsizetype begin = next.fetch_add(kCheckBatch);
            if (begin >= total || isCancelled())
                return;
            const qsizetype end = std::min(total, begin + kCheckBatch);
            for (qsizetype i = begin; i < end; ++i) {
                if (isCancelled())
                    return;
                results[i] = check(records.at(i).contact);
            }
            const qsizetype now = done.fetch_add(end - begin) + (end - begin);
            if (reporting && recordsTotal > 0 && now - reported >= kProgressEvery) {
                reported = now;
                report(Phase::Checking, recordsBefore + now, recordsTotal);
            }
        }
    };
    QList<QFuture<void>> helpers;
    if (planning.pool && total > kCheckBatch) {
        for (int i = 1; i < planning.threads; ++i)
            helpers << QtConcurrent::run(planning.pool.get(), work, false);
    }
    work(true);
    for (QFuture<void> &helper : helpers)
        helper.waitForFinished();
    if (isCancelled())
        return {ImportOutcome::Status::Cancelled, {}, {}};

    // 2. Duplicates, in file order: the first row with a number keeps it.
    ImportPlan &plan = planning.plan;
    Known &known = planning.known;
    plan.invalidCount += int(problems.size());
    QList<ImportIssue> issues;
    for (qsizetype i = 0; i < total; ++i) {
        const int line = records.at(i).line;
        Checked &row = results[i];
        const QString name = row.contact.name;
        if (!row.invalid.isEmpty()) {
            ++plan.invalidCount;
            issues.append({line, ImportIssue::Kind::Invalid, planning.intern(row.invalid), name});
            continue;
        }
        for (const QString &reason : std::as_const(row.dropped))
            issues.append({line, ImportIssue::Kind::NumberDropped, planning.intern(reason), name});

        Contact &contact = row.contact;
        const auto owned =
            std::find_if(contact.numbers.cbegin(), contact.numbers.cend(),
                         [&known](const ContactNumber &n) { return known.owners.contains(n.apiForm); });
        if (owned == contact.numbers.cend()) {
            const qsizetype index = plan.newContacts.size();
            for (const ContactNumber &number : std::as_const(contact.numbers))
                known.owners.insert(number.apiForm, Owner{0, index});
            plan.newContacts << std::move(contact);
            planning.newLines << line;
            ++plan.newCount;
            continue;
        }

        const Owner owner = known.owners.value(owned->apiForm);
        const QString ownerText = owner.newIndex >= 0
                                      ? tr("line %1 (%2)")
                                            .arg(planning.newLines.at(owner.newIndex))
                                            .arg(plan.newContacts.at(owner.newIndex).name)
                                      : tr("your contact %1").arg(known.names.value(owner.contactId));
        QList<ContactNumber> missing;
        for (const ContactNumber &number : std::as_const(contact.numbers)) {
            if (!known.owners.contains(number.apiForm))
                missing << number;
        }
        if (planning.choice == DuplicateChoice::Skip || missing.isEmpty()) {
            ++plan.skippedCount;
            const QString reason = missing.isEmpty()
                                       ? tr("Its numbers are already there, in %1.").arg(ownerText)
                                       : tr("%1 is already there, in %2.").arg(owned->display, ownerText);
            issues.append({line, ImportIssue::Kind::Skipped, planning.intern(reason), name});
            continue;
        }
        ++plan.mergedCount;
        for (const ContactNumber &number : std::as_const(missing))
            known.owners.insert(number.apiForm, owner);
        if (owner.newIndex >= 0) {
            plan.newContacts[owner.newIndex].numbers << missing;
            continue;
        }
        auto entry = planning.mergeOf.constFind(owner.contactId);
        if (entry == planning.mergeOf.cend()) {
            entry = planning.mergeOf.insert(owner.contactId, plan.merges.size());
            plan.merges.append({owner.contactId, known.names.value(owner.contactId), owned->apiForm, {}});
        }
        plan.merges[*entry].numbers << missing;
    }
    // The reader's problems and the rows' issues, both in file order, merged in file order.
    const auto byLine = [](const ImportIssue &a, const ImportIssue &b) {
        return a.line < b.line;
    };
    if (problems.isEmpty()) {
        plan.issues << std::move(issues);
    } else {
        const qsizetype before = plan.issues.size();
        plan.issues.reserve(before + problems.size() + issues.size());
        std::merge(std::make_move_iterator(problems.begin()), std::make_move_iterator(problems.end()),
                   std::make_move_iterator(issues.begin()), std::make_move_iterator(issues.end()),
                   std::back_inserter(plan.issues), byLine);
    }
    return {};
}

void ContactImporter::finish(Planning &planning)
{
    // Batches come in file order; a reader that reports its problems all at once (a vCard file read
    // in parallel parts) leaves them to be put in place here.
    QList<ImportIssue> &issues = planning.plan.issues;
    const auto byLine = [](const ImportIssue &a, const ImportIssue &b) {
        return a.line < b.line;
    };
    if (!std::is_sorted(issues.cbegin(), issues.cend(), byLine))
        std::stable_sort(issues.begin(), issues.end(), byLine);
}

ImportOutcome ContactImporter::plan(const ReadResult &read, DuplicateChoice choice, ImportPlan &plan)
{
    Planning planning(plan, choice);
    if (ImportOutcome started = begin(planning); !started.ok())
        return started;
    // In windows, so that the checked copies of a large file's records are never all there at once.
    constexpr qsizetype kWindow = 16384;
    const qsizetype total = read.records.size();
    QList<ImportIssue> problems = read.problems;
    for (qsizetype i = 0; i < total || i == 0; i += kWindow) {
        ImportOutcome added = add(planning, read.records.mid(i, kWindow), problems, i, total);
        if (!added.ok())
            return added;
        problems.clear();
    }
    report(Phase::Checking, total, total);
    finish(planning);
    return {};
}

ImportOutcome ContactImporter::planFile(const QString &path, const ContactFileOptions &options,
                                        DuplicateChoice choice, ImportPlan &plan,
                                        ContactFileContents &contents)
{
    Planning planning(plan, choice);
    if (ImportOutcome started = begin(planning); !started.ok())
        return started;
    ImportOutcome outcome;
    contents = ContactFile::read(
        path, options,
        [&](QList<ImportRecord> &records, QList<ImportIssue> &problems, qint64 done, qint64 total) {
            outcome = add(planning, records, problems, 0, 0);
            if (outcome.ok())
                report(Phase::Checking, done, total);
            return outcome.ok();
        });
    if (!outcome.ok()) {
        plan = {};
        return outcome;
    }
    if (!contents.ok() || contents.mappingNeeded) {
        plan = {};
        return {};
    }
    finish(planning);
    return {};
}

ImportOutcome ContactImporter::commit(const ImportPlan &plan)
{
    ContactStore store(m_database);
    const qint64 total = plan.newContacts.size() + plan.merges.size();
    qint64 written = 0;
    bool cancelled = false;
    report(Phase::Writing, 0, total);
    const StorageResult result = m_database.transaction([&]() -> StorageResult {
        // Anything but success rolls the whole transaction back, the rows written so far included.
        StorageResult stop{StorageError::Failed, {}, QStringLiteral("cancelled")};
        // Merges first: the contacts they name exist now, before any new row could take a freed id.
        for (const ImportPlan::Merge &merge : plan.merges) {
            if (isCancelled()) {
                cancelled = true;
                return stop;
            }
            StorageResult status;
            std::optional<Contact> existing = store.get(merge.contactId, &status);
            // Ids are reused after a delete, so the contact must still be the one with the number.
            const auto hasMatch = [&merge](const ContactNumber &n) {
                return n.apiForm == merge.matchedNumber;
            };
            if (status.ok() && existing &&
                std::none_of(existing->numbers.cbegin(), existing->numbers.cend(), hasMatch)) {
                existing.reset();
                status.error = StorageError::NotFound;
            }
            if (!existing) {
                if (status.error == StorageError::NotFound) {
                    status.message = tr("%1 was changed or removed while the import was being prepared. Look "
                                        "at the preview again.")
                                         .arg(merge.contactName);
                }
                return status;
            }
            for (const ContactNumber &number : merge.numbers) {
                const bool there =
                    std::any_of(existing->numbers.cbegin(), existing->numbers.cend(),
                                [&](const ContactNumber &n) { return n.apiForm == number.apiForm; });
                if (!there)
                    existing->numbers << number;
            }
            if (StorageResult updated = store.update(*existing); !updated.ok())
                return updated;
            report(Phase::Writing, ++written, total);
        }
        for (qsizetype i = 0; i < plan.newContacts.size(); i += kWriteChunk) {
            if (isCancelled()) {
                cancelled = true;
                return stop;
            }
            QList<Contact> chunk = plan.newContacts.mid(i, kWriteChunk);
            if (StorageResult added = store.addAllNormalized(chunk); !added.ok())
                return added;
            written += chunk.size();
            report(Phase::Writing, written, total);
        }
        return {};
    });
    if (cancelled)
        return {ImportOutcome::Status::Cancelled, {}, {}};
    if (!result.ok()) {
        return {ImportOutcome::Status::Failed,
                tr("%1 Nothing was imported; your contacts are as they were.").arg(result.message),
                result.detail};
    }
    return {};
}

} // namespace onedial
