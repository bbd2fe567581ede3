// Where every tel: or callto: link ends up, whether it came on the command line, from a later
// start (SingleInstance) or from macOS (QFileOpenEvent): a link that cannot be dialled is refused
// with its reason; a good one is confirmed (LinkConfirmDialog) unless the user chose to dial
// links at once, and then dialled through the window with the default account.
//
// Links come from web pages and other programs, so a flood of them is expected: refusals share one
// notice that never blocks (its text counts them), the same number gets one confirmation however
// often it comes, only kMaxOpenConfirmations are open at once, and "dial at once" still asks when
// the same number was dialled from a link less than a minute ago, or when links keep coming.
#pragma once

#include <QHash>
#include <QList>
#include <QMessageBox>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace onedial {

class LinkConfirmDialog;
class MainWindow;
class PhoneNumber;
class TelUri;

class LinkHandler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkHandler)

public:
    static constexpr int kMaxOpenConfirmations = 5;
    // With "dial links at once": a number dialled from a link this recently is asked about, and
    // so is any link once kMaxDialsAtOncePerWindow links were dialled within this time.
    static constexpr qint64 kAtOnceWindowMs = 60 * 1000;
    static constexpr int kMaxDialsAtOncePerWindow = 3;

    explicit LinkHandler(MainWindow *window, QObject *parent = nullptr);

    void openLink(const QString &link);

    // What became of a number from the browser extension.
    enum class Answer {
        Dialled,   // with the dial's id
        Cancelled, // the user said no (or chose not to redial)
        Refused,   // not dialled, with why
    };
    using Answered = std::function<void(Answer answer, std::optional<quint64> dialId, const QString &why)>;
    // A number the browser extension found on site: confirmed like a link (or dialled at once when
    // the user chose so for links), then answered.
    void openFromBrowser(const PhoneNumber &number, const QString &site, Answered answered);

    // The notice of refused links while it is open (tests read it).
    QMessageBox *refusalNotice() const { return m_refusalNotice; }
    int openConfirmations() const { return int(m_confirmations.size()); }

protected:
    // Installed on the application: macOS delivers links as QEvent::FileOpen.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void open(const TelUri &uri, const QString &site, bool fromBrowser, const Answered &answered);
    void refuse(const QString &why);
    bool mayDialAtOnce(const QString &apiForm);
    void confirm(const TelUri &uri, const QString &site, bool fromBrowser, const Answered &answered);

    MainWindow *m_window;
    // One confirmation per number: a page that opens the same link again and again gets one dialog.
    QHash<QString, QPointer<LinkConfirmDialog>> m_confirmations;
    QPointer<QMessageBox> m_refusalNotice;
    int m_refusedWhileShown = 0;
    // Numbers dialled at once from links, with when (ms since the epoch); only the last minute's.
    QList<std::pair<QString, qint64>> m_dialledAtOnce;
};

} // namespace onedial
