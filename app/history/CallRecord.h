// One dial as the history keeps it: when, from which account, to whom, what the service
// answered, and what its progress callbacks said later.
#pragma once

#include "contacts/ContactIndex.h"
#include "onenet/DialOutcome.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace onedial {

// What OneNET's callbacks report about a call after it was accepted.
struct RecordedProgress
{
    QString status; // the service's word for the state, verbatim
    QString reason;
    std::optional<int> durationS;
    QDateTime updatedAt; // UTC

    friend bool operator==(const RecordedProgress &, const RecordedProgress &) = default;
};

struct CallRecord
{
    qint64 id = 0;   // 0 until stored
    QDateTime time;  // UTC, when the dial started
    QString account; // the account's name ("sandbox" for the sandbox)
    std::optional<qint64> contactId;
    QString contactName; // the contact's name at the time of the call
    QString callee;      // API form; what was typed when it could not be read as a number
    Api api = Api::V1;
    OutcomeClass outcome = OutcomeClass::NotSent;
    QString requestId;
    QString callId;
    QString codeNo;
    QString code;
    QString message; // for the user, in the language of the time of the call
    QString serviceMessage;
    QString error; // one of DialError, or empty
    int httpStatus = 0;
    QString detail;
    RecordedProgress progress;

    bool ok() const { return outcome == OutcomeClass::Accepted; }

    static CallRecord fromOutcome(const DialOutcome &outcome, const QString &account, const QDateTime &time);
    // The shape `onedial history --json` prints: time (ISO 8601 UTC), account, callee, request_id,
    // call_id, code_no, code, ok, outcome, status, reason, duration_s; absent values are null.
    QJsonObject toJson() const;
    // A short translated phrase for the outcome: "Accepted", "Refused (000001)", …
    QString outcomeText() const;

    friend bool operator==(const CallRecord &, const CallRecord &) = default;
};

// The history's filter: a record matches when its contact's name, account, number, ids, codes,
// messages or progress contain the text (case-insensitive), or its number contains the digits
// of a number typed in any spelling ("138 0013", "+86 138").
// It can also keep only one kind of outcome, and only calls since a time.
class CallFilter final
{
public:
    explicit CallFilter(const QString &text = {}, std::optional<OutcomeClass> outcome = std::nullopt,
                        const QDateTime &since = {});
    bool isEmpty() const { return m_query.isEmpty() && !m_outcome && !m_since.isValid(); }
    QString text() const { return m_text; }
    std::optional<OutcomeClass> outcome() const { return m_outcome; }
    QDateTime since() const { return m_since; }
    bool matches(const CallRecord &record) const;

private:
    QString m_text;
    ContactIndex::Query m_query;
    std::optional<OutcomeClass> m_outcome;
    QDateTime m_since;
};

} // namespace onedial
