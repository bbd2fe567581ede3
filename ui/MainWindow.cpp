#include "MainWindow.h"

#include "AccountDialog.h"
#include "AccountsDialog.h"
#include "ContactDialog.h"
#include "ContactExporter.h"
#include "FocusRing.h"
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
#include "contacts/PhoneLabels.h"
#include "core/UserText.h"
#include "dial/CallProgressService.h"
#include "dial/DialService.h"
#include "history/HistoryModel.h"
#include "onenet/CallProgressWords.h"
#include "onenet/DialClient.h"
#include "phone/PhoneNumber.h"
#include "services/AppServices.h"
#include "storage/Database.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QResizeEvent>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

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

// Enter on a focused push or tool button presses it, as Space does. Dialogs already do this for
// their push buttons (auto-default), and are left to it, so that nothing is pressed twice.
class EnterPressesButtons final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter) ||
            (key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
            return false;
        auto *button = qobject_cast<QAbstractButton *>(watched);
        if (!button || !button->hasFocus() || !button->isEnabled() || qobject_cast<QCheckBox *>(button) ||
            qobject_cast<QRadioButton *>(button))
            return false;
        if (const auto *push = qobject_cast<QPushButton *>(button);
            push && push->autoDefault() && qobject_cast<QDialog *>(push->window()))
            return false;
        button->click();
        return true;
    }
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
    , m_databaseRetry(new QPushButton(tr("Open a&gain"), m_databaseBanner))
    , m_hint(new QLabel(this))
    , m_numberHint(new QLabel(this))
    , m_contactCount(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_historyPanel(new HistoryPanel(m_history, this))
    , m_statusPanel(new StatusPanel(m_status, this))
{
    setWindowTitle(services.sandbox() ? tr("OneDial (sandbox)") : tr("OneDial"));
    setMinimumSize(720, 480);
    resize(960, 640);

    m_search->setPlaceholderText(tr("Search name, company, number or pinyin (Ctrl+F), then Enter to call"));
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setAccessibleName(tr("Search contacts"));
    m_search->setAccessibleDescription(tr("Type a name, company, number or pinyin initials; Enter calls the "
                                          "first match, Down goes to the list."));
    m_accountBox->setAccessibleName(tr("Account"));
    m_accountBox->setAccessibleDescription(tr("The OneNET account the next call goes through."));
    m_numberEdit->setAccessibleDescription({}); // set to the number's problem while there is one
    m_numberEdit->setAccessibleName(tr("Number to call"));
    m_numberEdit->setPlaceholderText(tr("Or any number, such as 138 0013 8000"));
    m_numberEdit->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    // Checked as it is typed, the way the contact form checks numbers: the problem under the field.
    m_numberHint->setTextFormat(Qt::PlainText);
    m_numberHint->setWordWrap(true);
    m_numberHint->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_numberHint->setAccessibleName(tr("Problem with the number"));
    m_numberHint->setVisible(false);
    m_dialButton->setAccessibleName(tr("Dial"));
    m_dialButton->setAccessibleDescription(
        tr("Calls the number typed, or else the selected contact: your phone rings first."));
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
    m_contactView->setAccessibleDescription(tr("Enter or a double-click calls the selected contact; Delete "
                                               "deletes it; a click on the star marks a favourite."));
    m_contactView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_contactView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_contactView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_contactView->setAlternatingRowColors(true);
    m_contactView->setWordWrap(false);
    m_contactView->setShowGrid(false);
    showFocusRing(m_contactView);
    m_contactView->setTabKeyNavigation(false); // Tab leaves the list; the arrows move in it
    m_contactView->verticalHeader()->hide();
    // Fixed row heights: measuring 100,000 rows would cost more than the search itself.
    m_contactView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // The star first and narrow; name and company share the width by proportion (see
    // fitContactColumns: measuring 100,000 names would cost more than the search); the numbers
    // take the rest.
    QHeaderView *header = m_contactView->horizontalHeader();
    header->moveSection(ContactModel::FavouriteColumn, 0);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ContactModel::FavouriteColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(ContactModel::NumbersColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    m_contactView->setColumnWidth(ContactModel::FavouriteColumn, fontMetrics().height() + 12);
    m_contactView->viewport()->installEventFilter(this);
    // An empty list says how to fill it, rather than showing a blank table to a new user.
    m_emptyList =
        new QLabel(tr("No contacts yet.\n\nContacts > New contact (Ctrl+N) adds one; File > Import "
                      "contacts brings them from a phone, Outlook, Google or a CRM.\nAny number can "
                      "be dialled from the Number field meanwhile."),
                   m_contactView->viewport());
    m_emptyList->setAlignment(Qt::AlignCenter);
    m_emptyList->setWordWrap(true);
    m_emptyList->setAccessibleName(tr("No contacts yet"));
    m_emptyList->setEnabled(false); // drawn greyed, as a hint
    m_emptyList->setVisible(false);

    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);
    auto *accountLabel = new QLabel(tr("Acc&ount:"), this);
    accountLabel->setBuddy(m_accountBox);
    auto *numberLabel = new QLabel(tr("&Number:"), this);
    numberLabel->setBuddy(m_numberEdit);
    auto *top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 3);
    top->addSpacing(12);
    top->addWidget(accountLabel);
    top->addWidget(m_accountBox, 1);
    auto *dialRow = new QGridLayout;
    dialRow->addWidget(numberLabel, 0, 0);
    dialRow->addWidget(m_numberEdit, 0, 1);
    dialRow->addWidget(m_dialButton, 0, 2);
    dialRow->addWidget(m_numberHint, 1, 1, 1, 2);
    dialRow->setColumnStretch(1, 1);
    dialRow->setVerticalSpacing(2);

    // The contact list is the window: the tabs take every bit of height the rows above and the
    // slim call strip below leave.
    m_tabs->addTab(m_contactView, tr("Con&tacts"));
    m_tabs->addTab(m_historyPanel, tr("Histor&y"));
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Contacts and history"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_sessionBanner);
    layout->addWidget(m_databaseBanner);
    layout->addLayout(top);
    layout->addLayout(dialRow);
    layout->addWidget(m_hint);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_statusPanel);
    setCentralWidget(central);
    // Tab goes from control to control in reading order, never from cell to cell.
    const QList<QWidget *> tabChain{m_search,
                                    m_accountBox,
                                    m_numberEdit,
                                    m_dialButton,
                                    m_tabs,
                                    m_contactView,
                                    m_historyPanel,
                                    m_statusPanel->toggle(),
                                    m_statusPanel->detailsButton()};
    for (qsizetype i = 1; i < tabChain.size(); ++i)
        setTabOrder(tabChain.at(i - 1), tabChain.at(i));
    // Enter on a focused button presses it, here and in every dialog (Esc: keyPressEvent).
    qApp->installEventFilter(new EnterPressesButtons(this));

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
    connect(m_contactView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != ContactModel::FavouriteColumn)
            dialContactAt(index.row());
    });
    // A click on the star marks or unmarks a favourite, as in other address books.
    connect(m_contactView, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == ContactModel::FavouriteColumn)
            toggleFavourite();
    });
    connect(m_numberEdit, &QLineEdit::returnPressed, this, &MainWindow::dialNumberField);
    connect(m_numberEdit, &QLineEdit::textChanged, this, &MainWindow::updateDialButton);
    connect(m_numberEdit, &QLineEdit::editingFinished, this, &MainWindow::updateDialButton);
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
        m_emptyList->setVisible(count == 0);
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

    // The calls' live progress (gateway accounts): the session's row, the history, the tray.
    connect(m_services.callProgress(), &CallProgressService::progressed, this,
            [this](const CallProgressService::Update &update) {
                const GatewayEventStream::CallEvent &event = update.event;
                QString words =
                    m_status->updateProgress(event.callId, event.progress, event.reason, event.durationSecs);
                m_history->updateProgress(event.callId, CallProgressService::recorded(event));
                if (event.progress != CallProgress::Disconnected)
                    return;
                QString callee = m_status->calleeOf(event.callId);
                if (callee.isEmpty()) // a call of an earlier session, ended while OneDial was closed
                    callee = PhoneNumber::parse(event.callee).shown();
                if (words.isEmpty())
                    words =
                        CallProgressWords::describe(event.progress, event.reason, event.durationSecs, callee);
                Q_EMIT callEnded(callee, words, CallProgressWords::endedBadly(event.progress, event.reason));
            });
    // Once the event loop runs: following the calls reads the keychain and opens a connection,
    // both asynchronous, so the window never waits for them.
    QTimer::singleShot(0, this, [this] { m_services.callProgress()->sync(); });

    reloadChoices();
    if (!m_services.databaseWaiting()) {
        showDatabaseProblem();
        refresh();
    }
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

void MainWindow::loadAfterStart()
{
    if (!m_services.databaseWaiting())
        return;
    m_services.openDatabaseNow();
    showDatabaseProblem();
    refresh();
}

void MainWindow::warmUp()
{
    loadAfterStart();
    // Both fields are empty in the first paint, where a clear button does not show; the style
    // reads its image from a file (and with it every image-format plug-in), so not before.
    m_search->setClearButtonEnabled(true);
    m_numberEdit->setClearButtonEnabled(true);
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
    // Accelerators are unique in the window, in every language (tst_keyboard checks them).
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
    // Where people look for them: File > Settings here, the application menu on macOS.
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setMenuRole(QAction::PreferencesRole);
    settings->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

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
    m_undoAction = contacts->addAction(tr("&Undo delete"), this, &MainWindow::undoDelete);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setEnabled(false);
    contacts->addSeparator();
    QAction *reload = contacts->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    reload->setShortcut(QKeySequence::Refresh);

    QMenu *accounts = menuBar()->addMenu(tr("&Accounts"));
    accounts->addAction(tr("&Manage accounts…"), this, &MainWindow::showAccounts);
    accounts->addAction(tr("Try the &sandbox"), this, [this] { m_services.startSandbox(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&User guide"), this, &MainWindow::showGuide);
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    QAction *about = help->addAction(tr("&About OneDial"), this, [this] {
        MessageBox::ask(this, QMessageBox::Information, tr("About OneDial"),
                        tr("OneDial %1\nClick-to-dial for the OneNET voice service.")
                            .arg(QApplication::applicationVersion()),
                        QMessageBox::Ok, QMessageBox::Ok);
    });
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::showSettings()
{
    auto *dialog = new IntegrationSettingsDialog(m_globalShortcut, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showGuide()
{
    // The guide ships inside the program, in the interface's language: it reads offline.
    QString path = QStringLiteral(":/help/user-guide.%1.md").arg(QLocale().name());
    if (!QFile::exists(path))
        path = QStringLiteral(":/help/user-guide.md");
    QFile file(path);
    QString text;
    if (file.open(QIODevice::ReadOnly))
        text = QString::fromUtf8(file.readAll());
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("OneDial user guide"));
    auto *browser = new QTextBrowser(dialog);
    browser->setAccessibleName(tr("User guide"));
    browser->setOpenExternalLinks(true);
    browser->setMarkdown(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    dialog->resize(640, 560);
    dialog->open();
}

void MainWindow::showShortcuts()
{
    // The keys a person calling all day uses, in one table to glance at.
    const QList<std::pair<QString, QString>> keys{
        {QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText), tr("Search the contacts")},
        {tr("Enter"), tr("Call the selected contact, or the first match")},
        {tr("Down"), tr("From the search into the list")},
        {tr("Esc"), tr("Clear the search; pressed again, close the window")},
        {QKeySequence(Qt::CTRL | Qt::Key_D).toString(QKeySequence::NativeText), tr("Dial")},
        {QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText), tr("New contact")},
        {QKeySequence(Qt::CTRL | Qt::Key_E).toString(QKeySequence::NativeText),
         tr("Edit the selected contact")},
        {QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText),
         tr("Delete the selected contact")},
        {QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText),
         tr("Undo the delete, while offered")},
        {QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText),
         tr("Reload contacts and history")},
        {tr("Tab"), tr("The next control")},
        {tr("Space or Enter"), tr("Press the focused button")},
    };
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(int(keys.size()), 2, dialog);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Key"), tr("What it does")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setShowGrid(false);
    for (int row = 0; row < keys.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(keys.at(row).first));
        table->setItem(row, 1, new QTableWidgetItem(keys.at(row).second));
    }
    table->resizeColumnToContents(0);
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(520, 420);
    dialog->open();
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
        m_services.callProgress()->sync();
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
        m_services.callProgress()->sync();
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
            tr("Sandbox: a simulated OneNET on this computer. Try 138 0013 8000 (accepted, then the "
               "call's progress), 138 0000 0903 to 0908 (accepted, then busy, no answer and other "
               "endings), 138 0000 0101 to 0114 (each v1 error code), 138 0000 0201 to 0223 (each v2 "
               "error), 138 0000 0901 (no answer) or 138 0000 0902 (error page)."));
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
    const PhoneNumber number = PhoneNumber::parse(typed);
    // A number being typed is checked as it grows; its problem shows once it could be complete,
    // or right away when it holds letters or a foreign country code.
    const bool bad = !typed.isEmpty() && !number.isValid();
    const auto digits = std::count_if(typed.cbegin(), typed.cend(), [](QChar c) { return c.isDigit(); });
    const bool sayIt = bad && (!number.looksMeantAsNumber() || digits >= 11 || !m_numberEdit->hasFocus());
    m_numberHint->setText(sayIt ? number.problemText() : QString());
    m_numberHint->setVisible(sayIt);
    m_numberEdit->setAccessibleDescription(sayIt ? number.problemText() : QString());
    const bool target =
        typed.isEmpty() ? m_contacts->rowCount() > 0 : number.isValid() && !m_controller->isInFlight(number);
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
    // The next name typed replaces this one: back to the search, all of it selected.
    const auto readyForNext = [this] {
        m_search->setFocus();
        m_search->selectAll();
    };
    if (numbers.size() == 1) {
        m_controller->dial({PhoneNumber::parse(numbers.first()), who, id});
        readyForNext();
        return;
    }
    auto *chooser = new NumberChoiceDialog(who, index.data(ContactModel::DisplayNumbersRole).toStringList(),
                                           index.data(ContactModel::LabelsRole).toStringList(), this);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QDialog::accepted, this, [this, chooser, who, id, readyForNext] {
        m_controller->dial({PhoneNumber::parse(chooser->chosenNumber()), who, id});
        readyForNext();
    });
    chooser->open();
}

void MainWindow::dialNumberField()
{
    const QString typed = m_numberEdit->text();
    if (typed.trimmed().isEmpty())
        return;
    const PhoneNumber number = PhoneNumber::parse(typed);
    if (!number.isValid()) {
        // Nothing is sent, nor recorded: the problem is said under the field.
        m_numberHint->setText(number.problemText());
        m_numberHint->setVisible(true);
        QApplication::beep();
        return;
    }
    m_controller->dial({number, {}, std::nullopt});
    m_numberEdit->selectAll(); // the next number typed replaces it
}

void MainWindow::escapePressed()
{
    // Esc clears the search first (and goes back to it); pressed again, it closes the window.
    if (!m_search->text().isEmpty() || !m_numberEdit->text().isEmpty()) {
        m_search->clear();
        m_numberEdit->clear();
        m_tabs->setCurrentIndex(0);
        m_search->setFocus();
        return;
    }
    close();
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    // What no control took: Esc clears the search, then closes.
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        escapePressed();
        return;
    }
    QMainWindow::keyPressEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_contactView->viewport() && event->type() == QEvent::Resize) {
        fitContactColumns();
        m_emptyList->setGeometry(m_contactView->viewport()->rect().adjusted(24, 24, -24, -24));
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::fitContactColumns()
{
    // Name and company by proportion of the width, within reason; the numbers take the rest.
    const int width =
        m_contactView->viewport()->width() - m_contactView->columnWidth(ContactModel::FavouriteColumn);
    const int unit = fontMetrics().averageCharWidth();
    m_contactView->setColumnWidth(ContactModel::NameColumn, qBound(12 * unit, width * 28 / 100, 32 * unit));
    m_contactView->setColumnWidth(ContactModel::CompanyColumn,
                                  qBound(14 * unit, width * 34 / 100, 44 * unit));
}

std::optional<quint64> MainWindow::dialFromLink(const PhoneNumber &number)
{
    // A link dials with the default account, not whichever one was last picked in the box. With
    // the sandbox running, its choice stands: the user is trying things out there. The number
    // field is left as the user left it: a link is not something they typed.
    m_controller->chooseDefault();
    reloadChoices();
    return m_controller->dial({number, {}, std::nullopt});
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
        draft.numbers.append({PhoneLabels::mobile(), typed.trimmed(), {}});
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

void MainWindow::undoDelete()
{
    // Taken out first: bringing the contact back ends the offer, and this function with it.
    if (const std::function<void()> restore = std::exchange(m_undoDelete, nullptr))
        restore();
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
    // Undo instead of "are you sure": the contact comes back whole, numbers and notes included,
    // by the button or Ctrl+Z while it is offered.
    auto *undo = new QPushButton(tr("&Undo"), this);
    undo->setAccessibleName(tr("Undo delete"));
    undo->setToolTip(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText));
    statusBar()->showMessage(tr("Deleted %1.").arg(UserText::cleanLine(contact->name)), kUndoSeconds * 1000);
    statusBar()->addPermanentWidget(undo);
    m_undoDelete = [this, undo, deleted = *contact]() mutable {
        m_undoAction->setEnabled(false);
        m_undoButton = nullptr;
        deleted.id = 0;
        if (const StorageResult result = m_services.contacts()->add(deleted); !result.ok())
            statusBar()->showMessage(result.message);
        else
            statusBar()->showMessage(tr("Restored %1.").arg(UserText::cleanLine(deleted.name)), 5000);
        undo->deleteLater();
        refresh();
    };
    m_undoAction->setEnabled(true);
    connect(undo, &QPushButton::clicked, this, &MainWindow::undoDelete);
    if (m_undoButton)
        m_undoButton->deleteLater(); // a newer delete replaces the older offer
    m_undoButton = undo;
    // The offer ends after ten seconds. The timer belongs to the button, so it goes with it (with
    // the window, too); nothing runs while the window is being destroyed.
    QTimer::singleShot(kUndoSeconds * 1000, undo, [this, undo] {
        if (m_undoButton == undo) {
            m_undoButton = nullptr;
            m_undoDelete = nullptr;
            m_undoAction->setEnabled(false);
        }
        undo->deleteLater();
    });
}

} // namespace onedial
