#include "LinkHandler.h"

#include "LinkConfirmDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "core/Log.h"
#include "core/Settings.h"
#include "phone/TelUri.h"

#include <QFileOpenEvent>
#include <QUrl>

namespace onedial {

LinkHandler::LinkHandler(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{}

void LinkHandler::openLink(const QString &link)
{
    const TelUri uri = TelUri::parse(link);
    if (!uri.isValid()) {
        qCInfo(lcLinks, "link refused: %s", qUtf8Printable(uri.problemText()));
        MessageBox::warn(m_window, tr("Link not dialled"), uri.problemText());
        return;
    }
    const QString number = uri.apiForm();
    if (Settings().value(Setting::DialLinksAtOnce)) {
        qCInfo(lcLinks, "link dialled at once: %s", qUtf8Printable(number));
        m_window->dialFromLink(number);
        return;
    }
    if (LinkConfirmDialog *open = m_confirmations.value(number)) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new LinkConfirmDialog(uri, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmations.insert(number, dialog);
    connect(dialog, &QDialog::accepted, m_window,
            [window = m_window, number] { window->dialFromLink(number); });
    connect(dialog, &QObject::destroyed, this, [this, number] { m_confirmations.remove(number); });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    // Tests that drive a separate onedial process read this line (QT_LOGGING_RULES=onedial.links.info=true).
    qCInfo(lcLinks, "link confirmation for %s", qUtf8Printable(number));
}

bool LinkHandler::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FileOpen) {
        const QUrl url = static_cast<QFileOpenEvent *>(event)->url();
        if (!url.isLocalFile()) {
            openLink(url.toString(QUrl::FullyEncoded));
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace onedial
