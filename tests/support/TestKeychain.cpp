#include "TestKeychain.h"

#include <QRandomGenerator>
#include <QTest>

namespace onedial::test {

namespace {

template<typename Start> CredentialStore::Result waitFor(Start start, int timeoutMs)
{
    CredentialStore store;
    CredentialStore::Result answer;
    bool done = false;
    QObject context;
    start(store, &context, [&](const CredentialStore::Result &result) {
        answer = result;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs)) {
        answer.status = CredentialStore::Status::Failed;
        answer.message = QStringLiteral("the keychain did not answer within %1 ms").arg(timeoutMs);
    }
    return answer;
}

} // namespace

QByteArray randomKeyText()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64();
}

CredentialStore::Result readKeyFromKeychain(const QString &accountName, int timeoutMs)
{
    return waitFor(
        [&](CredentialStore &store, QObject *context, CredentialStore::Callback done) {
            store.readKey(accountName, context, std::move(done));
        },
        timeoutMs);
}

CredentialStore::Result writeKeyToKeychain(const QString &accountName, const QByteArray &keyText,
                                           int timeoutMs)
{
    return waitFor(
        [&](CredentialStore &store, QObject *context, CredentialStore::Callback done) {
            store.writeKey(accountName, AccessKey(keyText), context, std::move(done));
        },
        timeoutMs);
}

} // namespace onedial::test
