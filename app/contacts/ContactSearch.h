// Filter-as-you-type over one ContactIndex. It keeps the matches of the queries typed so far, so
// a keystroke that extends the query looks only at the previous matches, and a backspace gets
// its earlier answer back without searching.
//
// Threads: one ContactSearch belongs to one thread (the index it reads may be shared).
#pragma once

#include "contacts/ContactIndex.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace onedial {

class ContactSearch final
{
public:
    explicit ContactSearch(std::shared_ptr<const ContactIndex> index = {});

    // A new index (after a reload): the remembered matches are forgotten, the query is kept and
    // searched again.
    void setIndex(std::shared_ptr<const ContactIndex> index);
    const std::shared_ptr<const ContactIndex> &index() const { return m_index; }

    // Positions in the index of the contacts matching typed, in display order.
    const QList<int> &setQuery(const QString &typed);
    QString query() const { return m_typed; }
    const QList<int> &results() const;

private:
    struct Step
    {
        ContactIndex::Query query;
        QList<int> matches;
    };

    std::shared_ptr<const ContactIndex> m_index;
    QString m_typed;
    // Each step's query narrows the one before it; the last is the current query.
    std::vector<Step> m_steps;
    QList<int> m_none;
};

} // namespace onedial
