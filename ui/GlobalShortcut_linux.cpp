// Linux and the BSDs. On X11 the keys are grabbed on the root window (XGrabKey, through Qt's own
// connection to the X server), once for each state of Caps Lock and Num Lock, and the presses
// come through Qt's native event filter; the selection read is the PRIMARY one, what the mouse
// has just selected. On Wayland the desktop portal is asked (GlobalShortcutPortal.h); without
// one, or with no display at all, there is no global shortcut.
#include "GlobalShortcutBackend.h"
#include "GlobalShortcutPortal.h"

#include <QAbstractEventDispatcher>
#include <QAbstractNativeEventFilter>
#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTimer>

#include <X11/Xlib.h>
#include <X11/keysym.h>
#include <array>
#include <xcb/xcb.h>

namespace onedial {

namespace {

// The keysym for a Qt key: letters, digits, function keys and a few others a person would choose.
KeySym keysymFor(int key)
{
    if (key >= Qt::Key_A && key <= Qt::Key_Z)
        return XK_a + (key - Qt::Key_A);
    if (key >= Qt::Key_0 && key <= Qt::Key_9)
        return XK_0 + (key - Qt::Key_0);
    if (key >= Qt::Key_F1 && key <= Qt::Key_F24)
        return XK_F1 + (key - Qt::Key_F1);
    switch (key) {
    case Qt::Key_Space:
        return XK_space;
    case Qt::Key_Insert:
        return XK_Insert;
    case Qt::Key_Home:
        return XK_Home;
    case Qt::Key_End:
        return XK_End;
    case Qt::Key_PageUp:
        return XK_Prior;
    case Qt::Key_PageDown:
        return XK_Next;
    case Qt::Key_Pause:
        return XK_Pause;
    default:
        return NoSymbol;
    }
}

constexpr uint16_t kModifierMask =
    XCB_MOD_MASK_SHIFT | XCB_MOD_MASK_CONTROL | XCB_MOD_MASK_1 | XCB_MOD_MASK_4;

uint16_t x11Modifiers(Qt::KeyboardModifiers modifiers)
{
    uint16_t mask = 0;
    if (modifiers & Qt::ShiftModifier)
        mask |= XCB_MOD_MASK_SHIFT;
    if (modifiers & Qt::ControlModifier)
        mask |= XCB_MOD_MASK_CONTROL;
    if (modifiers & Qt::AltModifier)
        mask |= XCB_MOD_MASK_1;
    if (modifiers & Qt::MetaModifier)
        mask |= XCB_MOD_MASK_4;
    return mask;
}

// Caps Lock and Num Lock change the state a key press carries: the keys are grabbed in each.
constexpr std::array<uint16_t, 4> kLockStates = {0, XCB_MOD_MASK_LOCK, XCB_MOD_MASK_2,
                                                 XCB_MOD_MASK_LOCK | XCB_MOD_MASK_2};

class X11Backend final : public GlobalShortcutBackend, public QAbstractNativeEventFilter
{
public:
    X11Backend(Display *display, xcb_connection_t *connection, std::function<void()> activated)
        : m_display(display)
        , m_connection(connection)
        , m_root(xcb_window_t(DefaultRootWindow(display)))
        , m_activated(std::move(activated))
    {
        QCoreApplication::instance()->installNativeEventFilter(this);
    }

    ~X11Backend() override
    {
        release();
        if (QCoreApplication::instance())
            QCoreApplication::instance()->removeNativeEventFilter(this);
    }

    QString unavailableReason() const override { return {}; }

    Grab grab(QKeyCombination keys) override
    {
        release();
        const KeySym keysym = keysymFor(keys.key());
        if (keysym == NoSymbol)
            return Grab::KeyNotSupported;
        const KeyCode code = XKeysymToKeycode(m_display, keysym);
        if (code == 0)
            return Grab::KeyNotSupported;
        const uint16_t modifiers = x11Modifiers(keys.keyboardModifiers());
        for (const uint16_t lock : kLockStates) {
            const xcb_void_cookie_t cookie = xcb_grab_key_checked(
                m_connection, 1, m_root, modifiers | lock, code, XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC);
            xcb_generic_error_t *error = xcb_request_check(m_connection, cookie);
            if (error) {
                // BadAccess: another client grabbed the same combination first.
                const bool taken = error->error_code == XCB_ACCESS;
                free(error); // NOLINT(cppcoreguidelines-no-malloc): xcb allocates its replies with malloc
                ungrab(code, modifiers);
                return taken ? Grab::Taken : Grab::Failed;
            }
        }
        m_code = code;
        m_modifiers = modifiers;
        return Grab::Grabbed;
    }

    void release() override
    {
        if (m_code != 0)
            ungrab(m_code, m_modifiers);
        m_code = 0;
    }

    void readSelection(std::function<void(const QString &)> done) override
    {
        // What the mouse selected last (PRIMARY); when nothing is, the clipboard as it is.
        QClipboard *clipboard = QGuiApplication::clipboard();
        QString text = clipboard->text(QClipboard::Selection);
        if (text.trimmed().isEmpty())
            text = clipboard->text(QClipboard::Clipboard);
        done(text);
    }

    bool nativeEventFilter(const QByteArray &eventType, void *message, qintptr *) override
    {
        if (m_code == 0 || eventType != "xcb_generic_event_t")
            return false;
        const auto *event = static_cast<const xcb_generic_event_t *>(message);
        if ((event->response_type & 0x7f) != XCB_KEY_PRESS)
            return false;
        const auto *press = static_cast<const xcb_key_press_event_t *>(message);
        if (press->detail != m_code || (press->state & kModifierMask) != m_modifiers)
            return false;
        // From the event loop, not from inside Qt's handling of the X event.
        QTimer::singleShot(0, QCoreApplication::instance(), m_activated);
        return true;
    }

private:
    void ungrab(KeyCode code, uint16_t modifiers)
    {
        for (const uint16_t lock : kLockStates)
            xcb_ungrab_key(m_connection, code, m_root, modifiers | lock);
        xcb_flush(m_connection);
    }

    Display *m_display;
    xcb_connection_t *m_connection;
    xcb_window_t m_root;
    std::function<void()> m_activated;
    KeyCode m_code = 0;
    uint16_t m_modifiers = 0;
};

class NoBackend final : public GlobalShortcutBackend
{
public:
    explicit NoBackend(QString reason)
        : m_reason(std::move(reason))
    {}
    QString unavailableReason() const override { return m_reason; }
    Grab grab(QKeyCombination) override { return Grab::Failed; }
    void release() override {}
    void readSelection(std::function<void(const QString &)> done) override
    {
        done(QGuiApplication::clipboard()->text());
    }

private:
    QString m_reason;
};

} // namespace

std::unique_ptr<GlobalShortcutBackend> GlobalShortcutBackend::create(std::function<void()> activated,
                                                                     std::function<void(Grab)> grabSettled)
{
    auto *x11 = qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    if (x11 && x11->display() && x11->connection())
        return std::make_unique<X11Backend>(x11->display(), x11->connection(), std::move(activated));
    const bool wayland = QGuiApplication::platformName().startsWith(QLatin1String("wayland")) ||
                         qEnvironmentVariable("XDG_SESSION_TYPE") == QLatin1String("wayland");
    if (wayland) {
        if (auto portal = createPortalBackend(activated, std::move(grabSettled)))
            return portal;
        return std::make_unique<NoBackend>(QCoreApplication::translate(
            "GlobalShortcut",
            "This Wayland desktop offers programs no global shortcuts (its desktop portal has "
            "none). Quick dial is in the tray's menu; on an X11 session the shortcut works."));
    }
    return std::make_unique<NoBackend>(QCoreApplication::translate(
        "GlobalShortcut",
        "This desktop offers no global shortcut to programs. Quick dial is in the tray's menu."));
}

} // namespace onedial
