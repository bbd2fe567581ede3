// Where every tel: or callto: link ends up, whether it came on the command line, from a later
// start (SingleInstance) or from macOS (QFileOpenEvent): a link that cannot be dialled is refused
// with its reason; a good one is confirmed (LinkConfirmDialog) unless the user chose to dial
// links at once, and then dialled through the window with the default account.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

namespace onedial {

class LinkConfirmDialog;
class MainWindow;

class LinkHandler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkHandler)

public:
    explicit LinkHandler(MainWindow *window, QObject *parent = nullptr);

    void openLink(const QString &link);

protected:
    // Installed on the application: macOS delivers links as QEvent::FileOpen.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    MainWindow *m_window;
    // One confirmation per number: a page that opens the same link again and again gets one dialog.
    QHash<QString, QPointer<LinkConfirmDialog>> m_confirmations;
};

} // namespace onedial
