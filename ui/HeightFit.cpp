#include "HeightFit.h"

#include <QLayout>
#include <QTimer>
#include <QWidget>

namespace onedial {

namespace {

int neededHeight(QWidget *widget)
{
    widget->layout()->activate();
    return widget->hasHeightForWidth() ? widget->heightForWidth(widget->width())
                                       : widget->sizeHint().height();
}

} // namespace

void fitDialogHeight(QWidget *dialog)
{
    if (!dialog)
        return;
    QTimer::singleShot(0, dialog, [dialog] {
        if (!dialog->layout())
            return;
        // Measured first: activating the layout also brings the minimum height up to date.
        const int needed = neededHeight(dialog);
        dialog->resize(dialog->width(), qMax(needed, dialog->minimumHeight()));
    });
}

void reservePageHeight(QWidget *page)
{
    if (!page)
        return; // no page shown yet
    QTimer::singleShot(0, page, [page] {
        if (!page->layout())
            return;
        const int needed = neededHeight(page);
        page->setMinimumHeight(qMax(page->minimumHeight(), needed));
    });
}

} // namespace onedial
