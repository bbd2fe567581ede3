// The keychain as the account tests see it: random keys of OneNET's length, and reading and
// writing through a CredentialStore of its own (an empty cache: answers come from the daemon).
#pragma once

#include "accounts/CredentialStore.h"

#include <QByteArray>
#include <QString>

namespace onedial::test {

// base64 of 32 random bytes, as OneNET's keys are: no file or output can hold it by accident.
QByteArray randomKeyText();

// Waits up to timeoutMs for the keychain's answer; a timeout gives Status::Failed with a message.
CredentialStore::Result readKeyFromKeychain(const QString &accountName, int timeoutMs = 15000);
CredentialStore::Result writeKeyToKeychain(const QString &accountName, const QByteArray &keyText,
                                           int timeoutMs = 15000);

} // namespace onedial::test
