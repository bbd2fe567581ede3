// The global shortcut on Wayland, through the desktop portal's GlobalShortcuts interface on a
// private session bus (tests/with-keyring.sh starts one). No desktop with that portal runs here
// (it needs KDE Plasma or GNOME 48), so a stand-in portal in this test answers on its own bus
// connection, as xdg-desktop-portal does: a Request object's Response for CreateSession and
// BindShortcuts, Activated when the keys are pressed, Close on the session.
#include "GlobalShortcut.h"
#include "TestEnvironment.h"

#include <QClipboard>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace onedial;

struct StandInShortcut
{
    QString id;
    QVariantMap properties;
};
Q_DECLARE_METATYPE(StandInShortcut)

QDBusArgument &operator<<(QDBusArgument &argument, const StandInShortcut &shortcut)
{
    argument.beginStructure();
    argument << shortcut.id << shortcut.properties;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, StandInShortcut &shortcut)
{
    argument.beginStructure();
    argument >> shortcut.id >> shortcut.properties;
    argument.endStructure();
    return argument;
}

namespace {

const QString kService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kInterface = QStringLiteral("org.freedesktop.portal.GlobalShortcuts");

} // namespace

// A portal Session object: Close only, noted in closed.
class StandInSession final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Session")

public:
    explicit StandInSession(QStringList *closed)
        : m_closed(closed)
    {}

public Q_SLOTS:
    void Close() { *m_closed << message().path(); }

private:
    QStringList *m_closed;
};

// The portal's GlobalShortcuts as the desktop would answer it.
class StandInPortal final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.GlobalShortcuts")

public:
    explicit StandInPortal(QDBusConnection bus)
        : m_bus(std::move(bus))
    {}

    bool userDeclines = false;
    QStringList triggers; // preferred_trigger of each BindShortcuts
    QStringList closed;   // sessions closed
    QString description;
    QString session; // the last session handed out

    void press(const QString &sessionPath, const QString &id)
    {
        QDBusMessage signal = QDBusMessage::createSignal(kPath, kInterface, QStringLiteral("Activated"));
        signal << QVariant::fromValue(QDBusObjectPath(sessionPath)) << id << qulonglong(0) << QVariantMap();
        m_bus.send(signal);
    }

public Q_SLOTS:
    QDBusObjectPath CreateSession(const QVariantMap &options)
    {
        session = QStringLiteral("/org/freedesktop/portal/desktop/session/%1/%2")
                      .arg(sender(), options.value(QStringLiteral("session_handle_token")).toString());
        m_bus.registerObject(session, QStringLiteral("org.freedesktop.portal.Session"), &m_sessionObject,
                             QDBusConnection::ExportAllSlots);
        return respond(options, 0,
                       {{QStringLiteral("session_handle"), QVariant::fromValue(QDBusObjectPath(session))}});
    }

    QDBusObjectPath BindShortcuts(const QDBusObjectPath &, const QList<StandInShortcut> &list,
                                  const QString &, const QVariantMap &options)
    {
        for (const StandInShortcut &shortcut : std::as_const(list)) {
            triggers << shortcut.properties.value(QStringLiteral("preferred_trigger")).toString();
            description = shortcut.properties.value(QStringLiteral("description")).toString();
        }
        if (userDeclines)
            return respond(options, 1, {});
        return respond(options, 0, {{QStringLiteral("shortcuts"), QVariant::fromValue(list)}});
    }

private:
    QString sender() const
    {
        QString name = message().service().mid(1);
        return name.replace(QLatin1Char('.'), QLatin1Char('_'));
    }

    // The Request object's path now, its Response once the call has been answered.
    QDBusObjectPath respond(const QVariantMap &options, uint response, const QVariantMap &results)
    {
        const QString request = QStringLiteral("/org/freedesktop/portal/desktop/request/%1/%2")
                                    .arg(sender(), options.value(QStringLiteral("handle_token")).toString());
        QTimer::singleShot(10, this, [this, request, response, results] {
            QDBusMessage signal = QDBusMessage::createSignal(
                request, QStringLiteral("org.freedesktop.portal.Request"), QStringLiteral("Response"));
            signal << response << results;
            m_bus.send(signal);
        });
        return QDBusObjectPath(request);
    }

    QDBusConnection m_bus;
    StandInSession m_sessionObject{&closed};
};

class TestGlobalShortcutPortal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void askedOfTheDesktopThenActive();
    void activatedReadsTheSelection();
    void declinedByTheUserIsSaid();
    void otherKeysOpenANewSessionAndOffClosesIt();
    void quickChangesEndWithTheLastKeys();
    void withoutAPortalItSaysWhy();

private:
    test::TestEnvironment m_env;
    std::unique_ptr<StandInPortal> m_portal;
    std::unique_ptr<QDBusConnection> m_portalBus;
};

void TestGlobalShortcutPortal::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
    QVERIFY2(QDBusConnection::sessionBus().isConnected(), "needs the private session bus of with-keyring.sh");
    qputenv("XDG_SESSION_TYPE", "wayland");
    qDBusRegisterMetaType<StandInShortcut>();
    qDBusRegisterMetaType<QList<StandInShortcut>>();
}

void TestGlobalShortcutPortal::init()
{
    m_portalBus = std::make_unique<QDBusConnection>(
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("stand-in portal")));
    QVERIFY(m_portalBus->isConnected());
    m_portal = std::make_unique<StandInPortal>(*m_portalBus);
    QVERIFY(m_portalBus->registerObject(kPath, kInterface, m_portal.get(), QDBusConnection::ExportAllSlots));
    QVERIFY(m_portalBus->registerService(kService));
    GlobalShortcut defaults;
    QVERIFY(defaults.setEnabled(true));
    QVERIFY(defaults.setKeys(GlobalShortcut::defaultKeys()));
}

void TestGlobalShortcutPortal::cleanup()
{
    m_portalBus->unregisterService(kService);
    m_portalBus->unregisterObject(kPath);
    m_portal.reset();
    QDBusConnection::disconnectFromBus(QStringLiteral("stand-in portal"));
    m_portalBus.reset();
}

void TestGlobalShortcutPortal::askedOfTheDesktopThenActive()
{
    GlobalShortcut shortcut;
    // Asked, not yet given: the desktop may ask the user first.
    QTRY_COMPARE(shortcut.state(), GlobalShortcut::State::Active);
    QCOMPARE(m_portal->triggers, QStringList{QStringLiteral("CTRL+ALT+d")});
    QVERIFY(!m_portal->description.isEmpty());
    QVERIFY(shortcut.stateText().contains(QStringLiteral("Ctrl+Alt+D")));
}

void TestGlobalShortcutPortal::activatedReadsTheSelection()
{
    GlobalShortcut shortcut;
    QTRY_COMPARE(shortcut.state(), GlobalShortcut::State::Active);
    QGuiApplication::clipboard()->setText(QStringLiteral("王经理 138-0013-8000"));
    QSignalSpy selected(&shortcut, &GlobalShortcut::selectedText);
    // Another program's shortcut, or another session's, is not ours.
    m_portal->press(m_portal->session, QStringLiteral("something-else"));
    m_portal->press(QStringLiteral("/org/freedesktop/portal/desktop/session/other/x"),
                    QStringLiteral("dial-selection"));
    QVERIFY(!selected.wait(500));
    m_portal->press(m_portal->session, QStringLiteral("dial-selection"));
    QVERIFY(selected.wait(5000));
    QCOMPARE(selected.first().first().toString(), QStringLiteral("王经理 138-0013-8000"));
}

void TestGlobalShortcutPortal::declinedByTheUserIsSaid()
{
    m_portal->userDeclines = true;
    GlobalShortcut shortcut;
    QCOMPARE(shortcut.state(), GlobalShortcut::State::Requested);
    QVERIFY(shortcut.stateText().contains(QStringLiteral("asked the desktop")));
    QTRY_COMPARE(shortcut.state(), GlobalShortcut::State::Failed);
    QCOMPARE(shortcut.stateText(),
             QStringLiteral("The desktop did not accept Ctrl+Alt+D. Choose other keys."));
}

void TestGlobalShortcutPortal::otherKeysOpenANewSessionAndOffClosesIt()
{
    GlobalShortcut shortcut;
    QTRY_COMPARE(shortcut.state(), GlobalShortcut::State::Active);
    const QString first = m_portal->session;
    QVERIFY(shortcut.setKeys(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K)));
    QTRY_COMPARE(shortcut.state(), GlobalShortcut::State::Active);
    QCOMPARE(m_portal->triggers, (QStringList{QStringLiteral("CTRL+ALT+d"), QStringLiteral("CTRL+ALT+k")}));
    QTRY_VERIFY(m_portal->closed.contains(first));
    QVERIFY(m_portal->session != first);
    // The old session's presses are no longer ours.
    QSignalSpy selected(&shortcut, &GlobalShortcut::selectedText);
    m_portal->press(first, QStringLiteral("dial-selection"));
    QVERIFY(!selected.wait(500));

    const QString second = m_portal->session;
    QVERIFY(shortcut.setEnabled(false));
    QCOMPARE(shortcut.state(), GlobalShortcut::State::Off);
    QTRY_VERIFY(m_portal->closed.contains(second));
    m_portal->press(second, QStringLiteral("dial-selection"));
    QVERIFY(!selected.wait(500));
}

void TestGlobalShortcutPortal::quickChangesEndWithTheLastKeys()
{
    // Keys changed twice before the desktop answered: the answers to the earlier requests change
    // nothing, and only the last keys are asked for.
    GlobalShortcut shortcut;
    QVERIFY(shortcut.setKeys(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K)));
    QVERIFY(shortcut.setKeys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F9)));
    QTRY_COMPARE(shortcut.state(), GlobalShortcut::State::Active);
    QTest::qWait(200);
    QCOMPARE(m_portal->triggers, QStringList{QStringLiteral("CTRL+SHIFT+F9")});
    QCOMPARE(shortcut.state(), GlobalShortcut::State::Active);
}

void TestGlobalShortcutPortal::withoutAPortalItSaysWhy()
{
    m_portalBus->unregisterService(kService);
    QTRY_VERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService).value());
    GlobalShortcut shortcut;
    QCOMPARE(shortcut.state(), GlobalShortcut::State::Unavailable);
    QVERIFY2(shortcut.stateText().contains(QStringLiteral("Wayland")), qPrintable(shortcut.stateText()));
    QVERIFY(m_portal->triggers.isEmpty());
}

QTEST_MAIN(TestGlobalShortcutPortal)
#include "tst_globalshortcutportal.moc"
