// The one way OneDial touches access keys at rest: the OS keychain through QtKeychain
// (Secret Service or KWallet on Linux, Credential Manager on Windows, Keychain on macOS).
// Asynchronous only; no plain-text fallback. A key the user chose to keep for this session
// only lives in memory and is gone when the app quits.
#pragma once

#include "AccessKey.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace onedial {

class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    enum class Status {
        Ok,
        NotFound,   // the keychain works but holds no key for this account
        NoKeychain, // no keychain service could be reached
        Denied,     // the user or the system refused access (a locked keyring left locked, say)
        Failed,     // anything else; message() says what
    };

    struct Result
    {
        Status status = Status::Failed;
        QString message; // translated; empty for Ok
        AccessKey key;   // for reads
        bool sessionOnly = false;
        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Result &)>;

    explicit CredentialStore(QObject *parent = nullptr);

    static QString serviceName();
    static QString entryName(const QString &accountName);

    // Each callback runs once, from the event loop, in the context object's thread; it is dropped
    // if the context is destroyed first.
    void readKey(const QString &accountName, QObject *context, Callback done);
    void writeKey(const QString &accountName, const AccessKey &key, QObject *context, Callback done);
    void deleteKey(const QString &accountName, QObject *context, Callback done);

    // Keeps the key in memory for this run only, for when no keychain is usable and the user agrees.
    void keepForSession(const QString &accountName, const AccessKey &key);
    bool hasSessionKey(const QString &accountName) const { return m_sessionKeys.contains(accountName); }
    // Forgets the key kept for this session. (Keys read from the keychain are never kept: each dial
    // reads its own, and it is wiped once the request is signed.)
    void forget(const QString &accountName);

    // How long to wait before the single retry when the keychain service is not up yet.
    void setRetryDelay(int ms) { m_retryDelayMs = ms; }

    // Translated, specific guidance for a keychain failure on this platform.
    static QString noKeychainAdvice();

private:
    enum class Op { Read, Write, Delete };
    void start(Op op, const QString &accountName, const AccessKey &key, QObject *context, Callback done,
               bool isRetry);

    QHash<QString, AccessKey> m_sessionKeys;
    int m_retryDelayMs = 1500;
};

} // namespace onedial
