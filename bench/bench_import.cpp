// onedial_bench_import: the import figure of issue 6, in a program of its own so that it can be
// run alone (about five seconds in a release build). Prints one "name: value unit" line per
// figure, like onedial_bench:
//
//   vcard_import_100k   read a 100,000-card .vcf, check every number, find duplicates and write
//                       it into a fresh database, as `onedial contacts import` and the dialog do
//   (and its parts: vcard_read_100k, vcard_check_100k, vcard_write_100k; vcard_export_100k)
//
//   import_hostile_*    peak memory and time of `onedial contacts import --dry-run` on the hostile
//                       files of issue 13 (HostileImports.h)
//
//   onedial_bench_import --threads N   check the numbers on N threads (default: every core)
//   onedial_bench_import --no-hostile  without the hostile files (as onedial_bench runs it)
#include "HostileImports.h"
#include "SyntheticContacts.h"
#include "contacts/ContactStore.h"
#include "importexport/ContactFile.h"
#include "importexport/ContactImporter.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <ctime>

using namespace onedial;

namespace {

void print(const char *name, double value, const char *unit)
{
    std::printf("%s: %.0f %s\n", name, value, unit);
    std::fflush(stdout);
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// CPU time of the whole process (all threads) in ms: on a busy machine the wall-clock figures
// depend on what else runs; this one says how much work a step is.
double cpuMs()
{
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC;
}

// Cards as an iPhone exports them (vCard 3.0, N and FN, typed numbers written the way people
// write them), so that the reader and libphonenumber do the work a real file asks of them.
QByteArray iphoneStyleCards(const QList<Contact> &contacts)
{
    QByteArray out;
    out.reserve(contacts.size() * 220);
    for (const Contact &contact : contacts) {
        const QString family = contact.name.left(1);
        const QString given = contact.name.mid(1);
        out += "BEGIN:VCARD\r\nVERSION:3.0\r\n";
        out += "N:" + family.toUtf8() + ';' + given.toUtf8() + ";;;\r\n";
        out += "FN:" + contact.name.toUtf8() + "\r\n";
        if (!contact.company.isEmpty())
            out += "ORG:" + contact.company.toUtf8() + ";\r\n";
        for (const ContactNumber &number : contact.numbers) {
            if (number.apiForm.startsWith(QLatin1String("86")))
                out += "TEL;type=CELL;type=VOICE;type=pref:+86 " + number.display.toUtf8() + "\r\n";
            else
                out += "TEL;type=WORK;type=VOICE:" + number.display.toUtf8() + "\r\n";
        }
        if (!contact.notes.isEmpty())
            out += "NOTE:" + contact.notes.toUtf8() + "\r\n";
        out += "END:VCARD\r\n";
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // --threads N: check numbers on N threads (default: every core), to see what parallelism buys.
    // --no-hostile: only the import and export of 100,000 cards (as onedial_bench runs it).
    const QStringList arguments = QCoreApplication::arguments();
    const qsizetype threadsAt = arguments.indexOf(QLatin1String("--threads"));
    const int threads = threadsAt > 0 ? arguments.value(threadsAt + 1).toInt() : 0;
    const bool hostile = !arguments.contains(QLatin1String("--no-hostile"));
    constexpr int kCards = 100000;
    QTemporaryDir folder;
    const QString vcfPath = folder.filePath(QStringLiteral("contacts.vcf"));
    {
        QFile file(vcfPath);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(iphoneStyleCards(bench::syntheticContacts(kCards))) < 0)
            return 1;
    }
    print("vcard_file_100k", double(QFile(vcfPath).size()) / 1024.0, "KiB");
    print("threads", double(QThread::idealThreadCount()), "");

    Database database(folder.filePath(QStringLiteral("onedial.sqlite")));
    if (!database.open().ok())
        return 1;

    QElapsedTimer total;
    total.start();
    QElapsedTimer step;
    step.start();
    double cpu = cpuMs();
    const ContactFileContents contents = ContactFile::read(vcfPath);
    if (!contents.ok() || contents.read.records.size() != kCards) {
        std::fprintf(stderr, "read %lld cards: %s\n", qint64(contents.read.records.size()),
                     qPrintable(contents.error));
        return 1;
    }
    const double readMs = msSince(step);
    const double readCpu = cpuMs() - cpu;

    ContactImporter importer(database);
    importer.setThreadCount(threads);
    ImportPlan plan;
    step.restart();
    cpu = cpuMs();
    if (!importer.plan(contents.read, DuplicateChoice::Merge, plan).ok())
        return 1;
    const double checkMs = msSince(step);
    const double checkCpu = cpuMs() - cpu;
    step.restart();
    cpu = cpuMs();
    if (const ImportOutcome written = importer.commit(plan); !written.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(written.message));
        return 1;
    }
    const double writeMs = msSince(step);
    const double writeCpu = cpuMs() - cpu;
    print("vcard_import_100k", msSince(total), "ms");
    print("vcard_read_100k", readMs, "ms");
    print("vcard_check_100k", checkMs, "ms");
    print("vcard_write_100k", writeMs, "ms");
    print("vcard_read_100k_cpu", readCpu, "ms");
    print("vcard_check_100k_cpu", checkCpu, "ms");
    print("vcard_write_100k_cpu", writeCpu, "ms");
    print("vcard_import_100k_new", plan.newCount, "contacts");
    print("vcard_import_100k_merged", plan.mergedCount, "rows");
    print("vcard_import_100k_invalid", plan.invalidCount, "rows");

    step.restart();
    const QList<Contact> stored = ContactStore(database).all();
    const QString error =
        ContactFile::write(folder.filePath(QStringLiteral("export.vcf")), ContactFileFormat::VCard, stored);
    if (!error.isEmpty())
        return 1;
    print("vcard_export_100k", msSince(step), "ms");
    return !hostile || bench::benchHostileImports() ? 0 : 1;
}
