// A number the browser extension sent (through `onedial` as its native-messaging host and the
// single-instance request): confirmed in the window like a link, dialled, and answered with the
// dial's outcome once the service has given it, for the extension to show beside the number.
#pragma once

#include <QObject>
#include <QPointer>

#include <optional>

namespace onedial {

class LinkHandler;
class MainWindow;
class PendingReply;
struct DialOutcome;

class BrowserDialRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserDialRequest)

public:
    // The request's arguments after "--browser-dial": site, the number as the page showed it, and
    // the number in E.164. Anything else is answered as invalid at once.
    static void handle(MainWindow *window, LinkHandler *links, const QStringList &arguments,
                       PendingReply *reply);

private:
    BrowserDialRequest(MainWindow *window, PendingReply *reply);
    void answer(const QString &state, const QString &message);
    void onDialFinished(quint64 id, const DialOutcome &outcome);

    QPointer<PendingReply> m_reply;
    std::optional<quint64> m_dialId;
};

} // namespace onedial
