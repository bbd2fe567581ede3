// Per-test isolation: a throw-away HOME with XDG folders, and running the real onedial
// executable in it.
#pragma once

#include <QByteArray>
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

class TestEnvironment final
{
public:
    TestEnvironment();

    bool isValid() const { return m_dir.isValid(); }
    QString home() const { return m_dir.path(); }
    QString configHome() const { return m_dir.path() + QStringLiteral("/.config"); }
    QString dataHome() const { return m_dir.path() + QStringLiteral("/.local/share"); }
    QProcessEnvironment environment() const;

    // Points this process's QStandardPaths at the throw-away folders too.
    void applyToThisProcess() const;

    // Runs the onedial executable (path from $ONEDIAL_EXECUTABLE) with stdin fed from input.
    ProcessResult runOnedial(const QStringList &arguments, const QByteArray &input = {},
                             int timeoutMs = 30000) const;
    static QString onedialExecutable();

private:
    QTemporaryDir m_dir;
};

} // namespace onedial::test
