#include "AccountStore.h"

#include "core/Log.h"
#include "core/SettingsFile.h"
#include "platform/PrivateFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace onedial {

namespace {

// Settings keys and their defaults, in one place.
namespace Key {
constexpr char Group[] = "accounts";
// At the top level, which the INI file shows as [General]. A group named "general" does not survive
// a round trip: QSettings writes it as [%General] and reads it back as "General".
constexpr char Default[] = "default_account";
// "gateway" for a gateway account; absent for a direct one (every account before gateways).
constexpr char Kind[] = "kind";
constexpr char Gateway[] = "gateway";
constexpr char Api[] = "api";
constexpr char AppId[] = "appid";
constexpr char UserId[] = "userid";
constexpr char Sponsor[] = "sponsor";
constexpr char Caller[] = "caller";
constexpr char Display[] = "display";
constexpr char Method[] = "method";
constexpr char Endpoint[] = "endpoint";
constexpr char NotifyUrl[] = "notify_url";
constexpr char TokenLifetime[] = "token_lifetime_s";
} // namespace Key

QString groupKey(const QString &name)
{
    // Percent-encoded so any account name is one settings group, whatever characters it has.
    return QLatin1String(Key::Group) + QLatin1Char('/') +
           QString::fromLatin1(name.toUtf8().toPercentEncoding());
}

QString k(const char *key)
{
    return QLatin1String(key);
}

} // namespace

AccountStore::AccountStore(const QString &path)
{
    const QString file = path.isEmpty() ? defaultPath() : path;
    platform::makePrivateFolder(QFileInfo(file).absolutePath());
    platform::restrictToOwner(file);
    m_settings = std::make_unique<QSettings>(file, QSettings::IniFormat);
}

AccountStore::~AccountStore() = default;

QString AccountStore::defaultPath()
{
    return SettingsFile::defaultPath();
}

QString AccountStore::path() const
{
    return m_settings->fileName();
}

bool AccountStore::isReadable() const
{
    return m_settings->status() == QSettings::NoError;
}

QList<Account> AccountStore::accounts() const
{
    QList<Account> result;
    m_settings->beginGroup(k(Key::Group));
    const QStringList groups = m_settings->childGroups();
    m_settings->endGroup();
    for (const QString &encoded : groups) {
        if (auto found = account(QString::fromUtf8(QByteArray::fromPercentEncoding(encoded.toLatin1()))))
            result << *found;
    }
    std::sort(result.begin(), result.end(),
              [](const Account &a, const Account &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return result;
}

bool AccountStore::contains(const QString &name) const
{
    // A direct account always has its api; a gateway account has no api (so that an older OneDial,
    // which knows no gateways, does not take it for a broken v1 account) but has its kind.
    const QString group = groupKey(name) + QLatin1Char('/');
    return m_settings->contains(group + k(Key::Api)) || m_settings->contains(group + k(Key::Kind));
}

std::optional<Account> AccountStore::account(const QString &name) const
{
    if (!isReadable() || !contains(name))
        return std::nullopt;
    m_settings->beginGroup(groupKey(name));
    Account account;
    account.name = name;
    account.kind =
        accountKindFromName(m_settings->value(k(Key::Kind)).toString()).value_or(AccountKind::Direct);
    if (account.isGateway()) {
        account.gateway = QUrl(m_settings->value(k(Key::Gateway)).toString(), QUrl::StrictMode);
        m_settings->endGroup();
        return account;
    }
    account.api = apiFromName(m_settings->value(k(Key::Api)).toString()).value_or(Api::V1);
    account.appId = m_settings->value(k(Key::AppId)).toString();
    account.userId = m_settings->value(k(Key::UserId)).toString();
    account.sponsor = m_settings->value(k(Key::Sponsor)).toString();
    account.caller = m_settings->value(k(Key::Caller)).toString();
    account.display = m_settings->value(k(Key::Display)).toString();
    account.method =
        signMethodFromName(m_settings->value(k(Key::Method)).toString()).value_or(SignMethod::Sha256);
    account.endpoint = QUrl(m_settings->value(k(Key::Endpoint)).toString(), QUrl::StrictMode);
    account.notifyUrl = QUrl(m_settings->value(k(Key::NotifyUrl)).toString(), QUrl::StrictMode);
    bool ok = false;
    const int lifetime = m_settings->value(k(Key::TokenLifetime)).toInt(&ok);
    account.tokenLifetimeSecs = ok ? lifetime : Account::kDefaultTokenLifetimeSecs;
    m_settings->endGroup();
    return account;
}

bool AccountStore::save(const Account &account)
{
    if (!isReadable())
        return false;
    m_settings->remove(groupKey(account.name));
    m_settings->beginGroup(groupKey(account.name));
    if (account.isGateway()) {
        m_settings->setValue(k(Key::Kind), accountKindName(account.kind));
        m_settings->setValue(k(Key::Gateway), QString::fromUtf8(account.gateway.toEncoded()));
        m_settings->endGroup();
        return sync();
    }
    m_settings->setValue(k(Key::Api), apiName(account.api));
    if (account.api == Api::V1)
        m_settings->setValue(k(Key::AppId), account.appId);
    else
        m_settings->setValue(k(Key::UserId), account.userId);
    m_settings->setValue(k(Key::Sponsor), account.sponsor);
    m_settings->setValue(k(Key::Caller), account.caller);
    if (!account.display.isEmpty())
        m_settings->setValue(k(Key::Display), account.display);
    m_settings->setValue(k(Key::Method), signMethodName(account.method));
    if (!account.endpoint.isEmpty())
        m_settings->setValue(k(Key::Endpoint), QString::fromUtf8(account.endpoint.toEncoded()));
    if (!account.notifyUrl.isEmpty())
        m_settings->setValue(k(Key::NotifyUrl), QString::fromUtf8(account.notifyUrl.toEncoded()));
    if (account.tokenLifetimeSecs != Account::kDefaultTokenLifetimeSecs)
        m_settings->setValue(k(Key::TokenLifetime), account.tokenLifetimeSecs);
    m_settings->endGroup();
    return sync();
}

bool AccountStore::remove(const QString &name)
{
    if (!isReadable() || !contains(name))
        return false;
    m_settings->remove(groupKey(name));
    if (defaultAccountName() == name)
        m_settings->remove(k(Key::Default));
    return sync();
}

QString AccountStore::defaultAccountName() const
{
    return m_settings->value(k(Key::Default)).toString();
}

bool AccountStore::setDefaultAccountName(const QString &name)
{
    if (!isReadable() || !contains(name))
        return false;
    m_settings->setValue(k(Key::Default), name);
    return sync();
}

std::optional<Account> AccountStore::defaultAccount() const
{
    if (auto chosen = account(defaultAccountName()))
        return chosen;
    const QList<Account> all = accounts();
    if (all.size() == 1)
        return all.first();
    return std::nullopt;
}

bool AccountStore::sync()
{
    m_settings->sync();
    // A file this write created; later writes keep its mode (QSettings replaces it atomically).
    platform::restrictToOwner(m_settings->fileName());
    if (m_settings->status() != QSettings::NoError) {
        qCWarning(lcAccounts) << "could not write" << m_settings->fileName();
        return false;
    }
    return true;
}

} // namespace onedial
