#include "GlobalShortcut.h"

#include "GlobalShortcutBackend.h"
#include "core/Log.h"
#include "core/Settings.h"

#include <QDateTime>
#include <QPointer>

namespace onedial {

namespace {

bool hasModifier(QKeyCombination keys)
{
    return keys.keyboardModifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
}

} // namespace

GlobalShortcut::GlobalShortcut(QObject *parent)
    : QObject(parent)
{
    const Settings settings;
    m_enabled = settings.value(Setting::GlobalShortcutEnabled);
    m_keys =
        QKeySequence::fromString(settings.value(Setting::GlobalShortcutKeys), QKeySequence::PortableText);
    if (m_keys.isEmpty())
        m_keys = defaultKeys();
    QPointer<GlobalShortcut> self(this);
    m_backend = GlobalShortcutBackend::create(
        [self] {
            if (self)
                self->onActivated();
        },
        [self](GlobalShortcutBackend::Grab grab) {
            if (self)
                self->settle(int(grab));
        });
    apply();
}

GlobalShortcut::~GlobalShortcut()
{
    if (m_backend)
        m_backend->release();
}

QKeySequence GlobalShortcut::defaultKeys()
{
    return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D);
}

QString GlobalShortcut::unavailableReason() const
{
    return m_backend ? m_backend->unavailableReason() : QString();
}

bool GlobalShortcut::setEnabled(bool enabled)
{
    m_enabled = enabled;
    apply();
    return Settings().setValue(Setting::GlobalShortcutEnabled, enabled);
}

bool GlobalShortcut::setKeys(const QKeySequence &keys)
{
    m_keys = keys.isEmpty() ? defaultKeys() : QKeySequence(keys[0]);
    apply();
    return Settings().setValue(Setting::GlobalShortcutKeys, m_keys.toString(QKeySequence::PortableText));
}

void GlobalShortcut::apply()
{
    m_backend->release();
    const QKeyCombination keys = m_keys[0];
    if (!m_enabled)
        m_state = State::Off;
    else if (!m_backend->unavailableReason().isEmpty())
        m_state = State::Unavailable;
    else if (!hasModifier(keys))
        m_state = State::NeedsModifier;
    else {
        settle(int(m_backend->grab(keys)));
        return;
    }
    announce();
}

void GlobalShortcut::announce()
{
    qCInfo(lcPlatform, "global shortcut %s: state %d",
           qPrintable(m_keys.toString(QKeySequence::PortableText)), int(m_state));
    Q_EMIT stateChanged();
}

void GlobalShortcut::settle(int grab)
{
    switch (GlobalShortcutBackend::Grab(grab)) {
    case GlobalShortcutBackend::Grab::Grabbed:
        m_state = State::Active;
        break;
    case GlobalShortcutBackend::Grab::Taken:
        m_state = State::Taken;
        break;
    case GlobalShortcutBackend::Grab::KeyNotSupported:
        m_state = State::KeyNotSupported;
        break;
    case GlobalShortcutBackend::Grab::Failed:
        m_state = State::Failed;
        break;
    case GlobalShortcutBackend::Grab::Pending:
        m_state = State::Requested;
        break;
    }
    // An answer that comes after the shortcut was turned off changes nothing.
    if (!m_enabled)
        m_state = State::Off;
    announce();
}

QString GlobalShortcut::stateText() const
{
    const QString keys = m_keys.toString(QKeySequence::NativeText);
    switch (m_state) {
    case State::Off:
        return tr("Off. Quick dial is still in the tray's menu.");
    case State::Active:
        return tr("Select a phone number in any program and press %1: quick dial opens with it.").arg(keys);
    case State::Taken:
        return tr("%1 is already used by another program. Choose other keys, or free them in that program.")
            .arg(keys);
    case State::NeedsModifier:
        return tr("%1 alone would be taken from every program. Hold Ctrl or Alt with the key.").arg(keys);
    case State::KeyNotSupported:
        return tr("%1 cannot be used as a global shortcut here. Choose a letter, a digit or a function key.")
            .arg(keys);
    case State::Unavailable:
        return unavailableReason();
    case State::Failed:
        return tr("The desktop did not accept %1. Choose other keys.").arg(keys);
    case State::Requested:
        return tr("OneDial asked the desktop for %1; it may ask you to confirm or to choose the keys.")
            .arg(keys);
    }
    return {};
}

void GlobalShortcut::onActivated()
{
    // A held key repeats; a press while the selection is still being read adds nothing.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_reading || now - m_lastActivation < kRepeatMs)
        return;
    m_lastActivation = now;
    m_reading = true;
    QPointer<GlobalShortcut> self(this);
    m_backend->readSelection([self](const QString &text) {
        if (!self)
            return;
        self->m_reading = false;
        Q_EMIT self->selectedText(text);
    });
}

} // namespace onedial
