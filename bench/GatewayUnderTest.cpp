#include "GatewayUnderTest.h"

#include "GatewayCommands.h"
#include "GatewayConfig.h"
#include "GatewayStore.h"
#include "StateFolder.h"
#include "UserToken.h"
#include "onenet/SandboxScenarios.h"
#include "phone/PhoneNumber.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>

namespace onedial::bench {

GatewayUnderTest::GatewayUnderTest(QString program, QString stateFolder)
    : m_program(std::move(program))
    , m_state(std::move(stateFolder))
{}

GatewayUnderTest::~GatewayUnderTest()
{
    stop();
}

std::unique_ptr<gateway::GatewayStore> GatewayUnderTest::openStore(QString *error) const
{
    const auto config = gateway::GatewayConfig::load(m_state, error);
    if (!config)
        return nullptr;
    return gateway::GatewayCommands::openStore(gateway::StateFolder(m_state), *config, error);
}

bool GatewayUnderTest::copyStateTo(const QString &stateFolder, QString *error) const
{
    const gateway::StateFolder to(stateFolder);
    if (!to.prepare(error))
        return false;
    for (const char *name : {gateway::GatewayConfig::kFileName, gateway::StateFolder::kKeyFileName,
                             gateway::StateFolder::kDatabasePasswordName}) {
        const QString from = QDir(m_state).filePath(QLatin1String(name));
        if (QFile::exists(from) && !QFile::copy(from, QDir(stateFolder).filePath(QLatin1String(name)))) {
            *error = QStringLiteral("cannot copy %1").arg(from);
            return false;
        }
    }
    return true;
}

QString GatewayUnderTest::logPath() const
{
    return m_state + QStringLiteral(".log");
}

bool GatewayUnderTest::run(const QStringList &arguments, const QByteArray &input, QString *error) const
{
    QProcess process;
    process.start(m_program, arguments + QStringList{QStringLiteral("--state"), m_state});
    if (!process.waitForStarted()) {
        *error = process.errorString();
        return false;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = QStringLiteral("onedial-gateway %1: %2")
                     .arg(arguments.join(QLatin1Char(' ')),
                          QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool GatewayUnderTest::setUp(const QUrl &endpoint, QString *error, const QStringList &initArguments)
{
    return run(QStringList{QStringLiteral("init"), QStringLiteral("--public-url"),
                           QStringLiteral("https://dial.example.com")} +
                   initArguments,
               {}, error) &&
           run({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("--api"),
                QStringLiteral("v1"), QStringLiteral("--appid"), SandboxScenarios::appId(),
                QStringLiteral("--sponsor"), SandboxScenarios::sponsor(), QStringLiteral("--endpoint"),
                endpoint.toString()},
               SandboxScenarios::key() + '\n', error);
}

bool GatewayUnderTest::addMembers(int count, QList<QByteArray> *tokens, QString *error)
{
    const std::unique_ptr<gateway::GatewayStore> store = openStore(error);
    if (!store)
        return false;
    for (int i = 0; i < count; ++i) {
        const gateway::UserToken token = gateway::UserToken::generate();
        gateway::User user;
        user.name = QStringLiteral("member.%1").arg(i, 4, 10, QLatin1Char('0'));
        user.caller = PhoneNumber::parse(QStringLiteral("136%1").arg(i, 8, 10, QLatin1Char('0'))).apiForm();
        user.tokenId = token.id;
        user.tokenHash = token.hash;
        if (const StorageResult added = store->addUser(&user); !added.ok()) {
            *error = added.message;
            return false;
        }
        tokens->append(token.text);
    }
    return true;
}

bool GatewayUnderTest::start(QString *error)
{
    // Its log goes to a file, as it would to the journal: one write per line, nothing read back.
    m_serve.setStandardErrorFile(logPath(), QIODevice::Append);
    m_serve.start(m_program, {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                              QStringLiteral("--dial-timeout"), QStringLiteral("30"),
                              QStringLiteral("--state"), m_state});
    const QDeadlineTimer deadline(30000);
    QByteArray output;
    while (!deadline.hasExpired() && m_serve.state() != QProcess::NotRunning) {
        m_serve.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        output += m_serve.readAllStandardOutput();
        const qsizetype at = output.indexOf("listening ");
        const qsizetype end = at < 0 ? -1 : output.indexOf('\n', at);
        if (end > 0) {
            m_port = quint16(output.mid(at + 10, end - at - 10).trimmed().toUInt());
            return m_port != 0;
        }
    }
    *error = QStringLiteral("onedial-gateway serve did not start (see %1): %2")
                 .arg(logPath(), QString::fromLocal8Bit(output));
    return false;
}

void GatewayUnderTest::stop()
{
    if (m_serve.state() == QProcess::NotRunning)
        return;
    m_serve.terminate(); // SIGTERM: the gateway stops as under systemd
    if (!m_serve.waitForFinished(10000)) {
        m_serve.kill();
        m_serve.waitForFinished();
    }
}

} // namespace onedial::bench
