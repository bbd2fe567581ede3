// The per-user lock that keeps one number from being dialled twice at once across processes:
// a second holder is refused, the lock is free once released, and a holder that crashed (killed
// with SIGKILL, so it never released anything) does not block the number.
#include "TestEnvironment.h"
#include "platform/DialLock.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace onedial;

class TestDialLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void secondHolderIsRefused();
    void lockLivesInThePrivateRuntimeFolder();
    void crashedHolderDoesNotBlock();

private:
    test::TestEnvironment m_env;
};

void TestDialLock::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
}

void TestDialLock::secondHolderIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto first = std::make_unique<DialLock>(QStringLiteral("8613800138000"), dir.path());
    QCOMPARE(first->acquire(), DialLock::State::Held);
    DialLock second(QStringLiteral("8613800138000"), dir.path());
    QCOMPARE(second.acquire(), DialLock::State::Busy);
    DialLock other(QStringLiteral("075528000003"), dir.path());
    QCOMPARE(other.acquire(), DialLock::State::Held); // another number is another lock
    first.reset();
    DialLock third(QStringLiteral("8613800138000"), dir.path());
    QCOMPARE(third.acquire(), DialLock::State::Held);
}

void TestDialLock::lockLivesInThePrivateRuntimeFolder()
{
    const QString folder = DialLock::defaultDirectory();
    QVERIFY2(folder.startsWith(m_env.runtimeDir()), qPrintable(folder));
    DialLock lock(QStringLiteral("8613800138000"));
    QCOMPARE(lock.acquire(), DialLock::State::Held);
    QVERIFY(QFileInfo::exists(lock.path()));
#ifndef Q_OS_WIN
    // The folder above it is the user's own (0700), so nobody else can hold or remove a lock.
    // (Windows: %TEMP% is inside the user's profile, private through its ACLs, which Qt does not
    // report as permissions.)
    QCOMPARE(QFileInfo(m_env.runtimeDir()).permissions() & (QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
#endif
}

void TestDialLock::crashedHolderDoesNotBlock()
{
#ifdef Q_OS_UNIX
    // A real onedial holding the number: its request to the sandbox's slow number stays open.
    QProcess holder;
    holder.setProcessEnvironment(m_env.environment());
    holder.start(test::TestEnvironment::onedialExecutable(),
                 {QStringLiteral("dial"), QStringLiteral("138 0000 0901"), QStringLiteral("--sandbox"),
                  QStringLiteral("--timeout"), QStringLiteral("60")});
    QVERIFY(holder.waitForStarted());
    const QString path = DialLock(QStringLiteral("8613800000901")).path();
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path), 10000);
    {
        DialLock whileAlive(QStringLiteral("8613800000901"));
        QCOMPARE(whileAlive.acquire(), DialLock::State::Busy);
    }
    holder.kill(); // SIGKILL: no destructor runs, the lock file stays behind
    QVERIFY(holder.waitForFinished(5000));
    QVERIFY(QFileInfo::exists(path));
    DialLock afterCrash(QStringLiteral("8613800000901"));
    QCOMPARE(afterCrash.acquire(), DialLock::State::Held);
#else
    QSKIP("the crashed holder is simulated with SIGKILL");
#endif
}

QTEST_GUILESS_MAIN(TestDialLock)
#include "tst_diallock.moc"
