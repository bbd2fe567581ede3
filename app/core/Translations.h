// Puts the app's words, and Qt's own, into the user's language: the system's, or the one chosen
// in Settings. Call once, right after the Q(Core)Application exists.
#pragma once

#include <QLocale>
#include <QStringList>

namespace onedial {

class Translations final
{
public:
    // The languages OneDial is translated into, as locale names ("zh_CN", "en").
    static QStringList available();
    // The language in use: the Settings override when set, otherwise the system's.
    static QLocale chosenLocale();
    // Loads and installs the translators; also makes the chosen locale the default for numbers,
    // dates and durations. Returns the locale installed.
    static QLocale install();
};

} // namespace onedial
