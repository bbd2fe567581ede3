// Failed authentications counted per client address: after too many in a minute the address is
// refused (429) for a minute without its tokens even being looked at, so that guessing tokens
// from one address is slow, and a flood of failures costs the gateway next to nothing.
#pragma once

#include <QHash>
#include <QString>

namespace onedial::gateway {

class AuthLimiter final
{
public:
    static constexpr qint64 kWindowMs = 60 * 1000;
    static constexpr int kMaxAddresses = 100000; // forgotten oldest-first beyond this

    explicit AuthLimiter(int failuresPerMinute)
        : m_limit(failuresPerMinute)
    {}

    // Milliseconds until the address may try again, or 0 when it may now.
    qint64 blockedFor(const QString &address, qint64 nowMs) const;
    void recordFailure(const QString &address, qint64 nowMs);

private:
    struct Entry
    {
        qint64 windowStart = 0;
        int failures = 0;
        qint64 blockedUntil = 0;
    };
    void prune(qint64 nowMs);

    int m_limit;
    QHash<QString, Entry> m_entries;
};

} // namespace onedial::gateway
