// All contacts in memory, in the order the list shows them (favourites first, then by name), with
// what a search compares against prepared once: the case-folded name and company, the pinyin of
// both (full spelling and initials, 张三 → "zhangsan", "zs"), and each number's digits in API and
// international form.
//
// Memory: 100,000 contacts take about 25 MB. Contacts are kept in packed columns (one string
// for all names, each company and label once), not as 100,000 Contact objects; contact()
// assembles one on demand. Notes are not kept: ContactStore::get() has them.
//
// Threads: a Builder uses no widgets and no database, so it may run on a worker thread; the
// index it builds never changes afterwards, so any number of threads may read and search it.
#pragma once

#include "contacts/Contact.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace onedial {

class ContactIndex final
{
    Q_DISABLE_COPY_MOVE(ContactIndex)

public:
    // A typed query, parsed once: what it matches as text, as pinyin and as a phone number.
    struct Query
    {
        QString text; // NFKC (full-width letters and digits become ASCII), case-folded, simplified
        QByteArray
            pinyin; // letters and digits without spaces or apostrophes; empty if anything else was typed
        QByteArray digits; // the digits, when the query looks like a phone number (digits, spaces, + - ( ) .)

        static Query parse(const QString &typed);
        bool isEmpty() const { return text.isEmpty(); }
        // True when every contact this query matches also matches previous: the user typed more
        // at the end. A search may then look only at the previous matches.
        bool narrows(const Query &previous) const;
    };

    // Collects contacts one at a time (straight from ContactStore::forEach(), so that 100,000
    // Contact objects never exist at once), then sorts and indexes them.
    class Builder final
    {
    public:
        // locale orders the names (in a Chinese locale, by pinyin).
        explicit Builder(const QLocale &locale = QLocale());
        void add(const Contact &contact);
        // The finished index; the builder is empty afterwards.
        std::shared_ptr<const ContactIndex> build();

    private:
        quint32 intern(QStringList &table, QHash<QString, quint32> &lookup, const QString &text);

        QLocale m_locale;
        std::unique_ptr<ContactIndex> m_index;
        QHash<QString, quint32> m_companyLookup;
        QHash<QString, quint32> m_labelLookup;
    };

    static std::shared_ptr<const ContactIndex> build(const QList<Contact> &contacts,
                                                     const QLocale &locale = QLocale());
    // Favourites first, then by name in locale's collation order, then by id: the list's order.
    static void sortForDisplay(QList<Contact> &contacts, const QLocale &locale = QLocale());

    int size() const { return int(m_order.size()); }
    // By position in display order, 0 <= position < size(). contact() assembles a whole Contact
    // (without notes); the others read one field without copying the rest.
    Contact contact(int position) const;
    qint64 id(int position) const { return m_ids[row(position)]; }
    QString name(int position) const;
    QString company(int position) const { return m_companies.at(m_companyOf[row(position)]); }
    bool isFavourite(int position) const { return m_favourites[row(position)]; }
    QList<ContactNumber> numbers(int position) const;
    // The position of the contact with this id, or -1. Looks at every contact.
    int positionOf(qint64 id) const;

    // The positions of the matching contacts, ascending (that is, in display order). A contact
    // matches when its name or company contains the text, when the pinyin of its name or company
    // has the query at the start of a syllable ("zhang", "zhangsan", "san") or in its initials
    // ("zs"), or when one of its numbers contains the query's digits. An empty query matches all.
    QList<int> search(const Query &query) const;
    // The same, looking only at candidates (ascending): the matches of a query this one narrows.
    QList<int> search(const Query &query, const QList<int> &candidates) const;
    bool matches(int position, const Query &query) const;

    // A name or company's pinyin, as the index builds it: defined in ContactIndex.cpp, opaque here.
    struct Spelling;

private:
    ContactIndex();
    size_t row(int position) const { return m_order[size_t(position)]; }
    // Each name is spelled once (spellNames), then used both to order the rows and to search them.
    std::vector<Spelling> spellNames() const;
    void sortRows(const QLocale &locale, const std::vector<Spelling> &names);
    void buildHaystacks(const std::vector<Spelling> &names);
    void scanText(const QString &needle, std::vector<char> &hits) const;
    void scanPinyin(const QByteArray &needle, std::vector<char> &hits) const;
    void scanDigits(const QByteArray &needle, std::vector<char> &hits) const;
    bool isSyllableStart(size_t offset) const
    {
        return (m_syllableStarts[offset / 64] >> (offset % 64)) & 1U;
    }
    void markSyllableStart(size_t offset);

    // The contacts, one "row" each in the order they were added; m_order maps display positions
    // to rows. A row's name is m_names[m_nameStart[row], m_nameStart[row + 1]), its numbers are
    // m_numberStart[row] up to m_numberStart[row + 1], and so on.
    std::vector<qint64> m_ids;
    std::vector<bool> m_favourites;
    QString m_names;
    std::vector<quint32> m_nameStart;
    QStringList m_companies; // each company once; the first is ""
    std::vector<quint32> m_companyOf;
    std::vector<quint32> m_numberStart;
    std::string m_apiForms; // numbers are ASCII digits
    std::vector<quint32> m_apiStart;
    QString m_displays;
    std::vector<quint32> m_displayStart;
    QStringList m_labels; // each label once; the first is ""
    std::vector<quint32> m_labelOf;
    std::vector<quint32> m_order;

    // The haystacks, in display order: position p's part starts at m_*Start[p] and ends at
    // m_*Start[p + 1]. A separator no query contains ends each part, so a match never spans two
    // contacts.
    QString m_text;
    std::vector<quint32> m_textStart;
    std::string m_pinyin;
    std::vector<quint32> m_pinyinStart;
    std::vector<quint64> m_syllableStarts; // one bit per byte of m_pinyin
    std::string m_digits;
    std::vector<quint32> m_digitsStart;
};

} // namespace onedial
