#include "ContactSearch.h"

namespace onedial {

namespace {

// Enough for a name or a phone number typed a key at a time; older steps are dropped.
constexpr size_t kMaxSteps = 24;

} // namespace

ContactSearch::ContactSearch(std::shared_ptr<const ContactIndex> index)
    : m_index(std::move(index))
{
    setQuery({});
}

void ContactSearch::setIndex(std::shared_ptr<const ContactIndex> index)
{
    m_index = std::move(index);
    m_steps.clear();
    setQuery(m_typed);
}

const QList<int> &ContactSearch::results() const
{
    return m_steps.empty() ? m_none : m_steps.back().matches;
}

const QList<int> &ContactSearch::setQuery(const QString &typed)
{
    m_typed = typed;
    if (!m_index) {
        m_steps.clear();
        return m_none;
    }
    const ContactIndex::Query query = ContactIndex::Query::parse(typed);
    // Back to the longest remembered query that this one extends (all of them after a
    // backspace: the same query is found again).
    while (!m_steps.empty() && !query.narrows(m_steps.back().query))
        m_steps.pop_back();
    if (!m_steps.empty() && m_steps.back().query.text == query.text &&
        m_steps.back().query.pinyin == query.pinyin && m_steps.back().query.digits == query.digits)
        return m_steps.back().matches;

    QList<int> matches =
        m_steps.empty() ? m_index->search(query) : m_index->search(query, m_steps.back().matches);
    if (m_steps.size() == kMaxSteps)
        m_steps.erase(m_steps.begin() + 1); // keep the first: usually the empty query, all contacts
    m_steps.push_back({query, std::move(matches)});
    return m_steps.back().matches;
}

} // namespace onedial
