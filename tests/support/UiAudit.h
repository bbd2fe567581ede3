// Checks a window or dialog the way a keyboard or screen-reader user meets it: which Alt+letter
// accelerators it holds (each must be unique), and which controls have no accessible name.
#pragma once

#include <QStringList>

class QWidget;

namespace onedial::test {

// "Alt+X: \"&Xyz\", \"X&abc\"" for each letter used more than once among the window's own
// accelerators (buttons, labels with buddies, group boxes, tabs, the menu bar's menus), and the
// same within each menu of the menu bar.
QStringList duplicateAccelerators(QWidget *window);

// "QPushButton (objectName)" for each control of the window a user can reach with the keyboard
// or that a screen reader reads, whose accessible name (what QAccessible reports) is empty.
QStringList controlsWithoutName(QWidget *window);

// Every item view of the window where Tab walks from cell to cell instead of leaving the view.
QStringList viewsThatTrapTab(QWidget *window);

} // namespace onedial::test
