#include "NativeMessaging.h"

#include "core/AppInfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QtEndian>

namespace onedial::NativeMessaging {

namespace {

constexpr int kMaxShown = 64;
constexpr int kMaxSite = 253; // the longest DNS name

QString chromeOrigin()
{
    return QStringLiteral("chrome-extension://%1/").arg(QLatin1String(kChromeExtensionId));
}

} // namespace

bool isHostInvocation(const QStringList &arguments)
{
    // Chrome, Chromium and Edge: the caller's origin (Windows adds --parent-window=N after it).
    static const QRegularExpression chromeOrigin(QStringLiteral("^chrome-extension://[a-p]{32}/$"));
    if (arguments.size() >= 2 && chromeOrigin.match(arguments.at(1)).hasMatch())
        return true;
    // Firefox: the host manifest's path, then the extension's id.
    return arguments.size() >= 3 && arguments.at(1).endsWith(QLatin1String(".json")) &&
           arguments.at(2) == QLatin1String(kFirefoxExtensionId);
}

QByteArray frame(const QJsonObject &message)
{
    const QByteArray json = QJsonDocument(message).toJson(QJsonDocument::Compact);
    QByteArray framed(4, '\0');
    qToUnaligned<quint32>(quint32(json.size()), framed.data()); // the machine's own byte order
    return framed + json;
}

Incoming readMessage(const QByteArray &json)
{
    Incoming incoming;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        incoming.problem = QStringLiteral("not a JSON object");
        return incoming;
    }
    const QJsonObject message = document.object();
    if (message.value(QLatin1String("version")).toInt(-1) != kVersion) {
        incoming.problem = QStringLiteral("unknown protocol version");
        return incoming;
    }
    const QString type = message.value(QLatin1String("type")).toString();
    if (type == QLatin1String("hello")) {
        incoming.type = Incoming::Type::Hello;
        return incoming;
    }
    if (type != QLatin1String("dial")) {
        incoming.problem = QStringLiteral("unknown message type");
        return incoming;
    }
    // A mainland number in E.164, as the extension sends it; anything else was not found by it.
    static const QRegularExpression e164(QStringLiteral("^\\+86[1-9][0-9]{6,11}$"));
    static const QRegularExpression siteName(QStringLiteral("^[A-Za-z0-9.\\-:\\[\\]_]*$"));
    const QJsonValue number = message.value(QLatin1String("number"));
    const QJsonValue shown = message.value(QLatin1String("shown"));
    const QJsonValue site = message.value(QLatin1String("site"));
    if (!number.isString() || !e164.match(number.toString()).hasMatch()) {
        incoming.problem = QStringLiteral("the number is not a mainland number in E.164 form");
        return incoming;
    }
    if ((!shown.isUndefined() && (!shown.isString() || shown.toString().size() > kMaxShown)) ||
        (!site.isUndefined() && (!site.isString() || site.toString().size() > kMaxSite ||
                                 !siteName.match(site.toString()).hasMatch()))) {
        incoming.problem = QStringLiteral("a malformed shown or site field");
        return incoming;
    }
    incoming.type = Incoming::Type::Dial;
    incoming.dial = {number.toString(), shown.toString(), site.toString()};
    return incoming;
}

QJsonObject helloReply()
{
    return {{QStringLiteral("version"), kVersion},
            {QStringLiteral("type"), QStringLiteral("hello")},
            {QStringLiteral("app"), QStringLiteral("OneDial")},
            {QStringLiteral("appVersion"), QCoreApplication::applicationVersion()}};
}

QJsonObject resultReply(const QString &state, const QString &message)
{
    return {{QStringLiteral("version"), kVersion},
            {QStringLiteral("type"), QStringLiteral("result")},
            {QStringLiteral("state"), state},
            {QStringLiteral("message"), message}};
}

QList<Browser> allBrowsers()
{
    return {Browser::Chrome, Browser::Chromium, Browser::Edge, Browser::Firefox};
}

QString browserName(Browser browser)
{
    switch (browser) {
    case Browser::Chrome:
        return QStringLiteral("Google Chrome");
    case Browser::Chromium:
        return QStringLiteral("Chromium");
    case Browser::Edge:
        return QStringLiteral("Microsoft Edge");
    case Browser::Firefox:
        return QStringLiteral("Firefox");
    }
    return {};
}

QByteArray manifest(Browser browser, const QString &executable)
{
    QJsonObject object{
        {QStringLiteral("name"), QLatin1String(kHostName)},
        {QStringLiteral("description"), QStringLiteral("OneDial: dial the phone numbers on web pages")},
        {QStringLiteral("path"), QDir::toNativeSeparators(executable)},
        {QStringLiteral("type"), QStringLiteral("stdio")}};
    if (browser == Browser::Firefox)
        object.insert(QStringLiteral("allowed_extensions"), QJsonArray{QLatin1String(kFirefoxExtensionId)});
    else
        object.insert(QStringLiteral("allowed_origins"), QJsonArray{chromeOrigin()});
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QString userManifestPath(Browser browser)
{
    const QString file = QLatin1String(kHostName) + QStringLiteral(".json");
#if defined(Q_OS_WIN)
    // Beside OneDial's settings, in %LOCALAPPDATA%\onedial (where a test's own profile puts them
    // too), whichever program asks: the browser command and a test compute the same path.
    const QString folder =
        QFileInfo(settingsFolder()).path() + QStringLiteral("/" ONEDIAL_EXECUTABLE "/NativeMessaging/");
    return folder + (browser == Browser::Firefox ? QStringLiteral("firefox-") : QStringLiteral("chromium-")) +
           file;
#elif defined(Q_OS_MACOS)
    const QString support = QDir::homePath() + QStringLiteral("/Library/Application Support/");
    switch (browser) {
    case Browser::Chrome:
        return support + QStringLiteral("Google/Chrome/NativeMessagingHosts/") + file;
    case Browser::Chromium:
        return support + QStringLiteral("Chromium/NativeMessagingHosts/") + file;
    case Browser::Edge:
        return support + QStringLiteral("Microsoft Edge/NativeMessagingHosts/") + file;
    case Browser::Firefox:
        return support + QStringLiteral("Mozilla/NativeMessagingHosts/") + file;
    }
    return {};
#else
    // The Chromium family keeps its profile under $XDG_CONFIG_HOME; Firefox under ~/.mozilla.
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    switch (browser) {
    case Browser::Chrome:
        return config + QStringLiteral("/google-chrome/NativeMessagingHosts/") + file;
    case Browser::Chromium:
        return config + QStringLiteral("/chromium/NativeMessagingHosts/") + file;
    case Browser::Edge:
        return config + QStringLiteral("/microsoft-edge/NativeMessagingHosts/") + file;
    case Browser::Firefox:
        return QDir::homePath() + QStringLiteral("/.mozilla/native-messaging-hosts/") + file;
    }
    return {};
#endif
}

#ifdef Q_OS_WIN
QString userRegistryKey(Browser browser)
{
    const QString host = QLatin1String(kHostName);
    switch (browser) {
    case Browser::Chrome:
        return QStringLiteral("HKEY_CURRENT_USER\\Software\\Google\\Chrome\\NativeMessagingHosts\\") + host;
    case Browser::Chromium:
        return QStringLiteral("HKEY_CURRENT_USER\\Software\\Chromium\\NativeMessagingHosts\\") + host;
    case Browser::Edge:
        return QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\") + host;
    case Browser::Firefox:
        return QStringLiteral("HKEY_CURRENT_USER\\Software\\Mozilla\\NativeMessagingHosts\\") + host;
    }
    return {};
}
#endif

QList<Registration> registerForUser(const QString &executable)
{
    QList<Registration> done;
    for (const Browser browser : allBrowsers()) {
        Registration registration{browser, userManifestPath(browser), {}};
        const QString folder = QFileInfo(registration.path).absolutePath();
        QSaveFile file(registration.path);
        if (!QDir().mkpath(folder)) {
            registration.problem =
                QCoreApplication::translate("NativeMessaging", "cannot create the folder %1")
                    .arg(QDir::toNativeSeparators(folder));
        } else if (!file.open(QIODevice::WriteOnly) || file.write(manifest(browser, executable)) < 0 ||
                   !file.commit()) {
            registration.problem = file.errorString();
        }
#ifdef Q_OS_WIN
        if (registration.problem.isEmpty())
            QSettings(userRegistryKey(browser), QSettings::NativeFormat)
                .setValue(QStringLiteral("Default"), QDir::toNativeSeparators(registration.path));
#endif
        done.append(registration);
    }
    return done;
}

QList<Registration> unregisterForUser()
{
    QList<Registration> done;
    for (const Browser browser : allBrowsers()) {
        Registration registration{browser, userManifestPath(browser), {}};
        if (QFile::exists(registration.path) && !QFile::remove(registration.path))
            registration.problem = QCoreApplication::translate("NativeMessaging", "%1 could not be removed")
                                       .arg(QDir::toNativeSeparators(registration.path));
#ifdef Q_OS_WIN
        QSettings(userRegistryKey(browser), QSettings::NativeFormat).remove(QString());
#endif
        done.append(registration);
    }
    return done;
}

QString registeredProgram(Browser browser)
{
    QFile file(userManifestPath(browser));
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024)
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("path")).toString();
}

bool isRegisteredForUser(const QString &executable)
{
    const QString wanted = QDir::toNativeSeparators(executable);
    for (const Browser browser : allBrowsers()) {
        if (registeredProgram(browser) != wanted)
            return false;
    }
    return true;
}

} // namespace onedial::NativeMessaging
