// Native messaging: how the OneDial browser extension (extension/) reaches OneDial. The browser
// starts `onedial` itself, with the extension's origin as its argument (Chrome, Chromium, Edge:
// "chrome-extension://ID/"; Firefox: the host manifest's path and the extension's id), and speaks
// to it over standard input and output: each message a 4-byte length in the machine's byte order,
// then that many bytes of UTF-8 JSON.
//
// The messages (version 1; the extension's src/protocol.js is the other side):
//   {"version":1,"type":"hello"}  ->  {"version":1,"type":"hello","app":"OneDial","appVersion":"…"}
//   {"version":1,"type":"dial","number":"+8613800138000","shown":"138-0013-8000","site":"crm.example.com"}
//     ->  {"version":1,"type":"result","state":"accepted|refused|unknown|cancelled|invalid|failed",
//          "message":"<for the user, translated>"}
//
// This file holds what both ends of OneDial need: reading and checking messages, and the host
// manifests that tell each browser where OneDial is.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace onedial::NativeMessaging {

inline constexpr char kHostName[] = "org.onedial.onedial";
// The extension's ids: Chrome derives this one from the public key in its manifest; Firefox
// reads the gecko id.
inline constexpr char kChromeExtensionId[] = "lgmgfcoklhjodldpoappaoddamjfedjh";
inline constexpr char kFirefoxExtensionId[] = "onedial@onedial.org";
inline constexpr int kVersion = 1;
// A message from the browser larger than this is not one of ours: the host stops.
inline constexpr quint32 kMaxIncomingBytes = 64 * 1024;

// Whether these arguments (argv, the program first) are a browser starting OneDial as its
// native-messaging host: an allowed extension origin, never anything a user would type.
bool isHostInvocation(const QStringList &arguments);

// One message framed for the browser.
QByteArray frame(const QJsonObject &message);

struct DialRequest
{
    QString number; // E.164, as the extension found it
    QString shown;  // as the page wrote it
    QString site;   // the page's host name, or empty
};

// A checked message from the extension: hello, a dial request, or what is wrong with it.
struct Incoming
{
    enum class Type { Hello, Dial, Invalid };
    Type type = Type::Invalid;
    DialRequest dial;
    QString problem; // for the log, when Invalid
};
Incoming readMessage(const QByteArray &json);

QJsonObject helloReply();
QJsonObject resultReply(const QString &state, const QString &message);

// The browsers OneDial registers with, and where.
enum class Browser { Chrome, Chromium, Edge, Firefox };
QList<Browser> allBrowsers();
QString browserName(Browser browser);
// The host manifest for a browser, pointing at executable.
QByteArray manifest(Browser browser, const QString &executable);
// Where this user's manifest for browser goes (Linux and macOS); on Windows, where OneDial keeps
// the file that the registry key names.
QString userManifestPath(Browser browser);
#ifdef Q_OS_WIN
// The registry key (under HKEY_CURRENT_USER) that names the manifest's file.
QString userRegistryKey(Browser browser);
#endif

// Registering this user's manifests (and on Windows their registry keys) for every browser,
// naming executable; what went wrong is in words, per browser.
struct Registration
{
    Browser browser = Browser::Chrome;
    QString path;
    QString problem; // empty when it worked
};
QList<Registration> registerForUser(const QString &executable);
QList<Registration> unregisterForUser();
// The program this user's manifest for browser names, or empty when there is none.
QString registeredProgram(Browser browser);
// Whether every browser's manifest for this user names executable.
bool isRegisteredForUser(const QString &executable);

} // namespace onedial::NativeMessaging
