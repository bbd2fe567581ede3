// The main window: search the contacts and call one (Enter, double-click or Dial), or dial any
// number; read what happened in the status panel; look back in the history.
#pragma once

#include "DialController.h"
#include "contacts/Contact.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace onedial {

class AccessKey;
class AppServices;
class ContactModel;
class CredentialStore;
class DialClient;
class GlobalShortcut;
class HistoryModel;
class HistoryPanel;
class InFlightProxyModel;
class SandboxServer;
class StatusModel;
class StatusPanel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Everything the window works with comes from services, put together by the app's start-up.
    explicit MainWindow(AppServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    AppServices &services() const { return m_services; }
    DialController *controller() const { return m_controller; }
    DialClient *dialClient() const;
    SandboxServer *sandbox() const;
    CredentialStore *credentials() const;
    StatusModel *statusModel() const { return m_status; }
    ContactModel *contactModel() const { return m_contacts; }
    HistoryModel *historyModel() const { return m_history; }
    QTableView *contactView() const { return m_contactView; }

    // Opens the set-up wizard (the sandbox, or an account) when no account is set up; called once
    // the window is shown.
    void offerFirstRun();
    void showAccounts();
    // Dials a number that came from a tel:/callto: link, with the default account: the dial's id,
    // or nothing when the user chose not to after all.
    std::optional<quint64> dialFromLink(const PhoneNumber &number);

    // Reloads the contacts and the history from the database (F5).
    void refresh();
    // Opens a database the services left for later (AppServices::Options::openDatabaseLater) and
    // loads the contacts and the history from it; nothing when that was done. Called after the
    // first paint, or by the start-up when the window starts hidden.
    void loadAfterStart();

Q_SIGNALS:
    // OneNET reported that a call of this user ended: who was called (name or number), the words
    // for how it ended, and whether it ended without the two people talking.
    void callEnded(const QString &callee, const QString &words, bool badly);

public:
    // Asked when the user closes the window: true hides it instead (the tray brings it back).
    void setCloseHidesToTray(std::function<bool()> hidesToTray)
    {
        m_closeHidesToTray = std::move(hidesToTray);
    }
    // The global shortcut, for File > Settings (the tray owns it); null where there is none.
    void setGlobalShortcut(GlobalShortcut *shortcut) { m_globalShortcut = shortcut; }
    GlobalShortcut *globalShortcut() const { return m_globalShortcut; }

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void showSettings();
    void showShortcuts();
    void showGuide();
    void escapePressed();
    void fitContactColumns();
    void reloadChoices();
    void dialSelectedOrFirstMatch();
    void dialContactAt(int row);
    void dialNumberField();
    void askForKey(quint64 id, const QString &accountName, const DialTarget &target, const QString &why);
    void newContact();
    void editSelectedContact();
    void deleteSelectedContact();
    void undoDelete();
    void toggleFavourite();
    void updateDialButton();
    void updateSessionBanner();
    void showDatabaseProblem();
    int selectedContactRow() const;
    // The selected contact as stored, or nothing (no selection, no database, deleted meanwhile).
    std::optional<Contact> selectedContact() const;
    // Once the window has painted: opens a database left for later, and prepares, off the UI
    // thread, what the first dial would otherwise prepare itself (the phone-number library's
    // metadata).
    void warmUp();

    AppServices &m_services;
    DialController *m_controller;
    ContactModel *m_contacts;
    InFlightProxyModel *m_inFlight;
    HistoryModel *m_history;
    StatusModel *m_status;
    QComboBox *m_accountBox;
    QLineEdit *m_search;
    QTableView *m_contactView;
    QLineEdit *m_numberEdit;
    QPushButton *m_dialButton;
    QLabel *m_sessionBanner;
    QWidget *m_databaseBanner;
    QLabel *m_databaseText;
    QPushButton *m_databaseFix;
    QPushButton *m_databaseRetry;
    QLabel *m_hint;
    QLabel *m_numberHint;
    QLabel *m_contactCount;
    QLabel *m_emptyList = nullptr;
    QTabWidget *m_tabs;
    HistoryPanel *m_historyPanel;
    StatusPanel *m_statusPanel;
    std::function<bool()> m_closeHidesToTray;
    GlobalShortcut *m_globalShortcut = nullptr;
    QAction *m_undoAction = nullptr;
    QPointer<QPushButton> m_undoButton; // the offer's button while it is shown
    std::function<void()> m_undoDelete; // while a deleted contact can be brought back
    bool m_warmedUp = false;
};

} // namespace onedial
