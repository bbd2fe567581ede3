// File > Settings: the language, starting hidden at login, notifications of call outcomes, the
// global shortcut for the selected text (on or off, its keys, and where it stands), letting the
// browser extension reach this copy of OneDial, whether a tel:/callto: link is confirmed before it
// dials, and registering this copy of OneDial
// as the link handler (for a portable or self-built copy; installers do it themselves). Each
// change applies at once.
#pragma once

#include <QDialog>

class QCheckBox;
class QKeySequenceEdit;
class QLayout;
class QLabel;
class QPushButton;

namespace onedial {

class GlobalShortcut;

class IntegrationSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrationSettingsDialog)

public:
    // shortcut: the app's global shortcut, or null where there is none (its section is left out).
    explicit IntegrationSettingsDialog(GlobalShortcut *shortcut = nullptr, QWidget *parent = nullptr);

private:
    void setAskBeforeDialling(bool ask);
    void registerHandler();
    void setStartAtLogin(bool enabled);
    void updateHandlerStatus();
    void addShortcutSection(QLayout *layout);
    void updateShortcutStatus();
    void registerForBrowsers();
    void updateBrowserStatus();

    QCheckBox *m_askBeforeDialling;
    QPushButton *m_registerButton;
    QLabel *m_handlerStatus;
    QCheckBox *m_startAtLogin;
    QCheckBox *m_notify;
    GlobalShortcut *m_shortcut;
    QCheckBox *m_shortcutOn = nullptr;
    QKeySequenceEdit *m_shortcutKeys = nullptr;
    QLabel *m_shortcutStatus = nullptr;
    QPushButton *m_browserButton;
    QLabel *m_browserStatus;
};

} // namespace onedial
