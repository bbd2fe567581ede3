// The team gateway in this process over real HTTP on loopback: its store (members, dials, the
// append-only audit log) in a real SQLite file, its API answered to a real HTTP client, and its
// dials placed through the real dial client at the OneNET sandbox listening beside it. OneNET's
// status callbacks are POSTed to it as OneNET sends them, signed with the account's key, and the
// members' event streams are read from real sockets as a desktop reads them.
#include "EventStreamReader.h"
#include "EventStreams.h"
#include "Gateway.h"
#include "GatewayConfig.h"
#include "GatewayStore.h"
#include "UserToken.h"
#include "onenet/SandboxCallbacks.h"
#include "onenet/SandboxScenarios.h"
#include "onenet/SandboxServer.h"
#include "onenet/TokenSigner.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace onedial;
using namespace onedial::gateway;
using onedial::test::EventStreamReader;

namespace {

constexpr int kWaitMs = 20000;
const QString kCallee = QStringLiteral("13912345678");
const QString kCalleeApi = QStringLiteral("8613912345678");
const QString kSlowCallee = QStringLiteral("13800000901"); // the sandbox waits before answering
const QString kZhangCaller = QStringLiteral("8613900139000");
const QString kLiCaller = QStringLiteral("8613700137000");

struct Reply
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
    QByteArray retryAfter;
};

// Every message logged while a test runs, to look for secrets in.
QStringList g_logged;
QtMessageHandler g_previousHandler = nullptr;

void keepMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_logged.append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// The ways a callback is refused (refusedCallbacksChangeNothing).
enum class Refusal {
    Unsigned,
    BearerToken,
    TamperedSign,
    Expired,
    OtherAppId,
    OtherGeneration,
    OtherKey,
    TooLarge,
    NotJson,
    NotAnObject,
    UnknownStatus,
    OtherAccountInBody,
    UnknownCallId,
    WrongSecret,
    NoSecret,
    Get,
};

} // namespace

class TestGateway : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<GatewayStore> m_store;
    std::unique_ptr<Gateway> m_gateway;
    QNetworkAccessManager m_network;
    QByteArray m_zhangToken;
    QByteArray m_liToken;
    QByteArray m_notifySecret;

    QByteArray addUser(const QString &name, const QString &caller, int dailyLimit = 0)
    {
        const UserToken token = UserToken::generate();
        User user;
        user.name = name;
        user.caller = caller;
        user.dailyLimit = dailyLimit;
        user.tokenId = token.id;
        user.tokenHash = token.hash;
        const StorageResult added = m_store->addUser(&user);
        if (!added.ok())
            qWarning() << added.message;
        return token.text;
    }

    GatewayConfig sandboxConfig() const
    {
        GatewayConfig config;
        config.publicUrl = QUrl(QStringLiteral("https://dial.example.com"));
        config.hasAccount = true;
        config.account = m_sandbox->sandboxAccount(Api::V1);
        config.account.caller.clear();
        config.authFailuresPerMinute = 5;
        config.notifySecret = m_notifySecret;
        return config;
    }

    void startGateway(const GatewayConfig &config, const AccessKey &key)
    {
        m_gateway = std::make_unique<Gateway>(config, key, QString(), m_store.get());
        QString error;
        QVERIFY2(m_gateway->start(&error, 0), qPrintable(error));
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_gateway->port()).arg(path));
    }

    QNetworkReply *post(const QByteArray &token, const QByteArray &body,
                        const QByteArray &contentType = QByteArrayLiteral("application/json"))
    {
        QNetworkRequest request(url(QStringLiteral("/api/v1/dial")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        return m_network.post(request, body);
    }

    QNetworkReply *get(const QString &path, const QByteArray &token = {})
    {
        QNetworkRequest request(url(path));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        return m_network.get(request);
    }

    static Reply wait(QNetworkReply *reply)
    {
        Reply answer;
        if (!reply->isFinished() && !QSignalSpy(reply, &QNetworkReply::finished).wait(kWaitMs))
            return answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.raw = reply->readAll();
        answer.body = QJsonDocument::fromJson(answer.raw).object();
        answer.retryAfter = reply->rawHeader("Retry-After");
        reply->deleteLater();
        return answer;
    }

    Reply dial(const QByteArray &token, const QString &callee)
    {
        return wait(post(token, QJsonDocument(QJsonObject{{QStringLiteral("callee"), callee}}).toJson()));
    }

    // An Authorization value as OneNET puts on its callbacks: this account's res and version,
    // signed with its key (the sandbox's), valid for five minutes unless told otherwise.
    static QByteArray oneNetToken(qint64 et = QDateTime::currentSecsSinceEpoch() + 300,
                                  const QString &res = TokenSigner::resFor(Api::V1,
                                                                           SandboxScenarios::appId()),
                                  const QString &version = TokenSigner::versionFor(Api::V1),
                                  const QByteArray &key = SandboxScenarios::key())
    {
        return *TokenSigner::authorization(AccessKey(key), {version, res, et, SignMethod::Sha256});
    }

    QString notifyPath() const
    {
        return QLatin1String(GatewayConfig::kNotifyPath) + QString::fromLatin1(m_notifySecret);
    }

    QNetworkReply *postCallback(const QByteArray &body, const QByteArray &authorization,
                                const QString &path = {})
    {
        QNetworkRequest request(url(path.isEmpty() ? notifyPath() : path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        return m_network.post(request, body);
    }

    static QJsonObject report(const QString &callId, const QString &status)
    {
        return QJsonObject{
            {QStringLiteral("appid"), SandboxScenarios::appId()},
            {QStringLiteral("call_id"), callId},
            {QStringLiteral("caller"), kZhangCaller},
            {QStringLiteral("callee"), kCalleeApi},
            {QStringLiteral("status"), status},
            {QStringLiteral("report_date"), QStringLiteral("20261206161502")},
        };
    }

    // A signed callback, as OneNET sends it.
    Reply callback(const QJsonObject &body)
    {
        return wait(postCallback(QJsonDocument(body).toJson(QJsonDocument::Compact), oneNetToken()));
    }

    Reply callback(const QString &callId, const QString &status) { return callback(report(callId, status)); }

    // Places a call for zhang.san; its OneNET call id.
    QString placeCall(const QString &callee = kCallee)
    {
        const Reply reply = dial(m_zhangToken, callee);
        if (reply.status != 200)
            return {};
        return reply.body.value(QLatin1String("call_id")).toString();
    }

    DialRecord zhangsCall()
    {
        const QList<DialRecord> calls = m_store->calls(QStringLiteral("zhang.san"), 0);
        return calls.isEmpty() ? DialRecord() : calls.constLast();
    }

    QStringList eventStatuses(const QString &user = QStringLiteral("zhang.san"))
    {
        QStringList statuses;
        const QList<CallEvent> events = m_store->callEvents(user, 0);
        for (const CallEvent &event : events)
            statuses.append(event.status);
        return statuses;
    }

    static bool isSuccessAnswer(const Reply &reply)
    {
        return reply.status == 200 &&
               reply.body.value(QLatin1String("code_no")).toString() == QLatin1String("000000") &&
               reply.body.value(QLatin1String("code")).toString() == QLatin1String("onenet_common_success") &&
               !reply.body.value(QLatin1String("request_id")).toString().isEmpty() &&
               reply.body.value(QLatin1String("message")).isString();
    }

    // zhang.san's event stream, its answer's head read.
    std::unique_ptr<EventStreamReader>
    openStream(const QByteArray &token, const QList<QPair<QByteArray, QByteArray>> &headers = {},
               const QByteArray &target = QByteArrayLiteral("/api/v1/events"))
    {
        auto stream = std::make_unique<EventStreamReader>();
        if (!stream->open(m_gateway->port(), token, headers, target) || !stream->waitForHead(kWaitMs))
            return nullptr;
        return stream;
    }

    static QList<qint64> idsOf(const QList<CallEvent> &events)
    {
        QList<qint64> ids;
        for (const CallEvent &event : events)
            ids.append(event.id);
        return ids;
    }

    // Calls of zhang.san through all four states, written straight into the store (as the
    // gateway's callback receiver writes them, without HTTP): many events quickly.
    void storeCalls(int calls)
    {
        const User zhang = *m_store->userByName(QStringLiteral("zhang.san"));
        for (int i = 0; i < calls; ++i) {
            const GatewayStore::BeginResult begun =
                m_store->beginDial(zhang, QStringLiteral("86139%1").arg(i, 8, 10, QLatin1Char('0')),
                                   QStringLiteral("127.0.0.1"), QDate::currentDate());
            QCOMPARE(begun.status, GatewayStore::Begin::Recorded);
            DialOutcome accepted;
            accepted.outcome = OutcomeClass::Accepted;
            accepted.callId = QStringLiteral("stored-%1").arg(i);
            QVERIFY(m_store->finishDial(begun.dialId, zhang.name, accepted, {}).ok());
            for (CallProgress progress : {CallProgress::CallingCaller, CallProgress::CallingCallee,
                                          CallProgress::Connected, CallProgress::Disconnected}) {
                CallStatusReport report;
                report.callId = accepted.callId;
                report.progress = progress;
                QCOMPARE(m_store->applyCallStatus(report, {}).status, GatewayStore::Apply::Moved);
            }
        }
    }

    QList<AuditEntry> auditOf(const QString &event)
    {
        QList<AuditEntry> found;
        const QList<AuditEntry> all = m_store->audit({}, {});
        for (const AuditEntry &entry : all) {
            if (entry.event == event)
                found.append(entry);
        }
        return found;
    }

private Q_SLOTS:
    void init()
    {
        m_notifySecret = GatewayConfig::newNotifySecret();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY(m_sandbox->listen());
        m_sandbox->setSlowDelayMs(600);
        m_store = std::make_unique<GatewayStore>(m_dir->filePath(QStringLiteral("gateway.sqlite")));
        const StorageResult opened = m_store->open();
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        m_zhangToken = addUser(QStringLiteral("zhang.san"), kZhangCaller);
        m_liToken = addUser(QStringLiteral("li.si"), kLiCaller, 2);
        startGateway(sandboxConfig(), AccessKey(SandboxScenarios::key()));
    }

    void cleanup()
    {
        m_gateway.reset();
        m_store.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    void tokensAreStoredAsHashesOnly()
    {
        const UserToken token = UserToken::generate();
        QCOMPARE(token.text.size(), UserToken::kLength);
        QVERIFY(token.text.startsWith("odg_"));
        QCOMPARE(UserToken::parse(token.text)->hash, token.hash);
        QVERIFY(!UserToken::parse(token.text.chopped(1) + '!'));
        QVERIFY(UserToken::fromAuthorization("bearer " + token.text));
        QVERIFY(!UserToken::fromAuthorization("Basic " + token.text));
        QVERIFY(UserToken::sameHash(token.hash, UserToken::hashOf(token.text)));
        QVERIFY(!UserToken::sameHash(token.hash, UserToken::hashOf(m_zhangToken)));

        // No column of the database holds a token's text.
        m_store.reset();
        m_gateway.reset();
        QFile file(m_dir->filePath(QStringLiteral("gateway.sqlite")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains(m_zhangToken));
        QVERIFY(!bytes.contains(m_zhangToken.mid(13)));
    }

    void dialRingsTheMembersOwnPhone()
    {
        const Reply reply = dial(m_zhangToken, kCallee);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body.value(QLatin1String("outcome")).toString(), QStringLiteral("accepted"));
        QCOMPARE(reply.body.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(reply.body.value(QLatin1String("callee")).toString(), kCalleeApi);
        QVERIFY(!reply.body.value(QLatin1String("request_id")).toString().isEmpty());
        QVERIFY(reply.body.value(QLatin1String("dial_id")).toInteger() > 0);
        for (const char *field : {"api", "code_no", "code", "message", "call_id", "http_status", "error"})
            QVERIFY2(reply.body.contains(QLatin1String(field)), field);

        // One request reached OneNET, with the member's caller and the account's sponsor.
        QCOMPARE(m_sandbox->requestCount(), 1);
        const QJsonObject sent = QJsonDocument::fromJson(m_sandbox->received().constFirst().body).object();
        QCOMPARE(sent.value(QLatin1String("caller")).toString(), kZhangCaller);
        QCOMPARE(sent.value(QLatin1String("callee")).toString(), kCalleeApi);
        QCOMPARE(sent.value(QLatin1String("sponsor")).toString(), SandboxScenarios::sponsor());

        // Audited before it was sent and after, with the outcome, request and call ids.
        const QList<AuditEntry> sending = auditOf(QStringLiteral("dial.sending"));
        const QList<AuditEntry> finished = auditOf(QStringLiteral("dial.finished"));
        QCOMPARE(sending.size(), 1);
        QCOMPARE(finished.size(), 1);
        QVERIFY(sending.constFirst().id < finished.constFirst().id);
        QCOMPARE(finished.constFirst().user, QStringLiteral("zhang.san"));
        QCOMPARE(finished.constFirst().outcome, QStringLiteral("accepted"));
        QCOMPARE(finished.constFirst().requestId, reply.body.value(QLatin1String("request_id")).toString());
        QCOMPARE(finished.constFirst().address, QStringLiteral("127.0.0.1"));

        // The member's calls list it; another member's does not.
        const Reply calls = wait(get(QStringLiteral("/api/v1/calls?since=0"), m_zhangToken));
        QCOMPARE(calls.status, 200);
        const QJsonArray list = calls.body.value(QLatin1String("calls")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("accepted"));
        QCOMPARE(calls.body.value(QLatin1String("next")).toInteger(),
                 reply.body.value(QLatin1String("dial_id")).toInteger());
        const Reply later =
            wait(get(QStringLiteral("/api/v1/calls?since=%1")
                         .arg(list.at(0).toObject().value(QLatin1String("dial_id")).toInteger()),
                     m_zhangToken));
        QCOMPARE(later.body.value(QLatin1String("calls")).toArray().size(), 0);
        const Reply others = wait(get(QStringLiteral("/api/v1/calls"), m_liToken));
        QCOMPARE(others.body.value(QLatin1String("calls")).toArray().size(), 0);
    }

    void refusalCarriesTheServiceCode()
    {
        // A sandbox scenario: a callee that OneNET refuses with its own code.
        const SandboxScenario *refused = nullptr;
        for (const SandboxScenario &scenario : SandboxScenarios::all()) {
            if (scenario.api == Api::V1 && scenario.kind == SandboxScenario::Kind::ServiceCode) {
                refused = &scenario;
                break;
            }
        }
        QVERIFY(refused);
        const Reply reply = dial(m_zhangToken, refused->callee);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body.value(QLatin1String("outcome")).toString(), QStringLiteral("refused"));
        QCOMPARE(reply.body.value(QLatin1String("code_no")).toString(), refused->code);
    }

    void membersCannotChooseTheirCaller()
    {
        for (const char *field : {"caller", "display"}) {
            const QJsonObject body{{QStringLiteral("callee"), kCallee}, {QLatin1String(field), kLiCaller}};
            const Reply reply = wait(post(m_zhangToken, QJsonDocument(body).toJson()));
            QCOMPARE(reply.status, 403);
            QCOMPARE(reply.body.value(QLatin1String("error")).toString(),
                     QStringLiteral("caller_not_allowed"));
            QCOMPARE(reply.body.value(QLatin1String("outcome")).toString(), QStringLiteral("not_sent"));
        }
        QCOMPARE(m_sandbox->requestCount(), 0);
    }

    void tokensRefused()
    {
        // None, malformed, unknown: 401, and nothing sent.
        QCOMPARE(dial(QByteArray(), kCallee).status, 401);
        QCOMPARE(dial("odg_not-a-token", kCallee).status, 401);
        const Reply unknown = dial(UserToken::generate().text, kCallee);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.body.value(QLatin1String("error")).toString(), QStringLiteral("token_refused"));
        QVERIFY(!unknown.body.value(QLatin1String("message")).toString().isEmpty());
        // The right id with another secret.
        QByteArray forged = m_zhangToken;
        forged[forged.size() - 1] = forged.endsWith('A') ? 'B' : 'A';
        QCOMPARE(dial(forged, kCallee).status, 401);

        // Disabled: 403; enabled again: accepted.
        QVERIFY(m_store->setDisabled(QStringLiteral("zhang.san"), true).ok());
        const Reply disabled = dial(m_zhangToken, kCallee);
        QCOMPARE(disabled.status, 403);
        QCOMPARE(disabled.body.value(QLatin1String("error")).toString(), QStringLiteral("user_disabled"));
        QVERIFY(m_store->setDisabled(QStringLiteral("zhang.san"), false).ok());
        QCOMPARE(dial(m_zhangToken, kCallee).status, 200);

        // A new token: the old one stops working.
        const UserToken fresh = UserToken::generate();
        QVERIFY(m_store->replaceToken(QStringLiteral("zhang.san"), fresh.id, fresh.hash).ok());
        QCOMPARE(dial(m_zhangToken, kCallee).status, 401);
        QCOMPARE(dial(fresh.text, kCallee).status, 429); // five failures from this address: blocked
        QCOMPARE(m_sandbox->requestCount(), 1);
    }

    void removedMemberIsRefusedAndTheirCallsStay()
    {
        QCOMPARE(dial(m_zhangToken, kCallee).status, 200);
        QVERIFY(m_store->removeUser(QStringLiteral("zhang.san")).ok());
        QCOMPARE(dial(m_zhangToken, kCallee).status, 401);
        QCOMPARE(m_store->audit(QStringLiteral("zhang.san"), {}).constLast().event,
                 QStringLiteral("user.removed"));
        QCOMPARE(auditOf(QStringLiteral("dial.finished")).size(), 1);
    }

    void failedAuthenticationIsRateLimitedPerAddress()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(dial("odg_AAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", kCallee).status, 401);
        // Blocked for a minute, even with the right token: no oracle for guessing.
        const Reply blocked = dial(m_zhangToken, kCallee);
        QCOMPARE(blocked.status, 429);
        QCOMPARE(blocked.body.value(QLatin1String("error")).toString(), QStringLiteral("too_many_failures"));
        QVERIFY(blocked.retryAfter.toInt() > 0 && blocked.retryAfter.toInt() <= 60);
        QCOMPARE(m_sandbox->requestCount(), 0);
        QVERIFY(m_gateway->metrics().authFailures() >= 5);
        // A minute later it may try again.
        m_gateway->setClock([] { return QDateTime::currentDateTime().addSecs(61); });
        QCOMPARE(dial(m_zhangToken, kCallee).status, 200);
    }

    void dailyLimit()
    {
        QCOMPARE(dial(m_liToken, QStringLiteral("13912345671")).status, 200);
        QCOMPARE(dial(m_liToken, QStringLiteral("13912345672")).status, 200);
        const Reply third = dial(m_liToken, QStringLiteral("13912345673"));
        QCOMPARE(third.status, 429);
        QCOMPARE(third.body.value(QLatin1String("error")).toString(), QStringLiteral("daily_limit"));
        QVERIFY(third.retryAfter.toInt() > 0 && third.retryAfter.toInt() <= 24 * 3600);
        QCOMPARE(m_sandbox->requestCount(), 2);
        // Another member is not affected; the next day the limit starts again.
        QCOMPARE(dial(m_zhangToken, QStringLiteral("13912345673")).status, 200);
        m_gateway->setClock([] { return QDateTime::currentDateTime().addDays(1); });
        QCOMPARE(dial(m_liToken, QStringLiteral("13912345673")).status, 200);
    }

    void oneNumberOnceAtATimePerMember()
    {
        // Two desktops of one member ask at once: one call. Another member may call the same
        // number meanwhile.
        QNetworkReply *first =
            post(m_zhangToken, QJsonDocument(QJsonObject{{QStringLiteral("callee"), kSlowCallee}}).toJson());
        QNetworkReply *second =
            post(m_zhangToken, QJsonDocument(QJsonObject{{QStringLiteral("callee"), kSlowCallee}}).toJson());
        QNetworkReply *other =
            post(m_liToken, QJsonDocument(QJsonObject{{QStringLiteral("callee"), kSlowCallee}}).toJson());
        const Reply a = wait(first);
        const Reply b = wait(second);
        const Reply c = wait(other);
        QList<int> statuses{a.status, b.status};
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{200, 409}));
        const Reply &refused = a.status == 409 ? a : b;
        QCOMPARE(refused.body.value(QLatin1String("error")).toString(), QStringLiteral("already_in_flight"));
        QCOMPARE(c.status, 200);
        QCOMPARE(m_sandbox->requestCount(), 2);
        // Once the first has its answer, the member may call the number again.
        QCOMPARE(dial(m_zhangToken, kSlowCallee).status, 200);
    }

    void hostileRequests()
    {
        // Not JSON, not an object, no callee, a bad number, the wrong type, too large.
        QCOMPARE(wait(post(m_zhangToken, "{\"callee\": ")).body.value(QLatin1String("error")).toString(),
                 QStringLiteral("invalid_request"));
        QCOMPARE(wait(post(m_zhangToken, "[1, 2]")).status, 400);
        QCOMPARE(wait(post(m_zhangToken, "{\"callee\": 13912345678}")).status, 400);
        const Reply badNumber = dial(m_zhangToken, QStringLiteral("12345"));
        QCOMPARE(badNumber.status, 400);
        QCOMPARE(badNumber.body.value(QLatin1String("error")).toString(), QStringLiteral("invalid_number"));
        QVERIFY(!badNumber.body.value(QLatin1String("message")).toString().isEmpty());
        const Reply form =
            wait(post(m_zhangToken, "callee=13912345678", "application/x-www-form-urlencoded"));
        QCOMPARE(form.status, 415);
        QCOMPARE(form.body.value(QLatin1String("error")).toString(),
                 QStringLiteral("unsupported_media_type"));
        const QByteArray large = "{\"callee\": \"" + QByteArray(5000, '1') + "\"}";
        const Reply tooLarge = wait(post(m_zhangToken, large));
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.body.value(QLatin1String("error")).toString(), QStringLiteral("request_too_large"));
        // Wrong method and path.
        const Reply method = wait(get(QStringLiteral("/api/v1/dial"), m_zhangToken));
        QCOMPARE(method.status, 405);
        QCOMPARE(wait(get(QStringLiteral("/api/v2/dial"), m_zhangToken)).status, 404);
        QCOMPARE(wait(get(QStringLiteral("/api/v1/calls?since=x"), m_zhangToken)).status, 400);
        QCOMPARE(m_sandbox->requestCount(), 0);
    }

    void unreachableOneNetIsA502()
    {
        GatewayConfig config = sandboxConfig();
        config.account.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1"));
        m_gateway.reset();
        startGateway(config, AccessKey(SandboxScenarios::key()));
        const Reply reply = dial(m_zhangToken, kCallee);
        QCOMPARE(reply.status, 502);
        QCOMPARE(reply.body.value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(reply.body.value(QLatin1String("error")).toString(), QStringLiteral("connection_refused"));
    }

    void noAccountIsA503()
    {
        GatewayConfig config = sandboxConfig();
        m_gateway.reset();
        startGateway(config, AccessKey());
        const Reply reply = dial(m_zhangToken, kCallee);
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.body.value(QLatin1String("error")).toString(), QStringLiteral("not_configured"));
        QCOMPARE(wait(get(QStringLiteral("/healthz"))).status, 503);
        QCOMPARE(m_sandbox->requestCount(), 0);
    }

    void healthAndMetrics()
    {
        const Reply health = wait(get(QStringLiteral("/healthz")));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(dial(m_zhangToken, kCallee).status, 200);
        QCOMPARE(dial(QByteArray(), kCallee).status, 401);
        const Reply metrics = wait(get(QStringLiteral("/metrics")));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.raw.contains("onedial_gateway_dials_total{outcome=\"accepted\"} 1\n"));
        QVERIFY(metrics.raw.contains("onedial_gateway_auth_failures_total 1\n"));
        QVERIFY(metrics.raw.contains("onedial_gateway_dial_seconds_count 1\n"));
        QVERIFY(metrics.raw.contains("onedial_gateway_users 2\n"));
        QVERIFY(metrics.raw.contains("onedial_gateway_requests_total{status=\"401\"} 1\n"));
        const Reply me = wait(get(QStringLiteral("/api/v1/me"), m_liToken));
        QCOMPARE(me.body.value(QLatin1String("caller")).toString(), kLiCaller);
        QCOMPARE(me.body.value(QLatin1String("daily_limit")).toInt(), 2);
    }

    void metricsOnlyForAllowedAddresses()
    {
        GatewayConfig config = sandboxConfig();
        config.metricsAllow = {QStringLiteral("10.0.0.0/8")};
        m_gateway.reset();
        startGateway(config, AccessKey(SandboxScenarios::key()));
        QCOMPARE(wait(get(QStringLiteral("/metrics"))).status, 403);
    }

    void forwardedForOnlyFromTrustedProxies()
    {
        GatewayConfig config = sandboxConfig();
        m_gateway.reset();
        startGateway(config, AccessKey(SandboxScenarios::key()));
        // Not a trusted proxy: the header is ignored, the audit shows the TCP peer.
        QNetworkRequest request(url(QStringLiteral("/api/v1/dial")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + m_zhangToken);
        request.setRawHeader("X-Forwarded-For", "203.0.113.9");
        QCOMPARE(wait(m_network.post(request, "{\"callee\": \"13912345678\"}")).status, 200);
        QCOMPARE(auditOf(QStringLiteral("dial.sending")).constLast().address, QStringLiteral("127.0.0.1"));

        config.trustedProxies = {QStringLiteral("127.0.0.1")};
        m_gateway.reset();
        startGateway(config, AccessKey(SandboxScenarios::key()));
        request.setUrl(url(QStringLiteral("/api/v1/dial")));
        request.setRawHeader("X-Forwarded-For", "198.51.100.1, 203.0.113.9");
        QCOMPARE(wait(m_network.post(request, "{\"callee\": \"13912345679\"}")).status, 200);
        QCOMPARE(auditOf(QStringLiteral("dial.sending")).constLast().address, QStringLiteral("203.0.113.9"));
    }

    void auditLogIsAppendOnly()
    {
        QCOMPARE(dial(m_zhangToken, kCallee).status, 200);
        m_gateway.reset();
        m_store.reset();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("gateway.sqlite")));
        QVERIFY(db.open());
        {
            QSqlQuery query(db);
            QVERIFY(!query.exec(QStringLiteral("UPDATE audit SET outcome = 'refused'")));
            QVERIFY(query.lastError().text().contains(QLatin1String("append-only")));
            QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit")));
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit WHERE event LIKE 'dial.%'")) &&
                    query.next());
            QCOMPARE(query.value(0).toInt(), 2);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    }

    void interruptedDialsBecomeUnknown()
    {
        User zhang = *m_store->userByName(QStringLiteral("zhang.san"));
        const GatewayStore::BeginResult begun =
            m_store->beginDial(zhang, kCalleeApi, QStringLiteral("127.0.0.1"), QDate::currentDate());
        QCOMPARE(begun.status, GatewayStore::Begin::Recorded);
        QCOMPARE(m_store->beginDial(zhang, kCalleeApi, {}, QDate::currentDate()).status,
                 GatewayStore::Begin::InFlight);
        // The running instance's own dial in flight is not taken for interrupted.
        QCOMPARE(m_store->recoverInterrupted(), 0);
        // As if the process stopped here: the next start (another store on the file) finds the
        // dial in flight.
        GatewayStore restarted(m_store->path());
        QVERIFY(restarted.open().ok());
        QVERIFY(restarted.registerInstance(QStringLiteral("restarted")).ok());
        QCOMPARE(restarted.recoverInterrupted(), 1);
        const QList<AuditEntry> interrupted = auditOf(QStringLiteral("dial.interrupted"));
        QCOMPARE(interrupted.size(), 1);
        QCOMPARE(interrupted.constFirst().dialId, begun.dialId);
        QCOMPARE(interrupted.constFirst().outcome, QStringLiteral("unknown"));
        QCOMPARE(m_store->calls(QStringLiteral("zhang.san"), 0).constFirst().state,
                 QStringLiteral("unknown"));
        QCOMPARE(restarted.recoverInterrupted(), 0);
        QCOMPARE(dial(m_zhangToken, kCallee).status, 200);
    }

    void databaseUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("problem"); // a word of the refusal; empty when taken
        const QString none;
        QTest::newRow("full") << QStringLiteral(
                                     "postgresql://onedial@db.example.com:6432/calls?sslmode=verify-full")
                              << QStringLiteral("db.example.com") << 6432 << QStringLiteral("onedial")
                              << QStringLiteral("calls") << QStringLiteral("sslmode=verify-full") << none;
        QTest::newRow("default port, postgres://")
            << QStringLiteral("postgres://team@10.0.0.5/onedial") << QStringLiteral("10.0.0.5") << 5432
            << QStringLiteral("team") << QStringLiteral("onedial") << none << none;
        QTest::newRow("local socket")
            << QStringLiteral("postgresql:///onedial?host=/run/postgresql")
            << QStringLiteral("/run/postgresql") << 5432 << none << QStringLiteral("onedial") << none << none;
        QTest::newRow("two settings")
            << QStringLiteral("postgresql://u@h/d?sslmode=require&connect_timeout=3") << QStringLiteral("h")
            << 5432 << QStringLiteral("u") << QStringLiteral("d")
            << QStringLiteral("sslmode=require;connect_timeout=3") << none;
        QTest::newRow("a password") << QStringLiteral("postgresql://u:secret@h/d") << none << 0 << none
                                    << none << none << QStringLiteral("password");
        QTest::newRow("no database") << QStringLiteral("postgresql://u@h") << none << 0 << none << none
                                     << none << QStringLiteral("NAME");
        QTest::newRow("no server") << QStringLiteral("postgresql:///d") << none << 0 << none << none << none
                                   << QStringLiteral("server");
        QTest::newRow("not postgres") << QStringLiteral("mysql://u@h/d") << none << 0 << none << none << none
                                      << QStringLiteral("PostgreSQL URL");
        QTest::newRow("unknown setting") << QStringLiteral("postgresql://u@h/d?options=-csearch_path%3Devil")
                                         << none << 0 << none << none << none << QStringLiteral("options");
        QTest::newRow("a separator in a value")
            << QStringLiteral("postgresql://u@h/d?sslmode=require%3Bhost%3Devil") << none << 0 << none << none
            << none << QStringLiteral("characters");
    }

    void databaseUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, problem);
        QString error;
        const std::optional<ServerConnection> server = GatewayConfig::parseDatabaseUrl(url, &error);
        if (!problem.isEmpty()) {
            QVERIFY(!server);
            QVERIFY2(error.contains(problem), qPrintable(error));
            GatewayConfig config = sandboxConfig();
            config.database = url;
            QVERIFY(config.problems().contains(error));
            return;
        }
        QVERIFY2(server, qPrintable(error));
        QTEST(server->host, "host");
        QTEST(server->port, "port");
        QTEST(server->user, "user");
        QTEST(server->databaseName, "name");
        QTEST(server->options, "options");
        QVERIFY(server->password.isEmpty());
        QVERIFY(!server->label().contains(QLatin1String("secret")));
    }

    void configRoundTripAndRules()
    {
        GatewayConfig config = sandboxConfig();
        config.trustedProxies = {QStringLiteral("10.1.2.3"), QStringLiteral("fd00::/8")};
        QString error;
        QVERIFY2(config.save(m_dir->path(), &error), qPrintable(error));
        QCOMPARE(QFileInfo(GatewayConfig::filePath(m_dir->path())).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const auto loaded = GatewayConfig::load(m_dir->path(), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->account.appId, config.account.appId);
        QCOMPARE(loaded->account.sponsor, config.account.sponsor);
        QCOMPARE(loaded->trustedProxies, config.trustedProxies);
        QVERIFY(loaded->problems().isEmpty());
        QVERIFY(
            GatewayConfig::contains(loaded->trustedProxies, QHostAddress(QStringLiteral("::ffff:10.1.2.3"))));
        QVERIFY(!GatewayConfig::contains(loaded->trustedProxies, QHostAddress(QStringLiteral("10.1.2.4"))));

        // Plain HTTP only on loopback.
        GatewayConfig open = config;
        open.listenHost = QStringLiteral("0.0.0.0");
        QCOMPARE(open.problems().size(), 1);
        open.tlsCertificate = QStringLiteral("/etc/ssl/gateway.pem");
        open.tlsKey = QStringLiteral("/etc/ssl/gateway.key");
        QVERIFY(open.problems().isEmpty());

        QString host;
        quint16 port = 0;
        QVERIFY(GatewayConfig::parseListen(QStringLiteral("[::1]:9000"), &host, &port));
        QCOMPARE(host, QStringLiteral("::1"));
        QCOMPARE(port, quint16(9000));
        QVERIFY(!GatewayConfig::parseListen(QStringLiteral("example.com:80"), &host, &port));
    }

    void dialsCarryTheNotifyUrl()
    {
        QVERIFY(!placeCall().isEmpty());
        const QJsonObject sent = QJsonDocument::fromJson(m_sandbox->received().constFirst().body).object();
        QCOMPARE(sent.value(QLatin1String("notify_url")).toString(),
                 QStringLiteral("https://dial.example.com/onenet/notify/") +
                     QString::fromLatin1(m_notifySecret));

        // 192 random bits in base64url, a new one each time (account set makes one).
        QCOMPARE(m_notifySecret.size(), 32);
        QVERIFY(QByteArray::fromBase64Encoding(m_notifySecret, QByteArray::Base64UrlEncoding |
                                                                   QByteArray::AbortOnBase64DecodingErrors));
        QVERIFY(GatewayConfig::newNotifySecret() != GatewayConfig::newNotifySecret());
        // Kept with the account configuration; a public URL's path (a proxy's prefix) is kept.
        GatewayConfig config = sandboxConfig();
        config.publicUrl = QUrl(QStringLiteral("https://example.com/team/"));
        QString error;
        QVERIFY2(config.save(m_dir->path(), &error), qPrintable(error));
        const auto loaded = GatewayConfig::load(m_dir->path(), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->notifySecret, m_notifySecret);
        QCOMPARE(loaded->notifyUrl().toString(), QStringLiteral("https://example.com/team/onenet/notify/") +
                                                     QString::fromLatin1(m_notifySecret));

        // A configuration from before callbacks has no secret: dials go without a notify_url, and
        // nothing answers under /onenet/notify/.
        config = sandboxConfig();
        config.notifySecret.clear();
        QVERIFY(config.notifyUrl().isEmpty());
        m_gateway.reset();
        startGateway(config, AccessKey(SandboxScenarios::key()));
        QVERIFY(!placeCall(QStringLiteral("13912345670")).isEmpty());
        const QJsonObject without = QJsonDocument::fromJson(m_sandbox->received().constLast().body).object();
        QVERIFY(!without.contains(QLatin1String("notify_url")));
        QCOMPARE(wait(postCallback("{}", oneNetToken(), QStringLiteral("/onenet/notify/"))).status, 404);
    }

    void signedCallbacksMoveTheCall()
    {
        const QString callId = placeCall();
        QVERIFY(!callId.isEmpty());
        QVERIFY(zhangsCall().callStatus.isEmpty());

        for (const char *status : {"CallingCaller", "CallingCallee", "Connected"}) {
            QElapsedTimer timer;
            timer.start();
            const Reply reply = callback(callId, QLatin1String(status));
            QVERIFY2(isSuccessAnswer(reply), reply.raw.constData());
            QVERIFY(timer.elapsed() < 1000);
            QCOMPARE(zhangsCall().callStatus, QLatin1String(status));
        }
        QJsonObject ended = report(callId, QStringLiteral("Disconnected"));
        ended.insert(QStringLiteral("reason"), QStringLiteral("HangUp"));
        ended.insert(QStringLiteral("call_duration"), 133);
        ended.insert(QStringLiteral("report_date"), QStringLiteral("20261206161815"));
        const Reply last = callback(ended);
        QVERIFY2(isSuccessAnswer(last), last.raw.constData());
        QCOMPARE(last.body.size(), 4);

        // Kept with the dial…
        const DialRecord call = zhangsCall();
        QCOMPARE(call.state, QStringLiteral("accepted"));
        QCOMPARE(call.callStatus, QStringLiteral("Disconnected"));
        QCOMPARE(call.reason, QStringLiteral("HangUp"));
        QCOMPARE(call.callDuration, std::optional<qint64>(133));
        QCOMPARE(call.reportDate, QStringLiteral("20261206161815"));
        // …one event per state, their ids growing…
        const QList<CallEvent> events = m_store->callEvents(QStringLiteral("zhang.san"), 0);
        QCOMPARE(eventStatuses(),
                 (QStringList{QStringLiteral("CallingCaller"), QStringLiteral("CallingCallee"),
                              QStringLiteral("Connected"), QStringLiteral("Disconnected")}));
        for (qsizetype i = 1; i < events.size(); ++i)
            QVERIFY(events.at(i).id > events.at(i - 1).id);
        const CallEvent &final = events.constLast();
        QCOMPARE(final.dialId, call.id);
        QCOMPARE(final.callId, callId);
        QCOMPARE(final.reason, QStringLiteral("HangUp"));
        QCOMPARE(final.callDuration, std::optional<qint64>(133));
        QVERIFY(final.received.isValid());
        QVERIFY(!events.constFirst().callDuration);
        // (after an id: only what came later, as a resumed stream will ask)
        QCOMPARE(m_store->callEvents(QStringLiteral("zhang.san"), events.at(1).id).size(), 2);
        QVERIFY(m_store->callEvents(QStringLiteral("li.si"), 0).isEmpty());
        // …in the audit log, one entry per state…
        const QList<AuditEntry> audited = auditOf(QStringLiteral("call.status"));
        QCOMPARE(audited.size(), 4);
        QCOMPARE(audited.constLast().outcome, QStringLiteral("Disconnected"));
        QCOMPARE(audited.constLast().reason, QStringLiteral("HangUp"));
        QCOMPARE(audited.constLast().callDuration, std::optional<qint64>(133));
        QCOMPARE(audited.constLast().dialId, call.id);
        QCOMPARE(audited.constLast().user, QStringLiteral("zhang.san"));
        QCOMPARE(audited.constLast().toJson().value(QLatin1String("call_duration")).toInteger(), 133);
        // …in the member's calls…
        const Reply calls = wait(get(QStringLiteral("/api/v1/calls"), m_zhangToken));
        const QJsonObject listed = calls.body.value(QLatin1String("calls")).toArray().at(0).toObject();
        QCOMPARE(listed.value(QLatin1String("call_status")).toString(), QStringLiteral("Disconnected"));
        QCOMPARE(listed.value(QLatin1String("reason")).toString(), QStringLiteral("HangUp"));
        QCOMPARE(listed.value(QLatin1String("call_duration")).toInteger(), 133);
        QCOMPARE(listed.value(QLatin1String("report_date")).toString(), QStringLiteral("20261206161815"));
        // …and counted.
        QCOMPARE(m_gateway->metrics().callbacks(CallbackResult::Applied), quint64(4));
        const Reply metrics = wait(get(QStringLiteral("/metrics")));
        QVERIFY(metrics.raw.contains("onedial_gateway_callbacks_total{result=\"applied\"} 4\n"));
        QVERIFY(metrics.raw.contains("onedial_gateway_callbacks_total{result=\"refused\"} 0\n"));
    }

    void refusedCallbacksChangeNothing_data()
    {
        QTest::addColumn<Refusal>("refusal");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");

        QTest::newRow("unsigned") << Refusal::Unsigned << 401 << QStringLiteral("token_refused");
        QTest::newRow("a member's bearer token")
            << Refusal::BearerToken << 401 << QStringLiteral("token_refused");
        QTest::newRow("tampered sign") << Refusal::TamperedSign << 401 << QStringLiteral("token_refused");
        QTest::newRow("expired et") << Refusal::Expired << 401 << QStringLiteral("token_refused");
        QTest::newRow("another appid's res") << Refusal::OtherAppId << 401 << QStringLiteral("token_refused");
        QTest::newRow("the other generation's res and version")
            << Refusal::OtherGeneration << 401 << QStringLiteral("token_refused");
        QTest::newRow("another key") << Refusal::OtherKey << 401 << QStringLiteral("token_refused");
        QTest::newRow("over 64 KiB") << Refusal::TooLarge << 413 << QStringLiteral("request_too_large");
        QTest::newRow("not JSON") << Refusal::NotJson << 400 << QStringLiteral("invalid_request");
        QTest::newRow("a JSON array") << Refusal::NotAnObject << 400 << QStringLiteral("invalid_request");
        QTest::newRow("unknown status") << Refusal::UnknownStatus << 400 << QStringLiteral("invalid_request");
        QTest::newRow("another account in the body")
            << Refusal::OtherAccountInBody << 400 << QStringLiteral("invalid_request");
        QTest::newRow("a call_id never placed")
            << Refusal::UnknownCallId << 404 << QStringLiteral("unknown_call");
        QTest::newRow("wrong secret") << Refusal::WrongSecret << 404 << QStringLiteral("not_found");
        QTest::newRow("no secret") << Refusal::NoSecret << 404 << QStringLiteral("not_found");
        QTest::newRow("GET") << Refusal::Get << 405 << QStringLiteral("method_not_allowed");
    }

    void refusedCallbacksChangeNothing()
    {
        QFETCH(Refusal, refusal);
        QFETCH(int, status);
        QFETCH(QString, error);

        const QString callId = placeCall();
        QVERIFY(!callId.isEmpty());
        const QByteArray body = QJsonDocument(report(callId, QStringLiteral("Connected"))).toJson();
        const qint64 inFiveMinutes = QDateTime::currentSecsSinceEpoch() + 300;
        QByteArray authorization = oneNetToken();
        QByteArray sentBody = body;
        QString path = notifyPath();
        switch (refusal) {
        case Refusal::Unsigned:
            authorization.clear();
            break;
        case Refusal::BearerToken:
            authorization = "Bearer " + m_zhangToken;
            break;
        case Refusal::TamperedSign: {
            const qsizetype at = authorization.indexOf("sign=") + 5;
            authorization[at] = authorization.at(at) == 'A' ? 'B' : 'A';
            break;
        }
        case Refusal::Expired:
            authorization = oneNetToken(QDateTime::currentSecsSinceEpoch() - 1);
            break;
        case Refusal::OtherAppId:
            authorization = oneNetToken(inFiveMinutes, TokenSigner::resFor(Api::V1, QStringLiteral("10002")));
            break;
        case Refusal::OtherGeneration:
            authorization =
                oneNetToken(inFiveMinutes, TokenSigner::resFor(Api::V2, SandboxScenarios::appId()),
                            TokenSigner::versionFor(Api::V2));
            break;
        case Refusal::OtherKey:
            authorization =
                oneNetToken(inFiveMinutes, TokenSigner::resFor(Api::V1, SandboxScenarios::appId()),
                            TokenSigner::versionFor(Api::V1), "DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I=");
            break;
        case Refusal::TooLarge: {
            QJsonObject padded = report(callId, QStringLiteral("Connected"));
            padded.insert(QStringLiteral("padding"), QString(64 * 1024, QLatin1Char('x')));
            sentBody = QJsonDocument(padded).toJson();
            break;
        }
        case Refusal::NotJson:
            sentBody = "call_id=" + callId.toLatin1() + "&status=Connected";
            break;
        case Refusal::NotAnObject:
            sentBody = "[" + body + "]";
            break;
        case Refusal::UnknownStatus:
            sentBody = QJsonDocument(report(callId, QStringLiteral("Ringing"))).toJson();
            break;
        case Refusal::OtherAccountInBody: {
            QJsonObject other = report(callId, QStringLiteral("Connected"));
            other.insert(QStringLiteral("appid"), QStringLiteral("10002"));
            sentBody = QJsonDocument(other).toJson();
            break;
        }
        case Refusal::UnknownCallId:
            sentBody =
                QJsonDocument(report(QStringLiteral("not-a-call-of-ours"), QStringLiteral("Connected")))
                    .toJson();
            break;
        case Refusal::WrongSecret: {
            QByteArray wrong = m_notifySecret;
            wrong[0] = wrong.at(0) == 'A' ? 'B' : 'A';
            path = QLatin1String(GatewayConfig::kNotifyPath) + QString::fromLatin1(wrong);
            break;
        }
        case Refusal::NoSecret:
            path = QLatin1String(GatewayConfig::kNotifyPath);
            break;
        case Refusal::Get:
            break;
        }

        g_logged.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("onedial.gateway.info=true"));
        g_previousHandler = qInstallMessageHandler(keepMessage);
        const Reply reply =
            refusal == Refusal::Get ? wait(get(path)) : wait(postCallback(sentBody, authorization, path));
        qInstallMessageHandler(g_previousHandler);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.body.value(QLatin1String("error")).toString(), error);
        QVERIFY(!reply.body.value(QLatin1String("message")).toString().isEmpty());

        // Nothing stored: the call has no state, no event, no audit entry.
        QVERIFY(zhangsCall().callStatus.isEmpty());
        QVERIFY(m_store->callEvents(QStringLiteral("zhang.san"), 0).isEmpty());
        QVERIFY(auditOf(QStringLiteral("call.status")).isEmpty());
        // Logged without secrets: neither the path's secret, nor the token, nor the key.
        const QString log = g_logged.join(QLatin1Char('\n'));
        QVERIFY(!log.contains(QString::fromLatin1(m_notifySecret)));
        QVERIFY(!log.contains(QString::fromLatin1(SandboxScenarios::key())));
        if (!authorization.isEmpty()) {
            const QByteArray sign = authorization.mid(authorization.indexOf("sign=") + 5);
            QVERIFY(!log.contains(QString::fromLatin1(sign)));
            QVERIFY(!log.contains(QString::fromLatin1(QByteArray::fromPercentEncoding(sign))));
        }
        if (status == 401 || status == 400)
            QVERIFY2(log.contains(QLatin1String("Status callback from 127.0.0.1 refused")), qPrintable(log));

        // And the same call's signed callback still works afterwards.
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("Connected"))));
        QCOMPARE(zhangsCall().callStatus, QStringLiteral("Connected"));
    }

    void duplicatesAddNoEvent()
    {
        const QString callId = placeCall();
        QVERIFY(!callId.isEmpty());
        for (int i = 0; i < 3; ++i)
            QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("CallingCaller"))));
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("Connected"))));
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("Connected"))));
        QCOMPARE(eventStatuses(),
                 (QStringList{QStringLiteral("CallingCaller"), QStringLiteral("Connected")}));
        QCOMPARE(auditOf(QStringLiteral("call.status")).size(), 2);
        QCOMPARE(m_gateway->metrics().callbacks(CallbackResult::Applied), quint64(2));
        QCOMPARE(m_gateway->metrics().callbacks(CallbackResult::Unchanged), quint64(3));
    }

    void lateNewsDoesNotMoveTheCallBack()
    {
        const QString callId = placeCall();
        QVERIFY(!callId.isEmpty());
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("Connected"))));
        // Earlier states arriving after it are acknowledged, and change nothing.
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("CallingCallee"))));
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("CallingCaller"))));
        QCOMPARE(zhangsCall().callStatus, QStringLiteral("Connected"));
        QCOMPARE(eventStatuses(), QStringList{QStringLiteral("Connected")});
    }

    void sandboxCallbacksComeBackToTheGateway()
    {
        // A gateway whose OneNET is the built-in sandbox: the sandbox's simulated, signed status
        // callbacks come straight back to the gateway's own listener (the public URL is not
        // reachable from here), and are verified and stored like OneNET's.
        m_gateway.reset();
        GatewayConfig config = sandboxConfig();
        config.sandbox = true;
        config.notifySecret = GatewayConfig::newNotifySecret();
        startGateway(config, AccessKey());
        QVERIFY(m_gateway->sandbox());
        m_gateway->sandbox()->callbacks()->setStepMs(60);

        const QString answered = placeCall();
        QVERIFY(!answered.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(zhangsCall().callStatus, QStringLiteral("Disconnected"), kWaitMs);
        QCOMPARE(zhangsCall().reason, QStringLiteral("HangUp"));
        QVERIFY(zhangsCall().callDuration.value_or(0) >= 1);
        QCOMPARE(eventStatuses(),
                 (QStringList{QStringLiteral("CallingCaller"), QStringLiteral("CallingCallee"),
                              QStringLiteral("Connected"), QStringLiteral("Disconnected")}));

        // 138 0000 0908: reports duplicated and out of order; the stored call moves forward only.
        const QString disorderly = placeCall(QStringLiteral("13800000908"));
        QVERIFY(!disorderly.isEmpty());
        const auto deliveriesFor = [this](const QString &callId) {
            int count = 0;
            for (const SandboxCallbacks::Delivery &delivery :
                 m_gateway->sandbox()->callbacks()->deliveries()) {
                if (delivery.callId == callId && delivery.httpStatus == 200)
                    ++count;
            }
            return count;
        };
        QTRY_COMPARE_WITH_TIMEOUT(deliveriesFor(disorderly), 6, kWaitMs);
        QCOMPARE(zhangsCall().callId, disorderly);
        QCOMPARE(zhangsCall().callStatus, QStringLiteral("Disconnected"));
        QStringList forIt;
        const QList<CallEvent> events = m_store->callEvents(QStringLiteral("zhang.san"), 0);
        for (const CallEvent &event : events) {
            if (event.callId == disorderly)
                forIt << event.status;
        }
        // The late CallingCallee and the repeats add nothing.
        QCOMPARE(forIt, (QStringList{QStringLiteral("CallingCaller"), QStringLiteral("Connected"),
                                     QStringLiteral("Disconnected")}));
    }

    void disconnectedIsFinal()
    {
        const QString callId = placeCall();
        QVERIFY(!callId.isEmpty());
        QJsonObject busy = report(callId, QStringLiteral("Disconnected"));
        busy.insert(QStringLiteral("reason"), QStringLiteral("CalleeBusy"));
        // OneNET's own example leaves call_duration out.
        QVERIFY(isSuccessAnswer(callback(busy)));
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("Connected"))));
        QJsonObject again = report(callId, QStringLiteral("Disconnected"));
        again.insert(QStringLiteral("reason"), QStringLiteral("HangUp"));
        again.insert(QStringLiteral("call_duration"), 20);
        QVERIFY(isSuccessAnswer(callback(again)));
        const DialRecord call = zhangsCall();
        QCOMPARE(call.callStatus, QStringLiteral("Disconnected"));
        QCOMPARE(call.reason, QStringLiteral("CalleeBusy"));
        QVERIFY(!call.callDuration);
        QCOMPARE(eventStatuses(), QStringList{QStringLiteral("Disconnected")});
        const Reply calls = wait(get(QStringLiteral("/api/v1/calls"), m_zhangToken));
        QVERIFY(calls.body.value(QLatin1String("calls"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QLatin1String("call_duration"))
                    .isNull());
    }

    void eventsOfManyCallsKeepOneOrder()
    {
        // Two members' calls, their callbacks interleaved: one sequence of ids for the gateway,
        // each member reading their own.
        const QString zhangs = placeCall();
        const Reply lisDial = dial(m_liToken, kCallee);
        const QString lis = lisDial.body.value(QLatin1String("call_id")).toString();
        QVERIFY(!zhangs.isEmpty() && !lis.isEmpty() && zhangs != lis);
        QVERIFY(isSuccessAnswer(callback(zhangs, QStringLiteral("CallingCaller"))));
        QVERIFY(isSuccessAnswer(callback(lis, QStringLiteral("CallingCaller"))));
        QVERIFY(isSuccessAnswer(callback(zhangs, QStringLiteral("Connected"))));
        QVERIFY(isSuccessAnswer(callback(lis, QStringLiteral("Disconnected"))));
        const QList<CallEvent> zhang = m_store->callEvents(QStringLiteral("zhang.san"), 0);
        const QList<CallEvent> li = m_store->callEvents(QStringLiteral("li.si"), 0);
        QCOMPARE(zhang.size(), 2);
        QCOMPARE(li.size(), 2);
        QVERIFY(zhang.at(0).id < li.at(0).id && li.at(0).id < zhang.at(1).id && zhang.at(1).id < li.at(1).id);
        QCOMPARE(li.at(1).user, QStringLiteral("li.si"));
        QCOMPARE(li.at(1).dialId, lisDial.body.value(QLatin1String("dial_id")).toInteger());
    }

    void callEventsAreAppendOnly()
    {
        const QString callId = placeCall();
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("Connected"))));
        m_gateway.reset();
        m_store.reset();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(m_dir->filePath(QStringLiteral("gateway.sqlite")));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(!query.exec(QStringLiteral("UPDATE call_events SET status = 'CallingCaller'")));
            QVERIFY(query.lastError().text().contains(QLatin1String("append-only")));
            QVERIFY(!query.exec(QStringLiteral("DELETE FROM call_events")));
            // The same state twice for one dial: refused by the database itself.
            QVERIFY(!query.exec(QStringLiteral("INSERT INTO call_events (user_name, dial_id, call_id, status,"
                                               " received_utc) SELECT user_name, dial_id, call_id, status,"
                                               " received_utc FROM call_events")));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    }

    void olderDatabaseIsMigrated()
    {
        // A gateway database of schema version 1 with an accepted dial, as the previous release
        // left it: opened by this one, the dial takes callbacks.
        m_gateway.reset();
        m_store.reset();
        const QString path = m_dir->filePath(QStringLiteral("old.sqlite"));
        {
            Database old(path, GatewayStore::schema());
            QVERIFY(old.open(1).ok());
            QSqlQuery query(QSqlDatabase::database(old.connectionName(), false));
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO dials (user_name, time_utc, day, callee, state, call_id)"
                " VALUES ('zhang.san', '2026-12-06T08:15:02.118Z', '2026-12-06', '8613912345678',"
                " 'accepted', 'old-call')")));
        }
        GatewayStore store(path);
        QVERIFY(store.open().ok());
        CallStatusReport connected;
        connected.callId = QStringLiteral("old-call");
        connected.progress = CallProgress::Connected;
        const GatewayStore::ApplyResult applied =
            store.applyCallStatus(connected, QStringLiteral("127.0.0.1"));
        QCOMPARE(applied.status, GatewayStore::Apply::Moved);
        QCOMPARE(applied.user, QStringLiteral("zhang.san"));
        QVERIFY(applied.eventId > 0);
        QCOMPARE(store.calls(QStringLiteral("zhang.san"), 0).constFirst().callStatus,
                 QStringLiteral("Connected"));
        QCOMPARE(store.applyCallStatus(connected, {}).status, GatewayStore::Apply::Unchanged);
        connected.callId = QStringLiteral("never");
        QCOMPARE(store.applyCallStatus(connected, {}).status, GatewayStore::Apply::UnknownCall);
    }

    void eventStreamCarriesTheMembersCallsLive()
    {
        const auto stream = openStream(m_zhangToken);
        QVERIFY(stream);
        QCOMPARE(stream->status(), 200);
        QCOMPARE(stream->header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(stream->header("cache-control"), QByteArray("no-store"));
        QCOMPARE(stream->header("x-accel-buffering"), QByteArray("no"));
        // Read to the end of the connection: no length, no chunks.
        QCOMPARE(stream->header("connection"), QByteArray("close"));
        QVERIFY(!stream->hasHeader("content-length"));
        QVERIFY(!stream->hasHeader("transfer-encoding"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                stream->read();
                return !stream->blocks().isEmpty();
            },
            kWaitMs));
        QCOMPARE(stream->blocks().constFirst().retry, QByteArray("5000"));

        const QString callId = placeCall();
        QVERIFY(!callId.isEmpty());
        const qint64 dialId = zhangsCall().id;
        for (const char *status : {"CallingCaller", "CallingCallee", "Connected", "Connected"})
            QVERIFY(isSuccessAnswer(callback(callId, QLatin1String(status)))); // the last: a repeat
        QJsonObject ended = report(callId, QStringLiteral("Disconnected"));
        ended.insert(QStringLiteral("reason"), QStringLiteral("HangUp"));
        ended.insert(QStringLiteral("call_duration"), 133);
        ended.insert(QStringLiteral("report_date"), QStringLiteral("20261206161815"));
        QVERIFY(isSuccessAnswer(callback(ended)));

        QVERIFY(stream->waitForEvents(4, kWaitMs));
        QTest::qWait(100);
        stream->read();
        const QList<EventStreamReader::Block> events = stream->events();
        const QList<CallEvent> stored = m_store->callEvents(QStringLiteral("zhang.san"), 0);
        QCOMPARE(events.size(), 4); // the repeat added none
        QCOMPARE(stored.size(), 4);
        const QStringList statuses{QStringLiteral("CallingCaller"), QStringLiteral("CallingCallee"),
                                   QStringLiteral("Connected"), QStringLiteral("Disconnected")};
        const QRegularExpression isoTime(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
        for (qsizetype i = 0; i < events.size(); ++i) {
            const EventStreamReader::Block &event = events.at(i);
            QCOMPARE(event.eventId(), stored.at(i).id);
            QCOMPARE(event.event, QByteArray("call"));
            QVERIFY(!event.data.contains('\n'));
            const QJsonObject json = event.json();
            QCOMPARE(json, stored.at(i).toJson()); // what catching up would send
            QCOMPARE(json.keys(), (QStringList{QStringLiteral("call_duration"), QStringLiteral("call_id"),
                                               QStringLiteral("callee"), QStringLiteral("dial_id"),
                                               QStringLiteral("event_id"), QStringLiteral("reason"),
                                               QStringLiteral("report_date"), QStringLiteral("status"),
                                               QStringLiteral("time")}));
            QCOMPARE(json.value(QLatin1String("event_id")).toInteger(), stored.at(i).id);
            QCOMPARE(json.value(QLatin1String("dial_id")).toInteger(), dialId);
            QCOMPARE(json.value(QLatin1String("call_id")).toString(), callId);
            QCOMPARE(json.value(QLatin1String("callee")).toString(), kCalleeApi);
            QCOMPARE(json.value(QLatin1String("status")).toString(), statuses.at(i));
            QVERIFY2(isoTime.match(json.value(QLatin1String("time")).toString()).hasMatch(), event.data);
        }
        const QJsonObject first = events.constFirst().json();
        QVERIFY(first.value(QLatin1String("reason")).isNull());
        QVERIFY(first.value(QLatin1String("call_duration")).isNull());
        QCOMPARE(first.value(QLatin1String("report_date")).toString(), QStringLiteral("20261206161502"));
        const QJsonObject last = events.constLast().json();
        QCOMPARE(last.value(QLatin1String("reason")).toString(), QStringLiteral("HangUp"));
        QCOMPARE(last.value(QLatin1String("call_duration")).toInteger(), 133);
        QCOMPARE(last.value(QLatin1String("report_date")).toString(), QStringLiteral("20261206161815"));

        const Reply metrics = wait(get(QStringLiteral("/metrics")));
        QVERIFY(metrics.raw.contains("onedial_gateway_event_streams 1\n"));
        QVERIFY(metrics.raw.contains("onedial_gateway_events_sent_total 4\n"));
        // The desktop goes: the gateway forgets the stream.
        stream->close();
        QTRY_COMPARE_WITH_TIMEOUT(m_gateway->events()->count(), 0, kWaitMs);
    }

    void eventStreamResumesWithLastEventId()
    {
        // Two events stored while no desktop listened.
        const QString callId = placeCall();
        QVERIFY(!callId.isEmpty());
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("CallingCaller"))));
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("CallingCallee"))));
        const QList<qint64> missed = idsOf(m_store->callEvents(QStringLiteral("zhang.san"), 0));
        QCOMPARE(missed.size(), 2);
        const QByteArray afterFirst = QByteArray::number(missed.at(0));

        // Without Last-Event-ID: news only. With it: what came after it, then news. ?after= does
        // the same, and the header wins over it.
        const auto fresh = openStream(m_zhangToken);
        const auto resumed = openStream(m_zhangToken, {{"Last-Event-ID", afterFirst}});
        const auto fromStart = openStream(m_zhangToken, {}, "/api/v1/events?after=0");
        const auto headerWins =
            openStream(m_zhangToken, {{"Last-Event-ID", afterFirst}}, "/api/v1/events?after=0");
        QVERIFY(fresh && resumed && fromStart && headerWins);
        QVERIFY(resumed->waitForEvents(1, kWaitMs));
        QVERIFY(fromStart->waitForEvents(2, kWaitMs));
        QVERIFY(headerWins->waitForEvents(1, kWaitMs));
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("Connected"))));
        const qint64 connected =
            m_store->callEvents(QStringLiteral("zhang.san"), missed.at(1)).constFirst().id;
        QVERIFY(fresh->waitForEvents(1, kWaitMs));
        QVERIFY(resumed->waitForEvents(2, kWaitMs));
        QVERIFY(fromStart->waitForEvents(3, kWaitMs));
        QVERIFY(headerWins->waitForEvents(2, kWaitMs));
        QTest::qWait(100);
        for (EventStreamReader *stream : {fresh.get(), resumed.get(), fromStart.get(), headerWins.get()})
            stream->read();
        QCOMPARE(fresh->eventIds(), QList<qint64>{connected});
        QCOMPARE(resumed->eventIds(), (QList<qint64>{missed.at(1), connected}));
        QCOMPARE(fromStart->eventIds(), (QList<qint64>{missed.at(0), missed.at(1), connected}));
        QCOMPARE(headerWins->eventIds(), (QList<qint64>{missed.at(1), connected}));
        for (EventStreamReader *stream : {fresh.get(), resumed.get(), fromStart.get(), headerWins.get()})
            stream->close();

        // A desktop that was away for hundreds of events gets them in pages, in order, once each,
        // and the news that comes while it catches up after them.
        storeCalls(60);
        const auto away = openStream(m_zhangToken, {{"Last-Event-ID", QByteArray::number(connected)}});
        QVERIFY(away);
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("Disconnected"))));
        const QList<qint64> expected =
            idsOf(m_store->callEvents(QStringLiteral("zhang.san"), connected, 500));
        QCOMPARE(expected.size(), 60 * 4 + 1);
        QVERIFY(expected.size() > 2 * EventStreams::kCatchUpPage);
        QVERIFY(away->waitForEvents(expected.size(), kWaitMs));
        QTest::qWait(100);
        away->read();
        QCOMPARE(away->eventIds(), expected);

        // An id beyond any the gateway stored (its database restored from an older backup)
        // counts as the latest: news still comes, though its ids are lower.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("resumes after event 1000000")));
        const auto ahead = openStream(m_zhangToken, {{"Last-Event-ID", "1000000"}});
        QVERIFY(ahead);
        QCOMPARE(ahead->status(), 200);
        const QString later = placeCall(QStringLiteral("13912345670"));
        QVERIFY(isSuccessAnswer(callback(later, QStringLiteral("CallingCaller"))));
        QVERIFY(ahead->waitForEvents(1, kWaitMs));
        QCOMPARE(ahead->events().constFirst().json().value(QLatin1String("call_id")).toString(), later);

        // Not an event id: refused, no stream.
        for (const QByteArray &bad : {QByteArray("abc"), QByteArray("-1"), QByteArray("7x")}) {
            const auto refused = openStream(m_zhangToken, {{"Last-Event-ID", bad}});
            QVERIFY(refused);
            QCOMPARE(refused->status(), 400);
            QCOMPARE(refused->body().value(QLatin1String("error")).toString(),
                     QStringLiteral("invalid_request"));
        }
    }

    void eventStreamShowsNoOtherMembersCalls()
    {
        const auto li = openStream(m_liToken);
        const auto zhang = openStream(m_zhangToken);
        QVERIFY(li && zhang);
        const QString zhangs = placeCall();
        QVERIFY(!zhangs.isEmpty());
        QVERIFY(isSuccessAnswer(callback(zhangs, QStringLiteral("CallingCaller"))));
        QVERIFY(isSuccessAnswer(callback(zhangs, QStringLiteral("Connected"))));
        QVERIFY(zhang->waitForEvents(2, kWaitMs));

        // li.si's own call: their stream carries it, and nothing else.
        const Reply lisDial = dial(m_liToken, kCallee);
        const QString lis = lisDial.body.value(QLatin1String("call_id")).toString();
        QVERIFY(!lis.isEmpty());
        QVERIFY(isSuccessAnswer(callback(lis, QStringLiteral("CallingCaller"))));
        QVERIFY(li->waitForEvents(1, kWaitMs));
        // Resuming from the very start does not reach zhang.san's events either.
        const auto liFromStart = openStream(m_liToken, {{"Last-Event-ID", "0"}});
        QVERIFY(liFromStart);
        QVERIFY(liFromStart->waitForEvents(1, kWaitMs));
        QTest::qWait(100);
        for (EventStreamReader *stream : {li.get(), zhang.get(), liFromStart.get()})
            stream->read();
        for (EventStreamReader *stream : {li.get(), liFromStart.get()}) {
            QCOMPARE(stream->events().size(), 1);
            QCOMPARE(stream->events().constFirst().json().value(QLatin1String("call_id")).toString(), lis);
        }
        QCOMPARE(zhang->events().size(), 2);
        for (const EventStreamReader::Block &event : zhang->events())
            QCOMPARE(event.json().value(QLatin1String("call_id")).toString(), zhangs);
    }

    void eventStreamRefusedBeforeItStarts()
    {
        // No token, an unknown one, a disabled member: the JSON errors of every route, no stream.
        const auto none = openStream(QByteArray());
        const auto unknown = openStream(UserToken::generate().text);
        QVERIFY(none && unknown);
        for (EventStreamReader *refused : {none.get(), unknown.get()}) {
            QCOMPARE(refused->status(), 401);
            QCOMPARE(refused->header("content-type"), QByteArray("application/json"));
            QCOMPARE(refused->body().value(QLatin1String("error")).toString(),
                     QStringLiteral("token_refused"));
            QVERIFY(refused->blocks().isEmpty());
        }
        QVERIFY(m_store->setDisabled(QStringLiteral("zhang.san"), true).ok());
        const auto disabled = openStream(m_zhangToken);
        QVERIFY(disabled);
        QCOMPARE(disabled->status(), 403);
        QCOMPARE(disabled->body().value(QLatin1String("error")).toString(), QStringLiteral("user_disabled"));
        QCOMPARE(m_gateway->events()->count(), 0);
        QNetworkRequest posted(url(QStringLiteral("/api/v1/events")));
        posted.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QCOMPARE(wait(m_network.post(posted, QByteArray("{}"))).status, 405);
    }

    void eventStreamKeepAliveOutlivesTheIdleTimeout()
    {
        // Every time limit of the HTTP server far below the keep-alive interval: the stream stays.
        const http::Server::Limits usual = m_gateway->server()->limits();
        http::Server::Limits brief = usual;
        brief.idleTimeoutMs = 150;
        brief.headerTimeoutMs = 150;
        brief.bodyTimeoutMs = 150;
        m_gateway->server()->setLimits(brief);
        m_gateway->events()->setKeepAliveMs(800);
        const auto stream = openStream(m_zhangToken);
        QVERIFY(stream);
        QElapsedTimer quiet;
        quiet.start();
        QVERIFY(stream->waitForComment("keep-alive", kWaitMs));
        QVERIFY2(quiet.elapsed() >= 700, qPrintable(QString::number(quiet.elapsed())));
        QVERIFY(stream->waitForComment("keep-alive", kWaitMs));
        QVERIFY(stream->isConnected());
        QVERIFY(stream->events().isEmpty());

        // Still a live stream.
        m_gateway->server()->setLimits(usual);
        const QString callId = placeCall();
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("CallingCaller"))));
        QVERIFY(stream->waitForEvents(1, kWaitMs));
    }

    void endedAccessClosesTheStream()
    {
        // A member disabled: their stream ends at its next keep-alive, and a new one is refused.
        m_gateway->events()->setKeepAliveMs(150);
        const auto zhang = openStream(m_zhangToken);
        QVERIFY(zhang);
        QVERIFY(zhang->waitForComment("keep-alive", kWaitMs));
        QVERIFY(m_store->setDisabled(QStringLiteral("zhang.san"), true).ok());
        QVERIFY(zhang->waitForEnd(kWaitMs));
        QCOMPARE(openStream(m_zhangToken)->status(), 403);
        QVERIFY(m_store->setDisabled(QStringLiteral("zhang.san"), false).ok());

        // A token replaced: the stream opened with the old one ends.
        const auto li = openStream(m_liToken);
        QVERIFY(li);
        const UserToken fresh = UserToken::generate();
        QVERIFY(m_store->replaceToken(QStringLiteral("li.si"), fresh.id, fresh.hash).ok());
        QVERIFY(li->waitForEnd(kWaitMs));
        QTRY_COMPARE_WITH_TIMEOUT(m_gateway->events()->count(), 0, kWaitMs);

        // Before an event goes out the member is looked up too: with no keep-alive due, the next
        // event of a disabled member closes the stream instead of reaching it.
        m_gateway->events()->setKeepAliveMs(60000);
        const auto again = openStream(m_zhangToken);
        QVERIFY(again);
        const QString callId = placeCall();
        QVERIFY(!callId.isEmpty());
        QVERIFY(m_store->setDisabled(QStringLiteral("zhang.san"), true).ok());
        QVERIFY(isSuccessAnswer(callback(callId, QStringLiteral("CallingCaller"))));
        QVERIFY(again->waitForEnd(kWaitMs));
        QVERIFY(again->events().isEmpty());
    }

    void streamsAreCappedPerMemberAndInAll()
    {
        std::vector<std::unique_ptr<EventStreamReader>> streams;
        for (int i = 0; i < EventStreams::kDefaultMaxPerMember; ++i) {
            streams.push_back(openStream(m_zhangToken));
            QVERIFY(streams.back());
            QCOMPARE(streams.back()->status(), 200);
        }
        const auto ninth = openStream(m_zhangToken);
        QVERIFY(ninth);
        QCOMPARE(ninth->status(), 429);
        QCOMPARE(ninth->body().value(QLatin1String("error")).toString(), QStringLiteral("too_many_streams"));
        QVERIFY(!ninth->body().value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(ninth->header("retry-after").toInt() > 0);
        // Another member is not affected; once one of zhang.san's goes, another may open.
        const auto li = openStream(m_liToken);
        QCOMPARE(li->status(), 200);
        streams.front()->close();
        QTRY_COMPARE_WITH_TIMEOUT(m_gateway->events()->countFor(QStringLiteral("zhang.san")),
                                  EventStreams::kDefaultMaxPerMember - 1, kWaitMs);
        const auto reopened = openStream(m_zhangToken);
        QCOMPARE(reopened->status(), 200);

        // The gateway's own cap: 503.
        m_gateway->events()->setLimits(EventStreams::kDefaultMaxPerMember, m_gateway->events()->count());
        const auto over = openStream(m_liToken);
        QCOMPARE(over->status(), 503);
        QCOMPARE(over->body().value(QLatin1String("error")).toString(), QStringLiteral("unavailable"));
    }

    void sandboxCallReachesAnOpenStream()
    {
        // The whole flow with the built-in sandbox as OneNET: a dial, the sandbox's signed
        // callbacks back to the gateway, and each state on the member's open stream.
        m_gateway.reset();
        GatewayConfig config = sandboxConfig();
        config.sandbox = true;
        config.notifySecret = GatewayConfig::newNotifySecret();
        startGateway(config, AccessKey());
        m_gateway->sandbox()->callbacks()->setStepMs(60);
        const auto stream = openStream(m_zhangToken);
        QVERIFY(stream);

        const QString callId = placeCall();
        QVERIFY(!callId.isEmpty());
        QVERIFY(stream->waitForEvents(4, kWaitMs));
        QStringList statuses;
        for (const EventStreamReader::Block &event : stream->events()) {
            statuses << event.json().value(QLatin1String("status")).toString();
            QCOMPARE(event.json().value(QLatin1String("call_id")).toString(), callId);
        }
        QCOMPARE(statuses, (QStringList{QStringLiteral("CallingCaller"), QStringLiteral("CallingCallee"),
                                        QStringLiteral("Connected"), QStringLiteral("Disconnected")}));
        const QJsonObject ended = stream->events().constLast().json();
        QCOMPARE(ended.value(QLatin1String("reason")).toString(), QStringLiteral("HangUp"));
        QVERIFY(ended.value(QLatin1String("call_duration")).toInteger() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
