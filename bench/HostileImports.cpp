#include "HostileImports.h"

#include "StartupBench.h"
#include "ThrowAwayProfile.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

namespace onedial::bench {

namespace {

void print(const char *name, double value, const char *unit)
{
    std::printf("%s: %.1f %s\n", name, value, unit);
    std::fflush(stdout);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

QByteArray tinyRowsCsv(qsizetype bytes)
{
    QByteArray out = "name,phone\n";
    out.reserve(bytes + 16);
    const QByteArray last = "b,13800138000\n"; // one row that imports, so that the dry run succeeds
    while (out.size() + 4 + last.size() <= bytes)
        out += "a,1\n";
    return out + last;
}

QByteArray manyParametersVCard(int parameters)
{
    QByteArray out = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:a\r\nTEL";
    out.reserve(qsizetype(parameters) * 6 + 128);
    for (int i = 0; i < parameters; ++i)
        out += ";X=Y";
    out += ":13800138000\r\nX-UNREAD"; // a property OneDial does not read, 2.1-style bare parameters
    for (int i = 0; i < parameters; ++i)
        out += ";X";
    out += ":z\r\nEND:VCARD\r\n";
    return out + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:b\r\nTEL:13900001111\r\nEND:VCARD\r\n";
}

bool benchHostileImports()
{
    const ThrowAwayProfile profile;
    QTemporaryDir folder;
    if (!profile.isValid() || !folder.isValid())
        return false;
    constexpr qsizetype kCsvBytes = 20 * 1024 * 1024;
    constexpr int kParameters = 4000000;
    const QString csv = folder.filePath(QStringLiteral("tiny-rows.csv"));
    const QString vcf = folder.filePath(QStringLiteral("many-parameters.vcf"));
    if (!writeFile(csv, tinyRowsCsv(kCsvBytes)) || !writeFile(vcf, manyParametersVCard(kParameters)))
        return false;
    print("import_hostile_csv_20mib_file", double(QFile(csv).size()) / (1024.0 * 1024.0), "MiB");
    print("import_hostile_vcard_params_file", double(QFile(vcf).size()) / (1024.0 * 1024.0), "MiB");

    // Its report (a line per row: about 500 MB for the CSV file) is not kept.
    const QString log = QStringLiteral("/dev/null");
    const QString app = QStringLiteral(ONEDIAL_APP_PATH);
    const auto import = [&](const QString &path) {
        return runChild(
            app, {QStringLiteral("contacts"), QStringLiteral("import"), path, QStringLiteral("--dry-run")},
            profile.environment(), log, 600000);
    };
    const ChildRun csvRun = import(csv);
    if (!csvRun.ok)
        return false;
    print("import_hostile_csv_20mib_peak_rss", csvRun.peakRssMiB, "MiB");
    print("import_hostile_csv_20mib_time", csvRun.ms / 1000.0, "s");
    const ChildRun vcfRun = import(vcf);
    if (!vcfRun.ok)
        return false;
    print("import_hostile_vcard_params_peak_rss", vcfRun.peakRssMiB, "MiB");
    print("import_hostile_vcard_params_time", vcfRun.ms / 1000.0, "s");
    return true;
}

} // namespace onedial::bench
