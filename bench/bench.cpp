// onedial_bench: prints one "name: value unit" line per figure. A program run by hand, not a
// test: the figures depend on the machine and the build (use a RelWithDebInfo build).
//
//   onedial_bench [--quick]       all figures (about 25 s on a quiet 2-core machine; --quick:
//                                 fewer repetitions, for trying a change)
//   onedial_bench --load PATH     (used by the above) load PATH through ContactModel in a fresh
//                                 process and print its peak memory, as the window would
//   onedial_bench --window [--quick]
//                                 (used by the above) the real main window over the database of
//                                 the XDG folders it is given, on the offscreen platform
#include "Figures.h"
#include "StartupBench.h"
#include "SyntheticContacts.h"
#include "ThrowAwayProfile.h"
#include "WindowBench.h"
#include "contacts/ContactIndex.h"
#include "contacts/ContactModel.h"
#include "contacts/ContactSearch.h"
#include "contacts/ContactStore.h"
#include "contacts/Pinyin.h"
#include "core/AppInfo.h"
#include "storage/Database.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>

using namespace onedial;
using namespace onedial::bench;

namespace {

void benchSearch(const std::shared_ptr<const ContactIndex> &index, int rounds)
{
    std::vector<double> keystrokes;
    std::vector<double> firstKeys;
    for (int round = 0; round < rounds; ++round) {
        for (const QStringList &sequence : typingSequences()) {
            ContactSearch search(index); // starts with every contact, as the window does
            for (qsizetype key = 0; key < sequence.size(); ++key) {
                QElapsedTimer timer;
                timer.start();
                const qsizetype found = search.setQuery(sequence.at(key)).size();
                const double ms = msSince(timer);
                Q_UNUSED(found);
                keystrokes.push_back(ms);
                if (key == 0)
                    firstKeys.push_back(ms);
            }
        }
    }
    print("search_keystroke_100k_median", percentile(keystrokes, 0.5), "ms");
    print("search_keystroke_100k_p95", percentile(keystrokes, 0.95), "ms");
    print("search_keystroke_100k_max", percentile(keystrokes, 1.0), "ms");
    print("search_first_key_100k_median", percentile(firstKeys, 0.5), "ms");

    // Through the model, as the search field drives it (no view attached).
    ContactModel model;
    model.setIndex(index);
    std::vector<double> modelKeys;
    for (int round = 0; round < rounds; ++round) {
        for (const QStringList &sequence : typingSequences()) {
            for (const QString &typed : sequence) {
                QElapsedTimer timer;
                timer.start();
                model.setFilter(typed);
                modelKeys.push_back(msSince(timer));
            }
            model.setFilter({});
        }
    }
    print("model_filter_keystroke_100k_median", percentile(modelKeys, 0.5), "ms");
    print("model_filter_keystroke_100k_p95", percentile(modelKeys, 0.95), "ms");
}

// The window's start-up path in a fresh process: ContactModel::reload() on a worker thread.
int loadOnly(const QString &path)
{
    ContactModel model;
    QEventLoop loop;
    QObject::connect(&model, &ContactModel::loadingChanged, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    model.reload(path);
    loop.exec();
    if (model.totalCount() == 0)
        return 1;
    print("model_reload_100k", msSince(timer), "ms");
    print("model_reload_rows", double(model.rowCount()), "contacts");
    print("rss_after_load_100k", statusMiB("VmRSS:"), "MiB");
    print("peak_rss_load_100k", statusMiB("VmHWM:"), "MiB");
    return 0;
}

// A child onedial_bench, its output going straight to ours.
// The figures this run printed, by name, for the summary at its end.
QHash<QString, double> &figures()
{
    static QHash<QString, double> printed;
    return printed;
}

// Runs a benchmark program (this one by default) as a child: its figures are printed as they
// come and kept for the summary; its standard error goes to ours.
int runBenchChild(const QStringList &arguments, const QProcessEnvironment &environment = {},
                  const QString &program = QCoreApplication::applicationFilePath())
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    if (!environment.isEmpty())
        child.setProcessEnvironment(environment);
    QByteArray pending;
    QObject::connect(&child, &QProcess::readyReadStandardOutput, &child, [&] {
        pending += child.readAllStandardOutput();
        for (qsizetype end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
            const QByteArray line = pending.left(end);
            pending.remove(0, end + 1);
            std::fprintf(stdout, "%s\n", line.constData());
            std::fflush(stdout);
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) {
                const QList<QByteArray> value = line.mid(colon + 1).trimmed().split(' ');
                figures().insert(QString::fromLatin1(line.left(colon)), value.value(0).toDouble());
            }
        }
    });
    child.start(program, arguments);
    QEventLoop loop;
    QObject::connect(&child, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&child, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    if (child.state() != QProcess::NotRunning)
        loop.exec();
    return child.exitStatus() == QProcess::NormalExit && child.error() == QProcess::UnknownError
               ? child.exitCode()
               : 1;
}

// The three targets of the start-up, memory and import work, each beside its floor.
void printSummary()
{
    const QHash<QString, double> &f = figures();
    const auto figure = [&f](const char *name) {
        return f.value(QString::fromLatin1(name), -1);
    };
    print("summary_startup_app_100k", figure("startup_app_100k"), "ms");
    print("summary_startup_floor_minimal_window", figure("startup_floor_minimal_window"), "ms");
    print("summary_startup_ratio_100k_to_floor", figure("startup_ratio_app_100k_to_floor"),
          "x (target: at most 1.5 x)");
    print("summary_peak_rss_window_100k", figure("peak_rss_window_100k"), "MiB");
    print("summary_peak_rss_floor_minimal_window", figure("startup_peak_rss_floor"), "MiB");
    print("summary_peak_rss_ratio_to_floor",
          figure("peak_rss_window_100k") / figure("startup_peak_rss_floor"),
          "x (target: at most 64 MiB, twice the floor)");
    print("summary_vcard_import_100k", figure("vcard_import_100k"), "ms (target: at most 1500 ms)");
    print("summary_vcard_read_and_write_100k", figure("vcard_read_100k") + figure("vcard_write_100k"),
          "ms (the import without checking numbers)");
}

bool fillDatabase(const QString &path, QList<Contact> &contacts, const char *figure)
{
    Database database(path);
    if (!database.open().ok())
        return false;
    ContactStore store(database);
    QElapsedTimer timer;
    timer.start();
    const StorageResult added = store.addAll(contacts);
    if (figure)
        print(figure, msSince(timer), "ms");
    if (!added.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(added.message));
        return false;
    }
    return true;
}

// Start-up to first paint of the real onedial, and of the minimal window as the floor.
// With no contacts as well: what the app's own start costs, apart from loading contacts (whose
// worker thread the process waits for before it can exit).
bool benchStartup(const ThrowAwayProfile &profile10k, const ThrowAwayProfile &profile100k, bool quick)
{
    const ThrowAwayProfile empty;
    if (!empty.isValid())
        return false;
    const QString app = QStringLiteral(ONEDIAL_APP_PATH);
    const QStringList startup{QStringLiteral("--exit-after-startup")};
    std::vector<StartupSubject> subjects{
        {"startup_floor_minimal_window",
         QStringLiteral(ONEDIAL_MINIMAL_WINDOW_PATH),
         {},
         empty.environment(),
         {}},
        {"startup_app_10k", app, startup, profile10k.environment(), {}},
        {"startup_app_100k", app, startup, profile100k.environment(), {}},
        {"startup_app_no_contacts", app, startup, empty.environment(), {}},
    };
    QTemporaryDir logs;
    if (!runStartups(subjects, quick ? 3 : 7, logs.path()))
        return false;

    std::vector<double> medians;
    for (const StartupSubject &subject : subjects) {
        std::vector<double> times;
        for (const ChildRun &run : subject.runs)
            times.push_back(run.ms);
        medians.push_back(percentile(times, 0.5));
        print(subject.name, medians.back(), "ms");
        figures().insert(QString::fromLatin1(subject.name), medians.back());
    }
    print("startup_ratio_app_10k_to_floor", medians.at(1) / medians.at(0), "x");
    print("startup_ratio_app_100k_to_floor", medians.at(2) / medians.at(0), "x");
    figures().insert(QStringLiteral("startup_ratio_app_100k_to_floor"), medians.at(2) / medians.at(0));
    for (const auto &[subject, figure] : {std::pair{&subjects.at(0), "startup_peak_rss_floor"},
                                          std::pair{&subjects.at(2), "startup_peak_rss_app_100k"}}) {
        std::vector<double> peaks;
        for (const ChildRun &run : subject->runs)
            peaks.push_back(run.peakRssMiB);
        print(figure, percentile(peaks, 1.0), "MiB");
        figures().insert(QString::fromLatin1(figure), percentile(peaks, 1.0));
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool quick =
        std::any_of(argv + 1, argv + argc, [](const char *a) { return !std::strcmp(a, "--quick"); });
    if (argc >= 2 && !std::strcmp(argv[1], "--window")) {
        // Before the QApplication exists, which picks its platform once.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        setUpApplicationIdentity(); // so that the window finds its database as onedial does
        return runWindowBench(quick);
    }

    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String("--load"))
        return loadOnly(arguments.at(2));

    print("rss_at_start", statusMiB("VmRSS:"), "MiB");
    QElapsedTimer timer;
    timer.start();
    Pinyin::syllables(u"张三", Pinyin::Kind::PersonName);
    print("pinyin_transliterators_created", msSince(timer), "ms");

    timer.restart();
    QList<Contact> contacts10k = bench::syntheticContacts(10000, 1);
    QList<Contact> contacts = bench::syntheticContacts(100000);
    print("generate_100k_contacts", msSince(timer), "ms");

    timer.restart();
    const auto index10k = ContactIndex::build(contacts10k);
    print("index_build_10k", msSince(timer), "ms");
    timer.restart();
    const auto index = ContactIndex::build(contacts);
    print("index_build_100k", msSince(timer), "ms");
    benchSearch(index, quick ? 1 : 5);

    // The share of the insert below spent checking numbers with libphonenumber.
    timer.restart();
    for (Contact contact : std::as_const(contacts))
        ContactStore::normalize(contact);
    print("number_validation_100k", msSince(timer), "ms");

    // The databases the app will start with, each filled once, before anything is timed.
    const ThrowAwayProfile profile10k;
    const ThrowAwayProfile profile100k;
    if (!profile10k.isValid() || !profile100k.isValid())
        return 1;
    const QString path = profile100k.databasePath();
    if (!fillDatabase(path, contacts, "db_insert_100k_with_validation") ||
        !fillDatabase(profile10k.databasePath(), contacts10k, nullptr))
        return 1;
    {
        Database database(path);
        if (!database.open().ok())
            return 1;
        timer.restart();
        const qsizetype read = ContactStore(database).all().size();
        print("db_load_100k", msSince(timer), "ms");
        Q_UNUSED(read);
    }
    print("db_file_size_100k", double(QFile(path).size()) / (1024.0 * 1024.0), "MiB");
    print("peak_rss_this_run", statusMiB("VmHWM:"), "MiB");
    // Nothing of this process's 100,000 contacts is needed from here on.
    contacts = {};
    contacts10k = {};

    if (runBenchChild({QStringLiteral("--load"), path}) != 0)
        return 1;
    if (!benchStartup(profile10k, profile100k, quick))
        return 1;
    QStringList window{QStringLiteral("--window")};
    if (quick)
        window << QStringLiteral("--quick");
    if (runBenchChild(window, profile100k.environment()) != 0)
        return 1;
    // The import of 100,000 vCards, by its own program (without its hostile files here).
    if (runBenchChild({QStringLiteral("--no-hostile")}, {}, QStringLiteral(ONEDIAL_BENCH_IMPORT_PATH)) != 0)
        return 1;
    printSummary();
    return 0;
}
