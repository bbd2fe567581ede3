// Asks before a tel: or callto: link dials. A link can come from any web page and a call is
// billed, so by default nothing is dialled until the user says so: Enter or Dial dials, Esc or
// Cancel does not. The title names the number in the form OneNET will be sent.
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
    explicit LinkConfirmDialog(const TelUri &link, QWidget *parent = nullptr);

    QString apiNumber() const { return m_apiNumber; }
    QPushButton *dialButton() const { return m_dialButton; }

private:
    QString m_apiNumber;
    QPushButton *m_dialButton;
};

} // namespace onedial
