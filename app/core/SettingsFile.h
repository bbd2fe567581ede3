// Guards the settings file (onedial.ini) against damage: a file that is not the text OneDial
// writes (binary bytes, invalid UTF-8, lines that are neither sections nor key=value) would be
// read as "no accounts" and then overwritten. Instead it is set aside, kept, and reported.
#pragma once

#include <QString>

namespace onedial {

class SettingsFile final
{
public:
    // The one settings file, onedial.ini, in the per-user configuration folder: the app's own
    // preferences (Settings) and the accounts (AccountStore) share it.
    static QString defaultPath();
    // Checks the file at path; a damaged one is renamed to "<path>.damaged-<time>". Returns that
    // new path when it did so, an empty string otherwise (missing or sound file).
    static QString setAsideIfDamaged(const QString &path);
    static bool looksDamaged(const QByteArray &content);
    // The user-facing sentence for a file set aside (translated).
    static QString notice(const QString &setAsidePath);
};

} // namespace onedial
