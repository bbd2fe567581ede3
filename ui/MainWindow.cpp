#include "MainWindow.h"

#include "AccountDialog.h"
#include "AccountsDialog.h"
#include "MessageBox.h"
#include "StatusModel.h"
#include "StatusPanel.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "onenet/DialClient.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "phone/PhoneNumber.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

namespace onedial {

namespace {
// Item data of the sandbox entries; a real account name cannot start with a control character.
constexpr char kSandboxV1[] = "\x01sandbox-v1";
constexpr char kSandboxV2[] = "\x01sandbox-v2";
} // namespace

MainWindow::MainWindow(Mode mode, QWidget *parent)
    : QMainWindow(parent)
    , m_mode(mode)
    , m_accounts(new AccountStore)
    , m_credentials(new CredentialStore(this))
    , m_client(new DialClient(this))
    , m_accountBox(new QComboBox(this))
    , m_numberEdit(new QLineEdit(this))
    , m_dialButton(new QPushButton(tr("&Dial"), this))
    , m_sessionBanner(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_status(new StatusModel(this))
    , m_statusPanel(new StatusPanel(m_status, this))
{
    setWindowTitle(mode == Mode::Sandbox ? tr("OneDial (sandbox)") : tr("OneDial"));
    resize(800, 500);

    m_accountBox->setAccessibleName(tr("Account"));
    m_numberEdit->setAccessibleName(tr("Number to call"));
    m_numberEdit->setPlaceholderText(tr("Number to call, such as 138 0013 8000"));
    m_numberEdit->setClearButtonEnabled(true);
    m_dialButton->setAccessibleName(tr("Dial"));
    m_dialButton->setDefault(true);
    m_hint->setWordWrap(true);
    m_sessionBanner->setWordWrap(true);
    m_sessionBanner->setAccessibleName(tr("Keychain warning"));
    m_sessionBanner->setStyleSheet(
        QStringLiteral("background: #fff4e5; color: #7a4100; border: 1px solid #f5b971; padding: 6px;"));
    m_sessionBanner->setVisible(false);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_sessionBanner);
    auto *form = new QFormLayout;
    form->addRow(tr("&Account:"), m_accountBox);
    auto *numberRow = new QHBoxLayout;
    numberRow->addWidget(m_numberEdit, 1);
    numberRow->addWidget(m_dialButton);
    auto *numberLabel = new QLabel(tr("&Number:"), this);
    numberLabel->setBuddy(m_numberEdit);
    form->addRow(numberLabel, numberRow);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_statusPanel, 1);
    setCentralWidget(central);
    buildMenus();

    if (mode == Mode::Sandbox)
        startSandbox();
    reloadAccounts();

    connect(m_numberEdit, &QLineEdit::returnPressed, this, &MainWindow::dial);
    connect(m_dialButton, &QPushButton::clicked, this, &MainWindow::dial);
    connect(m_numberEdit, &QLineEdit::textChanged, this, &MainWindow::updateDialButton);
    // A row appears when the request leaves; a dial stopped before that gets its row with the reason.
    connect(m_client, &DialClient::requestSent, this, [this](quint64 id, const QString &) {
        const QString shown = m_dialLabels.value(id);
        m_status->addPending(id, shown, shown);
    });
    connect(m_client, &DialClient::finished, this, [this](quint64 id, const DialOutcome &outcome) {
        const QString shown = m_dialLabels.take(id);
        m_status->finish(id, outcome, shown, shown);
        updateDialButton();
    });
    m_numberEdit->setFocus();
    updateDialButton();
}

MainWindow::~MainWindow()
{
    delete m_accounts;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *accounts = menuBar()->addMenu(tr("&Accounts"));
    accounts->addAction(tr("&Manage accounts…"), this, &MainWindow::showAccounts);
    accounts->addAction(tr("Try the &sandbox"), this, [this] {
        startSandbox();
        reloadAccounts();
    });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About OneDial"), this, [this] {
        MessageBox::ask(this, QMessageBox::Information, tr("About OneDial"),
                        tr("OneDial %1\nClick-to-dial for the OneNET voice service.")
                            .arg(QApplication::applicationVersion()),
                        QMessageBox::Ok, QMessageBox::Ok);
    });
}

void MainWindow::startSandbox()
{
    if (m_sandbox)
        return;
    m_sandbox = new SandboxServer(this);
    if (!m_sandbox->listen())
        statusBar()->showMessage(tr("The sandbox could not start: no free port on 127.0.0.1."));
}

void MainWindow::offerFirstRun()
{
    if (m_sandbox || !m_accounts->accounts().isEmpty())
        return;
    auto *dialog = new AccountDialog(AccountDialog::Purpose::FirstRun, m_accounts, m_credentials, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (dialog->sandboxChosen())
            startSandbox();
        reloadAccounts();
        updateSessionBanner();
    });
    dialog->open();
}

void MainWindow::showAccounts()
{
    auto *dialog = new AccountsDialog(m_accounts, m_credentials, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountsDialog::accountsChanged, this, [this] {
        reloadAccounts();
        updateSessionBanner();
    });
    dialog->open();
}

void MainWindow::reloadAccounts()
{
    const QString current = m_accountBox->currentData().toString();
    m_accountBox->clear();
    if (m_sandbox) {
        m_accountBox->addItem(tr("Sandbox, API v1 (no real calls)"), QString::fromLatin1(kSandboxV1));
        m_accountBox->addItem(tr("Sandbox, API v2 (no real calls)"), QString::fromLatin1(kSandboxV2));
    }
    const auto defaultAccount = m_accounts->defaultAccount();
    for (const Account &account : m_accounts->accounts()) {
        m_accountBox->addItem(account.name, account.name);
        if (!m_sandbox && defaultAccount && defaultAccount->name == account.name)
            m_accountBox->setCurrentIndex(m_accountBox->count() - 1);
    }
    if (const int index = m_accountBox->findData(current); index >= 0)
        m_accountBox->setCurrentIndex(index);
    if (m_accountBox->count() == 0) {
        m_hint->setText(tr("No account is set up yet. Add one in Accounts > Manage accounts, or choose "
                           "Accounts > Try the sandbox to try OneDial without an account."));
    } else if (m_sandbox) {
        m_hint->setText(
            tr("Sandbox: a simulated OneNET on this computer. Try 138 0013 8000 (accepted), "
               "138 0000 0101 to 0114 (each v1 error code), 138 0000 0201 to 0223 (each v2 error), "
               "138 0000 0901 (no answer) or 138 0000 0902 (error page)."));
    } else {
        m_hint->clear();
    }
    updateDialButton();
}

void MainWindow::updateSessionBanner()
{
    QStringList names;
    for (const Account &account : m_accounts->accounts()) {
        if (m_credentials->hasSessionKey(account.name))
            names << account.name;
    }
    m_sessionBanner->setVisible(!names.isEmpty());
    m_sessionBanner->setText(tr("No keychain is available, so the access key for %1 is kept in memory only. "
                                "OneDial will ask for it again the next time it starts.")
                                 .arg(names.join(QStringLiteral(", "))));
}

void MainWindow::updateDialButton()
{
    const QString callee = PhoneNumber::parse(m_numberEdit->text()).apiForm();
    const bool busy = !callee.isEmpty() && m_client->isInFlight(callee);
    m_dialButton->setEnabled(m_accountBox->count() > 0 && !m_numberEdit->text().trimmed().isEmpty() &&
                             !busy && !m_waitingForKey);
}

void MainWindow::dial()
{
    if (!m_dialButton->isEnabled())
        return;
    const QString number = m_numberEdit->text();
    const QString name = m_accountBox->currentData().toString();
    if (m_sandbox && (name == QLatin1String(kSandboxV1) || name == QLatin1String(kSandboxV2))) {
        const Api api = name == QLatin1String(kSandboxV1) ? Api::V1 : Api::V2;
        startDial(m_sandbox->sandboxAccount(api), AccessKey(SandboxScenarios::key()), number);
        updateDialButton();
        return;
    }
    const auto account = m_accounts->account(name);
    if (!account)
        return;
    // A number that cannot be dialled is reported without touching the keychain.
    if (!PhoneNumber::parse(number).isValid()) {
        startDial(*account, AccessKey(), number);
        return;
    }
    m_waitingForKey = true;
    updateDialButton();
    m_credentials->readKey(account->name, this,
                           [this, account = *account, number](const CredentialStore::Result &result) {
                               m_waitingForKey = false;
                               if (result.ok())
                                   startDial(account, result.key, number);
                               else
                                   askForKey(account, number, result.message);
                               updateDialButton();
                           });
}

void MainWindow::dialFromLink(const QString &apiNumber)
{
    // A link dials with the default account, not whichever one was last picked in the box. With
    // the sandbox running, the box's choice stands: the user is trying things out there.
    if (!m_sandbox) {
        if (const auto account = m_accounts->defaultAccount()) {
            if (const int index = m_accountBox->findData(account->name); index >= 0)
                m_accountBox->setCurrentIndex(index);
        }
    }
    m_numberEdit->setText(apiNumber);
    dial();
}

void MainWindow::askForKey(const Account &account, const QString &number, const QString &why)
{
    auto *dialog =
        new AccountDialog(AccountDialog::Purpose::EnterKey, m_accounts, m_credentials, account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setIntro(why);
    connect(dialog, &QDialog::accepted, this, [this, name = account.name, number] {
        updateSessionBanner();
        // The dial the user asked for goes ahead once, with the key just entered.
        m_credentials->readKey(name, this, [this, name, number](const CredentialStore::Result &result) {
            const auto saved = m_accounts->account(name);
            if (result.ok() && saved)
                startDial(*saved, result.key, number);
        });
    });
    dialog->open();
}

void MainWindow::startDial(const Account &account, const AccessKey &key, const QString &number)
{
    const PhoneNumber parsed = PhoneNumber::parse(number);
    const quint64 id = m_client->dial(account, key, number);
    m_dialLabels.insert(id, parsed.isValid() ? parsed.displayForm() : number.trimmed().left(64));
    updateDialButton();
}

} // namespace onedial
