// Finding and driving widgets the way a test of a window needs: by the accessible name a screen
// reader hears (so a test also checks that the name is there), typing over a field, and whether a
// visible label says something.
#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QWidget>

#include <algorithm>

namespace onedial::test {

// The first Widget under root with that accessible name, or null.
template<typename Widget = QWidget> Widget *named(QWidget *root, const char *accessibleName)
{
    const auto widgets = root->findChildren<Widget *>();
    for (Widget *widget : widgets) {
        if (widget->accessibleName() == QLatin1String(accessibleName))
            return widget;
    }
    return nullptr;
}

// Whether a visible label under root holds text.
inline bool showsText(QWidget *root, const QString &text)
{
    const auto labels = root->findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel *label) {
        return label->isVisible() && label->text().contains(text);
    });
}

// Replaces a field's text with keystrokes, as a user selecting all and typing over it.
inline void retype(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace onedial::test
