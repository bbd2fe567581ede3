#include "LinkHandler.h"

#include "LinkConfirmDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "core/Log.h"
#include "core/Settings.h"
#include "core/UserText.h"
#include "phone/PhoneNumber.h"
#include "phone/TelUri.h"

#include <QDateTime>
#include <QFileOpenEvent>
#include <QUrl>

#include <algorithm>

namespace onedial {

LinkHandler::LinkHandler(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{}

void LinkHandler::openLink(const QString &link)
{
    const TelUri uri = TelUri::parse(link);
    if (!uri.isValid()) {
        // The reason quotes the link, which may hold anything: escaped before it reaches a log.
        qCInfo(lcLinks, "link refused: %s", qUtf8Printable(UserText::escaped(uri.problemText(), false)));
        refuse(uri.problemText());
        return;
    }
    open(uri, {}, false, {});
}

void LinkHandler::openFromBrowser(const PhoneNumber &number, const QString &site, Answered answered)
{
    const TelUri uri = TelUri::parse(QStringLiteral("tel:") + number.e164());
    if (!uri.isValid()) {
        answered(Answer::Refused, std::nullopt, uri.problemText());
        return;
    }
    qCInfo(lcLinks, "number from the browser extension: %s", qUtf8Printable(uri.apiForm()));
    open(uri, site, true, answered);
}

void LinkHandler::open(const TelUri &uri, const QString &site, bool fromBrowser, const Answered &answered)
{
    const QString number = uri.apiForm();
    if (LinkConfirmDialog *open = m_confirmations.value(number)) {
        open->raise();
        open->activateWindow();
        // One question per number: a second click while it is open places nothing more.
        if (answered)
            answered(Answer::Refused, std::nullopt, tr("OneDial is already asking you about this number."));
        return;
    }
    if (Settings().value(Setting::DialLinksAtOnce) && mayDialAtOnce(number)) {
        qCInfo(lcLinks, "link dialled at once: %s", qUtf8Printable(number));
        const std::optional<quint64> id = m_window->dialFromLink(uri.phoneNumber());
        if (answered)
            answered(id ? Answer::Dialled : Answer::Cancelled, id, {});
        return;
    }
    if (m_confirmations.size() >= kMaxOpenConfirmations) {
        const QString why =
            tr("Too many links at once: answer the questions already open, then open the link "
               "again.");
        if (fromBrowser)
            answered(Answer::Refused, std::nullopt, why);
        else
            refuse(why);
        return;
    }
    confirm(uri, site, fromBrowser, answered);
}

void LinkHandler::confirm(const TelUri &uri, const QString &site, bool fromBrowser, const Answered &answered)
{
    const QString number = uri.apiForm();
    auto *dialog =
        fromBrowser ? new LinkConfirmDialog(uri, site, m_window) : new LinkConfirmDialog(uri, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmations.insert(number, dialog);
    connect(dialog, &QDialog::finished, m_window,
            [window = m_window, phone = uri.phoneNumber(), answered](int result) {
                if (result != QDialog::Accepted) {
                    if (answered)
                        answered(Answer::Cancelled, std::nullopt, {});
                    return;
                }
                const std::optional<quint64> id = window->dialFromLink(phone);
                if (answered)
                    answered(id ? Answer::Dialled : Answer::Cancelled, id, {});
            });
    connect(dialog, &QObject::destroyed, this, [this, number] { m_confirmations.remove(number); });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    // Tests that drive a separate onedial process read this line (QT_LOGGING_RULES=onedial.links.info=true).
    qCInfo(lcLinks, "link confirmation for %s", qUtf8Printable(number));
}

bool LinkHandler::mayDialAtOnce(const QString &apiForm)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_dialledAtOnce.removeIf([now](const auto &entry) { return now - entry.second > kAtOnceWindowMs; });
    const bool again = std::any_of(m_dialledAtOnce.cbegin(), m_dialledAtOnce.cend(),
                                   [&apiForm](const auto &entry) { return entry.first == apiForm; });
    if (again || m_dialledAtOnce.size() >= kMaxDialsAtOncePerWindow) {
        qCInfo(lcLinks, "link asked about although dialled at once is on: %s", qUtf8Printable(apiForm));
        return false;
    }
    m_dialledAtOnce.append({apiForm, now});
    return true;
}

void LinkHandler::refuse(const QString &why)
{
    // One notice that never blocks: a page opening a thousand bad links gets one box that counts.
    m_refusedWhileShown = m_refusalNotice ? m_refusedWhileShown + 1 : 1;
    const QString text =
        m_refusedWhileShown == 1
            ? why
            : tr("%n links were not dialled. The last one: %1", nullptr, m_refusedWhileShown).arg(why);
    m_refusalNotice = MessageBox::notify(m_window, m_refusalNotice, tr("Link not dialled"), text);
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
