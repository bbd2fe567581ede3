// Where the gateway keeps its state (gateway.json, the database, the access key) and how it
// treats the access key at rest. A server has no desktop keychain: the key is a file of its own,
// readable by the service's user only (0600), or a systemd credential (LoadCredential=), which
// systemd hands to the service alone. Nothing else the gateway writes ever holds it.
#pragma once

#include "accounts/AccessKey.h"

#include <QCoreApplication>
#include <QString>

namespace onedial::gateway {

class StateFolder final
{
    Q_DECLARE_TR_FUNCTIONS(StateFolder)

public:
    static constexpr char kKeyFileName[] = "access-key";
    static constexpr char kCredentialName[] = "onenet-access-key";
    static constexpr char kDatabaseFileName[] = "gateway.sqlite";
    // The PostgreSQL password, when the configuration names a server: a file of its own (0600),
    // or the systemd credential of the same name.
    static constexpr char kDatabasePasswordName[] = "database-password";

    // $STATE_DIRECTORY (set by systemd's StateDirectory=); as root /var/lib/onedial-gateway;
    // otherwise the user's own state folder (~/.local/state/onedial-gateway).
    static QString defaultPath();

    explicit StateFolder(QString path);
    QString path() const { return m_path; }
    QString keyFilePath() const;
    QString databasePath() const;

    // Creates the folder, only its owner may enter it.
    bool prepare(QString *error) const;

    // When a command runs as root on a folder that belongs to another user (the service's own),
    // it continues as that user, so that every file it writes stays the service's. False, with
    // the reason, if switching failed.
    bool becomeOwner(QString *error) const;

    enum class KeySource { None, File, Credential };
    // The access key: the systemd credential when $CREDENTIALS_DIRECTORY holds one, else the key
    // file. An empty key with the reason in error when there is none or it cannot be read.
    AccessKey readKey(QString *error, KeySource *source = nullptr) const;
    // Replaces the key file (mode 0600, written atomically).
    bool writeKey(const AccessKey &key, QString *error) const;

    QString databasePasswordPath() const;
    // The PostgreSQL password: the systemd credential when there is one, else the file. Empty,
    // and true, when there is neither: libpq's own ways then (~/.pgpass, peer authentication).
    bool readDatabasePassword(QString *password, QString *error) const;
    // Replaces the password file (mode 0600, written atomically).
    bool writeDatabasePassword(const QByteArray &password, QString *error) const;

private:
    // Writes a file only its owner may read, atomically.
    bool writePrivate(const QString &path, const QByteArray &content, QString *error) const;

    QString m_path;
};

} // namespace onedial::gateway
