#include "Translations.h"

#include "Settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace onedial {

QStringList Translations::available()
{
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}

QLocale Translations::chosenLocale()
{
    const QString chosen = Settings().value(Setting::Language);
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    // The POSIX "C" locale (LANG unset, or C.UTF-8) reads as English, plural forms included.
    return locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : locale;
}

QLocale Translations::install()
{
    const QLocale locale = chosenLocale();
    if (locale != QLocale::system())
        QLocale::setDefault(locale);

    auto *own = new QTranslator(QCoreApplication::instance());
    // Looks for onedial_zh_CN.qm, then onedial_zh.qm, …, for each of the locale's UI languages.
    if (own->load(locale, QStringLiteral("onedial"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        delete own;

    // Qt's own words (standard buttons, the file dialog) from Qt's translations when installed.
    // "qt_<lang>.qm" is the catalogue found both in a Qt installation (where it pulls in
    // qtbase_<lang>.qm) and in the Windows package (translations/qt_<lang>.qm, which is Qt's
    // qtbase catalogue, cmake/PlatformWindows.cmake); "qtbase" alone exists only in the former.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qt"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale;
}

} // namespace onedial
