// onedial_bench: prints one "name: value unit" line per figure.
//
//   onedial_bench                 all figures (about ten seconds in a release build)
//   onedial_bench --load PATH     (used by the above) load PATH through ContactModel in a fresh
//                                 process and print its peak memory, as the window would
#include "SyntheticContacts.h"
#include "contacts/ContactIndex.h"
#include "contacts/ContactModel.h"
#include "contacts/ContactSearch.h"
#include "contacts/ContactStore.h"
#include "contacts/Pinyin.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace onedial;

namespace {

void print(const char *name, double value, const char *unit)
{
    std::printf("%s: %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// A line of /proc/self/status in MiB (VmHWM: peak resident memory; VmRSS: current).
double statusMiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field)) + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(fraction * double(values.size() - 1) + 0.5));
    return values[at];
}

// What a salesperson types into the search field, one key at a time (an input method hands
// over whole Chinese characters).
const QList<QStringList> &typingSequences()
{
    static const QList<QStringList> sequences{
        {QStringLiteral("z"), QStringLiteral("zh"), QStringLiteral("zha"), QStringLiteral("zhan"),
         QStringLiteral("zhang")},
        {QStringLiteral("z"), QStringLiteral("zs")},
        {QStringLiteral("w"), QStringLiteral("wa"), QStringLiteral("wan"), QStringLiteral("wang"),
         QStringLiteral("wangw"), QStringLiteral("wangwe"), QStringLiteral("wangwei")},
        {QStringLiteral("l"), QStringLiteral("li"), QStringLiteral("lin"), QStringLiteral("li"),
         QStringLiteral("l")},
        {QStringLiteral("1"), QStringLiteral("13"), QStringLiteral("138"), QStringLiteral("1380"),
         QStringLiteral("13800"), QStringLiteral("138001")},
        {QStringLiteral("+"), QStringLiteral("+8"), QStringLiteral("+86"), QStringLiteral("+86 "),
         QStringLiteral("+86 1"), QStringLiteral("+86 13"), QStringLiteral("+86 139")},
        {QStringLiteral("0"), QStringLiteral("07"), QStringLiteral("075"), QStringLiteral("0755"),
         QStringLiteral("0755 2")},
        {QStringLiteral("王"), QStringLiteral("王小"), QStringLiteral("王小明")},
        {QStringLiteral("华"), QStringLiteral("华信"), QStringLiteral("华信科技")},
        {QStringLiteral("d"), QStringLiteral("da"), QStringLiteral("dav"), QStringLiteral("davi"),
         QStringLiteral("david")},
    };
    return sequences;
}

void benchSearch(const std::shared_ptr<const ContactIndex> &index)
{
    constexpr int kRounds = 5;
    std::vector<double> keystrokes;
    std::vector<double> firstKeys;
    for (int round = 0; round < kRounds; ++round) {
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
    for (int round = 0; round < kRounds; ++round) {
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

} // namespace

int main(int argc, char *argv[])
{
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
    const QList<Contact> contacts10k = bench::syntheticContacts(10000, 1);
    QList<Contact> contacts = bench::syntheticContacts(100000);
    print("generate_100k_contacts", msSince(timer), "ms");

    timer.restart();
    const auto index10k = ContactIndex::build(contacts10k);
    print("index_build_10k", msSince(timer), "ms");
    timer.restart();
    const auto index = ContactIndex::build(contacts);
    print("index_build_100k", msSince(timer), "ms");
    benchSearch(index);

    // The share of the insert below spent checking numbers with libphonenumber.
    timer.restart();
    for (Contact contact : std::as_const(contacts))
        ContactStore::normalize(contact);
    print("number_validation_100k", msSince(timer), "ms");

    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("onedial.sqlite"));
    {
        Database database(path);
        if (!database.open().ok())
            return 1;
        ContactStore store(database);
        timer.restart();
        const StorageResult added = store.addAll(contacts);
        print("db_insert_100k_with_validation", msSince(timer), "ms");
        if (!added.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(added.message));
            return 1;
        }
        timer.restart();
        const qsizetype read = store.all().size();
        print("db_load_100k", msSince(timer), "ms");
        Q_UNUSED(read);
    }
    print("db_file_size_100k", double(QFile(path).size()) / (1024.0 * 1024.0), "MiB");
    print("peak_rss_this_run", statusMiB("VmHWM:"), "MiB");

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--load"), path});
    child.waitForFinished(180000);
    return child.exitCode();
}
