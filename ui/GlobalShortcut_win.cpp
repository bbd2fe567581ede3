// Windows: RegisterHotKey for the calling thread (the WM_HOTKEY message comes through Qt's native
// event filter). Windows has no selection another program can read, so the shortcut asks the
// program in front to copy (Ctrl+C, once the user has let go of the shortcut's keys) and reads
// the clipboard when it changes; a program that copies nothing leaves the clipboard as it was,
// and that is what is read.
#include "GlobalShortcutBackend.h"

#include <QAbstractNativeEventFilter>
#include <QClipboard>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTimer>

#include <array>
#include <windows.h>

namespace onedial {

namespace {

constexpr int kHotKeyId = 0x4f44;
constexpr int kPollMs = 15;
constexpr int kReleaseWaitMs = 1000; // for the user to let go of the shortcut's keys
constexpr int kCopyWaitMs = 500;     // for the program in front to copy

UINT virtualKeyFor(int key)
{
    if ((key >= Qt::Key_A && key <= Qt::Key_Z) || (key >= Qt::Key_0 && key <= Qt::Key_9))
        return UINT(key); // the same codes as ASCII
    if (key >= Qt::Key_F1 && key <= Qt::Key_F24)
        return UINT(VK_F1 + (key - Qt::Key_F1));
    switch (key) {
    case Qt::Key_Space:
        return VK_SPACE;
    case Qt::Key_Insert:
        return VK_INSERT;
    case Qt::Key_Home:
        return VK_HOME;
    case Qt::Key_End:
        return VK_END;
    case Qt::Key_PageUp:
        return VK_PRIOR;
    case Qt::Key_PageDown:
        return VK_NEXT;
    case Qt::Key_Pause:
        return VK_PAUSE;
    default:
        return 0;
    }
}

bool isDown(int virtualKey)
{
    return (GetAsyncKeyState(virtualKey) & 0x8000) != 0;
}

INPUT keyInput(WORD virtualKey, bool up)
{
    INPUT input{};
    input.type = INPUT_KEYBOARD;
    input.ki.wVk = virtualKey;
    input.ki.dwFlags = up ? KEYEVENTF_KEYUP : 0;
    return input;
}

class WinBackend final : public GlobalShortcutBackend, public QAbstractNativeEventFilter
{
public:
    explicit WinBackend(std::function<void()> activated)
        : m_activated(std::move(activated))
    {
        m_poll.setInterval(kPollMs);
        QObject::connect(&m_poll, &QTimer::timeout, &m_poll, [this] { poll(); });
        QCoreApplication::instance()->installNativeEventFilter(this);
    }

    ~WinBackend() override
    {
        release();
        if (QCoreApplication::instance())
            QCoreApplication::instance()->removeNativeEventFilter(this);
    }

    QString unavailableReason() const override { return {}; }

    Grab grab(QKeyCombination keys) override
    {
        release();
        const UINT virtualKey = virtualKeyFor(keys.key());
        if (virtualKey == 0)
            return Grab::KeyNotSupported;
        UINT modifiers = MOD_NOREPEAT;
        const Qt::KeyboardModifiers qtModifiers = keys.keyboardModifiers();
        if (qtModifiers & Qt::ControlModifier)
            modifiers |= MOD_CONTROL;
        if (qtModifiers & Qt::AltModifier)
            modifiers |= MOD_ALT;
        if (qtModifiers & Qt::ShiftModifier)
            modifiers |= MOD_SHIFT;
        if (qtModifiers & Qt::MetaModifier)
            modifiers |= MOD_WIN;
        if (RegisterHotKey(nullptr, kHotKeyId, modifiers, virtualKey)) {
            m_registered = true;
            m_virtualKey = virtualKey;
            return Grab::Grabbed;
        }
        return GetLastError() == ERROR_HOTKEY_ALREADY_REGISTERED ? Grab::Taken : Grab::Failed;
    }

    void release() override
    {
        if (m_registered)
            UnregisterHotKey(nullptr, kHotKeyId);
        m_registered = false;
    }

    void readSelection(std::function<void(const QString &)> done) override
    {
        m_done = std::move(done);
        m_copySent = false;
        m_clock.start();
        m_poll.start();
        poll();
    }

    bool nativeEventFilter(const QByteArray &eventType, void *message, qintptr *) override
    {
        if (eventType != "windows_generic_MSG")
            return false;
        const MSG *msg = static_cast<const MSG *>(message);
        if (msg->message != WM_HOTKEY || msg->wParam != WPARAM(kHotKeyId))
            return false;
        QTimer::singleShot(0, QCoreApplication::instance(), m_activated);
        return true;
    }

private:
    void poll()
    {
        if (!m_copySent) {
            // Ctrl+C while Alt is still held would be Ctrl+Alt+C to the program in front.
            const bool held = isDown(VK_MENU) || isDown(VK_CONTROL) || isDown(VK_SHIFT) || isDown(VK_LWIN) ||
                              isDown(VK_RWIN) || (m_virtualKey != 0 && isDown(int(m_virtualKey)));
            if (held && m_clock.elapsed() < kReleaseWaitMs)
                return;
            m_sequence = GetClipboardSequenceNumber();
            std::array<INPUT, 4> inputs = {keyInput(VK_CONTROL, false), keyInput('C', false),
                                           keyInput('C', true), keyInput(VK_CONTROL, true)};
            SendInput(UINT(inputs.size()), inputs.data(), sizeof(INPUT));
            m_copySent = true;
            m_clock.restart();
            return;
        }
        if (GetClipboardSequenceNumber() == m_sequence && m_clock.elapsed() < kCopyWaitMs)
            return;
        m_poll.stop();
        const auto done = std::move(m_done);
        m_done = nullptr;
        if (done)
            done(QGuiApplication::clipboard()->text());
    }

    std::function<void()> m_activated;
    std::function<void(const QString &)> m_done;
    QTimer m_poll;
    QElapsedTimer m_clock;
    DWORD m_sequence = 0;
    UINT m_virtualKey = 0;
    bool m_copySent = false;
    bool m_registered = false;
};

} // namespace

std::unique_ptr<GlobalShortcutBackend>
GlobalShortcutBackend::create(std::function<void()> activated, std::function<void(Grab)> /*grabSettled*/)
{
    return std::make_unique<WinBackend>(std::move(activated));
}

} // namespace onedial
