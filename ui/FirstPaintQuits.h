// An event filter that quits the application once the watched window has painted itself for
// the first time: how `onedial --exit-after-startup` ends, and how the benchmark's minimal window
// ends the same way, so both are timed to the same moment. Header-only, Qt Core and Gui only.
#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QMetaObject>
#include <QObject>

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
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace onedial
