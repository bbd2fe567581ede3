#include "GlobalShortcutPortal.h"

#include "core/Log.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace onedial {

// One shortcut as the portal passes it: an id and its properties, a(sa{sv}) in a list.
struct PortalShortcut
{
    QString id;
    QVariantMap properties;
};

QDBusArgument &operator<<(QDBusArgument &argument, const PortalShortcut &shortcut)
{
    argument.beginStructure();
    argument << shortcut.id << shortcut.properties;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, PortalShortcut &shortcut)
{
    argument.beginStructure();
    argument >> shortcut.id >> shortcut.properties;
    argument.endStructure();
    return argument;
}

} // namespace onedial

Q_DECLARE_METATYPE(onedial::PortalShortcut)

namespace onedial {

namespace {

constexpr char kService[] = "org.freedesktop.portal.Desktop";
constexpr char kPath[] = "/org/freedesktop/portal/desktop";
constexpr char kInterface[] = "org.freedesktop.portal.GlobalShortcuts";
constexpr char kRequestInterface[] = "org.freedesktop.portal.Request";
constexpr char kShortcutId[] = "dial-selection";

QString randomToken()
{
    return QStringLiteral("onedial%1").arg(QRandomGenerator::global()->generate());
}

// A results map's object path, which portals send as an object path or as a string.
QString objectPath(const QVariant &value)
{
    if (value.canConvert<QDBusObjectPath>())
        return value.value<QDBusObjectPath>().path();
    return value.toString();
}

class PortalBackend final : public QObject, protected QDBusContext, public GlobalShortcutBackend
{
    Q_OBJECT

public:
    PortalBackend(std::function<void()> activated, std::function<void(Grab)> settled)
        : m_bus(QDBusConnection::sessionBus())
        , m_activated(std::move(activated))
        , m_settled(std::move(settled))
    {
        qDBusRegisterMetaType<PortalShortcut>();
        qDBusRegisterMetaType<QList<PortalShortcut>>();
        m_bus.connect(QLatin1String(kService), QLatin1String(kPath), QLatin1String(kInterface),
                      QStringLiteral("Activated"), this,
                      SLOT(onActivated(QDBusObjectPath, QString, qulonglong, QVariantMap)));
    }

    ~PortalBackend() override { release(); }

    QString unavailableReason() const override { return {}; }

    Grab grab(QKeyCombination keys) override
    {
        release();
        m_trigger = portalTrigger(keys);
        if (m_trigger.isEmpty())
            return Grab::KeyNotSupported;
        ++m_generation;
        const QString token = randomToken();
        QDBusMessage create =
            QDBusMessage::createMethodCall(QLatin1String(kService), QLatin1String(kPath),
                                           QLatin1String(kInterface), QStringLiteral("CreateSession"));
        create << QVariantMap{{QStringLiteral("handle_token"), token},
                              {QStringLiteral("session_handle_token"), randomToken()}};
        call(create, token, &PortalBackend::sessionCreated);
        return Grab::Pending;
    }

    void release() override
    {
        ++m_generation; // answers to earlier requests are ignored from now on
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
            m_bus.disconnect(QLatin1String(kService), it.key(), QLatin1String(kRequestInterface),
                             QStringLiteral("Response"), this, SLOT(onResponse(uint, QVariantMap)));
        m_pending.clear();
        if (!m_session.isEmpty()) {
            m_bus.asyncCall(QDBusMessage::createMethodCall(QLatin1String(kService), m_session,
                                                           QStringLiteral("org.freedesktop.portal.Session"),
                                                           QStringLiteral("Close")));
        }
        m_session.clear();
        m_bound = false;
    }

    void readSelection(std::function<void(const QString &)> done) override
    {
        // A compositor with the primary-selection protocol offers what the mouse selected.
        QClipboard *clipboard = QGuiApplication::clipboard();
        QString text = clipboard->supportsSelection() ? clipboard->text(QClipboard::Selection) : QString();
        if (text.trimmed().isEmpty())
            text = clipboard->text(QClipboard::Clipboard);
        done(text);
    }

private Q_SLOTS:
    void onActivated(const QDBusObjectPath &session, const QString &id, qulonglong, const QVariantMap &)
    {
        if (m_bound && session.path() == m_session && id == QLatin1String(kShortcutId))
            QTimer::singleShot(0, QCoreApplication::instance(), m_activated);
    }

    void onResponse(uint response, const QVariantMap &results)
    {
        const QString request = message().path();
        const auto handler = m_pending.take(request);
        m_bus.disconnect(QLatin1String(kService), request, QLatin1String(kRequestInterface),
                         QStringLiteral("Response"), this, SLOT(onResponse(uint, QVariantMap)));
        if (handler)
            (this->*handler)(response, results);
    }

private:
    using Handler = void (PortalBackend::*)(uint, const QVariantMap &);

    // Calls a portal method that answers with a Request object, and routes that request's Response
    // to handler. The request's path is known before the call (the sender and the token), so the
    // answer cannot come before OneDial listens for it.
    void call(QDBusMessage message, const QString &token, Handler handler)
    {
        QString sender = m_bus.baseService().mid(1);
        sender.replace(QLatin1Char('.'), QLatin1Char('_'));
        const QString request =
            QStringLiteral("/org/freedesktop/portal/desktop/request/%1/%2").arg(sender, token);
        m_pending.insert(request, handler);
        m_bus.connect(QLatin1String(kService), request, QLatin1String(kRequestInterface),
                      QStringLiteral("Response"), this, SLOT(onResponse(uint, QVariantMap)));
        auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message), this);
        const int generation = m_generation;
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, request, generation] {
            watcher->deleteLater();
            if (!watcher->isError())
                return;
            qCWarning(lcPlatform, "desktop portal: %s", qUtf8Printable(watcher->error().message()));
            m_pending.remove(request);
            if (generation == m_generation)
                m_settled(Grab::Failed);
        });
    }

    void sessionCreated(uint response, const QVariantMap &results)
    {
        m_session = objectPath(results.value(QStringLiteral("session_handle")));
        if (response != 0 || m_session.isEmpty()) {
            m_settled(Grab::Failed);
            return;
        }
        const QString token = randomToken();
        QDBusMessage bind =
            QDBusMessage::createMethodCall(QLatin1String(kService), QLatin1String(kPath),
                                           QLatin1String(kInterface), QStringLiteral("BindShortcuts"));
        const PortalShortcut shortcut{
            QLatin1String(kShortcutId),
            {{QStringLiteral("description"),
              QCoreApplication::translate("GlobalShortcut", "Dial the selected phone number with OneDial")},
             {QStringLiteral("preferred_trigger"), m_trigger}}};
        bind << QVariant::fromValue(QDBusObjectPath(m_session))
             << QVariant::fromValue(QList<PortalShortcut>{shortcut}) << QString()
             << QVariantMap{{QStringLiteral("handle_token"), token}};
        call(bind, token, &PortalBackend::shortcutsBound);
    }

    void shortcutsBound(uint response, const QVariantMap &results)
    {
        // 1: the user declined in the desktop's dialog; 2: the desktop refused.
        bool bound = false;
        const QDBusArgument list = results.value(QStringLiteral("shortcuts")).value<QDBusArgument>();
        if (response == 0 && list.currentType() == QDBusArgument::ArrayType) {
            QList<PortalShortcut> shortcuts;
            list >> shortcuts;
            for (const PortalShortcut &shortcut : std::as_const(shortcuts))
                bound = bound || shortcut.id == QLatin1String(kShortcutId);
        }
        m_bound = bound;
        m_settled(bound ? Grab::Grabbed : Grab::Failed);
    }

    QDBusConnection m_bus;
    std::function<void()> m_activated;
    std::function<void(Grab)> m_settled;
    QHash<QString, Handler> m_pending; // request path -> what its answer continues
    QString m_trigger;
    QString m_session;
    bool m_bound = false;
    int m_generation = 0;
};

} // namespace

QString portalTrigger(QKeyCombination keys)
{
    const int key = keys.key();
    QString name;
    if (key >= Qt::Key_A && key <= Qt::Key_Z)
        name = QChar(u'a' + (key - Qt::Key_A));
    else if (key >= Qt::Key_0 && key <= Qt::Key_9)
        name = QChar(u'0' + (key - Qt::Key_0));
    else if (key >= Qt::Key_F1 && key <= Qt::Key_F24)
        name = QStringLiteral("F%1").arg(key - Qt::Key_F1 + 1);
    else if (key == Qt::Key_Space)
        name = QStringLiteral("space");
    else
        return {};
    QStringList parts;
    const Qt::KeyboardModifiers modifiers = keys.keyboardModifiers();
    if (modifiers & Qt::ControlModifier)
        parts << QStringLiteral("CTRL");
    if (modifiers & Qt::AltModifier)
        parts << QStringLiteral("ALT");
    if (modifiers & Qt::ShiftModifier)
        parts << QStringLiteral("SHIFT");
    if (modifiers & Qt::MetaModifier)
        parts << QStringLiteral("LOGO");
    parts << name;
    return parts.join(QLatin1Char('+'));
}

std::unique_ptr<GlobalShortcutBackend>
createPortalBackend(std::function<void()> activated, std::function<void(GlobalShortcutBackend::Grab)> settled)
{
    // Asked of the bus itself (never of the portal, which may still be starting): is there one?
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return nullptr;
    const QString service = QLatin1String(kService);
    if (!bus.interface()->isServiceRegistered(service).value() &&
        !bus.interface()->activatableServiceNames().value().contains(service))
        return nullptr;
    return std::make_unique<PortalBackend>(std::move(activated), std::move(settled));
}

} // namespace onedial

#include "GlobalShortcutPortal.moc"
