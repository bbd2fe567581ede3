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

} // namespace onedial
