#include "AuthLimiter.h"

namespace onedial::gateway {

qint64 AuthLimiter::blockedFor(const QString &address, qint64 nowMs) const
{
    const auto it = m_entries.constFind(address);
    if (it == m_entries.cend() || it->blockedUntil <= nowMs)
        return 0;
    return it->blockedUntil - nowMs;
}

void AuthLimiter::recordFailure(const QString &address, qint64 nowMs)
{
    if (m_entries.size() >= kMaxAddresses && !m_entries.contains(address))
        prune(nowMs);
    Entry &entry = m_entries[address];
    if (nowMs - entry.windowStart >= kWindowMs) {
        entry.windowStart = nowMs;
        entry.failures = 0;
    }
    if (++entry.failures >= m_limit)
        entry.blockedUntil = nowMs + kWindowMs;
}

void AuthLimiter::prune(qint64 nowMs)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->blockedUntil <= nowMs && nowMs - it->windowStart >= kWindowMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
    // Still full (a flood from many addresses at once): start afresh rather than grow without end.
    if (m_entries.size() >= kMaxAddresses)
        m_entries.clear();
}

} // namespace onedial::gateway
