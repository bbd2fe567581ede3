#include "BrowserDialRequest.h"

#include "DialController.h"
#include "LinkHandler.h"
#include "MainWindow.h"
#include "core/Log.h"
#include "phone/PhoneNumber.h"
#include "platform/SingleInstance.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace onedial {

namespace {

// The extension's word for an outcome: the dial's own name for it, except that a dial stopped before
// anything was sent is a failure to the extension, which has no word of its own for that.
QString stateFor(OutcomeClass outcome)
{
    return outcome == OutcomeClass::NotSent ? QStringLiteral("failed") : outcomeClassName(outcome);
}

} // namespace

BrowserDialRequest::BrowserDialRequest(MainWindow *window, PendingReply *reply)
    : QObject(reply) // gone with the host's connection
    , m_reply(reply)
{
    connect(
        window->controller(), &DialController::dialFinished, this,
        [this](quint64 id, const DialOutcome &outcome, const DialTarget &) { onDialFinished(id, outcome); });
}

void BrowserDialRequest::handle(MainWindow *window, LinkHandler *links, const QStringList &arguments,
                                PendingReply *reply)
{
    const PhoneNumber number = PhoneNumber::parse(arguments.value(2));
    auto *request = new BrowserDialRequest(window, reply);
    if (arguments.size() != 3 || !number.isValid()) {
        request->answer(QStringLiteral("invalid"), number.problemText());
        return;
    }
    QPointer<BrowserDialRequest> guard(request);
    links->openFromBrowser(
        number, arguments.at(0),
        [guard](LinkHandler::Answer answer, std::optional<quint64> id, const QString &why) {
            if (!guard)
                return;
            switch (answer) {
            case LinkHandler::Answer::Dialled:
                guard->m_dialId = id; // answered when the dial finishes
                break;
            case LinkHandler::Answer::Cancelled:
                guard->answer(QStringLiteral("cancelled"),
                              tr("You did not confirm the call: nothing was dialled."));
                break;
            case LinkHandler::Answer::Refused:
                guard->answer(QStringLiteral("cancelled"), why);
                break;
            }
        });
}

void BrowserDialRequest::onDialFinished(quint64 id, const DialOutcome &outcome)
{
    if (m_dialId && *m_dialId == id)
        answer(stateFor(outcome.outcome), outcome.message);
}

void BrowserDialRequest::answer(const QString &state, const QString &message)
{
    qCInfo(lcLinks, "answer to the browser extension: %s", qUtf8Printable(state));
    if (m_reply)
        m_reply->send(
            QJsonDocument(QJsonObject{{QStringLiteral("state"), state}, {QStringLiteral("message"), message}})
                .toJson(QJsonDocument::Compact));
    deleteLater();
}

} // namespace onedial
