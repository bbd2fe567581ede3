// All contacts in memory, in the order the list shows them (favourites first, then by name), with
// what a search compares against prepared once: the case-folded name and company, the pinyin of
// both (full spelling and initials, 张三 → "zhangsan", "zs"), and each number's digits in API and
// international form.
//
// Memory (footprint() says how much each part takes): contacts are kept in packed columns (one
// string for all names, each company and label once, numbers as ASCII), not as 100,000 Contact
// objects; contact() assembles one on demand. Notes are not kept: ContactStore::get() has them.
// The haystacks a search sweeps are built as the contacts are added, in the order they came:
// one part per contact for its name and numbers, and one part per company, searched once for all
// the contacts of that company.
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

    ~ContactIndex();

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

    // What the index holds, in bytes of memory it has allocated, by part.
    struct Footprint
    {
        qsizetype contacts = 0; // ids, names, companies, numbers and labels, and the display order
        qsizetype text = 0;     // the case-folded names and companies
        qsizetype pinyin = 0;   // their spellings and initials, with the syllable starts
        qsizetype digits = 0;   // the numbers' digits as a search finds them
        qsizetype total() const { return contacts + text + pinyin + digits; }
    };
    Footprint footprint() const;

    // A haystack: the parts of every contact (or company) one after the other, part i from
    // starts[i] to starts[i + 1], each ending in a separator no query contains, so that a match
    // never spans two parts. Defined in ContactIndex.cpp.
    template<typename Text> struct Haystack;

private:
    ContactIndex();
    size_t row(int position) const { return m_order[size_t(position)]; }
    void sortRows(const QLocale &locale);
    // The text a row is ordered by: its name, or for a name with Chinese characters, its pinyin.
    QString orderingText(size_t row) const;
    bool matchesRow(size_t row, const Query &query) const;

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
    // A display form is almost always the number's national digits in groups ("138 0013 8000",
    // "0755 2800 0003"): kept as the places of its spaces, a bit after each digit that one
    // follows. Any other display form is kept whole, by number, with kDisplayKeptWhole here.
    std::vector<quint16> m_displaySpaces;
    QHash<quint32, QString> m_otherDisplays;
    QStringList m_labels; // each label once; the first is ""
    std::vector<quint32> m_labelOf;
    std::vector<quint32> m_order;

    // The haystacks, one part per row (names, numbers) or per company (in m_companies' order).
    std::unique_ptr<Haystack<QString>> m_nameText;
    std::unique_ptr<Haystack<std::string>> m_namePinyin;
    std::unique_ptr<Haystack<std::string>> m_digits;
    std::unique_ptr<Haystack<QString>> m_companyText;
    std::unique_ptr<Haystack<std::string>> m_companyPinyin;
};

} // namespace onedial
