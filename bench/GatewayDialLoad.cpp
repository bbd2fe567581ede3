#include "GatewayDialLoad.h"

#include "Figures.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

namespace onedial::bench {

namespace {

struct Answer
{
    int status = 0;
    QString outcome; // the outcome object's "outcome", else the error object's "error"
    bool closes = false;
};

// Takes one whole answer off the front of buffer; false while more bytes are needed.
bool takeAnswer(QByteArray *buffer, Answer *answer)
{
    const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer->left(headEnd).split('\n');
    answer->status = lines.constFirst().trimmed().split(' ').value(1).toInt();
    answer->closes = false;
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed().toLower();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "connection" && value == "close")
            answer->closes = true;
    }
    if (buffer->size() < headEnd + 4 + length)
        return false;
    const QJsonObject body = QJsonDocument::fromJson(buffer->mid(headEnd + 4, length)).object();
    buffer->remove(0, headEnd + 4 + length);
    answer->outcome = body.value(QLatin1String("outcome")).toString();
    if (answer->outcome.isEmpty())
        answer->outcome = body.value(QLatin1String("error")).toString();
    return true;
}

} // namespace

struct GatewayDialLoad::Connection
{
    quint16 port = 0;
    QTcpSocket socket;
    QByteArray buffer;
    QElapsedTimer sent;
};

int GatewayDialLoad::Result::total() const
{
    int sum = 0;
    for (int count : answers)
        sum += count;
    return sum;
}

GatewayDialLoad::GatewayDialLoad(quint16 port, QList<QByteArray> tokens)
    : GatewayDialLoad(QList<quint16>{port}, std::move(tokens))
{}

GatewayDialLoad::GatewayDialLoad(QList<quint16> ports, QList<QByteArray> tokens)
    : m_ports(std::move(ports))
    , m_tokens(std::move(tokens))
{}

GatewayDialLoad::~GatewayDialLoad()
{
    for (const auto &connection : m_connections)
        QObject::disconnect(&connection->socket, nullptr, nullptr, nullptr);
}

QString GatewayDialLoad::nextCallee()
{
    static int next = 0;
    return QStringLiteral("1391%1").arg(next++, 7, 10, QLatin1Char('0'));
}

bool GatewayDialLoad::open(int connections, QString *error)
{
    for (const auto &connection : m_connections)
        QObject::disconnect(&connection->socket, nullptr, nullptr, nullptr);
    m_connections.clear();
    for (int i = 0; i < connections; ++i) {
        auto connection = std::make_unique<Connection>();
        Connection *c = connection.get();
        QObject::connect(&c->socket, &QTcpSocket::readyRead, &c->socket, [this, c] { onReadyRead(c); });
        QObject::connect(&c->socket, &QTcpSocket::errorOccurred, &c->socket,
                         [this, c] { fail(QStringLiteral("connection: ") + c->socket.errorString()); });
        c->port = m_ports.at(i % m_ports.size());
        c->socket.connectToHost(QHostAddress::LocalHost, c->port);
        if (!c->socket.waitForConnected(10000)) {
            *error = c->socket.errorString();
            return false;
        }
        // As a desktop's Qt would: the request leaves in one segment, without waiting for an ACK.
        c->socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_connections.push_back(std::move(connection));
    }
    return true;
}

void GatewayDialLoad::send(Connection *connection)
{
    if (m_sent >= m_dials)
        return;
    ++m_sent;
    const QByteArray body = "{\"callee\": \"" + nextCallee().toLatin1() + "\"}";
    const QByteArray &token = m_tokens.at(m_nextToken++ % m_tokens.size());
    const QByteArray request =
        "POST /api/v1/dial HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(connection->port) +
        "\r\nAuthorization: Bearer " + token +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\n\r\n" + body;
    connection->sent.start();
    connection->socket.write(request);
}

void GatewayDialLoad::onReadyRead(Connection *connection)
{
    connection->buffer += connection->socket.readAll();
    Answer answer;
    while (m_loop && takeAnswer(&connection->buffer, &answer)) {
        m_result.latenciesMs.push_back(msSince(connection->sent));
        ++m_result.answers[QString::number(answer.status) + QLatin1Char(' ') + answer.outcome];
        if (++m_answered == m_dials) {
            m_loop->quit();
            return;
        }
        if (answer.closes) {
            fail(QStringLiteral("the gateway closed a kept-alive connection"));
            return;
        }
        send(connection);
    }
}

void GatewayDialLoad::fail(const QString &why)
{
    if (m_result.error.isEmpty())
        m_result.error = why;
    if (m_loop)
        m_loop->quit();
}

GatewayDialLoad::Result GatewayDialLoad::run(int dials)
{
    m_result = Result();
    m_result.latenciesMs.reserve(size_t(dials));
    m_dials = dials;
    m_sent = 0;
    m_answered = 0;
    if (m_connections.empty() || dials <= 0)
        return m_result;
    QEventLoop loop;
    m_loop = &loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop,
                     [this] { fail(QStringLiteral("no answer to some dials within two minutes")); });
    deadline.start(120000);
    QElapsedTimer clock;
    clock.start();
    for (const auto &connection : m_connections)
        send(connection.get());
    loop.exec();
    m_result.seconds = msSince(clock) / 1000.0;
    m_loop = nullptr;
    return m_result;
}

} // namespace onedial::bench
