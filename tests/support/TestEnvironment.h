// Per-test isolation: a throw-away HOME with XDG folders and a private runtime folder, and
// running the real onedial executable in it. A onedial started here never meets the OneDial of
// the person running the tests, nor that of the test process: its instance lock and socket live
// in this environment's own runtime folder.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace onedial::test {

struct ProcessResult
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};

// Files under tests/data (found through $ONEDIAL_TEST_SOURCE_DIR, which every test gets).
QString testDataPath(const QString &relative);
// tests/data/import/<name>, the import samples; importSample() stops the test run if it is missing.
QString importSamplePath(const char *name);
QByteArray importSample(const char *name);

// Whether this process may write any file whatever its permissions (root on Linux and macOS;
// never so on Windows, where a file's read-only attribute holds for administrators too).
bool isSuperUser();

class TestEnvironment final
{
public:
    TestEnvironment();

    bool isValid() const { return m_dir.isValid(); }
    QString home() const { return m_dir.path(); }
    // The home folder a OneDial started here sees (its instance name is made from it): home() on
    // Unix, through HOME; on Windows Qt asks the system for the user's profile folder, whatever
    // USERPROFILE says, so the user's own (the instance stays apart through %TEMP%).
    QString instanceHome() const;
    QString configHome() const { return m_dir.path() + QStringLiteral("/.config"); }
    QString dataHome() const { return m_dir.path() + QStringLiteral("/.local/share"); }
    QString cacheHome() const { return m_dir.path() + QStringLiteral("/.cache"); }
    QString stateHome() const { return m_dir.path() + QStringLiteral("/.local/state"); }
    // XDG_RUNTIME_DIR on Linux, mode 0700; the temporary folder (TMPDIR, TEMP) on macOS and
    // Windows, where OneDial keeps its instance lock there. Short: a Unix socket path is limited.
    QString runtimeDir() const;
    QString tempDir() const { return m_dir.path() + QStringLiteral("/tmp"); }
    QProcessEnvironment environment() const;

    // Points this process's QStandardPaths (and its HOME) at the throw-away folders too.
    void applyToThisProcess() const;

    // Runs the onedial executable (path from $ONEDIAL_EXECUTABLE) with stdin fed from input.
    ProcessResult runOnedial(const QStringList &arguments, const QByteArray &input = {},
                             int timeoutMs = 30000) const;
    static QString onedialExecutable();

private:
    // The variables that point a process at these folders, per OS.
    QList<QPair<QString, QString>> variables() const;

    QTemporaryDir m_dir;
};

} // namespace onedial::test
