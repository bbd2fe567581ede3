// macOS: RegisterEventHotKey (Carbon's hot keys, which need no accessibility permission). macOS
// lets no program read another's selection without that permission, so the text read is the
// clipboard as it is: copy the number (Command-C), then press the shortcut.
#include "GlobalShortcutBackend.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTimer>

#include <Carbon/Carbon.h>

namespace onedial {

namespace {

constexpr UInt32 kHotKeySignature = 'OnDl';
constexpr UInt32 kHotKeyId = 1;

// Carbon's key codes are positions on an ANSI keyboard, not characters.
int keyCodeFor(int key)
{
    switch (key) {
    case Qt::Key_A:
        return kVK_ANSI_A;
    case Qt::Key_B:
        return kVK_ANSI_B;
    case Qt::Key_C:
        return kVK_ANSI_C;
    case Qt::Key_D:
        return kVK_ANSI_D;
    case Qt::Key_E:
        return kVK_ANSI_E;
    case Qt::Key_F:
        return kVK_ANSI_F;
    case Qt::Key_G:
        return kVK_ANSI_G;
    case Qt::Key_H:
        return kVK_ANSI_H;
    case Qt::Key_I:
        return kVK_ANSI_I;
    case Qt::Key_J:
        return kVK_ANSI_J;
    case Qt::Key_K:
        return kVK_ANSI_K;
    case Qt::Key_L:
        return kVK_ANSI_L;
    case Qt::Key_M:
        return kVK_ANSI_M;
    case Qt::Key_N:
        return kVK_ANSI_N;
    case Qt::Key_O:
        return kVK_ANSI_O;
    case Qt::Key_P:
        return kVK_ANSI_P;
    case Qt::Key_Q:
        return kVK_ANSI_Q;
    case Qt::Key_R:
        return kVK_ANSI_R;
    case Qt::Key_S:
        return kVK_ANSI_S;
    case Qt::Key_T:
        return kVK_ANSI_T;
    case Qt::Key_U:
        return kVK_ANSI_U;
    case Qt::Key_V:
        return kVK_ANSI_V;
    case Qt::Key_W:
        return kVK_ANSI_W;
    case Qt::Key_X:
        return kVK_ANSI_X;
    case Qt::Key_Y:
        return kVK_ANSI_Y;
    case Qt::Key_Z:
        return kVK_ANSI_Z;
    case Qt::Key_0:
        return kVK_ANSI_0;
    case Qt::Key_1:
        return kVK_ANSI_1;
    case Qt::Key_2:
        return kVK_ANSI_2;
    case Qt::Key_3:
        return kVK_ANSI_3;
    case Qt::Key_4:
        return kVK_ANSI_4;
    case Qt::Key_5:
        return kVK_ANSI_5;
    case Qt::Key_6:
        return kVK_ANSI_6;
    case Qt::Key_7:
        return kVK_ANSI_7;
    case Qt::Key_8:
        return kVK_ANSI_8;
    case Qt::Key_9:
        return kVK_ANSI_9;
    case Qt::Key_F1:
        return kVK_F1;
    case Qt::Key_F2:
        return kVK_F2;
    case Qt::Key_F3:
        return kVK_F3;
    case Qt::Key_F4:
        return kVK_F4;
    case Qt::Key_F5:
        return kVK_F5;
    case Qt::Key_F6:
        return kVK_F6;
    case Qt::Key_F7:
        return kVK_F7;
    case Qt::Key_F8:
        return kVK_F8;
    case Qt::Key_F9:
        return kVK_F9;
    case Qt::Key_F10:
        return kVK_F10;
    case Qt::Key_F11:
        return kVK_F11;
    case Qt::Key_F12:
        return kVK_F12;
    case Qt::Key_Space:
        return kVK_Space;
    default:
        return -1;
    }
}

class MacBackend final : public GlobalShortcutBackend
{
public:
    explicit MacBackend(std::function<void()> activated)
        : m_activated(std::move(activated))
    {
        const EventTypeSpec pressed{kEventClassKeyboard, kEventHotKeyPressed};
        InstallApplicationEventHandler(&MacBackend::onHotKey, 1, &pressed, this, &m_handler);
    }

    ~MacBackend() override
    {
        release();
        if (m_handler)
            RemoveEventHandler(m_handler);
    }

    QString unavailableReason() const override { return {}; }

    Grab grab(QKeyCombination keys) override
    {
        release();
        const int code = keyCodeFor(keys.key());
        if (code < 0)
            return Grab::KeyNotSupported;
        // Qt names the Command key Control on macOS, and the Control key Meta.
        UInt32 modifiers = 0;
        const Qt::KeyboardModifiers qtModifiers = keys.keyboardModifiers();
        if (qtModifiers & Qt::ControlModifier)
            modifiers |= cmdKey;
        if (qtModifiers & Qt::MetaModifier)
            modifiers |= controlKey;
        if (qtModifiers & Qt::AltModifier)
            modifiers |= optionKey;
        if (qtModifiers & Qt::ShiftModifier)
            modifiers |= shiftKey;
        const EventHotKeyID id{kHotKeySignature, kHotKeyId};
        const OSStatus status =
            RegisterEventHotKey(UInt32(code), modifiers, id, GetApplicationEventTarget(), 0, &m_hotKey);
        if (status == noErr)
            return Grab::Grabbed;
        m_hotKey = nullptr;
        return status == eventHotKeyExistsErr ? Grab::Taken : Grab::Failed;
    }

    void release() override
    {
        if (m_hotKey)
            UnregisterEventHotKey(m_hotKey);
        m_hotKey = nullptr;
    }

    void readSelection(std::function<void(const QString &)> done) override
    {
        done(QGuiApplication::clipboard()->text());
    }

private:
    static OSStatus onHotKey(EventHandlerCallRef, EventRef event, void *data)
    {
        EventHotKeyID id{};
        GetEventParameter(event, kEventParamDirectObject, typeEventHotKeyID, nullptr, sizeof(id), nullptr,
                          &id);
        if (id.signature != kHotKeySignature || id.id != kHotKeyId)
            return eventNotHandledErr;
        auto *self = static_cast<MacBackend *>(data);
        QTimer::singleShot(0, QCoreApplication::instance(), self->m_activated);
        return noErr;
    }

    std::function<void()> m_activated;
    EventHandlerRef m_handler = nullptr;
    EventHotKeyRef m_hotKey = nullptr;
};

} // namespace

std::unique_ptr<GlobalShortcutBackend>
GlobalShortcutBackend::create(std::function<void()> activated, std::function<void(Grab)> /*grabSettled*/)
{
    return std::make_unique<MacBackend>(std::move(activated));
}

} // namespace onedial
