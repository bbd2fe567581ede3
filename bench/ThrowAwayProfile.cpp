#include "ThrowAwayProfile.h"

#include <QDir>
#include <QFile>

namespace onedial::bench {

ThrowAwayProfile::ThrowAwayProfile()
{
    if (!m_root.isValid())
        return;
    const QDir root(m_root.path());
    m_valid = root.mkpath(QStringLiteral("config/onedial")) && root.mkpath(QStringLiteral("data/onedial")) &&
              root.mkpath(QStringLiteral("runtime"));
    // Qt warns about, and then repairs, a runtime folder that others can read; either would
    // add to the time being measured.
    m_valid = m_valid && QFile::setPermissions(root.filePath(QStringLiteral("runtime")),
                                               QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QString ThrowAwayProfile::databasePath() const
{
    return m_root.filePath(QStringLiteral("data/onedial/onedial.sqlite"));
}

QProcessEnvironment ThrowAwayProfile::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_root.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_root.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_root.filePath(QStringLiteral("runtime")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

} // namespace onedial::bench
