// How the benchmark reports: one "name: value unit" line per figure on standard output, the
// statistics over repeated samples, and the memory figures the kernel keeps for a process.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QStringList>

#include <vector>

namespace onedial::bench {

void print(const char *name, double value, const char *unit);
double msSince(const QElapsedTimer &timer);
// A line of /proc/self/status in MiB (VmHWM: peak resident memory; VmRSS: current); -1 when
// it cannot be read (not Linux).
double statusMiB(const char *field);
// The same for another process of ours (a child's /proc/PID/status).
double statusMiB(qint64 pid, const char *field);
// A line of a process's /proc/PID/status as it is (voluntary_ctxt_switches: the times its main
// thread went to sleep); -1 when it cannot be read.
double statusNumber(qint64 pid, const char *field);
// CPU time (all threads) a process has used so far, in its own code and libraries (user) and in
// the kernel for it (system), from /proc/PID/stat; -1 when it cannot be read.
struct CpuTimes
{
    double userMs = -1;
    double systemMs = -1;
    double totalMs() const { return userMs + systemMs; }
};
CpuTimes cpuTimesOf(qint64 pid);
// A process's main thread as the scheduler saw it (/proc/PID/schedstat): time on a core, and
// time runnable but waiting for one (a busy machine's share); -1 when it cannot be read.
struct ThreadTimes
{
    double runMs = -1;
    double waitMs = -1;
};
ThreadTimes mainThreadTimes(qint64 pid);
// fraction 0.5 is the median, 1.0 the largest sample.
double percentile(std::vector<double> values, double fraction);

// What a salesperson types into the search field, one key at a time (an input method hands
// over whole Chinese characters); a shorter entry after a longer one is a backspace.
const QList<QStringList> &typingSequences();

} // namespace onedial::bench
