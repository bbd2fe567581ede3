// Keeps the accounts' non-secret fields in the app's settings file. The access keys are in the
// OS keychain (CredentialStore), never here.
#pragma once

#include "Account.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace onedial {

class AccountStore final
{
public:
    // Uses the settings file at path, or the standard per-user location when path is empty.
    explicit AccountStore(const QString &path = {});
    ~AccountStore();
    Q_DISABLE_COPY_MOVE(AccountStore)

    static QString defaultPath();
    QString path() const;
    // False when the settings file exists but cannot be read or parsed; the store then holds nothing
    // and refuses to write, so a damaged file is never overwritten.
    bool isReadable() const;

    QList<Account> accounts() const;
    std::optional<Account> account(const QString &name) const;
    bool contains(const QString &name) const;
    // Adds or replaces by name.
    bool save(const Account &account);
    bool remove(const QString &name);

    QString defaultAccountName() const;
    bool setDefaultAccountName(const QString &name);
    // The default account, or the only account when there is exactly one.
    std::optional<Account> defaultAccount() const;

private:
    bool sync();
    std::unique_ptr<QSettings> m_settings;
};

} // namespace onedial
