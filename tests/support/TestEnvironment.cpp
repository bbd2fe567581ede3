#include "TestEnvironment.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTimer>

namespace onedial::test {

QString testDataPath(const QString &relative)
{
    return qEnvironmentVariable("ONEDIAL_TEST_SOURCE_DIR") + QStringLiteral("/data/") + relative;
}

QString importSamplePath(const char *name)
{
    return testDataPath(QStringLiteral("import/") + QString::fromLatin1(name));
}

QByteArray importSample(const char *name)
{
    QFile file(importSamplePath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", name);
    return file.readAll();
}

TestEnvironment::TestEnvironment()
{
    QDir().mkpath(configHome());
    QDir().mkpath(dataHome());
}

QProcessEnvironment TestEnvironment::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

void TestEnvironment::applyToThisProcess() const
{
    qputenv("XDG_CONFIG_HOME", configHome().toLocal8Bit());
    qputenv("XDG_DATA_HOME", dataHome().toLocal8Bit());
}

QString TestEnvironment::onedialExecutable()
{
    return qEnvironmentVariable("ONEDIAL_EXECUTABLE");
}

ProcessResult TestEnvironment::runOnedial(const QStringList &arguments, const QByteArray &input,
                                          int timeoutMs) const
{
    ProcessResult result;
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(onedialExecutable(), arguments);
    if (!process.waitForStarted(10000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    // An event loop, not waitForFinished: tests may run a loopback server in this process.
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        result.crashed = true;
    }
    result.exitCode = process.exitCode();
    result.crashed = result.crashed || process.exitStatus() == QProcess::CrashExit;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace onedial::test
