// Dials through a running gateway as desktops would, from this process: each connection a
// kept-alive HTTP/1.1 connection (a raw QTcpSocket, since QNetworkAccessManager opens at most six
// to one host) sending POST /api/v1/dial and waiting for its answer before the next. Every request
// carries the next member's token, round the list, and a callee no request used before, so that
// neither the one-dial-at-a-time rule nor the daily count makes requests wait for each other.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <vector>

class QEventLoop;

namespace onedial::bench {

class GatewayDialLoad final
{
    Q_DISABLE_COPY_MOVE(GatewayDialLoad)

public:
    struct Result
    {
        double seconds = 0;              // from the first request sent to the last answer read
        std::vector<double> latenciesMs; // each request, from its write to its whole answer
        QMap<QString, int> answers;      // "200 accepted" → how many
        QString error;                   // a connection that failed, when one did

        int count(const QString &answer) const { return answers.value(answer); }
        int total() const;
    };

    GatewayDialLoad(quint16 port, QList<QByteArray> tokens);
    // Several gateway instances (behind a load balancer): connection i goes to ports[i % n].
    GatewayDialLoad(QList<quint16> ports, QList<QByteArray> tokens);
    ~GatewayDialLoad();

    // Opens connections connections to the gateway (closing any open ones); false with the reason.
    bool open(int connections, QString *error);
    // Sends dials requests over the open connections, each keeping one request in flight, and
    // waits for every answer. The connections stay open for the next run.
    Result run(int dials);

    // A mobile number no earlier request of this process used (139 1000 0000 onwards; the
    // sandbox's scenario numbers are 138 0000 0xxx), so that each dial is an ordinary accepted
    // call. Shared with the direct dials the gateway's are compared with.
    static QString nextCallee();

private:
    struct Connection;
    void send(Connection *connection);
    void onReadyRead(Connection *connection);
    void fail(const QString &why);

    QList<quint16> m_ports;
    QList<QByteArray> m_tokens;
    qsizetype m_nextToken = 0;
    std::vector<std::unique_ptr<Connection>> m_connections;
    // The run under way.
    QEventLoop *m_loop = nullptr;
    Result m_result;
    int m_dials = 0;
    int m_sent = 0;
    int m_answered = 0;
};

} // namespace onedial::bench
