#include "TrayController.h"

#include "GlobalShortcut.h"
#include "MainWindow.h"
#include "OutcomeIcon.h"
#include "QuickDialPopup.h"
#include "contacts/ContactModel.h"
#include "core/Settings.h"
#include "core/UserText.h"
#include "phone/PhoneNumber.h"

#include <QApplication>
#include <QEvent>
#include <QIcon>
#include <QLoggingCategory>
#include <QMenu>
#include <QOperatingSystemVersion>
#include <QSignalBlocker>
#include <QTimer>

namespace onedial {

namespace {

Q_LOGGING_CATEGORY(lcTray, "onedial.tray")

constexpr int kDefaultWaitMs = 1000;
constexpr int kDefaultAttempts = 120;

// A name such as "R&D" would otherwise turn its D into a keyboard accelerator.
QString menuText(QString text)
{
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

} // namespace

TrayController::TrayController(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_menu(std::make_unique<QMenu>())
    , m_icon(std::make_unique<QSystemTrayIcon>())
    , m_quickDialAction(new QAction(tr("&Quick dial…"), this))
    , m_shortcut(new GlobalShortcut(this))
    , m_showHideAction(new QAction(this))
    , m_notifyAction(new QAction(tr("&Notify call outcomes"), this))
    , m_quitAction(new QAction(tr("Q&uit OneDial"), this))
    , m_trayWait(new QTimer(this))
{
    m_menu->setAccessibleName(tr("OneDial tray menu"));
    m_icon->setContextMenu(m_menu.get());
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(Settings().value(Setting::NotifyOutcomes));

    connect(m_quickDialAction, &QAction::triggered, this, &TrayController::openQuickDial);
    connect(m_shortcut, &GlobalShortcut::selectedText, this, &TrayController::openQuickDialWithSelection);
    m_window->setGlobalShortcut(m_shortcut);
    connect(m_showHideAction, &QAction::triggered, this, [this] {
        if (m_window->isVisible() && !m_window->isMinimized())
            m_window->hide();
        else
            showWindow();
    });
    connect(m_notifyAction, &QAction::toggled, this, [this](bool on) {
        if (!Settings().setValue(Setting::NotifyOutcomes, on)) {
            const QSignalBlocker blocker(m_notifyAction);
            m_notifyAction->setChecked(!on);
        }
    });
    // Like File > Quit: the Quit event that QApplication::quit() sends marks the closes it causes.
    connect(m_quitAction, &QAction::triggered, qApp, &QApplication::quit);
    connect(m_icon.get(), &QSystemTrayIcon::activated, this, &TrayController::onActivated);
    // The same setting is in File > Settings: the menu shows what is stored.
    connect(m_menu.get(), &QMenu::aboutToShow, this, [this] {
        const QSignalBlocker blocker(m_notifyAction);
        m_notifyAction->setChecked(Settings().value(Setting::NotifyOutcomes));
    });
    connect(m_menu.get(), &QMenu::aboutToHide, this, [this] {
        if (m_rebuildAfterHide)
            scheduleMenuRebuild();
    });

    DialController *controller = m_window->controller();
    connect(controller, &DialController::choicesChanged, this, &TrayController::updateIcon);
    connect(controller, &DialController::currentChoiceChanged, this, &TrayController::updateIcon);
    connect(controller, &DialController::dialFinished, this,
            [this](quint64, const DialOutcome &outcome, const DialTarget &target) {
                notifyOutcome(outcome, target);
                scheduleMenuRebuild();
            });
    connect(m_window, &MainWindow::callEnded, this, &TrayController::notifyCallEnded);
    // The key dialog opens on the window; a hidden window would hide the question too.
    connect(controller, &DialController::keyNeeded, this, &TrayController::showWindow);
    connect(m_window->contactModel(), &ContactModel::loaded, this, &TrayController::scheduleMenuRebuild);
    connect(m_window->contactModel(), &ContactModel::loadFailed, this, &TrayController::scheduleMenuRebuild);
    m_window->installEventFilter(this);
    // QApplication::quit() first closes every window; the Quit event tells a quit from a close.
    qApp->installEventFilter(this);
    m_window->setCloseHidesToTray([this] { return closeHidesToTray(); });

    rebuildMenu();
    updateIcon();
    connect(m_trayWait, &QTimer::timeout, this, &TrayController::lookForTray);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        showIcon();
    } else {
        qCInfo(lcTray, "no system tray yet; looking for one for a while");
        m_attemptsLeft = kDefaultAttempts;
        m_trayWait->start(kDefaultWaitMs);
    }
}

TrayController::~TrayController()
{
    m_window->setCloseHidesToTray({});
    m_window->setGlobalShortcut(nullptr);
}

bool TrayController::isWaitingForTray() const
{
    return m_trayWait->isActive();
}

void TrayController::setTrayWait(int intervalMs, int attempts)
{
    if (!m_trayWait->isActive())
        return;
    m_attemptsLeft = attempts;
    m_trayWait->start(intervalMs);
}

void TrayController::lookForTray()
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_trayWait->stop();
        qCInfo(lcTray, "a system tray appeared");
        showIcon();
        return;
    }
    if (--m_attemptsLeft > 0)
        return;
    m_trayWait->stop();
    qCInfo(lcTray, "no system tray appeared; OneDial is an ordinary window app");
    // A start at login asked for no window; without a tray nothing would lead back to OneDial.
    if (!m_window->isVisible())
        m_window->showMinimized();
}

void TrayController::showIcon()
{
    if (!m_icon->isVisible())
        m_icon->show();
}

bool TrayController::closeHidesToTray()
{
    if (m_quitting || !QSystemTrayIcon::isSystemTrayAvailable())
        return false;
    // The tray may have come after the wait for it ended.
    showIcon();
    Settings settings;
    if (!settings.value(Setting::TrayCloseExplained) && QSystemTrayIcon::supportsMessages()) {
        m_icon->showMessage(tr("OneDial is still running"),
                            tr("It stays in the tray, ready to dial: click the icon for quick dial, or "
                               "use its menu to show the window again or to quit."),
                            QSystemTrayIcon::Information, kMessageMs);
        settings.setValue(Setting::TrayCloseExplained, true);
    }
    return true;
}

void TrayController::updateIcon()
{
    const DialController *controller = m_window->controller();
    const bool ready = controller->isReady();
    if (ready != m_showsReady || m_icon->icon().isNull()) {
        m_showsReady = ready;
        m_icon->setIcon(QIcon(ready ? QStringLiteral(":/icons/tray-ready.svg")
                                    : QStringLiteral(":/icons/tray-not-ready.svg")));
    }
    QString label;
    for (const DialController::Choice &choice : controller->choices()) {
        if (choice.id == controller->currentChoice())
            label = choice.label;
    }
    QString state;
    if (label.isEmpty())
        state = tr("No account is set up yet.");
    else if (ready)
        state = tr("%1: ready to dial.").arg(label);
    else
        state = tr("%1: not ready. Finish its set-up in Accounts > Manage accounts.").arg(label);
    m_icon->setToolTip(tr("OneDial") + QLatin1Char('\n') + state);
}

void TrayController::updateShowHideText()
{
    const bool shown = m_window->isVisible() && !m_window->isMinimized();
    m_showHideAction->setText(shown ? tr("&Hide window") : tr("&Show window"));
}

void TrayController::scheduleMenuRebuild()
{
    // Queued: a dial that ends at once (nothing sent) ends inside the menu action that started it,
    // and that action must not be deleted under its own feet.
    m_withRecent = true;
    if (m_rebuildScheduled)
        return;
    m_rebuildScheduled = true;
    QMetaObject::invokeMethod(this, &TrayController::rebuildMenu, Qt::QueuedConnection);
}

void TrayController::rebuildMenu()
{
    m_rebuildScheduled = false;
    // Not under the user's pointer: the open menu is rebuilt once it closes.
    if (m_menu->isVisible()) {
        m_rebuildAfterHide = true;
        return;
    }
    m_rebuildAfterHide = false;
    // clear() deletes the menu's own actions; the submenus are its children and go separately.
    qDeleteAll(m_menu->findChildren<QMenu *>(Qt::FindDirectChildrenOnly));
    m_menu->clear();
    m_menu->addAction(m_quickDialAction);
    addFavourites();
    addRecent();
    m_menu->addSeparator();
    m_menu->addAction(m_showHideAction);
    m_menu->addAction(m_notifyAction);
    m_menu->addSeparator();
    m_menu->addAction(m_quitAction);
    updateShowHideText();
}

void TrayController::addFavourites()
{
    const std::shared_ptr<const ContactIndex> &index = m_window->contactModel()->contactIndex();
    if (!index)
        return;
    int shown = 0;
    // The index keeps favourites first, so the loop stops at the first other contact.
    for (int position = 0; position < index->size() && index->isFavourite(position); ++position) {
        const QList<ContactNumber> numbers = index->numbers(position);
        if (numbers.isEmpty())
            continue;
        if (shown == 0)
            m_menu->addSection(tr("Favourites"));
        if (shown == kMaxFavourites) {
            m_menu->addAction(tr("More favourites in the window…"), this, &TrayController::showWindow);
            break;
        }
        ++shown;
        const QString name = index->name(position);
        const qint64 id = index->id(position);
        if (numbers.size() == 1) {
            addDialAction(m_menu.get(), tr("%1 (%2)").arg(name, numbers.first().display),
                          {PhoneNumber::parse(numbers.first().apiForm), name, id});
            continue;
        }
        QMenu *numbersMenu = m_menu->addMenu(menuText(name));
        for (const ContactNumber &number : numbers) {
            addDialAction(numbersMenu,
                          number.label.isEmpty() ? number.display
                                                 : tr("%1: %2").arg(number.label, number.display),
                          {PhoneNumber::parse(number.apiForm), name, id});
        }
    }
}

void TrayController::addRecent()
{
    if (!m_withRecent)
        return;
    const QList<DialTarget> recent = m_window->controller()->recentTargets(kRecentCount);
    if (recent.isEmpty())
        return;
    m_menu->addSection(tr("Recent"));
    for (const DialTarget &target : recent) {
        const QString number = target.number.shown();
        addDialAction(m_menu.get(), target.who.isEmpty() ? number : tr("%1 (%2)").arg(target.who, number),
                      target);
    }
}

QAction *TrayController::addDialAction(QMenu *menu, const QString &text, const DialTarget &target)
{
    QAction *action = menu->addAction(menuText(text));
    connect(action, &QAction::triggered, this, [this, target] { m_window->controller()->dial(target); });
    return action;
}

void TrayController::notifyOutcome(const DialOutcome &outcome, const DialTarget &target)
{
    if (!Settings().value(Setting::NotifyOutcomes) || !m_icon->isVisible() ||
        !QSystemTrayIcon::supportsMessages())
        return;
    // The window in front says it already (its status line is announced to screen readers); a
    // notification is for when it is hidden, minimised or behind another program.
    if (m_window->isVisible() && !m_window->isMinimized() && m_window->isActiveWindow())
        return;
    const QString number = target.number.shown();
    const QString whom = target.who.isEmpty() ? number : tr("%1 (%2)").arg(target.who, number);
    QString title;
    switch (outcome.outcome) {
    case OutcomeClass::Accepted:
        title = tr("Call accepted: %1").arg(whom);
        break;
    case OutcomeClass::Refused:
        title =
            tr("Call refused (%1): %2").arg(outcome.codeNo.isEmpty() ? outcome.code : outcome.codeNo, whom);
        break;
    case OutcomeClass::NotSent:
        title = tr("Not dialled: %1").arg(whom);
        break;
    case OutcomeClass::Failed:
        title = tr("Call failed: %1").arg(whom);
        break;
    case OutcomeClass::Unknown:
        title = tr("Outcome unknown: %1").arg(whom);
        break;
    }
    // A name and a service's message, cleaned of control and bidirectional characters. (How the
    // desktop shows a notification is its own: a freedesktop server may read markup in the body.)
    m_icon->showMessage(UserText::cleanLine(title), UserText::cleanMultiline(outcome.message),
                        outcomeIcon(outcome.outcome), kMessageMs);
}

void TrayController::notifyCallEnded(const QString &callee, const QString &words, bool badly)
{
    if (!Settings().value(Setting::NotifyOutcomes) || !m_icon->isVisible() ||
        !QSystemTrayIcon::supportsMessages())
        return;
    // The status panel in front says it already; the notification is for a window out of sight.
    if (m_window->isVisible() && !m_window->isMinimized() && m_window->isActiveWindow())
        return;
    const QString title = badly ? tr("Call not connected: %1").arg(callee) : tr("Call ended: %1").arg(callee);
    m_icon->showMessage(UserText::cleanLine(title), UserText::cleanMultiline(words),
                        outcomeIcon(badly ? OutcomeClass::Failed : OutcomeClass::Accepted), kMessageMs);
}

void TrayController::onActivated(QSystemTrayIcon::ActivationReason reason)
{
    // On macOS a click on a menu-bar extra opens its menu and nothing else; elsewhere a left
    // click is the quickest way to a call.
    if (reason == QSystemTrayIcon::Trigger &&
        QOperatingSystemVersion::currentType() != QOperatingSystemVersion::MacOS)
        openQuickDial();
}

void TrayController::openQuickDial()
{
    if (!m_quickDial)
        m_quickDial = std::make_unique<QuickDialPopup>(m_window->controller(), m_window->contactModel());
    m_quickDial->popUp();
}

void TrayController::openQuickDialWithSelection(const QString &selected)
{
    if (!m_quickDial)
        m_quickDial = std::make_unique<QuickDialPopup>(m_window->controller(), m_window->contactModel());
    m_quickDial->popUpWithSelection(selected, m_shortcut->keys().toString(QKeySequence::NativeText));
}

void TrayController::showWindow()
{
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
}

bool TrayController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        const QEvent::Type type = event->type();
        if (type == QEvent::Show || type == QEvent::Hide || type == QEvent::WindowStateChange)
            updateShowHideText();
    } else if (watched == qApp && event->type() == QEvent::Quit) {
        m_quitting = true;
        // A window that refuses to close cancels the quit; closing means hiding again after that.
        QTimer::singleShot(0, this, [this] { m_quitting = false; });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace onedial
