// The real onedial-gateway for the gateway benchmark: a state folder set up as an administrator
// does (init, account set), members written straight into its database (1,000 through the
// command line would take minutes), and `serve` as a child process.
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QUrl>

#include <memory>

namespace onedial::gateway {
class GatewayStore;
}

namespace onedial::bench {

class GatewayUnderTest final
{
    Q_DISABLE_COPY_MOVE(GatewayUnderTest)

public:
    // program: the onedial-gateway executable; stateFolder: a folder of its own (created by init).
    GatewayUnderTest(QString program, QString stateFolder);
    ~GatewayUnderTest();

    // `init` (with initArguments, such as --database …) and `account set` for the v1 sandbox
    // account at endpoint, its key on standard input.
    bool setUp(const QUrl &endpoint, QString *error, const QStringList &initArguments = {});
    // Another instance of the same gateway, as on a second machine: the configuration, the access
    // key and the database password copied into its own state folder (a server database is
    // shared).
    bool copyStateTo(const QString &stateFolder, QString *error) const;
    // The gateway's store, as its configuration names it, open; null with the reason.
    std::unique_ptr<gateway::GatewayStore> openStore(QString *error) const;
    // Adds count members through GatewayStore, as `user add` does (a token each, no daily
    // limit, callers 136 0000 0000 onwards); their tokens in order.
    bool addMembers(int count, QList<QByteArray> *tokens, QString *error);

    // `serve --port 0`, until it prints the port it listens on.
    bool start(QString *error);
    void stop();
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_serve.processId(); }
    QString stateFolder() const { return m_state; }
    // What the gateway logged (its standard error), for a failure.
    QString logPath() const;

private:
    bool run(const QStringList &arguments, const QByteArray &input, QString *error) const;

    QString m_program;
    QString m_state;
    QProcess m_serve;
    quint16 m_port = 0;
};

} // namespace onedial::bench
