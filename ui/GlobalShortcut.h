// The global shortcut (Ctrl+Alt+D unless the user chose another, and one they can turn off): pressed
// in any program, it reads the selected text and hands it over (selectedText), for quick dial to
// show the number in it. It keeps its settings, grabs the keys through the platform's
// GlobalShortcutBackend, and says in words where it stands: on, off, taken by another program, or
// not possible on this desktop (then the tray's quick dial still is).
#pragma once

#include <QKeySequence>
#include <QObject>

#include <memory>

namespace onedial {

class GlobalShortcutBackend;

class GlobalShortcut final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GlobalShortcut)

public:
    enum class State {
        Off,
        Active,
        Taken,         // another program holds the keys
        NeedsModifier, // a key without Ctrl, Alt or the Windows/Command key would take it from every program
        KeyNotSupported, // a key this desktop cannot grab
        Unavailable,     // no global shortcut on this desktop
        Failed,
        Requested, // asked of the desktop (Wayland's portal), which may ask the user first
    };

    // Reads the settings and grabs the keys when the shortcut is on.
    explicit GlobalShortcut(QObject *parent = nullptr);
    ~GlobalShortcut() override;

    static QKeySequence defaultKeys();

    bool isEnabled() const { return m_enabled; }
    QKeySequence keys() const { return m_keys; }
    State state() const { return m_state; }
    // Where it stands, in a sentence for the settings.
    QString stateText() const;
    // Empty when this desktop can have a global shortcut.
    QString unavailableReason() const;

    // Each saves the choice in the settings and grabs again; false when the settings file could not
    // be written (the choice then still holds until OneDial quits).
    bool setEnabled(bool enabled);
    bool setKeys(const QKeySequence &keys);

    // Presses closer together than this are one: a held key repeats.
    static constexpr qint64 kRepeatMs = 400;

Q_SIGNALS:
    // The keys were pressed; text is what was selected (may be empty, or long: the receiver looks
    // for numbers in it).
    void selectedText(const QString &text);
    void stateChanged();

private:
    void apply();
    void settle(int grab); // a GlobalShortcutBackend::Grab
    void announce();       // logs the state and emits stateChanged()
    void onActivated();

    std::unique_ptr<GlobalShortcutBackend> m_backend;
    bool m_enabled = true;
    QKeySequence m_keys;
    State m_state = State::Off;
    qint64 m_lastActivation = 0;
    bool m_reading = false;
};

} // namespace onedial
