// The main window: pick an account, type a number, dial, and read what happened.
#pragma once

#include "onenet/AccessKey.h"
#include "onenet/DialOutcome.h"

#include <QHash>
#include <QMainWindow>

class QComboBox;
class QLineEdit;
class QPushButton;
class QLabel;

namespace onedial {

class AccountStore;
class CredentialStore;
class DialClient;
class SandboxServer;
class StatusModel;
class StatusPanel;
struct Account;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Mode { Normal, Sandbox };
    explicit MainWindow(Mode mode, QWidget *parent = nullptr);
    ~MainWindow() override;

    DialClient *dialClient() const { return m_client; }
    SandboxServer *sandbox() const { return m_sandbox; }
    CredentialStore *credentials() const { return m_credentials; }
    StatusModel *statusModel() const { return m_status; }

    // Opens the first-run dialog when no account is set up (called once the window is shown).
    void offerFirstRun();
    void showAccounts();
    // Dials a number from a tel:/callto: link (already confirmed, or trusted by the user's
    // setting) with the default account, through the same path as the Dial button.
    void dialFromLink(const QString &apiNumber);

private:
    void buildMenus();
    void startSandbox();
    void reloadAccounts();
    void dial();
    void askForKey(const Account &account, const QString &number, const QString &why);
    void startDial(const Account &account, const AccessKey &key, const QString &number);
    void updateDialButton();
    void updateSessionBanner();

    Mode m_mode;
    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    DialClient *m_client;
    SandboxServer *m_sandbox = nullptr;
    QComboBox *m_accountBox;
    QLineEdit *m_numberEdit;
    QPushButton *m_dialButton;
    QLabel *m_sessionBanner;
    QLabel *m_hint;
    StatusModel *m_status;
    StatusPanel *m_statusPanel;
    QHash<quint64, QString> m_dialLabels; // dial id -> who or what was dialled, for the status panel
    bool m_waitingForKey = false;
};

} // namespace onedial
