#include "PhoneLabels.h"

namespace onedial {

namespace {

// The words OneDial stores, and the translated words it shows for them.
struct LabelWord
{
    const char *stored;
    const char *shown;
};
constexpr LabelWord kWords[] = {
    {"mobile", QT_TRANSLATE_NOOP("PhoneLabels", "mobile")},
    {"work", QT_TRANSLATE_NOOP("PhoneLabels", "work")},
    {"home", QT_TRANSLATE_NOOP("PhoneLabels", "home")},
    {"fax", QT_TRANSLATE_NOOP("PhoneLabels", "fax")},
    {"main", QT_TRANSLATE_NOOP("PhoneLabels", "main")},
    {"pager", QT_TRANSLATE_NOOP("PhoneLabels", "pager")},
    {"car", QT_TRANSLATE_NOOP("PhoneLabels", "car")},
    {"assistant", QT_TRANSLATE_NOOP("PhoneLabels", "assistant")},
    {"other", QT_TRANSLATE_NOOP("PhoneLabels", "other")},
};

} // namespace

QString PhoneLabels::mobile()
{
    return QStringLiteral("mobile");
}

QString PhoneLabels::work()
{
    return QStringLiteral("work");
}

QString PhoneLabels::home()
{
    return QStringLiteral("home");
}

QString PhoneLabels::fax()
{
    return QStringLiteral("fax");
}

QString PhoneLabels::pager()
{
    return QStringLiteral("pager");
}

QString PhoneLabels::main()
{
    return QStringLiteral("main");
}

QString PhoneLabels::car()
{
    return QStringLiteral("car");
}

QString PhoneLabels::assistant()
{
    return QStringLiteral("assistant");
}

QString PhoneLabels::other()
{
    return QStringLiteral("other");
}

QStringList PhoneLabels::choices()
{
    return {mobile(), work(), home(), fax(), other()};
}

QString PhoneLabels::shown(const QString &stored)
{
    for (const LabelWord &word : kWords) {
        if (stored == QLatin1String(word.stored))
            return tr(word.shown);
    }
    return stored;
}

QString PhoneLabels::stored(const QString &shownText)
{
    QString trimmed = shownText.trimmed();
    for (const LabelWord &word : kWords) {
        if (trimmed == tr(word.shown) || trimmed == QLatin1String(word.stored))
            return QLatin1String(word.stored);
    }
    return trimmed;
}

QString PhoneLabels::fromVCardTypes(const QStringList &types)
{
    bool cell = false, fax = false, pager = false, work = false, home = false, main = false, car = false,
         other = false;
    QString custom;
    for (const QString &type : types) {
        const QString t = type.trimmed().toLower();
        if (t == QLatin1String("cell") || t == QLatin1String("mobile") || t == QLatin1String("iphone"))
            cell = true;
        else if (t == QLatin1String("fax"))
            fax = true;
        else if (t == QLatin1String("pager"))
            pager = true;
        else if (t == QLatin1String("work"))
            work = true;
        else if (t == QLatin1String("home"))
            home = true;
        else if (t == QLatin1String("main"))
            main = true;
        else if (t == QLatin1String("car"))
            car = true;
        else if (t == QLatin1String("other"))
            other = true;
        else if (t.startsWith(QLatin1String("x-")) && t.size() > 2 && custom.isEmpty())
            custom = type.trimmed().mid(2); // Android 2.1 writes a custom label as TEL;X-Label
    }
    // One label per number: the kind of line first (a work mobile is a mobile), then the place.
    if (cell)
        return mobile();
    if (fax)
        return PhoneLabels::fax();
    if (pager)
        return PhoneLabels::pager();
    if (work)
        return PhoneLabels::work();
    if (home)
        return PhoneLabels::home();
    if (main)
        return PhoneLabels::main();
    if (car)
        return PhoneLabels::car();
    if (!custom.isEmpty())
        return custom;
    if (other)
        return PhoneLabels::other();
    return {};
}

QString PhoneLabels::toVCardType(const QString &label)
{
    if (label == mobile())
        return QStringLiteral("cell");
    if (label == work())
        return QStringLiteral("work");
    if (label == home())
        return QStringLiteral("home");
    if (label == fax())
        return QStringLiteral("fax");
    if (label == pager())
        return QStringLiteral("pager");
    return {};
}

std::optional<QString> PhoneLabels::serviceWord(const QString &word)
{
    // Case-sensitive on purpose: these are the services' own spellings; a label the user typed in
    // another case ("MOBILE", or OneDial's own "mobile") is their text and stays as it is.
    if (word == QLatin1String("Mobile") || word == QLatin1String("iPhone"))
        return mobile();
    if (word == QLatin1String("Work"))
        return work();
    if (word == QLatin1String("Home"))
        return home();
    if (word == QLatin1String("Main"))
        return main();
    if (word == QLatin1String("Other"))
        return other();
    if (word == QLatin1String("Pager"))
        return pager();
    if (word == QLatin1String("Assistant"))
        return assistant();
    if (word == QLatin1String("Car"))
        return car();
    if (word == QLatin1String("WorkFAX") || word == QLatin1String("HomeFAX") ||
        word == QLatin1String("OtherFAX") || word == QLatin1String("Work Fax") ||
        word == QLatin1String("Home Fax") || word == QLatin1String("Other Fax"))
        return fax();
    return std::nullopt;
}

QString PhoneLabels::fromApple(const QString &text)
{
    QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QLatin1String("_$!<")) || !trimmed.endsWith(QLatin1String(">!$_")) ||
        trimmed.size() < 8)
        return trimmed;
    const QString word = trimmed.mid(4, trimmed.size() - 8);
    return serviceWord(word).value_or(word);
}

QString PhoneLabels::fromGoogle(const QString &text)
{
    QString word = text.trimmed();
    if (word.startsWith(QLatin1String("* ")))
        word = word.mid(2).trimmed();
    return serviceWord(word).value_or(word);
}

} // namespace onedial
