#include "IntegrationSettingsDialog.h"

#include "GlobalShortcut.h"
#include "HeightFit.h"
#include "MessageBox.h"
#include "browser/NativeMessaging.h"
#include "core/Settings.h"
#include "platform/Autostart.h"
#include "platform/UrlSchemeRegistration.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace onedial {

IntegrationSettingsDialog::IntegrationSettingsDialog(GlobalShortcut *shortcut, QWidget *parent)
    : QDialog(parent)
    , m_askBeforeDialling(new QCheckBox(tr("&Ask before dialling a link"), this))
    , m_registerButton(new QPushButton(tr("&Open tel: and callto: links with OneDial"), this))
    , m_handlerStatus(new QLabel(this))
    , m_startAtLogin(new QCheckBox(tr("&Start OneDial when I log in (without showing the window)"), this))
    , m_notify(new QCheckBox(tr("Show a &notification with each call's outcome"), this))
    , m_shortcut(shortcut)
    , m_browserButton(new QPushButton(tr("Let the &browser extension reach this OneDial"), this))
    , m_browserStatus(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    m_askBeforeDialling->setAccessibleDescription(
        tr("Asks before a link from a web page or program places a call."));
    m_registerButton->setAccessibleDescription(tr("Makes this copy of OneDial open tel: and callto: links."));

    auto *links = new QGroupBox(tr("tel: and callto: links"), this);
    auto *linksLayout = new QVBoxLayout(links);
    m_askBeforeDialling->setChecked(!Settings().value(Setting::DialLinksAtOnce));
    auto *warning =
        new QLabel(tr("Any web page or program can open a link. Dial links without asking only if "
                      "you trust all of them: each call is billed."),
                   this);
    warning->setWordWrap(true);
    m_handlerStatus->setWordWrap(true);
    linksLayout->addWidget(m_askBeforeDialling);
    linksLayout->addWidget(warning);
    linksLayout->addWidget(m_registerButton);
    linksLayout->addWidget(m_handlerStatus);

    auto *startup = new QGroupBox(tr("General"), this);
    auto *startupLayout = new QVBoxLayout(startup);
    m_startAtLogin->setChecked(Autostart::isEnabled());
    startupLayout->addWidget(m_startAtLogin);

    // The language: the system's, or one of the translations. Language names are written in their
    // own language, so that a user who cannot read the current one still finds theirs.
    auto *language = new QComboBox(startup);
    language->setAccessibleName(tr("Language"));
    language->addItem(tr("The system's language"), QString());
    language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language->setCurrentIndex(qMax(0, language->findData(Settings().value(Setting::Language))));
    auto *languageLabel = new QLabel(tr("&Language:"), startup);
    languageLabel->setBuddy(language);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(languageLabel);
    languageRow->addWidget(language, 1);
    startupLayout->addLayout(languageRow);
    auto *languageNote = new QLabel(tr("A new language takes effect the next time OneDial starts."), startup);
    languageNote->setWordWrap(true);
    startupLayout->addWidget(languageNote);
    connect(language, &QComboBox::currentIndexChanged, this,
            [language] { Settings().setValue(Setting::Language, language->currentData().toString()); });

    auto *notifications = new QGroupBox(tr("Notifications"), this);
    auto *notificationsLayout = new QVBoxLayout(notifications);
    m_notify->setChecked(Settings().value(Setting::NotifyOutcomes));
    auto *notifyNote = new QLabel(tr("Only while the OneDial window is hidden or behind another window: in "
                                     "front, the window says it itself."),
                                  notifications);
    notifyNote->setWordWrap(true);
    notificationsLayout->addWidget(m_notify);
    notificationsLayout->addWidget(notifyNote);
    connect(m_notify, &QCheckBox::toggled, this, [this](bool on) {
        if (!Settings().setValue(Setting::NotifyOutcomes, on)) {
            const QSignalBlocker blocker(m_notify);
            m_notify->setChecked(!on);
            MessageBox::warn(this, tr("Setting not saved"), tr("OneDial could not write its settings file."));
        }
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(startup);
    layout->addWidget(notifications);
    if (m_shortcut)
        addShortcutSection(layout);
    layout->addWidget(links);

    // The browser extension: for a portable or self-built copy (installers register it for everyone).
    auto *browser = new QGroupBox(tr("Browser extension"), this);
    auto *browserLayout = new QVBoxLayout(browser);
    m_browserButton->setAccessibleDescription(tr("Lets the OneDial extension in Chrome, Edge and Firefox "
                                                 "hand the numbers you click to this OneDial."));
    m_browserStatus->setWordWrap(true);
    m_browserStatus->setTextFormat(Qt::PlainText);
    browserLayout->addWidget(m_browserButton);
    browserLayout->addWidget(m_browserStatus);
    layout->addWidget(browser);
    connect(m_browserButton, &QPushButton::clicked, this, &IntegrationSettingsDialog::registerForBrowsers);
    updateBrowserStatus();
    layout->addWidget(buttons);

    connect(m_askBeforeDialling, &QCheckBox::toggled, this, &IntegrationSettingsDialog::setAskBeforeDialling);
    connect(m_registerButton, &QPushButton::clicked, this, &IntegrationSettingsDialog::registerHandler);
    connect(m_startAtLogin, &QCheckBox::toggled, this, &IntegrationSettingsDialog::setStartAtLogin);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateHandlerStatus();
    // Word-wrapped notes: the height they need at the dialog's width (HeightFit.h).
    fitDialogHeight(this);
}

void IntegrationSettingsDialog::setAskBeforeDialling(bool ask)
{
    if (!Settings().setValue(Setting::DialLinksAtOnce, !ask)) {
        const QSignalBlocker blocker(m_askBeforeDialling);
        m_askBeforeDialling->setChecked(!ask);
        MessageBox::warn(this, tr("Setting not saved"), tr("OneDial could not write its settings file."));
    }
}

void IntegrationSettingsDialog::registerHandler()
{
    const IntegrationResult result = UrlSchemeRegistration::registerHandler();
    if (!result.ok)
        MessageBox::warn(this, tr("Links not registered"), result.message);
    updateHandlerStatus();
    if (result.ok)
        m_handlerStatus->setText(result.message);
}

void IntegrationSettingsDialog::setStartAtLogin(bool enabled)
{
    const IntegrationResult result = Autostart::setEnabled(enabled);
    if (!result.ok) {
        const QSignalBlocker blocker(m_startAtLogin);
        m_startAtLogin->setChecked(Autostart::isEnabled());
        MessageBox::warn(this, tr("Start-up not changed"), result.message);
    }
}

void IntegrationSettingsDialog::updateHandlerStatus()
{
    m_handlerStatus->setText(UrlSchemeRegistration::isRegistered()
                                 ? tr("This copy of OneDial is registered for tel: and callto: links.")
                                 : tr("This copy of OneDial is not registered for links yet (an installed "
                                      "OneDial may be)."));
}

} // namespace onedial

namespace onedial {

void IntegrationSettingsDialog::addShortcutSection(QLayout *layout)
{
    auto *group = new QGroupBox(tr("Dial the selected text"), this);
    auto *groupLayout = new QVBoxLayout(group);
    m_shortcutOn = new QCheckBox(tr("Open &quick dial with the selected number when I press:"), group);
    m_shortcutOn->setChecked(m_shortcut->isEnabled());
    m_shortcutKeys = new QKeySequenceEdit(m_shortcut->keys(), group);
    m_shortcutKeys->setAccessibleName(tr("Keys of the global shortcut"));
    auto *reset = new QPushButton(tr("&Default keys"), group);
    reset->setAccessibleDescription(
        tr("Sets the shortcut back to %1.")
            .arg(GlobalShortcut::defaultKeys().toString(QKeySequence::NativeText)));
    m_shortcutStatus = new QLabel(group);
    m_shortcutStatus->setWordWrap(true);
    m_shortcutStatus->setTextFormat(Qt::PlainText);
    m_shortcutStatus->setAccessibleName(tr("Global shortcut status"));
    auto *keysRow = new QHBoxLayout;
    keysRow->addWidget(m_shortcutKeys, 1);
    keysRow->addWidget(reset);
    groupLayout->addWidget(m_shortcutOn);
    groupLayout->addLayout(keysRow);
    groupLayout->addWidget(m_shortcutStatus);
    layout->addWidget(group);

    const auto saved = [this](bool ok) {
        if (!ok)
            MessageBox::warn(this, tr("Setting not saved"), tr("OneDial could not write its settings file."));
    };
    connect(m_shortcutOn, &QCheckBox::toggled, this,
            [this, saved](bool on) { saved(m_shortcut->setEnabled(on)); });
    // One combination: the first one typed, taken as soon as it is complete.
    connect(m_shortcutKeys, &QKeySequenceEdit::editingFinished, this, [this, saved] {
        const QKeySequence typed = m_shortcutKeys->keySequence();
        if (typed.isEmpty() || QKeySequence(typed[0]) == m_shortcut->keys())
            return;
        saved(m_shortcut->setKeys(QKeySequence(typed[0])));
    });
    connect(reset, &QPushButton::clicked, this,
            [this, saved] { saved(m_shortcut->setKeys(GlobalShortcut::defaultKeys())); });
    connect(m_shortcut, &GlobalShortcut::stateChanged, this,
            &IntegrationSettingsDialog::updateShortcutStatus);
    updateShortcutStatus();
}

void IntegrationSettingsDialog::updateShortcutStatus()
{
    const QSignalBlocker blocker(m_shortcutKeys);
    m_shortcutKeys->setKeySequence(m_shortcut->keys());
    m_shortcutKeys->setEnabled(m_shortcut->isEnabled() && m_shortcut->unavailableReason().isEmpty());
    m_shortcutStatus->setText(m_shortcut->stateText());
    fitDialogHeight(this);
}

} // namespace onedial

namespace onedial {

void IntegrationSettingsDialog::registerForBrowsers()
{
    QStringList problems;
    for (const NativeMessaging::Registration &registration :
         NativeMessaging::registerForUser(QApplication::applicationFilePath())) {
        if (!registration.problem.isEmpty())
            problems << tr("%1: %2").arg(NativeMessaging::browserName(registration.browser),
                                         registration.problem);
    }
    if (!problems.isEmpty())
        MessageBox::warn(this, tr("Browser extension not connected"), problems.join(QLatin1Char('\n')));
    updateBrowserStatus();
}

void IntegrationSettingsDialog::updateBrowserStatus()
{
    m_browserStatus->setText(
        NativeMessaging::isRegisteredForUser(QApplication::applicationFilePath())
            ? tr("Chrome, Chromium, Edge and Firefox can hand the numbers you click to this OneDial.")
            : tr("The browser extension cannot reach this copy of OneDial yet (an installed OneDial may be "
                 "registered for everyone)."));
    fitDialogHeight(this);
}

} // namespace onedial
