#include "Figures.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unistd.h>

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
    return statusMiB(0, field);
}

double statusMiB(qint64 pid, const char *field)
{
    const double kiB = statusNumber(pid, field);
    return kiB < 0 ? -1 : kiB / 1024.0;
}

double statusNumber(qint64 pid, const char *field)
{
    QFile status(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field)) + 1).trimmed().split(' ').value(0).toDouble();
    }
    return -1;
}

CpuTimes cpuTimesOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    // The command name in parentheses may hold spaces: fields are counted after its ')'.
    // utime and stime are fields 14 and 15, the 12th and 13th after it.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return {};
    const double msPerTick = 1000.0 / double(::sysconf(_SC_CLK_TCK));
    return {fields.at(11).toDouble() * msPerTick, fields.at(12).toDouble() * msPerTick};
}

ThreadTimes mainThreadTimes(qint64 pid)
{
    QFile schedstat(QStringLiteral("/proc/%1/schedstat").arg(pid));
    if (!schedstat.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = schedstat.readAll().trimmed().split(' ');
    if (fields.size() < 2)
        return {};
    return {fields.at(0).toDouble() / 1e6, fields.at(1).toDouble() / 1e6};
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
