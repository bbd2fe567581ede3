// The system-tray icon of the windowed app. Its icon says whether the current account can dial;
// its menu offers quick dial, the favourites and the last numbers called (one click each),
// showing or hiding the window, and quitting; each call's outcome comes back as a notification.
// While a tray is there, closing the window only hides it. It copes with a tray that appears
// late (a panel that starts after OneDial at login) and with none at all: then the window is an
// ordinary window and closing it quits.
#pragma once

#include "DialController.h"

#include <QObject>
#include <QSystemTrayIcon>

#include <memory>

class QAction;
class QMenu;
class QTimer;

namespace onedial {

class GlobalShortcut;
class MainWindow;
class QuickDialPopup;

class TrayController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayController)

public:
    // Hooks itself into window (closing, the controller's dials, the contacts) and shows the
    // icon now, or as soon as a tray turns up.
    explicit TrayController(MainWindow *window, QObject *parent = nullptr);
    ~TrayController() override;

    QSystemTrayIcon *trayIcon() const { return m_icon.get(); }
    QMenu *menu() const { return m_menu.get(); }
    // The popup, once quick dial has been opened.
    QuickDialPopup *quickDial() const { return m_quickDial.get(); }
    // True while looking for a tray that is not there yet.
    bool isWaitingForTray() const;
    // How often and how many times to look for a late tray before giving up. The default is
    // every second for two minutes: enough for a slow login, and no timer left running after.
    void setTrayWait(int intervalMs, int attempts);
    // True when the icon shows the "ready" picture (the current account can dial).
    bool showsReady() const { return m_showsReady; }

    void openQuickDial();
    // Quick dial with the text selected in another program (the global shortcut).
    void openQuickDialWithSelection(const QString &selected);
    void showWindow();
    GlobalShortcut *globalShortcut() const { return m_shortcut; }

    static constexpr int kMaxFavourites = 20;
    static constexpr int kRecentCount = 10;
    static constexpr int kMessageMs = 8000;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool closeHidesToTray();
    void lookForTray();
    void showIcon();
    void updateIcon();
    void updateShowHideText();
    void scheduleMenuRebuild();
    void rebuildMenu();
    void addFavourites();
    void addRecent();
    QAction *addDialAction(QMenu *menu, const QString &text, const DialTarget &target);
    void notifyOutcome(const DialOutcome &outcome, const DialTarget &target);
    void notifyCallEnded(const QString &callee, const QString &words, bool badly);
    void onActivated(QSystemTrayIcon::ActivationReason reason);

    MainWindow *m_window;
    // Top-level objects without a parent widget. Declared in this order so that the icon is
    // destroyed before the menu it shows.
    std::unique_ptr<QMenu> m_menu;
    std::unique_ptr<QSystemTrayIcon> m_icon;
    std::unique_ptr<QuickDialPopup> m_quickDial;
    QAction *m_quickDialAction;
    GlobalShortcut *m_shortcut;
    QAction *m_showHideAction;
    QAction *m_notifyAction;
    QAction *m_quitAction;
    QTimer *m_trayWait;
    int m_attemptsLeft = 0;
    bool m_rebuildScheduled = false;
    bool m_rebuildAfterHide = false;
    // The first menu, made before the window's first paint, leaves the recent calls out: they
    // need the history and the phone-number library (about 40 million instructions on first
    // use). They come with the rebuild once the contacts have loaded (or failed to).
    bool m_withRecent = false;
    bool m_quitting = false;
    bool m_showsReady = false;
};

} // namespace onedial
