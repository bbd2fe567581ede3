// The user's accounts, contacts, history and exports are theirs alone (Linux and macOS): the
// folders OneDial creates are 0700, the settings file, the database with its journal files and
// every export 0600, whatever the umask; and those an older OneDial left readable by others are
// made private when OneDial next opens them. Checked with stat on real files, made in this
// process and by the real onedial executable.
#include "TestEnvironment.h"
#include "accounts/Account.h"
#include "accounts/AccountStore.h"
#include "core/Settings.h"
#include "platform/PrivateFiles.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <sys/stat.h>

using namespace onedial;

namespace {

// The permission bits of a file or folder, or -1 when it does not exist.
int modeOf(const QString &path)
{
    struct stat info = {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

QByteArray describeMode(const QString &path)
{
    return QByteArray::number(modeOf(path), 8) + ' ' + path.toLocal8Bit();
}

bool setMode(const QString &path, int mode)
{
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

// What processes that set no umask of their own get: files 0644, folders 0755.
class SystemUmask final
{
public:
    SystemUmask()
        : m_saved(::umask(022))
    {}
    ~SystemUmask() { ::umask(m_saved); }
    SystemUmask(const SystemUmask &) = delete;
    SystemUmask &operator=(const SystemUmask &) = delete;

private:
    mode_t m_saved;
};

Account anAccount()
{
    Account account;
    account.name = QStringLiteral("desk");
    account.api = Api::V1;
    account.appId = QStringLiteral("0a1e0000000000000000000000000001");
    account.sponsor = QStringLiteral("075528000003");
    account.caller = QStringLiteral("13800138000");
    return account;
}

} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void databaseIsPrivate();
    void databaseOfAnOlderVersionIsMadePrivate();
    void settingsArePrivate();
    void settingsOfAnOlderVersionAreMadePrivate();
    void readOnlyStaysReadOnly();
    void onedialCreatesPrivateFiles();
    void exportIsPrivate_data();
    void exportIsPrivate();
};

void TestPrivateFiles::databaseIsPrivate()
{
    const SystemUmask umask;
    test::TestEnvironment env;
    const QString folder = env.dataHome() + QStringLiteral("/onedial");
    const QString path = folder + QStringLiteral("/onedial.sqlite");
    {
        Database database(path);
        QVERIFY(database.open().ok());
        // WAL: the journal files exist while it is open.
        QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
        QCOMPARE(modeOf(path + QStringLiteral("-shm")), 0600);
    }
    QVERIFY2(modeOf(folder) == 0700, describeMode(folder));
    QVERIFY2(modeOf(path) == 0600, describeMode(path));
}

void TestPrivateFiles::databaseOfAnOlderVersionIsMadePrivate()
{
    const SystemUmask umask;
    test::TestEnvironment env;
    const QString folder = env.dataHome() + QStringLiteral("/onedial");
    const QString path = folder + QStringLiteral("/onedial.sqlite");
    {
        Database database(path);
        QVERIFY(database.open().ok());
    }
    // As an older OneDial left them.
    QVERIFY(setMode(folder, 0755));
    QVERIFY(setMode(path, 0644));
    QVERIFY(QFile::exists(path + QStringLiteral("-shm")) ? setMode(path + QStringLiteral("-shm"), 0644)
                                                         : true);

    Database database(path);
    QVERIFY(database.open().ok());
    QVERIFY2(modeOf(folder) == 0700, describeMode(folder));
    QVERIFY2(modeOf(path) == 0600, describeMode(path));
    QVERIFY2(modeOf(path + QStringLiteral("-shm")) == 0600, describeMode(path + QStringLiteral("-shm")));
}

void TestPrivateFiles::settingsArePrivate()
{
    const SystemUmask umask;
    test::TestEnvironment env;
    const QString folder = env.configHome() + QStringLiteral("/onedial");
    const QString path = folder + QStringLiteral("/onedial.ini");
    {
        AccountStore accounts(path);
        QVERIFY(accounts.save(anAccount()));
    }
    QVERIFY2(modeOf(folder) == 0700, describeMode(folder));
    QVERIFY2(modeOf(path) == 0600, describeMode(path));

    // The app's own settings, written by a later, atomic replacement of the file, keep the mode.
    Settings settings(path);
    QVERIFY(settings.setValue(Setting::DialLinksAtOnce, true));
    QVERIFY2(modeOf(path) == 0600, describeMode(path));

    // And a settings file made by Settings first.
    const QString other = env.configHome() + QStringLiteral("/other/onedial.ini");
    QVERIFY(Settings(other).setValue(Setting::DialLinksAtOnce, true));
    QVERIFY2(modeOf(other) == 0600, describeMode(other));
    QVERIFY2(modeOf(QFileInfo(other).absolutePath()) == 0700, describeMode(QFileInfo(other).absolutePath()));
}

void TestPrivateFiles::settingsOfAnOlderVersionAreMadePrivate()
{
    const SystemUmask umask;
    test::TestEnvironment env;
    const QString folder = env.configHome() + QStringLiteral("/onedial");
    const QString path = folder + QStringLiteral("/onedial.ini");
    QVERIFY(QDir().mkpath(folder));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[General]\ndefault_account=desk\n");
    file.close();
    QVERIFY(setMode(folder, 0755));
    QVERIFY(setMode(path, 0644));

    AccountStore accounts(path); // only reading
    QVERIFY(accounts.isReadable());
    QVERIFY2(modeOf(folder) == 0700, describeMode(folder));
    QVERIFY2(modeOf(path) == 0600, describeMode(path));
}

void TestPrivateFiles::readOnlyStaysReadOnly()
{
    // Mending only takes the group's and others' permissions away; it never grants any.
    test::TestEnvironment env;
    const QString path = env.home() + QStringLiteral("/read-only");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(setMode(path, 0444));
    platform::restrictToOwner(path);
    QCOMPARE(modeOf(path), 0400);
    QVERIFY(setMode(path, 0600));
}

void TestPrivateFiles::onedialCreatesPrivateFiles()
{
    // The real program, with the umask most systems give it.
    const SystemUmask umask;
    test::TestEnvironment env;
    const test::ProcessResult imported = env.runOnedial(
        {QStringLiteral("contacts"), QStringLiteral("import"), test::importSamplePath("iphone.vcf")});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QString data = env.dataHome() + QStringLiteral("/onedial");
    QVERIFY2(modeOf(data) == 0700, describeMode(data));
    const QDir folder(data);
    const QStringList files = folder.entryList(QDir::Files | QDir::Hidden);
    QVERIFY2(files.contains(QStringLiteral("onedial.sqlite")), qPrintable(files.join(QLatin1Char(' '))));
    for (const QString &name : files)
        QVERIFY2(modeOf(folder.filePath(name)) == 0600, describeMode(folder.filePath(name)));
}

void TestPrivateFiles::exportIsPrivate_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("existingMode"); // -1: a new file
    QTest::newRow("new vCard") << QStringLiteral("contacts.vcf") << -1;
    QTest::newRow("new CSV") << QStringLiteral("contacts.csv") << -1;
    QTest::newRow("replacing a readable file") << QStringLiteral("contacts.vcf") << 0644;
}

void TestPrivateFiles::exportIsPrivate()
{
    QFETCH(QString, file);
    QFETCH(int, existingMode);
    const SystemUmask umask;
    test::TestEnvironment env;
    QVERIFY(env.runOnedial({QStringLiteral("contacts"), QStringLiteral("import"),
                            test::importSamplePath("android.vcf")})
                .exitCode == 0);
    const QString path = env.home() + QLatin1Char('/') + file;
    if (existingMode >= 0) {
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.close();
        QVERIFY(setMode(path, existingMode));
    }
    const test::ProcessResult exported =
        env.runOnedial({QStringLiteral("contacts"), QStringLiteral("export"), path});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QVERIFY(QFileInfo(path).size() > 0);
    QVERIFY2(modeOf(path) == 0600, describeMode(path));
}

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"
