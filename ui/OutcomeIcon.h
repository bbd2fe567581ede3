// The icon of a dial's outcome, shared by every view that shows one (status panel, contact list,
// quick dial, tray notifications, the Dial button).
#pragma once

#include "onenet/DialOutcome.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace onedial {

// outcome: an outcome class name ("accepted", "not_sent", ...) or "calling" for a dial in flight.
// Each icon is made from its SVG file once and then shared: making a QIcon parses the file, and
// views ask for the icon each time a row is sized or painted. For the UI thread only.
QIcon outcomeIcon(const QString &outcome);
QIcon outcomeIcon(OutcomeClass outcome);
// The background tint of a row with that outcome, or an invalid colour for none.
QColor outcomeTint(const QString &outcome);

} // namespace onedial
