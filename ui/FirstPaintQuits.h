// An event filter that ends the process once the watched window has painted itself for the first
// time: how `onedial --exit-after-startup` ends, and how the benchmark's minimal window ends the
// same way, so both are timed to the same moment. The end is queued at the first paint event, so
// it comes when that paint is done and before anything the window queued for after it (the
// window's database, for one): that is not start-up. Nothing is torn down (no window is closed, no
// file is being written): the process exits at once. Header-only, Qt Core and Gui only.
#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QMetaObject>
#include <QObject>

#include <cstdio>
#include <cstdlib>

namespace onedial {

class FirstPaintQuits final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QMetaObject::invokeMethod(
                qApp,
                [] {
                    std::fflush(stdout);
                    std::fflush(stderr);
                    std::_Exit(EXIT_SUCCESS);
                },
                Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace onedial
