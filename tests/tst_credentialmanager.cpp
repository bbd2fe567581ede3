// CredentialStore on Windows, against Wine's real Credential Manager (CredWriteW/CredReadW, what
// QtKeychain's Windows back-end calls): a key written is found there and in no file, read back by
// another store and by the onedial executable for a signed dial, and deleted. It writes the user's
// credentials, so it runs only under Wine, in the Windows checks' throw-away prefix.
#include "TestEnvironment.h"
#include "accounts/CredentialStore.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <windows.h>
// After windows.h, whose types it uses.
#include <wincred.h>

using namespace onedial;
using onedial::test::ProcessResult;
using onedial::test::TestEnvironment;

namespace {

bool underWine()
{
    const HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    return ntdll != nullptr && GetProcAddress(ntdll, "wine_get_version") != nullptr;
}

QByteArray randomKeyText()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64();
}

QString uniqueAccountName()
{
    return QStringLiteral("wine-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

CredentialStore::Result wait(const std::function<void(CredentialStore::Callback)> &start)
{
    CredentialStore::Result result;
    QEventLoop loop;
    bool done = false;
    start([&](const CredentialStore::Result &r) {
        result = r;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    if (!done)
        loop.exec();
    return result;
}

// The generic credentials whose secret holds `needle`, by target name.
QStringList credentialsHolding(const QByteArray &needle)
{
    QStringList targets;
    DWORD count = 0;
    PCREDENTIALW *credentials = nullptr;
    if (!CredEnumerateW(nullptr, 0, &count, &credentials))
        return targets;
    for (DWORD i = 0; i < count; ++i) {
        const CREDENTIALW *c = credentials[i];
        const QByteArray blob(reinterpret_cast<const char *>(c->CredentialBlob), int(c->CredentialBlobSize));
        const QString wide = QString::fromWCharArray(reinterpret_cast<const wchar_t *>(c->CredentialBlob),
                                                     int(c->CredentialBlobSize / sizeof(wchar_t)));
        if (blob.contains(needle) || wide.toUtf8().contains(needle))
            targets << QString::fromWCharArray(c->TargetName);
    }
    CredFree(credentials);
    return targets;
}

// Files under `folder` whose bytes hold `needle` (as UTF-8 or UTF-16).
QStringList filesHolding(const QString &folder, const QByteArray &needle)
{
    const QString text = QString::fromLatin1(needle);
    const QByteArray wide(reinterpret_cast<const char *>(text.utf16()), int(text.size() * 2));
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = file.readAll();
            if (bytes.contains(needle) || bytes.contains(wide))
                found << file.fileName();
        }
    }
    return found;
}

} // namespace

class TestCredentialManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeReadDelete();
    void commandLineKeepsTheKeyInTheCredentialManager();
};

void TestCredentialManager::initTestCase()
{
    if (!underWine())
        QSKIP(
            "writes the user's Credential Manager: runs only in the Windows checks' throw-away Wine prefix");
}

void TestCredentialManager::writeReadDelete()
{
    const QString account = uniqueAccountName();
    const QByteArray keyText = randomKeyText();
    const AccessKey key(keyText);
    {
        CredentialStore store;
        const auto written = wait([&](auto done) { store.writeKey(account, key, this, done); });
        QVERIFY2(written.ok(), qPrintable(written.message));
    }
    // In the Credential Manager, once, under OneDial's name for the account.
    const QStringList targets = credentialsHolding(keyText);
    QCOMPARE(targets.size(), 1);
    QVERIFY2(targets.first().contains(CredentialStore::entryName(account)), qPrintable(targets.first()));

    // Another store (a later run of OneDial) reads it back.
    CredentialStore other;
    const auto read = wait([&](auto done) { other.readKey(account, this, done); });
    QVERIFY2(read.ok(), qPrintable(read.message));
    QCOMPARE(read.key.base64Text(), keyText);
    QVERIFY(!read.sessionOnly);

    const auto deleted = wait([&](auto done) { other.deleteKey(account, this, done); });
    QVERIFY2(deleted.ok(), qPrintable(deleted.message));
    QVERIFY(credentialsHolding(keyText).isEmpty());
    const auto gone = wait([&](auto done) { other.readKey(account, this, done); });
    QCOMPARE(gone.status, CredentialStore::Status::NotFound);
}

void TestCredentialManager::commandLineKeepsTheKeyInTheCredentialManager()
{
    // The sandbox as the account's service: it checks each request's signature with its key.
    SandboxServer sandbox;
    QVERIFY(sandbox.listen());
    TestEnvironment env;
    const QString account = uniqueAccountName();
    const QByteArray keyText = SandboxScenarios::key();
    const ProcessResult added =
        env.runOnedial({QStringLiteral("account"), QStringLiteral("add"), account, QStringLiteral("--api"),
                        QStringLiteral("v1"), QStringLiteral("--appid"), SandboxScenarios::appId(),
                        QStringLiteral("--sponsor"), QStringLiteral("075528000003"),
                        QStringLiteral("--caller"), QStringLiteral("13800138000"),
                        QStringLiteral("--endpoint"), QString::fromUtf8(sandbox.baseUrl().toEncoded())},
                       keyText + '\n');
    QVERIFY2(added.exitCode == 0, QByteArray(added.out + added.err).constData());
    QVERIFY(!added.out.contains(keyText) && !added.err.contains(keyText));
    QCOMPARE(credentialsHolding(keyText).size(), 1);

    // A dial signs with the key read from the Credential Manager, and the service accepts it.
    const ProcessResult dialled =
        env.runOnedial({QStringLiteral("dial"), QStringLiteral("13912345678"), QStringLiteral("--account"),
                        account, QStringLiteral("--json")});
    QVERIFY2(dialled.exitCode == 0, QByteArray(dialled.out + dialled.err).constData());
    QVERIFY2(dialled.out.contains("\"outcome\":\"accepted\""), dialled.out.constData());
    QVERIFY(!dialled.out.contains(keyText) && !dialled.err.contains(keyText));

    // Not in any file it wrote: its settings and data (the test's folders and the profile's
    // AppData, wherever Windows put them).
    for (const QString &folder :
         {env.home(), QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
          QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)}) {
        const QStringList holding = filesHolding(folder, keyText);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(QLatin1Char('\n'))));
    }

    const ProcessResult removed =
        env.runOnedial({QStringLiteral("account"), QStringLiteral("remove"), account});
    QVERIFY2(removed.exitCode == 0, QByteArray(removed.out + removed.err).constData());
    QVERIFY(credentialsHolding(keyText).isEmpty());
}

QTEST_GUILESS_MAIN(TestCredentialManager)
#include "tst_credentialmanager.moc"
