// Asks before a tel: or callto: link dials. A link can come from any web page and a call is
// billed, so nothing is dialled until the user says so, and the answer cannot be given by
// accident: the dialog may appear while the user is typing elsewhere, so Enter and Esc cancel
// (Cancel is the default button), and Dial can be pressed only once the dialog has been on screen
// for kArmDelayMs. The title names the number in the form OneNET will be sent.
#pragma once

#include "phone/TelUri.h"

#include <QDialog>

class QPushButton;

namespace onedial {

class LinkConfirmDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkConfirmDialog)

public:
    static constexpr int kArmDelayMs = 1000;

    explicit LinkConfirmDialog(const TelUri &link, QWidget *parent = nullptr);
    // The same question for a number the browser extension found on a web page (site: the page's
    // host name, or empty), so the user knows where the call comes from.
    LinkConfirmDialog(const TelUri &link, const QString &site, QWidget *parent);

    QString apiNumber() const { return m_apiNumber; }
    QPushButton *dialButton() const { return m_dialButton; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString m_apiNumber;
    QPushButton *m_dialButton;
};

} // namespace onedial
