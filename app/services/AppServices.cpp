#include "AppServices.h"

#include "accounts/AccountStore.h"
#include "accounts/CredentialStore.h"
#include "contacts/ContactStore.h"
#include "dial/CallProgressService.h"
#include "dial/DialService.h"
#include "history/HistoryStore.h"
#include "onenet/CallbackReceiver.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "storage/Database.h"

namespace onedial {

AppServices::AppServices(const Options &options, QObject *parent)
    : QObject(parent)
    , m_accounts(std::make_unique<AccountStore>())
    , m_credentials(new CredentialStore(this))
    , m_dialer(new DialService(*m_accounts, *m_credentials, this))
    , m_callProgress(new CallProgressService(m_accounts.get(), m_credentials, nullptr, this))
{
    const QString databasePath =
        options.databasePath.isEmpty() ? Database::defaultPath() : options.databasePath;
    if (options.openDatabaseLater) {
        m_waitingDatabasePath = databasePath;
        m_dialer->setDatabaseOpener([this] { openDatabaseNow(); });
    } else {
        openDatabase(databasePath);
    }
    if (options.sandbox)
        startSandbox();
}

AppServices::~AppServices() = default;

bool AppServices::startSandbox()
{
    if (m_sandbox)
        return true;
    auto *sandbox = new SandboxServer(this);
    if (!sandbox->listen()) {
        delete sandbox;
        return false;
    }
    m_sandbox = sandbox;
    m_dialer->setSandbox(m_sandbox);
    // The sandbox's simulated status callbacks come to a receiver of this process, which checks
    // their tokens as a gateway checks OneNET's; the calls' progress then shows as a gateway's does.
    auto *receiver = new CallbackReceiver(this);
    for (Api api : {Api::V1, Api::V2}) {
        receiver->addSigner({api, api == Api::V1 ? SandboxScenarios::appId() : SandboxScenarios::userId(),
                             AccessKey(SandboxScenarios::key())});
    }
    if (receiver->listen()) {
        m_dialer->setSandboxNotifyUrl(receiver->notifyUrl());
        m_callProgress->follow(receiver, QStringLiteral("sandbox"));
    } else {
        delete receiver;
    }
    Q_EMIT sandboxStarted();
    return true;
}

Database *AppServices::database()
{
    openDatabaseNow();
    return m_database.get();
}

const StorageResult &AppServices::databaseStatus()
{
    openDatabaseNow();
    return m_databaseStatus;
}

ContactStore *AppServices::contacts()
{
    openDatabaseNow();
    return m_contacts.get();
}

HistoryStore *AppServices::history()
{
    openDatabaseNow();
    return m_history.get();
}

void AppServices::openDatabaseNow()
{
    if (m_waitingDatabasePath.isEmpty())
        return;
    openDatabase(std::exchange(m_waitingDatabasePath, {}));
}

StorageResult AppServices::openDatabase(const QString &path)
{
    m_waitingDatabasePath.clear();
    m_callProgress->setHistory(nullptr);
    m_history.reset();
    m_contacts.reset();
    m_database = std::make_unique<Database>(path);
    m_databaseStatus = m_database->open();
    if (m_databaseStatus.ok()) {
        m_contacts = std::make_unique<ContactStore>(*m_database);
        m_history = std::make_unique<HistoryStore>(*m_database);
        m_callProgress->setHistory(m_history.get());
    }
    m_dialer->setDatabase(m_database.get(), m_databaseStatus.message);
    return m_databaseStatus;
}

StorageResult AppServices::setDatabaseAside(QString *setAsidePath)
{
    openDatabaseNow();
    const QString path = m_database->path();
    m_callProgress->setHistory(nullptr);
    m_history.reset();
    m_contacts.reset();
    QString message;
    if (!m_database->setAside(setAsidePath, &message)) {
        m_databaseStatus.message = message;
        m_dialer->setDatabase(m_database.get(), message);
        return m_databaseStatus;
    }
    return openDatabase(path);
}

StorageResult AppServices::reopenDatabase()
{
    openDatabaseNow();
    const QString path = m_database->path();
    m_database->close();
    return openDatabase(path);
}

} // namespace onedial
