#include "OutcomeIcon.h"

#include <QHash>

namespace onedial {

QIcon outcomeIcon(const QString &outcome)
{
    static QHash<QString, QIcon> icons;
    auto found = icons.constFind(outcome);
    if (found == icons.constEnd()) {
        found = icons.insert(
            outcome,
            QIcon(QStringLiteral(":/icons/outcome-%1.svg").arg(QString(outcome).remove(QLatin1Char('_')))));
    }
    return *found;
}

QIcon outcomeIcon(OutcomeClass outcome)
{
    return outcomeIcon(outcomeClassName(outcome));
}

QColor outcomeTint(const QString &outcome)
{
    // Tints that read on light and dark palettes alike; the icon carries the meaning for those
    // who cannot tell the colours apart.
    if (outcome == QLatin1String("accepted"))
        return QColor(26, 127, 55, 40);
    if (outcome == QLatin1String("refused"))
        return QColor(207, 34, 46, 40);
    if (outcome == QLatin1String("unknown"))
        return QColor(191, 135, 0, 50);
    if (outcome == QLatin1String("failed"))
        return QColor(87, 96, 106, 40);
    return {};
}

} // namespace onedial
