// The main window: pick an account, type a number, dial, and read what happened.
#pragma once

#include "onenet/DialOutcome.h"

#include <QMainWindow>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QLabel;

namespace onedial {

class AccountStore;
class CredentialStore;
class DialClient;
class SandboxServer;

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

private:
    void reloadAccounts();
    void dial();
    void showOutcome(const DialOutcome &outcome);
    void updateDialButton();

    Mode m_mode;
    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    DialClient *m_client;
    SandboxServer *m_sandbox = nullptr;
    QComboBox *m_accountBox;
    QLineEdit *m_numberEdit;
    QPushButton *m_dialButton;
    QLabel *m_hint;
    QListWidget *m_statusList;
};

} // namespace onedial
