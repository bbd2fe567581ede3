#include "SettingsFile.h"

#include "AppInfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>

namespace onedial {

namespace {
constexpr qint64 kMaxSettingsBytes = 4 * 1024 * 1024; // far beyond any real settings file
}

QString SettingsFile::defaultPath()
{
    return settingsFolder() + QStringLiteral("/onedial.ini");
}

bool SettingsFile::looksDamaged(const QByteArray &content)
{
    if (content.contains('\0'))
        return true;
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(content);
    if (utf8.hasError())
        return true;
    // What QSettings writes: [section], key=value, and blank or comment lines.
    static const QRegularExpression line(QStringLiteral("^\\s*(\\[[^\\]]*\\]|[^=\\[]+=.*|[;#].*|)\\s*$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &each : lines) {
        if (!line.match(QString(each).remove(QLatin1Char('\r'))).hasMatch())
            return true;
    }
    return false;
}

QString SettingsFile::setAsideIfDamaged(const QString &path)
{
    QFile file(path);
    if (!file.exists() || !file.open(QIODevice::ReadOnly))
        return {};
    const bool damaged = file.size() > kMaxSettingsBytes || looksDamaged(file.read(kMaxSettingsBytes));
    file.close();
    if (!damaged)
        return {};
    const QString aside = path + QStringLiteral(".damaged-") +
                          QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    return QFile::rename(path, aside) ? aside : QString();
}

QString SettingsFile::notice(const QString &setAsidePath)
{
    return QCoreApplication::translate(
               "SettingsFile", "The settings file was damaged and could not be read. It was kept as %1 "
                               "and OneDial started with empty settings: add your accounts again (their "
                               "access keys are still in the system keychain).")
        .arg(setAsidePath);
}

} // namespace onedial
