// The browser extension's way into OneDial, with real processes: `onedial chrome-extension://ID/`
// (as a browser starts it) reads framed messages on its standard input, and hands a number to the
// OneDial window running in this test (its single-instance socket, its link confirmation, its
// DialController and the sandbox); the answer comes back on standard output. Also the checks on
// what the host accepts, and `onedial browser install|status|remove`.
#include "BrowserDialRequest.h"
#include "LinkConfirmDialog.h"
#include "LinkHandler.h"
#include "MainWindow.h"
#include "TestEnvironment.h"
#include "browser/NativeMessaging.h"
#include "core/Settings.h"
#include "onenet/SandboxServer.h"
#include "platform/SingleInstance.h"
#include "services/AppServices.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QtEndian>

using namespace onedial;

namespace {

QString chromeOrigin()
{
    return QStringLiteral("chrome-extension://%1/").arg(QLatin1String(NativeMessaging::kChromeExtensionId));
}

QByteArray framed(const QByteArray &json)
{
    QByteArray bytes(4, '\0');
    qToUnaligned<quint32>(quint32(json.size()), bytes.data());
    return bytes + json;
}

QByteArray dialMessage(const char *number, const char *site = "crm.example.com")
{
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                     {QStringLiteral("type"), QStringLiteral("dial")},
                                     {QStringLiteral("number"), QLatin1String(number)},
                                     {QStringLiteral("shown"), QLatin1String(number)},
                                     {QStringLiteral("site"), QLatin1String(site)}})
        .toJson(QJsonDocument::Compact);
}

// `onedial` as Chrome starts it, fed like Chrome feeds it.
class Host
{
public:
    explicit Host(const test::TestEnvironment &env)
    {
        m_process.setProcessEnvironment(env.environment());
        m_process.start(test::TestEnvironment::onedialExecutable(), {chromeOrigin()});
    }
    ~Host()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }
    Host(const Host &) = delete;
    Host &operator=(const Host &) = delete;

    void send(const QByteArray &bytes) { m_process.write(bytes); }
    // The next reply, read while the event loop runs (the window in this process answers it).
    QJsonObject reply(int timeoutMs = 20000)
    {
        QByteArray &buffer = m_buffer;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            buffer += m_process.readAllStandardOutput();
            if (buffer.size() >= 4) {
                const quint32 length = qFromUnaligned<quint32>(buffer.constData());
                if (buffer.size() >= 4 + qsizetype(length)) {
                    const QByteArray json = buffer.mid(4, length);
                    buffer.remove(0, 4 + qsizetype(length));
                    return QJsonDocument::fromJson(json).object();
                }
            }
            if (m_process.state() == QProcess::NotRunning && m_process.bytesAvailable() == 0)
                break;
            QTest::qWait(20);
        }
        return {};
    }
    QProcess &process() { return m_process; }
    QByteArray unread() { return m_buffer + m_process.readAllStandardOutput(); }

private:
    QProcess m_process;
    QByteArray m_buffer;
};

LinkConfirmDialog *openConfirmation()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<LinkConfirmDialog *>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace

class TestBrowserHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void knowsWhenABrowserStartsIt();
    void checksWhatTheExtensionSends();
    void helloNeedsNoWindow();
    void aConfirmedNumberIsDialledAndItsOutcomeReturned();
    void aCancelledConfirmationSaysNothingWasDialled();
    void theServiceRefusalComesBackInWords();
    void dialAtOnceWhenTheUserChoseIt();
    void aNumberOneDialCannotCallNeverReachesTheWindow();
    void malformedAndOversizedMessages();
    void browserCommandRegistersForThisUser();

private:
    test::TestEnvironment m_env;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<LinkHandler> m_links;
    std::unique_ptr<SingleInstance> m_instance;
};

void TestBrowserHost::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_env.applyToThisProcess();
    QVERIFY2(QFile::exists(test::TestEnvironment::onedialExecutable()),
             "ONEDIAL_EXECUTABLE must name onedial");
    // This process is the running OneDial, wired as GuiApp wires it.
    m_instance = std::make_unique<SingleInstance>();
    QCOMPARE(m_instance->claim(), SingleInstance::Role::Primary);
    auto *services = new AppServices({.sandbox = true, .databasePath = {}});
    m_window = std::make_unique<MainWindow>(*services);
    services->setParent(m_window.get());
    m_window->controller()->setTimeoutMs(5000);
    m_links = std::make_unique<LinkHandler>(m_window.get());
    connect(m_instance.get(), &SingleInstance::requestReceived, m_window.get(),
            [this](const QStringList &arguments, PendingReply *reply) {
                QCOMPARE(arguments.value(0), QStringLiteral("--browser-dial"));
                BrowserDialRequest::handle(m_window.get(), m_links.get(), arguments.mid(1), reply);
            });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestBrowserHost::cleanupTestCase()
{
    m_links.reset();
    m_window.reset();
    m_instance.reset();
}

void TestBrowserHost::init()
{
    QVERIFY(Settings().setValue(Setting::DialLinksAtOnce, false));
}

void TestBrowserHost::knowsWhenABrowserStartsIt()
{
    const QString program = QStringLiteral("onedial");
    QVERIFY(NativeMessaging::isHostInvocation({program, chromeOrigin()}));
    // Chrome on Windows adds its window after the origin.
    QVERIFY(
        NativeMessaging::isHostInvocation({program, chromeOrigin(), QStringLiteral("--parent-window=0")}));
    QVERIFY(NativeMessaging::isHostInvocation(
        {program, QStringLiteral("/usr/lib/mozilla/native-messaging-hosts/org.onedial.onedial.json"),
         QStringLiteral("onedial@onedial.org")}));
    // What a person types never is.
    QVERIFY(!NativeMessaging::isHostInvocation({program}));
    QVERIFY(!NativeMessaging::isHostInvocation({program, QStringLiteral("tel:+8613800138000")}));
    QVERIFY(!NativeMessaging::isHostInvocation({program, QStringLiteral("chrome-extension://xyz/")}));
    QVERIFY(
        !NativeMessaging::isHostInvocation({program, QStringLiteral("dial"), QStringLiteral("13800138000")}));
    QVERIFY(!NativeMessaging::isHostInvocation(
        {program, QStringLiteral("contacts.json"), QStringLiteral("someone@example.com")}));
}

void TestBrowserHost::checksWhatTheExtensionSends()
{
    using Type = NativeMessaging::Incoming::Type;
    QCOMPARE(NativeMessaging::readMessage(R"({"version":1,"type":"hello"})").type, Type::Hello);
    const auto dial = NativeMessaging::readMessage(dialMessage("+8613800138000"));
    QCOMPARE(dial.type, Type::Dial);
    QCOMPARE(dial.dial.number, QStringLiteral("+8613800138000"));
    QCOMPARE(dial.dial.site, QStringLiteral("crm.example.com"));
    for (const QByteArray &bad :
         {QByteArray("[]"), QByteArray("{"), QByteArray(R"({"version":2,"type":"hello"})"),
          QByteArray(R"({"version":1,"type":"dial","number":"13800138000"})"),
          QByteArray(R"({"version":1,"type":"dial","number":"+1 650 253 0000"})"),
          QByteArray(R"({"version":1,"type":"dial","number":"+8613800138000","site":"evil.com/<script>"})"),
          QByteArray(R"({"version":1,"type":"dial","number":"+8613800138000","shown":7})"),
          QByteArray(R"({"version":1,"type":"upload","number":"+8613800138000"})")})
        QCOMPARE(NativeMessaging::readMessage(bad).type, Type::Invalid);
}

void TestBrowserHost::helloNeedsNoWindow()
{
    Host host(m_env);
    host.send(framed(R"({"version":1,"type":"hello"})"));
    const QJsonObject reply = host.reply();
    QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("hello"));
    QCOMPARE(reply.value(QLatin1String("app")).toString(), QStringLiteral("OneDial"));
    QVERIFY(!reply.value(QLatin1String("appVersion")).toString().isEmpty());
    // The browser closes the pipe: the host ends, with nothing else written.
    host.process().closeWriteChannel();
    QVERIFY(host.process().waitForFinished(5000));
    QCOMPARE(host.process().exitCode(), 0);
    QVERIFY(host.unread().isEmpty());
}

void TestBrowserHost::aConfirmedNumberIsDialledAndItsOutcomeReturned()
{
    const int before = m_window->sandbox()->requestCount();
    Host host(m_env);
    host.send(framed(dialMessage("+8613800138000")));
    LinkConfirmDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = openConfirmation()), 15000);
    // The question says where the number comes from; nothing is dialled before the answer.
    const auto *intro = dialog->findChild<QLabel *>(QStringLiteral("intro"));
    QVERIFY(intro && intro->text().contains(QStringLiteral("crm.example.com")));
    QCOMPARE(m_window->sandbox()->requestCount(), before);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->dialButton()->isEnabled(), 5000);
    dialog->dialButton()->click();

    const QJsonObject reply = host.reply();
    QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("result"));
    QCOMPARE(reply.value(QLatin1String("state")).toString(), QStringLiteral("accepted"));
    QVERIFY(
        reply.value(QLatin1String("message")).toString().contains(QStringLiteral("Your phone will ring")));
    QCOMPARE(m_window->sandbox()->requestCount(), before + 1);
    QVERIFY(m_window->sandbox()->received().last().body.contains("8613800138000"));
}

void TestBrowserHost::aCancelledConfirmationSaysNothingWasDialled()
{
    const int before = m_window->sandbox()->requestCount();
    Host host(m_env);
    host.send(framed(dialMessage("+8613900139000")));
    LinkConfirmDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = openConfirmation()), 15000);
    // A second click on the same number while the question is open places nothing more.
    Host again(m_env);
    again.send(framed(dialMessage("+8613900139000")));
    const QJsonObject duplicate = again.reply();
    QCOMPARE(duplicate.value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(duplicate.value(QLatin1String("message")).toString(),
             QStringLiteral("OneDial is already asking you about this number."));

    dialog->reject();
    const QJsonObject reply = host.reply();
    QCOMPARE(reply.value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(reply.value(QLatin1String("message")).toString(),
             QStringLiteral("You did not confirm the call: nothing was dialled."));
    QCOMPARE(m_window->sandbox()->requestCount(), before);
}

void TestBrowserHost::theServiceRefusalComesBackInWords()
{
    // The sandbox answers 138 0000 0101 with the v1 code 000001.
    QVERIFY(Settings().setValue(Setting::DialLinksAtOnce, true));
    Host host(m_env);
    host.send(framed(dialMessage("+8613800000101")));
    const QJsonObject reply = host.reply();
    QCOMPARE(reply.value(QLatin1String("state")).toString(), QStringLiteral("refused"));
    QVERIFY(!reply.value(QLatin1String("message")).toString().isEmpty());
    QVERIFY(!openConfirmation());
}

void TestBrowserHost::dialAtOnceWhenTheUserChoseIt()
{
    QVERIFY(Settings().setValue(Setting::DialLinksAtOnce, true));
    const int before = m_window->sandbox()->requestCount();
    Host host(m_env);
    host.send(framed(dialMessage("+8615012345678")));
    const QJsonObject reply = host.reply();
    QCOMPARE(reply.value(QLatin1String("state")).toString(), QStringLiteral("accepted"));
    QVERIFY(!openConfirmation());
    QCOMPARE(m_window->sandbox()->requestCount(), before + 1);
}

void TestBrowserHost::aNumberOneDialCannotCallNeverReachesTheWindow()
{
    QVERIFY(Settings().setValue(Setting::DialLinksAtOnce, true));
    const int before = m_window->sandbox()->requestCount();
    QSignalSpy requests(m_instance.get(), &SingleInstance::requestReceived);
    Host host(m_env);
    // +86 and digits, but no number in use: checked by the host as a dial checks it.
    host.send(framed(dialMessage("+8640081056880")));
    const QJsonObject reply = host.reply();
    QCOMPARE(reply.value(QLatin1String("state")).toString(), QStringLiteral("invalid"));
    QVERIFY(reply.value(QLatin1String("message")).toString().contains(QStringLiteral("not a number in use")));
    QCOMPARE(requests.size(), 0);
    QCOMPARE(m_window->sandbox()->requestCount(), before);
}

void TestBrowserHost::malformedAndOversizedMessages()
{
    {
        Host host(m_env);
        host.send(framed("not json"));
        QCOMPARE(host.reply().value(QLatin1String("state")).toString(), QStringLiteral("invalid"));
        host.send(framed(R"({"version":1,"type":"dial","number":"+8613800138000","site":"a b"})"));
        QCOMPARE(host.reply().value(QLatin1String("state")).toString(), QStringLiteral("invalid"));
        // Still serving after bad messages.
        host.send(framed(R"({"version":1,"type":"hello"})"));
        QCOMPARE(host.reply().value(QLatin1String("type")).toString(), QStringLiteral("hello"));
    }
    {
        // A length beyond any message of ours: the host stops without reading it or answering.
        Host host(m_env);
        QByteArray header(4, '\0');
        qToUnaligned<quint32>(NativeMessaging::kMaxIncomingBytes + 1, header.data());
        host.send(header);
        QVERIFY(host.process().waitForFinished(5000));
        QCOMPARE(host.process().exitCode(), 1);
        QVERIFY(host.unread().isEmpty());
    }
    {
        // A message cut short by the browser going away: no answer, no dial.
        const int before = m_window->sandbox()->requestCount();
        Host host(m_env);
        host.send(framed(dialMessage("+8613800138000")).left(20));
        host.process().closeWriteChannel();
        QVERIFY(host.process().waitForFinished(5000));
        QVERIFY(host.unread().isEmpty());
        QCOMPARE(m_window->sandbox()->requestCount(), before);
    }
}

void TestBrowserHost::browserCommandRegistersForThisUser()
{
    const test::ProcessResult install =
        m_env.runOnedial({QStringLiteral("browser"), QStringLiteral("install")});
    QCOMPARE(install.exitCode, 0);
    for (const auto browser : NativeMessaging::allBrowsers()) {
        const QString path = NativeMessaging::userManifestPath(browser);
        QVERIFY2(path.startsWith(m_env.home()), qPrintable(path)); // this test's home, nobody else's
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(manifest.value(QLatin1String("name")).toString(), QStringLiteral("org.onedial.onedial"));
        QCOMPARE(manifest.value(QLatin1String("type")).toString(), QStringLiteral("stdio"));
        // As the system writes paths (backslashes on Windows).
        QCOMPARE(manifest.value(QLatin1String("path")).toString(),
                 QDir::toNativeSeparators(test::TestEnvironment::onedialExecutable()));
        const QString allowed = browser == NativeMessaging::Browser::Firefox
                                    ? QStringLiteral("allowed_extensions")
                                    : QStringLiteral("allowed_origins");
        const QString expected = browser == NativeMessaging::Browser::Firefox
                                     ? QStringLiteral("onedial@onedial.org")
                                     : chromeOrigin();
        QCOMPARE(manifest.value(allowed).toArray().toVariantList(), QVariantList{expected});
    }
    const test::ProcessResult status =
        m_env.runOnedial({QStringLiteral("browser"), QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(status.out.count("registered for this OneDial"), 4);
    QCOMPARE(m_env.runOnedial({QStringLiteral("browser"), QStringLiteral("remove")}).exitCode, 0);
    for (const auto browser : NativeMessaging::allBrowsers())
        QVERIFY(!QFile::exists(NativeMessaging::userManifestPath(browser)));
    QCOMPARE(m_env.runOnedial({QStringLiteral("browser"), QStringLiteral("forget")}).exitCode, 2);
}

QTEST_MAIN(TestBrowserHost)
#include "tst_browserhost.moc"
