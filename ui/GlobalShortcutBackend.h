// What a platform offers a global shortcut: grabbing one key combination for the whole desktop,
// telling when it is pressed, and reading the text the user has selected in another program.
// One implementation per platform (GlobalShortcut_linux.cpp: X11, and on Wayland the desktop
// portal's GlobalShortcuts; _win.cpp: RegisterHotKey; _mac.cpp: RegisterEventHotKey);
// GlobalShortcut holds one and speaks to the user.
#pragma once

#include <QKeyCombination>
#include <QString>

#include <functional>
#include <memory>

namespace onedial {

class GlobalShortcutBackend
{
public:
    enum class Grab {
        Grabbed,
        Taken,           // another program holds this combination
        KeyNotSupported, // a key this platform cannot grab
        Failed,
        Pending, // asked for; the answer comes later through grabSettled (the desktop may ask the user)
    };

    virtual ~GlobalShortcutBackend() = default;

    // Empty when this desktop can have a global shortcut; otherwise why not, in words for the user.
    virtual QString unavailableReason() const = 0;
    // Grabs keys (releasing any earlier grab first).
    virtual Grab grab(QKeyCombination keys) = 0;
    virtual void release() = 0;
    // Reads the selected text (or the clipboard where no selection can be read) and hands it to
    // done, at once or later from the event loop; done gets an empty string when there is none.
    virtual void readSelection(std::function<void(const QString &)> done) = 0;

    // The one for this platform; activated runs from the event loop each time the keys are pressed,
    // grabSettled when a Pending grab has its answer.
    static std::unique_ptr<GlobalShortcutBackend> create(std::function<void()> activated,
                                                         std::function<void(Grab)> grabSettled);
};

} // namespace onedial
