#include "CallRecord.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace onedial {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

CallRecord CallRecord::fromOutcome(const DialOutcome &outcome, const QString &account, const QDateTime &time)
{
    CallRecord record;
    record.time = time.toUTC();
    record.account = account;
    record.callee = outcome.callee;
    record.api = outcome.api;
    record.outcome = outcome.outcome;
    record.requestId = outcome.requestId;
    record.callId = outcome.callId;
    record.codeNo = outcome.codeNo;
    record.code = outcome.code;
    record.message = outcome.message;
    record.serviceMessage = outcome.serviceMessage;
    record.error = outcome.error;
    record.httpStatus = outcome.httpStatus;
    record.detail = outcome.detail;
    return record;
}

QJsonObject CallRecord::toJson() const
{
    return QJsonObject{
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("account"), account},
        {QStringLiteral("callee"), textOrNull(callee)},
        {QStringLiteral("request_id"), textOrNull(requestId)},
        {QStringLiteral("call_id"), textOrNull(callId)},
        {QStringLiteral("code_no"), textOrNull(codeNo)},
        {QStringLiteral("code"), textOrNull(code)},
        {QStringLiteral("ok"), ok()},
        {QStringLiteral("outcome"), outcomeClassName(outcome)},
        {QStringLiteral("status"), textOrNull(progress.status)},
        {QStringLiteral("reason"), textOrNull(progress.reason)},
        {QStringLiteral("duration_s"), progress.durationS ? QJsonValue(*progress.durationS) : QJsonValue()},
    };
}

QString CallRecord::outcomeText() const
{
    return outcomeLabel(outcome, codeNo.isEmpty() ? code : codeNo);
}

CallFilter::CallFilter(const QString &text, std::optional<OutcomeClass> outcome, const QDateTime &since)
    : m_text(text)
    , m_query(ContactIndex::Query::parse(text))
    , m_outcome(outcome)
    , m_since(since)
{}

bool CallFilter::matches(const CallRecord &record) const
{
    if (m_outcome && record.outcome != *m_outcome)
        return false;
    if (m_since.isValid() && record.time < m_since)
        return false;
    if (m_query.isEmpty())
        return true;
    const QString &needle = m_query.text;
    for (const QString *field : {&record.contactName, &record.account, &record.callee, &record.callId,
                                 &record.requestId, &record.codeNo, &record.code, &record.message,
                                 &record.serviceMessage, &record.progress.status, &record.progress.reason}) {
        if (field->contains(needle, Qt::CaseInsensitive))
            return true;
    }
    if (!m_query.digits.isEmpty()) {
        const QString digits = QString::fromLatin1(m_query.digits);
        if (record.callee.contains(digits))
            return true;
        // A landline is stored with its trunk 0 but may be typed the international way.
        if (record.callee.startsWith(QLatin1Char('0')) &&
            QString(QStringLiteral("86") + QStringView(record.callee).mid(1)).contains(digits))
            return true;
    }
    return false;
}

} // namespace onedial
