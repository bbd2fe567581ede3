#include "TestEnvironment.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QTimer>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

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

bool isSuperUser()
{
#if defined(Q_OS_UNIX)
    return ::geteuid() == 0;
#else
    return false;
#endif
}

namespace {

constexpr QFile::Permissions kPrivate = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

} // namespace

TestEnvironment::TestEnvironment()
{
    for (const QString &dir : {configHome(), dataHome(), cacheHome(), stateHome(), runtimeDir(), tempDir()})
        QDir().mkpath(dir);
    // As a login session's runtime folder is (Qt refuses one that others may enter).
    QFile::setPermissions(runtimeDir(), kPrivate);
    QFile::setPermissions(tempDir(), kPrivate);
}

QString TestEnvironment::instanceHome() const
{
#ifdef Q_OS_WIN
    return QDir::homePath();
#else
    return home();
#endif
}

QString TestEnvironment::runtimeDir() const
{
#if defined(Q_OS_MACOS) || defined(Q_OS_WIN)
    return tempDir();
#else
    return m_dir.path() + QStringLiteral("/run");
#endif
}

QList<QPair<QString, QString>> TestEnvironment::variables() const
{
    QList<QPair<QString, QString>> variables = {
        // Linux and the BSDs: QStandardPaths and the instance lock and socket ($XDG_RUNTIME_DIR).
        {QStringLiteral("HOME"), home()},
        {QStringLiteral("XDG_CONFIG_HOME"), configHome()},
        {QStringLiteral("XDG_DATA_HOME"), dataHome()},
        {QStringLiteral("XDG_CACHE_HOME"), cacheHome()},
        {QStringLiteral("XDG_STATE_HOME"), stateHome()},
        {QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir()},
    };
#if defined(Q_OS_MACOS)
    // macOS: the instance lock and socket are in QDir::tempPath(), $TMPDIR.
    variables.append({QStringLiteral("TMPDIR"), tempDir()});
#elif defined(Q_OS_WIN)
    // Windows: the instance lock is in %TEMP% (GetTempPath reads TMP first); OneDial's settings
    // and data follow %LOCALAPPDATA% and %APPDATA% (core/AppInfo.h).
    variables.append({QStringLiteral("TEMP"), tempDir()});
    variables.append({QStringLiteral("TMP"), tempDir()});
    variables.append({QStringLiteral("USERPROFILE"), home()});
    // The same folders as XDG_DATA_HOME and XDG_CONFIG_HOME, so tests find the files in one place.
    variables.append({QStringLiteral("APPDATA"), dataHome()});
    variables.append({QStringLiteral("LOCALAPPDATA"), configHome()});
#endif
    return variables;
}

QProcessEnvironment TestEnvironment::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : variables())
        env.insert(name, value);
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

void TestEnvironment::applyToThisProcess() const
{
    for (const auto &[name, value] : variables())
        qputenv(name.toLocal8Bit().constData(), value.toLocal8Bit());
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
#ifdef Q_OS_WIN
    // The C runtime writes a Windows program's text output with CRLF line ends; the tests
    // compare lines.
    result.out.replace("\r\n", "\n");
    result.err.replace("\r\n", "\n");
#endif
    return result;
}

} // namespace onedial::test
