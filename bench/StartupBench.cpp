#include "StartupBench.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <cstdio>

namespace onedial::bench {

ChildRun runChild(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, const QString &logPath, int timeoutMs)
{
    ChildRun run;
    QProcess launcher;
    launcher.setProcessEnvironment(environment);
    launcher.start(QStringLiteral(ONEDIAL_TIMED_RUN_PATH), QStringList{logPath, program} + arguments);
    const bool finished = launcher.waitForFinished(timeoutMs);
    const QList<QByteArray> figures = launcher.readAllStandardOutput().trimmed().split(' ');
    run.ok = finished && launcher.exitStatus() == QProcess::NormalExit && launcher.exitCode() == 0 &&
             figures.size() == 2;
    if (!run.ok) {
        QFile output(logPath);
        output.open(QIODevice::ReadOnly);
        std::fprintf(stderr, "%s %s failed: %s\n%s\n", qPrintable(program),
                     qPrintable(arguments.join(QLatin1Char(' '))),
                     launcher.readAllStandardError().constData(), output.readAll().constData());
        return run;
    }
    run.ms = figures.at(0).toDouble();
    run.peakRssMiB = figures.at(1).toDouble() / 1024.0;
    return run;
}

bool runStartups(std::vector<StartupSubject> &subjects, int repetitions, const QString &logFolder)
{
    const QString log = QDir(logFolder).filePath(QStringLiteral("child.log"));
    // The warm-up fills the page cache with Qt's libraries, fonts and the database file.
    for (StartupSubject &subject : subjects) {
        if (!runChild(subject.program, subject.arguments, subject.environment, log).ok)
            return false;
    }
    for (int repetition = 0; repetition < repetitions; ++repetition) {
        for (StartupSubject &subject : subjects) {
            const ChildRun run = runChild(subject.program, subject.arguments, subject.environment, log);
            if (!run.ok)
                return false;
            subject.runs.push_back(run);
        }
    }
    return true;
}

} // namespace onedial::bench
