// Start-up to first paint, timed from outside: the real onedial --exit-after-startup and the
// minimal Qt Widgets window beside it, each a child process from its start to its exit.
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <vector>

namespace onedial::bench {

// One run of a child: wall time from just before it was spawned to its exit, and its peak
// resident memory as the kernel reports it to wait4(), both taken by onedial_timed_run.
struct ChildRun
{
    double ms = -1;
    double peakRssMiB = -1;
    bool ok = false;
};

// Runs program through onedial_timed_run and waits for it. Its output goes to logPath, shown
// when it fails.
ChildRun runChild(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, const QString &logPath, int timeoutMs = 120000);

struct StartupSubject
{
    const char *name; // the figure's name, e.g. "startup_app_10k"
    QString program;
    QStringList arguments;
    QProcessEnvironment environment;
    std::vector<ChildRun> runs;
};

// After one warm-up run of each, runs every subject repetitions times, in turn (so that a
// slower moment of the machine hits them all alike), and keeps the runs in each subject.
bool runStartups(std::vector<StartupSubject> &subjects, int repetitions, const QString &logFolder);

} // namespace onedial::bench
