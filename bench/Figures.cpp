#include "Figures.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace onedial::bench {

void print(const char *name, double value, const char *unit)
{
    std::printf("%s: %.3f %s\n", name, value, unit);
    // Children print to the same stream: each line must be out before one starts.
    std::fflush(stdout);
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

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
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(std::llround(fraction * double(values.size() - 1))));
    return values[at];
}

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
        {QStringLiteral("c"), QStringLiteral("ch"), QStringLiteral("che"), QStringLiteral("chen"),
         QStringLiteral("che"), QStringLiteral("ch"), QStringLiteral("c")},
    };
    return sequences;
}

} // namespace onedial::bench
