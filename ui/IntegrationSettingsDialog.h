// File > Settings: the language, starting hidden at login, notifications of call outcomes,
// whether a tel:/callto: link is confirmed before it dials, and registering this copy of OneDial
// as the link handler (for a portable or self-built copy; installers do it themselves). Each
// change applies at once.
#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace onedial {

class IntegrationSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrationSettingsDialog)

public:
    explicit IntegrationSettingsDialog(QWidget *parent = nullptr);

private:
    void setAskBeforeDialling(bool ask);
    void registerHandler();
    void setStartAtLogin(bool enabled);
    void updateHandlerStatus();

    QCheckBox *m_askBeforeDialling;
    QPushButton *m_registerButton;
    QLabel *m_handlerStatus;
    QCheckBox *m_startAtLogin;
    QCheckBox *m_notify;
};

} // namespace onedial
