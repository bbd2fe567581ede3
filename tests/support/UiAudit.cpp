#include "UiAudit.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTextEdit>
#include <QWidget>
#include <QWizardPage>

namespace onedial::test {

namespace {

// The letter after a single '&' ("&&" is a literal ampersand), lower case; null when none.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// The window's own widgets: not those of the dialogs and popups it owns.
QList<QWidget *> ownWidgets(QWidget *window)
{
    QList<QWidget *> own;
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (widget->window() == window)
            own << widget;
    }
    return own;
}

void collect(QMap<QChar, QStringList> &seen, const QString &text)
{
    if (const QChar letter = mnemonicOf(text); !letter.isNull())
        seen[letter] << text;
}

QStringList duplicatesIn(const QMap<QChar, QStringList> &seen, const QString &where)
{
    QStringList duplicates;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        if (it.value().size() > 1) {
            duplicates << QStringLiteral("%1Alt+%2: \"%3\"")
                              .arg(where, it.key().toUpper(), it.value().join(QStringLiteral("\", \"")));
        }
    }
    return duplicates;
}

// The page of a wizard a widget is on, or null when it is on none (the wizard's own buttons).
QWizardPage *pageOf(QWidget *widget)
{
    for (QWidget *up = widget; up; up = up->parentWidget()) {
        if (auto *page = qobject_cast<QWizardPage *>(up))
            return page;
    }
    return nullptr;
}

QStringList duplicateAcceleratorsAmong(const QList<QWidget *> &widgets, const QString &where)
{
    QMap<QChar, QStringList> seen;
    QStringList duplicates;
    for (QWidget *widget : widgets) {
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            collect(seen, button->text());
        else if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy())
            collect(seen, label->text());
        else if (auto *group = qobject_cast<QGroupBox *>(widget))
            collect(seen, group->title());
        else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                collect(seen, tabs->tabText(i));
        } else if (auto *bar = qobject_cast<QMenuBar *>(widget)) {
            for (QAction *action : bar->actions()) {
                collect(seen, action->text());
                if (QMenu *menu = action->menu()) {
                    QMap<QChar, QStringList> inMenu;
                    for (QAction *item : menu->actions())
                        collect(inMenu, item->text());
                    duplicates << duplicatesIn(inMenu, menu->title() + QStringLiteral(" menu: "));
                }
            }
        }
    }
    duplicates << duplicatesIn(seen, where);
    return duplicates;
}

} // namespace

QStringList duplicateAccelerators(QWidget *window)
{
    // A wizard shows one page at a time: each page with the wizard's buttons is one scope.
    QList<QWizardPage *> pages;
    for (QWidget *widget : ownWidgets(window)) {
        if (auto *page = qobject_cast<QWizardPage *>(widget))
            pages << page;
    }
    if (pages.isEmpty())
        return duplicateAcceleratorsAmong(ownWidgets(window), QString());
    QStringList duplicates;
    for (QWizardPage *page : std::as_const(pages)) {
        if (!page)
            continue;
        QList<QWidget *> scope;
        for (QWidget *widget : ownWidgets(window)) {
            // Outside the pages only what can be seen counts: the wizard's buttons, not the fields
            // a page of another path keeps hidden until it lays them out.
            const bool seen = widget->isVisibleTo(window);
            QWizardPage *on = pageOf(widget);
            if (on == page || (!on && seen))
                scope << widget;
        }
        duplicates << duplicateAcceleratorsAmong(scope, page->title() + QStringLiteral(" page: "));
    }
    return duplicates;
}

QStringList controlsWithoutName(QWidget *window)
{
    QStringList unnamed;
    for (QWidget *widget : ownWidgets(window)) {
        // Controls: what takes keyboard focus, and the labels a screen reader reads out. The
        // pieces Qt builds inside other controls (a combo box's list, a view's viewport, a
        // spin box's editor) are named by the control that owns them.
        const bool control =
            (widget->focusPolicy() & Qt::TabFocus) || qobject_cast<QAbstractButton *>(widget);
        if (!control || qobject_cast<QTabBar *>(widget) || qobject_cast<QMenuBar *>(widget))
            continue;
        if (qobject_cast<QComboBox *>(widget->parentWidget()) ||
            qobject_cast<QLineEdit *>(widget->parentWidget()) ||
            qobject_cast<QAbstractItemView *>(widget->parentWidget()) ||
            widget->objectName().startsWith(QLatin1String("qt_")))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        const QString name = accessible ? accessible->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty()) {
            unnamed << QStringLiteral("%1 (%2) \"%3\"")
                           .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
                                widget->toolTip());
        }
    }
    return unnamed;
}

QStringList viewsThatTrapTab(QWidget *window)
{
    QStringList trapping;
    for (QWidget *widget : ownWidgets(window)) {
        if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->tabKeyNavigation())
            trapping << QString::fromLatin1(view->metaObject()->className()) + QLatin1Char(' ') +
                            view->accessibleName();
    }
    return trapping;
}

} // namespace onedial::test
