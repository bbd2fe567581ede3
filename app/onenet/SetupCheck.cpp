#include "SetupCheck.h"

#include "TokenSigner.h"
#include "phone/PhoneNumber.h"

#include <QDateTime>
#include <QSslSocket>
#include <QTimer>

#include <utility>

namespace onedial {

SetupCheck::SetupCheck(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        // A host that takes the connection but never answers the handshake, or a firewall that
        // drops packets, would otherwise leave the step waiting for the system's own timeout.
        finishConnection(false, tr("Could not reach %1: no answer within the %2-second limit. Check this "
                                   "computer's internet connection, proxy and firewall.")
                                    .arg(m_target, QString::number((m_timeoutMs + 999) / 1000)));
    });
}

SetupCheck::~SetupCheck()
{
    cancel();
}

void SetupCheck::start(const Account &account, const AccessKey &key)
{
    cancel();
    m_allPassed = true;
    for (const Result &result : {checkKey(account, key), checkNumbers(account)}) {
        m_allPassed = m_allPassed && result.passed;
        Q_EMIT stepFinished(result);
    }
    const QString endpointProblem = account.problem(Account::Field::Endpoint);
    if (!endpointProblem.isEmpty()) {
        m_allPassed = false;
        Q_EMIT stepFinished({Step::Connection, false, endpointProblem});
        Q_EMIT finished(false);
        return;
    }
    connectToEndpoint(account.effectiveBaseUrl());
}

void SetupCheck::cancel()
{
    m_timer->stop();
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

SetupCheck::Result SetupCheck::checkKey(const Account &account, const AccessKey &key) const
{
    if (const QString problem = key.problem(); !problem.isEmpty())
        return {Step::Key, false, problem};
    // The token a dial would send, signed and then dropped: proof that the key decodes and signs
    // with the account's method, though only OneNET can say whether it is the right key.
    const TokenParams params{TokenSigner::versionFor(account.api),
                             TokenSigner::resFor(account.api, account.identity()),
                             QDateTime::currentSecsSinceEpoch() + account.tokenLifetimeSecs, account.method};
    if (!TokenSigner::authorization(key, params))
        return {Step::Key, false, key.problem()};
    return {Step::Key, true,
            tr("The access key decodes and signs a token (%1), as each call will.")
                .arg(signMethodName(account.method))};
}

SetupCheck::Result SetupCheck::checkNumbers(const Account &account)
{
    Account numbers = account;
    QStringList problems = numbers.normalizeNumbers();
    for (Account::Field field : {Account::Field::Sponsor, Account::Field::Caller, Account::Field::Display}) {
        if (const QString problem = numbers.problem(field); !problem.isEmpty())
            problems << problem;
    }
    if (!problems.isEmpty())
        return {Step::Numbers, false, problems.constFirst()};
    return {
        Step::Numbers, true,
        tr("The sponsor number %1 and your phone %2 are numbers OneNET takes.")
            .arg(PhoneNumber::parse(numbers.sponsor).shown(), PhoneNumber::parse(numbers.caller).shown())};
}

void SetupCheck::connectToEndpoint(const QUrl &baseUrl)
{
    const bool encrypted = baseUrl.scheme() == QLatin1String("https");
    const QString host = baseUrl.host();
    const int port = baseUrl.port(encrypted ? 443 : 80);
    m_target = host + QLatin1Char(':') + QString::number(port);
    m_certificateProblem.clear();
    m_socket = new QSslSocket(this);
    QSslSocket *socket = m_socket;

    const auto reached = [this, encrypted] {
        finishConnection(true, encrypted
                                   ? tr("This computer reached %1 and completed a TLS handshake with it. "
                                        "Nothing was sent over the connection.")
                                         .arg(m_target)
                                   : tr("This computer reached %1 (plain HTTP, which OneDial uses only "
                                        "on this computer). Nothing was sent over the connection.")
                                         .arg(m_target));
    };
    connect(socket, encrypted ? &QSslSocket::encrypted : &QSslSocket::connected, this, reached);
    connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Kept for the failed handshake that follows (errorOccurred), which ends the step.
        if (!errors.isEmpty())
            m_certificateProblem = errors.constFirst().errorString();
    });
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
        QString message;
        switch (error) {
        case QAbstractSocket::SslHandshakeFailedError:
            // The dial client refuses the same certificates, so no call could go there either.
            message = m_certificateProblem.isEmpty()
                          ? tr("Reached %1, but it did not complete a TLS handshake (%2). Check that the "
                               "endpoint is an HTTPS address.")
                                .arg(m_target, socket->errorString())
                          : tr("Reached %1, but its certificate is not trusted (%2). OneDial sends no call "
                               "to a host it cannot verify.")
                                .arg(m_target, m_certificateProblem);
            break;
        case QAbstractSocket::ConnectionRefusedError:
            message = tr("Could not reach %1: the connection was refused. Check the endpoint address and "
                         "any firewall on the way.")
                          .arg(m_target);
            break;
        case QAbstractSocket::HostNotFoundError:
            message = tr("Could not reach %1: the name was not found. Check this computer's internet "
                         "connection and the endpoint address.")
                          .arg(m_target);
            break;
        case QAbstractSocket::NetworkError:
        case QAbstractSocket::SocketAccessError:
        case QAbstractSocket::ProxyConnectionRefusedError:
        case QAbstractSocket::ProxyConnectionClosedError:
        case QAbstractSocket::ProxyNotFoundError:
            message = tr("Could not reach %1: %2. Check this computer's internet connection, proxy and "
                         "firewall.")
                          .arg(m_target, socket->errorString());
            break;
        default:
            message = tr("Could not reach %1: %2.").arg(m_target, socket->errorString());
            break;
        }
        finishConnection(false, message);
    });

    m_timer->start(m_timeoutMs);
    if (encrypted)
        socket->connectToHostEncrypted(host, quint16(port));
    else
        socket->connectToHost(host, quint16(port));
}

void SetupCheck::finishConnection(bool passed, const QString &message)
{
    m_timer->stop();
    if (QSslSocket *socket = std::exchange(m_socket, nullptr)) {
        socket->disconnect(this);
        if (passed) {
            // A reached host gets an orderly close, nothing else: the last handshake message and
            // the TLS close_notify still go out before the socket goes away.
            connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
            if (socket->state() == QAbstractSocket::UnconnectedState)
                socket->deleteLater();
        } else {
            socket->abort();
            socket->deleteLater();
        }
    }
    m_allPassed = m_allPassed && passed;
    Q_EMIT stepFinished({Step::Connection, passed, message});
    Q_EMIT finished(m_allPassed);
}

QString SetupCheck::firstCallAdvice(Api api)
{
    if (api == Api::V1)
        return tr("OneNET checks the appid and the access key only when a call is placed, so your first "
                  "real call is the test: if OneNET refuses it with code 000002, check the appid and the "
                  "account; with 000015, check the access key and this computer's clock.");
    return tr("OneNET checks the user id and the access key only when a call is placed, so your first real "
              "call is the test: if OneNET refuses it, OneDial shows OneNET's reason, such as "
              "iot.vcs.userIdNotExist for a user id it does not know.");
}

} // namespace onedial
