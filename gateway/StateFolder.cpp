#include "StateFolder.h"

#include "platform/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace onedial::gateway {

namespace {

// A key file is a line of base64; anything much longer is not one.
constexpr qint64 kMaxKeyFileBytes = 4096;

} // namespace

QString StateFolder::defaultPath()
{
    // systemd may list several folders separated by colons; the gateway's unit has one.
    QString fromSystemd = qEnvironmentVariable("STATE_DIRECTORY").section(QLatin1Char(':'), 0, 0);
    if (!fromSystemd.isEmpty())
        return fromSystemd;
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/onedial-gateway");
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/onedial-gateway");
}

StateFolder::StateFolder(QString path)
    : m_path(QDir::cleanPath(QDir(path).absolutePath()))
{}

QString StateFolder::keyFilePath() const
{
    return QDir(m_path).filePath(QLatin1String(kKeyFileName));
}

QString StateFolder::databasePath() const
{
    return QDir(m_path).filePath(QLatin1String(kDatabaseFileName));
}

bool StateFolder::prepare(QString *error) const
{
    if (!platform::makePrivateFolder(m_path)) {
        *error = tr("Cannot create the state folder %1. Check that its parent exists and that you may write "
                    "in it.")
                     .arg(m_path);
        return false;
    }
    return true;
}

bool StateFolder::becomeOwner(QString *error) const
{
    if (::geteuid() != 0)
        return true;
    struct stat info = {};
    if (::stat(QFile::encodeName(m_path).constData(), &info) != 0 || info.st_uid == 0)
        return true; // a new folder, or root's own: stay root
    const struct passwd *owner = ::getpwuid(info.st_uid);
    const gid_t group = owner ? owner->pw_gid : info.st_gid;
    if (::setgroups(0, nullptr) != 0 || ::setgid(group) != 0 || ::setuid(info.st_uid) != 0) {
        *error = tr("Cannot continue as the owner of %1 (user id %2): %3.")
                     .arg(m_path)
                     .arg(info.st_uid)
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

AccessKey StateFolder::readKey(QString *error, KeySource *source) const
{
    if (source)
        *source = KeySource::None;
    QString path = keyFilePath();
    KeySource from = KeySource::File;
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (!credentials.isEmpty() &&
        QFileInfo::exists(QDir(credentials).filePath(QLatin1String(kCredentialName)))) {
        path = QDir(credentials).filePath(QLatin1String(kCredentialName));
        from = KeySource::Credential;
    }
    QFile file(path);
    if (!file.exists()) {
        *error = tr("No OneNET access key is set. Run `onedial-gateway account set` with the key on standard "
                    "input.");
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the access key file %1: %2.").arg(path, file.errorString());
        return {};
    }
    if (file.size() > kMaxKeyFileBytes) {
        *error = tr("The access key file %1 is not a key (it is larger than %2 bytes).")
                     .arg(path)
                     .arg(kMaxKeyFileBytes);
        return {};
    }
    QByteArray text = file.readAll();
    AccessKey key(text.trimmed());
    text.fill('\0');
    if (const QString problem = key.problem(); !problem.isEmpty()) {
        *error = tr("The access key in %1 cannot be used: %2").arg(path, problem);
        return {};
    }
    if (source)
        *source = from;
    return key;
}

bool StateFolder::writeKey(const AccessKey &key, QString *error) const
{
    return writePrivate(keyFilePath(), key.base64Text() + '\n', error);
}

bool StateFolder::writePrivate(const QString &path, const QByteArray &content, QString *error) const
{
    if (!prepare(error))
        return false;
    QSaveFile file(path);
    // The temporary file is made with the process's umask; it is narrowed before the secret is in it.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = tr("Cannot write %1: %2.").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    file.write(content);
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString StateFolder::databasePasswordPath() const
{
    return QDir(m_path).filePath(QLatin1String(kDatabasePasswordName));
}

bool StateFolder::readDatabasePassword(QString *password, QString *error) const
{
    password->clear();
    QString path = databasePasswordPath();
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (!credentials.isEmpty() &&
        QFileInfo::exists(QDir(credentials).filePath(QLatin1String(kDatabasePasswordName)))) {
        path = QDir(credentials).filePath(QLatin1String(kDatabasePasswordName));
    }
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the database password file %1: %2.").arg(path, file.errorString());
        return false;
    }
    if (file.size() > kMaxKeyFileBytes) {
        *error = tr("The database password file %1 is larger than %2 bytes.").arg(path).arg(kMaxKeyFileBytes);
        return false;
    }
    QByteArray text = file.readAll();
    // One line: a final line break (an editor's, or echo's) is not part of the password.
    while (text.endsWith('\n') || text.endsWith('\r'))
        text.chop(1);
    *password = QString::fromUtf8(text);
    text.fill('\0');
    return true;
}

bool StateFolder::writeDatabasePassword(const QByteArray &password, QString *error) const
{
    return writePrivate(databasePasswordPath(), password, error);
}

} // namespace onedial::gateway
