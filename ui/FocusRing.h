// A focus ring that can be seen on a list: the styles draw the focused cell faintly or not at all,
// so a keyboard user could not tell which list Tab has landed in.
#pragma once

#include <QAbstractItemView>

namespace onedial {

inline void showFocusRing(QAbstractItemView *view)
{
    view->setStyleSheet(QStringLiteral("QAbstractItemView { border: 2px solid transparent; }"
                                       "QAbstractItemView:focus { border: 2px solid palette(highlight); }"));
}

} // namespace onedial
