// The test folders keep tests away from the person running them: ctest gives each test process
// its own HOME and a private runtime folder (not the invoking user's), and a onedial started
// through TestEnvironment claims its single instance in a folder of its own. So a OneDial the
// developer has open never receives anything from a test, and a test never talks to it.
#include "TestEnvironment.h"
#include "platform/ProcessHandOff.h"
#include "platform/SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace onedial;

namespace {

#ifdef Q_OS_UNIX
// The environment of the process that started this one (ctest, or a shell when run by hand).
QMap<QByteArray, QByteArray> parentEnvironment()
{
    QMap<QByteArray, QByteArray> variables;
#ifdef Q_OS_LINUX
    QFile file(QStringLiteral("/proc/%1/environ").arg(getppid()));
    if (!file.open(QIODevice::ReadOnly))
        return variables;
    for (const QByteArray &entry : file.readAll().split('\0')) {
        const qsizetype equals = entry.indexOf('=');
        if (equals > 0)
            variables.insert(entry.left(equals), entry.mid(equals + 1));
    }
#endif
    return variables;
}

// The folder is ours and nobody else may enter it.
bool isPrivateFolder(const QString &path, QByteArray *why)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        *why = "missing: " + path.toLocal8Bit();
        return false;
    }
    if (!S_ISDIR(info.st_mode) || info.st_uid != ::getuid() || (info.st_mode & 07777) != 0700) {
        *why = QByteArray::number(info.st_mode & 07777, 8) + " owner " + QByteArray::number(info.st_uid) +
               ": " + path.toLocal8Bit();
        return false;
    }
    return true;
}
#endif

} // namespace

class TestIsolation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thisProcessHasItsOwnFolders();
    void startedOnedialClaimsItsOwnInstance();
};

void TestIsolation::thisProcessHasItsOwnFolders()
{
#ifndef Q_OS_LINUX
    QSKIP("reads the parent's environment from /proc");
#else
    const QString root = qEnvironmentVariable("ONEDIAL_TEST_HOME_ROOT");
    QVERIFY2(!root.isEmpty(), "run by ctest, which sets ONEDIAL_TEST_HOME_ROOT");
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    const QString home = QDir::homePath();

    QByteArray why;
    // Where OneDial would put its lock and socket in this process: the test's own runtime folder.
    QCOMPARE(platform::handOffDirectory(), runtime);
    QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation), runtime);
    const QString runtimeRoot = qEnvironmentVariable("ONEDIAL_TEST_RUNTIME_ROOT");
    QVERIFY2(!runtimeRoot.isEmpty(), "run by ctest, which sets ONEDIAL_TEST_RUNTIME_ROOT");
    QVERIFY2(runtime.startsWith(runtimeRoot + QLatin1Char('/')), qPrintable(runtime));
    QVERIFY2(isPrivateFolder(runtimeRoot, &why), why.constData());
    QVERIFY2(home.startsWith(root + QLatin1Char('/')), qPrintable(home));
    QVERIFY2(isPrivateFolder(runtime, &why), why.constData());

    // Not what the process that started this test has, which is the user's when ctest is run by
    // hand; nor the user's own home.
    const QMap<QByteArray, QByteArray> parent = parentEnvironment();
    QVERIFY2(!parent.isEmpty(), "cannot read the parent's environment");
    QVERIFY(parent.value("XDG_RUNTIME_DIR") != runtime.toLocal8Bit());
    QVERIFY(parent.value("HOME") != home.toLocal8Bit());
    // Nor the session bus or the display: through them a test could reach the user's keychain.
    QVERIFY(qEnvironmentVariable("DISPLAY").isEmpty());
    const QString bus = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY2(bus.startsWith(QStringLiteral("unix:path=") + runtime + QLatin1Char('/')), qPrintable(bus));
    QVERIFY(!QFileInfo::exists(bus.mid(int(qstrlen("unix:path=")))));
    QVERIFY(QFileInfo(QStringLiteral("/run/user/%1").arg(::getuid())).canonicalFilePath() !=
            QFileInfo(runtime).canonicalFilePath());

    // Every test has its own: the runtime folder is named by a hash of this test's name (short, for
    // the socket path).
    const QByteArray hash = QCryptographicHash::hash("tst_testisolation", QCryptographicHash::Sha1).toHex();
    QCOMPARE(QFileInfo(runtime).fileName(), QString::fromLatin1(hash.left(10)));
#endif
}

void TestIsolation::startedOnedialClaimsItsOwnInstance()
{
    // A OneDial that already runs where this test runs, as the developer's own runs in theirs.
    SingleInstance open;
    QCOMPARE(open.claim(), SingleInstance::Role::Primary);
    QVERIFY(open.isListening());
    QSignalSpy received(&open, &SingleInstance::argumentsReceived);

    test::TestEnvironment env;
    QVERIFY(env.isValid());
    QVERIFY(env.runtimeDir() != platform::handOffDirectory());
#ifdef Q_OS_UNIX
    QByteArray why;
    QVERIFY2(isPrivateFolder(env.runtimeDir(), &why), why.constData());
#endif

    QProcess onedial;
    QProcessEnvironment environment = env.environment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("onedial.instance.info=true"));
    onedial.setProcessEnvironment(environment);
    QByteArray log;
    connect(&onedial, &QProcess::readyReadStandardError, this,
            [&onedial, &log] { log += onedial.readAllStandardError(); });
    onedial.start(test::TestEnvironment::onedialExecutable(), {QStringLiteral("--sandbox")});
    QVERIFY(onedial.waitForStarted(10000));

    // It becomes the first instance of its own environment instead of handing over to ours.
    const QString own =
        SingleInstance(env.runtimeDir(), SingleInstance::baseNameForHome(env.instanceHome())).serverName();
#ifdef Q_OS_WIN
    const QByteArray listening =
        "listening on \\\\.\\pipe\\" + QFile::encodeName(own); // the pipe's full name
#else
    const QByteArray listening = "listening on " + QFile::encodeName(own);
#endif
    QTRY_VERIFY2_WITH_TIMEOUT(log.contains(listening) || onedial.state() == QProcess::NotRunning,
                              log.constData(), 30000);
    QVERIFY2(log.contains(listening), log.constData());
    QCOMPARE(onedial.state(), QProcess::Running);
    QVERIFY(own != open.serverName());
    QCOMPARE(received.count(), 0);

    onedial.kill();
    onedial.waitForFinished(10000);
}

QTEST_GUILESS_MAIN(TestIsolation)
#include "tst_testisolation.moc"
