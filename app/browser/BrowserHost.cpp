#include "BrowserHost.h"

#include "NativeMessaging.h"
#include "core/Log.h"
#include "phone/PhoneNumber.h"
#include "platform/SingleInstance.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtEndian>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace onedial::BrowserHost {

namespace {

// Blocking reads and writes on the standard handles: the browser's pipes, in binary.
bool readExactly(char *data, qsizetype size)
{
    qsizetype done = 0;
    while (done < size) {
#ifdef Q_OS_WIN
        DWORD got = 0;
        if (!ReadFile(GetStdHandle(STD_INPUT_HANDLE), data + done, DWORD(size - done), &got, nullptr) ||
            got == 0)
            return false;
#else
        const ssize_t got = ::read(STDIN_FILENO, data + done, size_t(size - done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
#endif
        done += qsizetype(got);
    }
    return true;
}

bool writeAll(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
#ifdef Q_OS_WIN
        DWORD wrote = 0;
        if (!WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), bytes.constData() + done, DWORD(bytes.size() - done),
                       &wrote, nullptr))
            return false;
#else
        const ssize_t wrote = ::write(STDOUT_FILENO, bytes.constData() + done, size_t(bytes.size() - done));
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            return false;
#endif
        done += qsizetype(wrote);
    }
    return true;
}

// Starts the OneDial window for this user, detached from the browser's pipes.
bool startOneDial()
{
    QProcess process;
    process.setProgram(QCoreApplication::applicationFilePath());
    process.setArguments({QStringLiteral("--hidden")});
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    return process.startDetached();
}

QJsonObject dial(const NativeMessaging::DialRequest &request)
{
    // Checked as any dial checks a number; one OneDial cannot call never reaches the window.
    const PhoneNumber number = PhoneNumber::parse(request.number);
    if (!number.isValid())
        return NativeMessaging::resultReply(QStringLiteral("invalid"), number.problemText());

    SingleInstance instance;
    if (instance.connectToRunning(1000) != SingleInstance::Role::Secondary) {
        qCInfo(lcLinks, "no OneDial running: starting one for the browser");
        if (!startOneDial() || instance.connectToRunning(kStartWaitMs) != SingleInstance::Role::Secondary)
            return NativeMessaging::resultReply(
                QStringLiteral("failed"),
                QCoreApplication::translate("BrowserHost",
                                            "OneDial could not be started. Start it, then click the "
                                            "number again."));
    }
    const std::optional<QByteArray> answer = instance.request(
        {QStringLiteral("--browser-dial"), request.site, request.shown, number.e164()}, kAnswerWaitMs);
    const QJsonObject reply = answer ? QJsonDocument::fromJson(*answer).object() : QJsonObject();
    const QString state = reply.value(QLatin1String("state")).toString();
    static const QStringList states{QStringLiteral("accepted"), QStringLiteral("refused"),
                                    QStringLiteral("unknown"),  QStringLiteral("cancelled"),
                                    QStringLiteral("invalid"),  QStringLiteral("failed")};
    if (!states.contains(state))
        return NativeMessaging::resultReply(
            QStringLiteral("failed"),
            QCoreApplication::translate("BrowserHost",
                                        "OneDial did not answer. Open its window to see whether the "
                                        "call was placed before you click again."));
    return NativeMessaging::resultReply(state, reply.value(QLatin1String("message")).toString());
}

} // namespace

int run()
{
    for (;;) {
        char header[4];
        if (!readExactly(header, sizeof header))
            return 0; // the browser closed the pipe: done
        const quint32 length = qFromUnaligned<quint32>(header);
        if (length == 0 || length > NativeMessaging::kMaxIncomingBytes) {
            qCWarning(lcLinks, "browser host: a message of %u bytes; stopping", length);
            return 1;
        }
        QByteArray json(qsizetype(length), '\0');
        if (!readExactly(json.data(), json.size()))
            return 1;
        const NativeMessaging::Incoming incoming = NativeMessaging::readMessage(json);
        QJsonObject reply;
        switch (incoming.type) {
        case NativeMessaging::Incoming::Type::Hello:
            reply = NativeMessaging::helloReply();
            break;
        case NativeMessaging::Incoming::Type::Dial:
            reply = dial(incoming.dial);
            break;
        case NativeMessaging::Incoming::Type::Invalid:
            qCWarning(lcLinks, "browser host: refused a message: %s", qUtf8Printable(incoming.problem));
            reply = NativeMessaging::resultReply(
                QStringLiteral("invalid"),
                QCoreApplication::translate("BrowserHost",
                                            "OneDial did not understand the extension's request. Update "
                                            "the extension and OneDial."));
            break;
        }
        if (!writeAll(NativeMessaging::frame(reply)))
            return 1;
    }
}

} // namespace onedial::BrowserHost
