#include "CredentialStore.h"

#include "core/Log.h"

#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace onedial {

namespace {

CredentialStore::Status statusFor(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return CredentialStore::Status::Ok;
    case QKeychain::EntryNotFound:
        return CredentialStore::Status::NotFound;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return CredentialStore::Status::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return CredentialStore::Status::NoKeychain;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return CredentialStore::Status::Failed;
}

// QtKeychain reports a missing session bus or Secret Service as OtherError with a D-Bus message.
// When the session bus address names a socket that is gone (a stale DBUS_SESSION_BUS_ADDRESS),
// GLib's message mentions no D-Bus at all: "Could not connect: No such file or directory".
bool looksLikeMissingService(QKeychain::Error error, const QString &text)
{
    if (error == QKeychain::NoBackendAvailable)
        return true;
    if (error != QKeychain::OtherError)
        return false;
    return text.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive) ||
           text.contains(QLatin1String("DBus"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("Could not connect:")) ||
           text.contains(QLatin1String("org.freedesktop.secrets")) ||
           text.contains(QLatin1String("Object does not exist")) ||
           text.contains(QLatin1String("ServiceUnknown")) ||
           text.contains(QLatin1String("No such interface"));
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{}

QString CredentialStore::serviceName()
{
    return QStringLiteral(ONEDIAL_APP_ID);
}

QString CredentialStore::entryName(const QString &accountName)
{
    return QStringLiteral("account/") + accountName;
}

QString CredentialStore::noKeychainAdvice()
{
#if defined(Q_OS_WIN)
    return tr("Windows Credential Manager could not be used. Sign in to Windows with your own user account "
              "and try again.");
#elif defined(Q_OS_MACOS)
    return tr("The macOS Keychain refused access. Unlock the login keychain in Keychain Access and allow "
              "OneDial to use it, then try again.");
#else
    return tr("No keychain service is running. OneDial keeps access keys only in a keychain: start GNOME "
              "Keyring (package gnome-keyring) or KWallet in your desktop session, and unlock it, then try "
              "again.");
#endif
}

void CredentialStore::keepForSession(const QString &accountName, const AccessKey &key)
{
    m_sessionKeys.insert(accountName, key);
}

void CredentialStore::forget(const QString &accountName)
{
    m_sessionKeys.remove(accountName);
}

void CredentialStore::readKey(const QString &accountName, QObject *context, Callback done)
{
    // A key kept for this session only is the one exception to reading the keychain each time:
    // nothing else holds a key in memory between dials.
    const AccessKey known = m_sessionKeys.value(accountName);
    if (!known.isEmpty()) {
        Result result;
        result.status = Status::Ok;
        result.key = known;
        result.sessionOnly = m_sessionKeys.contains(accountName);
        QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
        return;
    }
    start(Op::Read, accountName, {}, context, std::move(done), false);
}

void CredentialStore::writeKey(const QString &accountName, const AccessKey &key, QObject *context,
                               Callback done)
{
    start(Op::Write, accountName, key, context, std::move(done), false);
}

void CredentialStore::deleteKey(const QString &accountName, QObject *context, Callback done)
{
    forget(accountName);
    start(Op::Delete, accountName, {}, context, std::move(done), false);
}

void CredentialStore::start(Op op, const QString &accountName, const AccessKey &key, QObject *context,
                            Callback done, bool isRetry)
{
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(serviceName(), this);
        break;
    case Op::Write: {
        auto *write = new QKeychain::WritePasswordJob(serviceName(), this);
        write->setBinaryData(key.base64Text());
        job = write;
        break;
    }
    case Op::Delete:
        job = new QKeychain::DeletePasswordJob(serviceName(), this);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryName(accountName));

    QPointer<QObject> guard(context);
    connect(
        job, &QKeychain::Job::finished, this,
        [this, op, accountName, key, guard, done = std::move(done), isRetry](QKeychain::Job *finishedJob) {
            const QKeychain::Error error = finishedJob->error();
            const QString errorText = finishedJob->errorString();
            // On Linux the Secret Service may still be starting right after login: retry once,
            // quietly, before telling the user. Delete treats a missing entry as done.
            if (!isRetry && looksLikeMissingService(error, errorText) && m_retryDelayMs > 0) {
                qCInfo(lcKeychain) << "keychain not reachable, retrying once:" << errorText;
                QTimer::singleShot(m_retryDelayMs, this, [this, op, accountName, key, guard, done] {
                    start(op, accountName, key, guard, done, true);
                });
                return;
            }
            Result result;
            result.status = looksLikeMissingService(error, errorText) ? Status::NoKeychain : statusFor(error);
            if (op == Op::Delete && result.status == Status::NotFound)
                result.status = Status::Ok;
            if (result.status == Status::Ok && op == Op::Read) {
                auto *read = static_cast<QKeychain::ReadPasswordJob *>(finishedJob);
                result.key = AccessKey(read->binaryData());
            } else if (result.status == Status::Ok && op == Op::Write) {
                m_sessionKeys.remove(accountName);
            }
            switch (result.status) {
            case Status::Ok:
                break;
            case Status::NotFound:
                result.message = tr("No access key is stored for the account \"%1\". Enter it in the "
                                    "account settings (or with: onedial account add).")
                                     .arg(accountName);
                break;
            case Status::NoKeychain:
                result.message = noKeychainAdvice() + QStringLiteral(" (") + errorText + QLatin1Char(')');
                break;
            case Status::Denied:
                result.message =
                    tr("Access to the keychain was refused, so the access key for \"%1\" could not "
                       "be used. Unlock the keychain and allow OneDial, then try again.")
                        .arg(accountName);
                break;
            case Status::Failed:
                result.message = tr("The keychain failed: %1").arg(errorText);
                break;
            }
            if (result.status == Status::NotFound)
                qCInfo(lcKeychain) << "no key stored for" << accountName;
            else if (!result.ok())
                qCWarning(lcKeychain) << "keychain operation failed for" << accountName << ":" << errorText;
            if (guard)
                done(result);
        });
    job->start();
}

} // namespace onedial
