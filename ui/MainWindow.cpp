#include "MainWindow.h"

#include "AccountDialog.h"
#include "AccountsDialog.h"
#include "ContactDialog.h"
#include "ContactExporter.h"
#include "HistoryPanel.h"
#include "ImportDialog.h"
#include "InFlightProxyModel.h"
#include "IntegrationSettingsDialog.h"
#include "MessageBox.h"
#include "NumberChoiceDialog.h"
#include "OutcomeIcon.h"
#include "SetupWizard.h"
#include "StatusModel.h"
#include "StatusPanel.h"
#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "contacts/ContactModel.h"
#include "contacts/ContactStore.h"
#include "core/UserText.h"
#include "dial/DialService.h"
#include "history/HistoryModel.h"
#include "onenet/DialClient.h"
#include "phone/PhoneNumber.h"
#include "services/AppServices.h"
#include "storage/Database.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace onedial {

namespace {

constexpr int kUndoSeconds = 10;

// Lets a widget hand chosen keys to a function: Down from the search field into the list,
// Enter on the list to dial.
class KeyForwarder final : public QObject
{
public:
    KeyForwarder(QObject *parent, std::function<bool(int key)> handle)
        : QObject(parent)
        , m_handle(std::move(handle))
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress)
            return m_handle(static_cast<QKeyEvent *>(event)->key());
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool(int key)> m_handle;
};

QLabel *makeBanner(QWidget *parent, const QString &accessibleName)
{
    auto *banner = new QLabel(parent);
    banner->setWordWrap(true);
    banner->setTextFormat(Qt::PlainText); // it shows file paths, account names and messages
    banner->setAccessibleName(accessibleName);
    banner->setStyleSheet(
        QStringLiteral("background: #fff4e5; color: #7a4100; border: 1px solid #f5b971; padding: 6px;"));
    banner->setVisible(false);
    return banner;
}

} // namespace

MainWindow::MainWindow(AppServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_controller(new DialController(services, this))
    , m_contacts(new ContactModel(this))
    , m_inFlight(new InFlightProxyModel(
          [this](const QString &apiForm) { return m_services.dialer()->isInFlight(apiForm); }, this))
    , m_history(new HistoryModel(this))
    , m_status(new StatusModel(this))
    , m_accountBox(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_contactView(new QTableView(this))
    , m_numberEdit(new QLineEdit(this))
    , m_dialButton(new QPushButton(tr("&Dial"), this))
    , m_sessionBanner(makeBanner(this, tr("Keychain warning")))
    , m_databaseBanner(new QWidget(this))
    , m_databaseText(makeBanner(m_databaseBanner, tr("Database problem")))
    , m_databaseFix(new QPushButton(tr("Set the file aside and start an empty one"), m_databaseBanner))
    , m_databaseRetry(new QPushButton(tr("&Try again"), m_databaseBanner))
    , m_hint(new QLabel(this))
    , m_contactCount(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_historyPanel(new HistoryPanel(m_history, this))
    , m_statusPanel(new StatusPanel(m_status, this))
{
    setWindowTitle(services.sandbox() ? tr("OneDial (sandbox)") : tr("OneDial"));
    setMinimumSize(800, 500);
    resize(960, 640);

    m_search->setPlaceholderText(tr("Search name, company, number or pinyin (Ctrl+F), then Enter to call"));
    m_search->setAccessibleName(tr("Search contacts"));
    m_search->setClearButtonEnabled(true);
    m_accountBox->setAccessibleName(tr("Account"));
    m_numberEdit->setAccessibleName(tr("Number to call"));
    m_numberEdit->setPlaceholderText(tr("Or any number, such as 138 0013 8000"));
    m_numberEdit->setClearButtonEnabled(true);
    m_dialButton->setAccessibleName(tr("Dial"));
    m_dialButton->setIcon(outcomeIcon(QStringLiteral("calling")));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_contactCount->setTextFormat(Qt::PlainText);
    m_databaseText->setVisible(true);
    m_databaseFix->setAccessibleName(tr("Set the unusable database aside"));
    auto *databaseRow = new QHBoxLayout(m_databaseBanner);
    databaseRow->setContentsMargins(0, 0, 0, 0);
    databaseRow->addWidget(m_databaseText, 1);
    databaseRow->addWidget(m_databaseFix, 0, Qt::AlignTop);
    databaseRow->addWidget(m_databaseRetry, 0, Qt::AlignTop);
    m_databaseRetry->setAccessibleName(tr("Open the database again"));
    connect(m_databaseRetry, &QPushButton::clicked, this, [this] {
        const StorageResult result = m_services.reopenDatabase();
        showDatabaseProblem();
        if (result.ok()) {
            statusBar()->showMessage(tr("Contacts and history are available again."));
            refresh();
        }
    });
    connect(m_databaseFix, &QPushButton::clicked, this, [this] {
        QString aside;
        const StorageResult result = m_services.setDatabaseAside(&aside);
        showDatabaseProblem();
        if (result.ok()) {
            statusBar()->showMessage(
                tr("Started an empty contact list. The old file is kept as %1.").arg(aside));
            refresh();
        }
    });

    m_inFlight->setSourceModel(m_contacts);
    m_contactView->setModel(m_inFlight);
    m_contactView->setAccessibleName(tr("Contacts"));
    m_contactView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_contactView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_contactView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_contactView->setAlternatingRowColors(true);
    m_contactView->setWordWrap(false);
    m_contactView->verticalHeader()->hide();
    // Fixed row heights: measuring 100,000 rows would cost more than the search itself.
    m_contactView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_contactView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_contactView->horizontalHeader()->setStretchLastSection(true);
    m_contactView->setColumnWidth(ContactModel::NameColumn, 200);
    m_contactView->setColumnWidth(ContactModel::CompanyColumn, 220);
    m_contactView->setColumnWidth(ContactModel::NumbersColumn, 260);

    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);
    auto *accountLabel = new QLabel(tr("&Account:"), this);
    accountLabel->setBuddy(m_accountBox);
    auto *numberLabel = new QLabel(tr("&Number:"), this);
    numberLabel->setBuddy(m_numberEdit);
    auto *top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 3);
    top->addSpacing(12);
    top->addWidget(accountLabel);
    top->addWidget(m_accountBox, 1);
    auto *dialRow = new QHBoxLayout;
    dialRow->addWidget(numberLabel);
    dialRow->addWidget(m_numberEdit, 1);
    dialRow->addWidget(m_dialButton);

    m_tabs->addTab(m_contactView, tr("&Contacts"));
    m_tabs->addTab(m_historyPanel, tr("&History"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_statusPanel);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_sessionBanner);
    layout->addWidget(m_databaseBanner);
    layout->addLayout(top);
    layout->addLayout(dialRow);
    layout->addWidget(m_hint);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    // The status bar from the start, so that the list does not move up when it first appears.
    statusBar()->addPermanentWidget(m_contactCount);
    buildMenus();

    // Typing filters at once; Enter calls the highlighted (or first) match; Down enters the list.
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_contacts->setFilter(text);
        if (m_contacts->rowCount() > 0)
            m_contactView->selectRow(0);
        updateDialButton();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::dialSelectedOrFirstMatch);
    m_search->installEventFilter(new KeyForwarder(this, [this](int key) {
        if (key != Qt::Key_Down || m_contacts->rowCount() == 0)
            return false;
        m_contactView->setFocus();
        m_contactView->selectRow(qMax(0, selectedContactRow()));
        return true;
    }));
    m_contactView->installEventFilter(new KeyForwarder(this, [this](int key) {
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            dialSelectedOrFirstMatch();
            return true;
        }
        return false;
    }));
    connect(m_contactView, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { dialContactAt(index.row()); });
    connect(m_numberEdit, &QLineEdit::returnPressed, this, &MainWindow::dialNumberField);
    connect(m_numberEdit, &QLineEdit::textChanged, this, &MainWindow::updateDialButton);
    connect(m_dialButton, &QPushButton::clicked, this, [this] {
        if (!m_numberEdit->text().trimmed().isEmpty())
            dialNumberField();
        else
            dialSelectedOrFirstMatch();
    });
    connect(m_accountBox, &QComboBox::currentIndexChanged, this, [this] {
        m_controller->setCurrentChoice(m_accountBox->currentData().toString());
        updateDialButton();
    });
    connect(m_historyPanel, &HistoryPanel::redialRequested, this,
            [this](const QString &callee, const QString &who, qint64 contactId) {
                m_controller->dial({PhoneNumber::parse(callee), who,
                                    contactId ? std::optional<qint64>(contactId) : std::nullopt});
            });
    connect(m_contacts, &ContactModel::loaded, this, [this](int count) {
        // Kept in a corner of the status bar rather than shown for five seconds: no timer is left
        // to clear it while the window sits idle.
        m_contactCount->setText(tr("%n contact(s)", nullptr, count));
        if (m_contacts->rowCount() > 0 && selectedContactRow() < 0)
            m_contactView->selectRow(0);
        updateDialButton();
    });
    connect(m_contacts, &ContactModel::loadFailed, this,
            [this](const StorageResult &result) { statusBar()->showMessage(result.message); });

    // The dial's life, from the controller: a "calling" row, the outcome, the history.
    connect(m_controller, &DialController::dialStarted, this, [this](quint64 id, const DialTarget &target) {
        m_status->addPending(id, target.who, target.number.shown());
    });
    connect(m_controller, &DialController::dialFinished, this,
            [this](quint64 id, const DialOutcome &outcome, const DialTarget &target) {
                m_status->finish(id, outcome, target.who, target.number.shown());
            });
    m_controller->setRedialQuestion([this](const DialTarget &target, const CallRecord &unknown) {
        return MessageBox::confirm(
            this, tr("Dial again?"),
            tr("The last call to %1, %n minute(s) ago, may have been placed: its outcome is unknown. "
               "Check your phone first. Dial %1 again?",
               nullptr,
               int(qMax<qint64>(1, (unknown.time.secsTo(QDateTime::currentDateTimeUtc()) + 59) / 60)))
                .arg(target.number.shown()),
            tr("&Dial again"), tr("Cancel"));
    });
    connect(m_controller, &DialController::keyNeeded, this, &MainWindow::askForKey);
    connect(m_controller, &DialController::historyAdded, m_history, &HistoryModel::addRecord);
    connect(m_controller, &DialController::inFlightChanged, this, [this] {
        m_inFlight->refresh();
        updateDialButton();
    });
    connect(m_controller, &DialController::choicesChanged, this, &MainWindow::reloadChoices);

    reloadChoices();
    showDatabaseProblem();
    refresh();
    m_search->setFocus();
}

MainWindow::~MainWindow() = default;

DialClient *MainWindow::dialClient() const
{
    return m_services.dialer()->client();
}

SandboxServer *MainWindow::sandbox() const
{
    return m_services.sandbox();
}

CredentialStore *MainWindow::credentials() const
{
    return m_services.credentials();
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_warmedUp) {
        m_warmedUp = true;
        // After this paint is on screen, not before it.
        QMetaObject::invokeMethod(this, &MainWindow::warmUp, Qt::QueuedConnection);
    }
    return QMainWindow::event(event);
}

void MainWindow::warmUp()
{
    // libphonenumber reads its metadata and compiles its patterns on first use, about 30 million
    // instructions: on a worker thread now rather than on the UI thread in the first dial.
    // The contact list loads on its own thread and does not need it.
    (void)QtConcurrent::run([] { (void)PhoneNumber::parse(QStringLiteral("+86 138 0013 8000")); });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeHidesToTray && m_closeHidesToTray()) {
        event->ignore();
        hide();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    // Import and export work on their own database connection, off the UI thread (issue 6).
    const auto databaseUsable = [this] {
        if (!m_services.databaseStatus().ok())
            MessageBox::warn(this, tr("Contacts"), m_services.databaseStatus().message);
        return m_services.databaseStatus().ok();
    };
    file->addAction(tr("&Import contacts…"), this, [this, databaseUsable] {
        if (!databaseUsable())
            return;
        auto *dialog = new ImportDialog(m_services.database()->path(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ImportDialog::importFinished, this, [this](ImportOutcome::Status status) {
            if (status == ImportOutcome::Status::Done)
                refresh();
        });
        dialog->open();
    });
    file->addAction(tr("&Export contacts…"), this, [this, databaseUsable] {
        if (databaseUsable())
            (new ContactExporter(m_services.database()->path(), this))->askAndStart();
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *contacts = menuBar()->addMenu(tr("&Contacts"));
    QAction *find = contacts->addAction(tr("&Find…"), this, [this] {
        m_tabs->setCurrentIndex(0);
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *dial = contacts->addAction(tr("&Dial"), this, [this] { m_dialButton->click(); });
    dial->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    contacts->addSeparator();
    QAction *add = contacts->addAction(tr("&New contact…"), this, &MainWindow::newContact);
    add->setShortcut(QKeySequence::New);
    QAction *edit = contacts->addAction(tr("&Edit contact…"), this, &MainWindow::editSelectedContact);
    edit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    contacts->addAction(tr("Mark as fa&vourite"), this, &MainWindow::toggleFavourite);
    QAction *remove = contacts->addAction(tr("De&lete contact"), this, &MainWindow::deleteSelectedContact);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_contactView->addAction(remove);
    contacts->addSeparator();
    QAction *reload = contacts->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    reload->setShortcut(QKeySequence::Refresh);

    QMenu *accounts = menuBar()->addMenu(tr("&Accounts"));
    accounts->addAction(tr("&Manage accounts…"), this, &MainWindow::showAccounts);
    accounts->addAction(tr("Try the &sandbox"), this, [this] { m_services.startSandbox(); });
    accounts->addAction(tr("&Links and start-up…"), this, [this] {
        auto *dialog = new IntegrationSettingsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About OneDial"), this, [this] {
        MessageBox::ask(this, QMessageBox::Information, tr("About OneDial"),
                        tr("OneDial %1\nClick-to-dial for the OneNET voice service.")
                            .arg(QApplication::applicationVersion()),
                        QMessageBox::Ok, QMessageBox::Ok);
    });
}

void MainWindow::refresh()
{
    if (!m_services.databaseStatus().ok())
        return;
    m_contacts->reload(m_services.database()->path());
    m_history->reload(m_services.database()->path());
}

void MainWindow::showDatabaseProblem()
{
    const StorageResult &status = m_services.databaseStatus();
    m_databaseBanner->setVisible(!status.ok());
    if (status.ok())
        return;
    m_databaseText->setText(status.message + QLatin1Char(' ') +
                            tr("Contacts and history are unavailable until this is fixed; dialling a number "
                               "still works."));
    // Only a file OneDial cannot read can be set aside; one it may not open or write needs its
    // permissions (or the program holding it) fixed, and then simply opening it again.
    m_databaseFix->setVisible(status.error == StorageError::Corrupt || status.error == StorageError::TooNew);
    m_databaseRetry->setVisible(status.error == StorageError::ReadOnly ||
                                status.error == StorageError::CannotOpen ||
                                status.error == StorageError::Busy);
}

void MainWindow::offerFirstRun()
{
    if (m_services.sandbox() || !m_controller->accounts()->accounts().isEmpty())
        return;
    auto *wizard = new SetupWizard(SetupWizard::Start::Welcome, m_controller->accounts(),
                                   m_controller->credentials(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::finished, this, [this, wizard] {
        if (wizard->sandboxChosen())
            m_services.startSandbox();
        m_controller->chooseDefault();
        reloadChoices();
        updateSessionBanner();
    });
    wizard->open();
}

void MainWindow::showAccounts()
{
    auto *dialog = new AccountsDialog(m_controller->accounts(), m_controller->credentials(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountsDialog::accountsChanged, this, [this] {
        m_controller->chooseDefault();
        reloadChoices();
        updateSessionBanner();
    });
    dialog->open();
}

void MainWindow::reloadChoices()
{
    const QSignalBlocker blocker(m_accountBox);
    m_accountBox->clear();
    for (const DialController::Choice &choice : m_controller->choices())
        m_accountBox->addItem(choice.label, choice.id);
    const int current = m_accountBox->findData(m_controller->currentChoice());
    m_accountBox->setCurrentIndex(qMax(0, current));
    if (m_accountBox->count() > 0)
        m_controller->setCurrentChoice(m_accountBox->currentData().toString());

    if (m_accountBox->count() == 0) {
        m_hint->setText(tr("No account is set up yet. Add one in Accounts > Manage accounts, or choose "
                           "Accounts > Try the sandbox to try OneDial without an account."));
    } else if (m_services.sandbox()) {
        m_hint->setText(
            tr("Sandbox: a simulated OneNET on this computer. Try 138 0013 8000 (accepted), "
               "138 0000 0101 to 0114 (each v1 error code), 138 0000 0201 to 0223 (each v2 error), "
               "138 0000 0901 (no answer) or 138 0000 0902 (error page)."));
    }
    m_hint->setVisible(m_accountBox->count() == 0 || m_services.sandbox());
    updateDialButton();
}

void MainWindow::updateSessionBanner()
{
    QStringList names;
    for (const Account &account : m_controller->accounts()->accounts()) {
        if (m_controller->credentials()->hasSessionKey(account.name))
            names << account.name;
    }
    m_sessionBanner->setVisible(!names.isEmpty());
    m_sessionBanner->setText(tr("No keychain is available, so the access key for %1 is kept in memory only. "
                                "OneDial will ask for it again the next time it starts.")
                                 .arg(UserText::cleanLine(names.join(QStringLiteral(", ")))));
}

void MainWindow::updateDialButton()
{
    const bool haveAccount = m_accountBox->count() > 0;
    const QString typed = m_numberEdit->text().trimmed();
    const bool target =
        typed.isEmpty() ? m_contacts->rowCount() > 0 : !m_controller->isInFlight(PhoneNumber::parse(typed));
    m_dialButton->setEnabled(haveAccount && target);
}

int MainWindow::selectedContactRow() const
{
    const QModelIndex current = m_contactView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

std::optional<Contact> MainWindow::selectedContact() const
{
    const int row = selectedContactRow();
    if (row < 0 || !m_services.contacts())
        return std::nullopt;
    return m_services.contacts()->get(
        m_contacts->index(row, 0).data(ContactModel::ContactIdRole).toLongLong());
}

void MainWindow::dialSelectedOrFirstMatch()
{
    if (m_contacts->rowCount() == 0) {
        // Nothing matches: a typed number in the search field is dialled as it is.
        const PhoneNumber typed = PhoneNumber::parse(m_search->text());
        if (typed.isValid())
            m_controller->dial({typed, {}, std::nullopt});
        else if (typed.looksMeantAsNumber())
            statusBar()->showMessage(typed.problemText(), 8000);
        else if (!m_search->text().trimmed().isEmpty())
            statusBar()->showMessage(
                tr("No contact matches \"%1\".").arg(UserText::cleanLine(m_search->text().trimmed())), 5000);
        return;
    }
    dialContactAt(qMax(0, selectedContactRow()));
}

void MainWindow::dialContactAt(int row)
{
    if (row < 0 || row >= m_contacts->rowCount())
        return;
    const QModelIndex index = m_contacts->index(row, 0);
    const QString who = index.siblingAtColumn(ContactModel::NameColumn).data().toString();
    const qint64 id = index.data(ContactModel::ContactIdRole).toLongLong();
    const QStringList numbers = index.data(ContactModel::ApiFormsRole).toStringList();
    if (numbers.isEmpty()) {
        statusBar()->showMessage(tr("%1 has no number to call.").arg(UserText::cleanLine(who)), 5000);
        return;
    }
    if (m_inFlight->isInFlight(row)) {
        statusBar()->showMessage(tr("%1 is being called already. Wait for the outcome before dialling again.")
                                     .arg(UserText::cleanLine(who)),
                                 5000);
        return;
    }
    if (numbers.size() == 1) {
        m_controller->dial({PhoneNumber::parse(numbers.first()), who, id});
        return;
    }
    auto *chooser = new NumberChoiceDialog(who, index.data(ContactModel::DisplayNumbersRole).toStringList(),
                                           index.data(ContactModel::LabelsRole).toStringList(), this);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QDialog::accepted, this, [this, chooser, who, id] {
        m_controller->dial({PhoneNumber::parse(chooser->chosenNumber()), who, id});
    });
    chooser->open();
}

void MainWindow::dialNumberField()
{
    const QString typed = m_numberEdit->text();
    if (typed.trimmed().isEmpty())
        return;
    m_controller->dial({PhoneNumber::parse(typed), {}, std::nullopt});
}

void MainWindow::dialFromLink(const PhoneNumber &number)
{
    // A link dials with the default account, not whichever one was last picked in the box. With
    // the sandbox running, its choice stands: the user is trying things out there. The number
    // field is left as the user left it: a link is not something they typed.
    m_controller->chooseDefault();
    reloadChoices();
    m_controller->dial({number, {}, std::nullopt});
}

void MainWindow::askForKey(quint64 id, const QString &accountName, const DialTarget & /*target*/,
                           const QString &why)
{
    const auto account = m_controller->accounts()->account(accountName);
    if (!account) {
        m_services.dialer()->abandon(id);
        return;
    }
    auto *dialog = new AccountDialog(AccountDialog::Purpose::EnterKey, m_controller->accounts(),
                                     m_controller->credentials(), *account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setIntro(why);
    connect(dialog, &QDialog::finished, this, [this, id](int result) {
        updateSessionBanner();
        // The dial the user asked for goes ahead once, with the key just entered; or ends, not sent.
        if (result == QDialog::Accepted)
            m_services.dialer()->resume(id);
        else
            m_services.dialer()->abandon(id);
    });
    dialog->open();
}

void MainWindow::newContact()
{
    if (!m_services.contacts()) {
        showDatabaseProblem();
        return;
    }
    Contact draft;
    // A number typed in the dial field, or a search that is a number, starts the new contact.
    const QString typed = m_numberEdit->text().trimmed().isEmpty() ? m_search->text() : m_numberEdit->text();
    if (PhoneNumber::parse(typed).isValid())
        draft.numbers.append({tr("mobile"), typed.trimmed(), {}});
    else if (!typed.trimmed().isEmpty())
        draft.name = typed.trimmed();
    auto *dialog = new ContactDialog(m_services.contacts(), draft, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::refresh);
    dialog->open();
}

void MainWindow::editSelectedContact()
{
    const std::optional<Contact> contact = selectedContact();
    if (!contact)
        return;
    auto *dialog = new ContactDialog(m_services.contacts(), *contact, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::refresh);
    dialog->open();
}

void MainWindow::toggleFavourite()
{
    std::optional<Contact> contact = selectedContact();
    if (!contact)
        return;
    contact->favourite = !contact->favourite;
    if (const StorageResult result = m_services.contacts()->update(*contact); !result.ok())
        statusBar()->showMessage(result.message);
    refresh();
}

void MainWindow::deleteSelectedContact()
{
    const std::optional<Contact> contact = selectedContact();
    if (!contact)
        return;
    if (const StorageResult result = m_services.contacts()->remove(contact->id); !result.ok()) {
        MessageBox::warn(this, tr("The contact was not deleted"), result.message);
        return;
    }
    refresh();
    // Undo instead of "are you sure": the contact comes back whole, numbers and notes included.
    auto *undo = new QPushButton(tr("&Undo"), this);
    undo->setAccessibleName(tr("Undo delete"));
    statusBar()->showMessage(tr("Deleted %1.").arg(UserText::cleanLine(contact->name)), kUndoSeconds * 1000);
    statusBar()->addPermanentWidget(undo);
    connect(undo, &QPushButton::clicked, this, [this, undo, deleted = *contact]() mutable {
        deleted.id = 0;
        if (const StorageResult result = m_services.contacts()->add(deleted); !result.ok())
            statusBar()->showMessage(result.message);
        else
            statusBar()->showMessage(tr("Restored %1.").arg(UserText::cleanLine(deleted.name)), 5000);
        undo->deleteLater();
        refresh();
    });
    QTimer::singleShot(kUndoSeconds * 1000, undo, &QObject::deleteLater);
}

} // namespace onedial
