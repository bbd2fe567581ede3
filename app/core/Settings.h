// The app's own preferences (not accounts), typed, with their keys and defaults in one table.
// They live in the same onedial.ini as the accounts (SettingsFile::defaultPath()).
#pragma once

#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace onedial {

template<typename T> struct SettingKey
{
    const char *name;
    T defaultValue;
};

namespace Setting {
// Dial a tel:/callto: link without asking first. Off: a link could come from any web page.
inline constexpr SettingKey<bool> DialLinksAtOnce{"links/dial_at_once", false};
// A tray notification with each call's outcome, for when the window is hidden or in the background.
inline constexpr SettingKey<bool> NotifyOutcomes{"tray/notify_outcomes", true};
// Whether the user has been told that closing the window keeps OneDial in the tray: said once.
inline constexpr SettingKey<bool> TrayCloseExplained{"tray/close_explained", false};
// Whether the main window's list of this session's dials is unfolded (folded: the last outcome only).
inline constexpr SettingKey<bool> StatusListOpen{"ui/status_list_open", false};
// The global shortcut that opens quick dial with the selected text: whether it is on, and its keys
// (QKeySequence::PortableText, one combination).
inline constexpr SettingKey<bool> GlobalShortcutEnabled{"shortcut/enabled", true};
inline const SettingKey<QString> GlobalShortcutKeys{"shortcut/keys", QStringLiteral("Ctrl+Alt+D")};
// The language of the app: a locale name such as "zh_CN" or "en"; empty follows the system.
inline const SettingKey<QString> Language{"ui/language", QString()};
} // namespace Setting

class Settings final
{
public:
    // Uses the settings file at path, or the accounts' file when path is empty.
    explicit Settings(const QString &path = {});
    ~Settings();
    Q_DISABLE_COPY_MOVE(Settings)

    QString path() const;

    template<typename T> T value(const SettingKey<T> &key) const
    {
        return rawValue(key.name, QVariant::fromValue(key.defaultValue)).template value<T>();
    }
    template<typename T> bool setValue(const SettingKey<T> &key, const T &value)
    {
        return setRawValue(key.name, QVariant::fromValue(value));
    }

private:
    QVariant rawValue(const char *key, const QVariant &defaultValue) const;
    bool setRawValue(const char *key, const QVariant &value);
    std::unique_ptr<QSettings> m_settings;
};

} // namespace onedial
