#include "Settings.h"

#include "SettingsFile.h"
#include "platform/PrivateFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace onedial {

Settings::Settings(const QString &path)
{
    const QString file = path.isEmpty() ? SettingsFile::defaultPath() : path;
    platform::makePrivateFolder(QFileInfo(file).absolutePath());
    platform::restrictToOwner(file);
    m_settings = std::make_unique<QSettings>(file, QSettings::IniFormat);
}

Settings::~Settings() = default;

QString Settings::path() const
{
    return m_settings->fileName();
}

QVariant Settings::rawValue(const char *key, const QVariant &defaultValue) const
{
    // Re-read first: the accounts' store or another instance may have written the file since.
    m_settings->sync();
    return m_settings->value(QLatin1String(key), defaultValue);
}

bool Settings::setRawValue(const char *key, const QVariant &value)
{
    // Like AccountStore: a file that could not be read is never overwritten.
    if (m_settings->status() != QSettings::NoError)
        return false;
    m_settings->setValue(QLatin1String(key), value);
    m_settings->sync();
    platform::restrictToOwner(m_settings->fileName());
    return m_settings->status() == QSettings::NoError;
}

} // namespace onedial
