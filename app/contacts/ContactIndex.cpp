#include "ContactIndex.h"

#include "contacts/Pinyin.h"

#include <QCollator>
#include <QHash>

#include <algorithm>
#include <numeric>
#include <string_view>

namespace onedial {

// The syllables run together, their initials, and where each syllable starts in the full spelling.
struct ContactIndex::Spelling
{
    std::string full;
    std::string initials;
    std::vector<quint32> starts;
};

namespace {

// Ends each contact's part of a haystack. Query::parse() removes control characters, so no
// query contains it and no match can run from one contact into the next.
constexpr char kSeparator = '\x01';
constexpr QChar kTextSeparator(u'\x01');

QString searchable(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).toCaseFolded();
}

bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(char16_t c)
{
    return c >= u'a' && c <= u'z';
}

bool isPhonePunctuation(char16_t c)
{
    return c == u' ' || c == u'+' || c == u'-' || c == u'(' || c == u')' || c == u'.';
}

} // namespace

ContactIndex::Query ContactIndex::Query::parse(const QString &typed)
{
    QString text = searchable(typed).simplified();
    text.removeIf([](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });

    Query query;
    query.text = text;
    bool spellable = true;
    bool phoneLike = true;
    for (const QChar c : std::as_const(text)) {
        const char16_t u = c.unicode();
        const bool digit = isAsciiDigit(u);
        if (digit || isAsciiLetter(u))
            query.pinyin += char(u);
        else if (u != u' ' && u != u'\'')
            spellable = false;
        if (digit)
            query.digits += char(u);
        else if (!isPhonePunctuation(u))
            phoneLike = false;
    }
    if (!spellable)
        query.pinyin.clear();
    if (!phoneLike)
        query.digits.clear();
    // "0086 138…" is +86 dialled with the international prefix.
    if (query.digits.startsWith("0086"))
        query.digits.remove(0, 2);
    return query;
}

bool ContactIndex::Query::narrows(const Query &previous) const
{
    if (previous.isEmpty())
        return true;
    if (!text.startsWith(previous.text))
        return false;
    // A pinyin match must start at a syllable, so only a longer spelling with the same start
    // is sure to match a subset; the same holds for digits kept simple.
    if (!pinyin.isEmpty() && (previous.pinyin.isEmpty() || !pinyin.startsWith(previous.pinyin)))
        return false;
    if (!digits.isEmpty() && (previous.digits.isEmpty() || !digits.startsWith(previous.digits)))
        return false;
    return true;
}

ContactIndex::ContactIndex()
{
    m_companies << QString();
    m_labels << QString();
    m_nameStart.push_back(0);
    m_numberStart.push_back(0);
    m_apiStart.push_back(0);
    m_displayStart.push_back(0);
}

ContactIndex::Builder::Builder(const QLocale &locale)
    : m_locale(locale)
    , m_index(new ContactIndex)
{}

quint32 ContactIndex::Builder::intern(QStringList &table, QHash<QString, quint32> &lookup,
                                      const QString &text)
{
    if (text.isEmpty())
        return 0;
    auto found = lookup.constFind(text);
    if (found == lookup.constEnd()) {
        found = lookup.insert(text, quint32(table.size()));
        table << text;
    }
    return *found;
}

void ContactIndex::Builder::add(const Contact &contact)
{
    ContactIndex &index = *m_index;
    index.m_ids.push_back(contact.id);
    index.m_favourites.push_back(contact.favourite);
    index.m_names += contact.name;
    index.m_nameStart.push_back(quint32(index.m_names.size()));
    // Thousands of contacts share a company; each company string is kept once.
    index.m_companyOf.push_back(intern(index.m_companies, m_companyLookup, contact.company));
    for (const ContactNumber &number : contact.numbers) {
        index.m_apiForms += number.apiForm.toStdString();
        index.m_apiStart.push_back(quint32(index.m_apiForms.size()));
        index.m_displays += number.display;
        index.m_displayStart.push_back(quint32(index.m_displays.size()));
        index.m_labelOf.push_back(intern(index.m_labels, m_labelLookup, number.label));
    }
    index.m_numberStart.push_back(quint32(index.m_labelOf.size()));
}

std::shared_ptr<const ContactIndex> ContactIndex::Builder::build()
{
    std::shared_ptr<ContactIndex> index(m_index.release());
    m_index.reset(new ContactIndex);
    m_companyLookup.clear();
    m_labelLookup.clear();
    index->m_names.squeeze();
    index->m_displays.squeeze();
    index->m_apiForms.shrink_to_fit();
    const std::vector<Spelling> names = index->spellNames();
    index->sortRows(m_locale, names);
    index->buildHaystacks(names);
    return index;
}

std::shared_ptr<const ContactIndex> ContactIndex::build(const QList<Contact> &contacts, const QLocale &locale)
{
    Builder builder(locale);
    for (const Contact &contact : contacts)
        builder.add(contact);
    return builder.build();
}

namespace {

ContactIndex::Spelling spell(QStringView text, Pinyin::Kind kind)
{
    ContactIndex::Spelling spelling;
    for (const QByteArray &syllable : Pinyin::syllables(text, kind)) {
        spelling.starts.push_back(quint32(spelling.full.size()));
        spelling.full.append(syllable.constData(), size_t(syllable.size()));
        spelling.initials += syllable.front();
    }
    return spelling;
}

bool hasHan(QStringView name)
{
    return std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.script() == QChar::Script_Han; });
}

// The text a name is ordered by: a name with Chinese characters by its pinyin, so that 陈小明
// comes among the C's beside Chen and Carter, as Chinese address books order them, in every
// language of the interface (a collation alone puts all Han names before or after all Latin ones).
QString orderingText(const QString &name, const ContactIndex::Spelling &spelling)
{
    if (!hasHan(name))
        return name;
    QString spelled;
    for (size_t i = 0; i < spelling.starts.size(); ++i) {
        const size_t end = i + 1 < spelling.starts.size() ? spelling.starts[i + 1] : spelling.full.size();
        spelled +=
            QLatin1StringView(spelling.full.data() + spelling.starts[i], qsizetype(end - spelling.starts[i]));
        spelled += QLatin1Char(' ');
    }
    return spelled + name; // the characters still order names with the same pinyin
}

// Favourites first, then by collation key (of the ordering text: the name, or its pinyin), then by
// the name's code points, then by id.
template<typename Favourite, typename Name, typename Ordering, typename Id>
void sortByDisplayOrder(std::vector<quint32> &rows, const QLocale &locale, Favourite favourite, Name name,
                        Ordering ordering, Id id)
{
    // Sort keys make 100,000 locale-aware comparisons cheap; in a Chinese locale ICU orders
    // Han names by their pinyin.
    QCollator collator(locale);
    collator.setNumericMode(true);
    std::vector<QCollatorSortKey> keys;
    keys.reserve(rows.size());
    for (size_t row = 0; row < rows.size(); ++row)
        keys.push_back(collator.sortKey(ordering(row)));
    std::sort(rows.begin(), rows.end(), [&](quint32 a, quint32 b) {
        if (favourite(a) != favourite(b))
            return favourite(a);
        if (const int byKey = keys[a].compare(keys[b]); byKey != 0)
            return byKey < 0;
        if (const int byName = name(a).compare(name(b)); byName != 0)
            return byName < 0;
        return id(a) < id(b);
    });
}

} // namespace

std::vector<ContactIndex::Spelling> ContactIndex::spellNames() const
{
    std::vector<Spelling> names;
    names.reserve(m_ids.size());
    for (size_t r = 0; r < m_ids.size(); ++r)
        names.push_back(
            spell(QStringView(m_names).sliced(m_nameStart[r], m_nameStart[r + 1] - m_nameStart[r]),
                  Pinyin::Kind::PersonName));
    return names;
}

void ContactIndex::sortRows(const QLocale &locale, const std::vector<Spelling> &names)
{
    m_order.resize(m_ids.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    const auto name = [this](size_t r) {
        return m_names.mid(m_nameStart[r], m_nameStart[r + 1] - m_nameStart[r]);
    };
    sortByDisplayOrder(
        m_order, locale, [this](size_t r) { return bool(m_favourites[r]); }, name,
        [&](size_t r) { return orderingText(name(r), names[r]); }, [this](size_t r) { return m_ids[r]; });
}

void ContactIndex::sortForDisplay(QList<Contact> &contacts, const QLocale &locale)
{
    std::vector<quint32> order(size_t(contacts.size()));
    std::iota(order.begin(), order.end(), 0);
    sortByDisplayOrder(
        order, locale, [&contacts](size_t r) { return contacts.at(qsizetype(r)).favourite; },
        [&contacts](size_t r) { return contacts.at(qsizetype(r)).name; },
        [&contacts](size_t r) {
            const QString &name = contacts.at(qsizetype(r)).name;
            return hasHan(name) ? orderingText(name, spell(name, Pinyin::Kind::PersonName)) : name;
        },
        [&contacts](size_t r) { return contacts.at(qsizetype(r)).id; });
    QList<Contact> sorted;
    sorted.reserve(contacts.size());
    for (const quint32 from : order)
        sorted.append(std::move(contacts[from]));
    contacts = std::move(sorted);
}

void ContactIndex::markSyllableStart(size_t offset)
{
    if (m_syllableStarts.size() <= offset / 64)
        m_syllableStarts.resize(offset / 64 + 1, 0);
    m_syllableStarts[offset / 64] |= quint64(1) << (offset % 64);
}

void ContactIndex::buildHaystacks(const std::vector<Spelling> &names)
{
    const size_t count = m_order.size();
    m_textStart.reserve(count + 1);
    m_pinyinStart.reserve(count + 1);
    m_digitsStart.reserve(count + 1);
    std::vector<std::unique_ptr<Spelling>> companySpellings(size_t(m_companies.size()));

    auto appendPinyin = [this](const Spelling &spelling) {
        const size_t fullAt = m_pinyin.size();
        m_pinyin += spelling.full;
        m_pinyin += kSeparator;
        for (const quint32 start : spelling.starts)
            markSyllableStart(fullAt + start);
        // Every initial starts a syllable: "zs", and "hx" of 华信, match anywhere in them.
        const size_t initialsAt = m_pinyin.size();
        m_pinyin += spelling.initials;
        m_pinyin += kSeparator;
        for (size_t i = 0; i < spelling.initials.size(); ++i)
            markSyllableStart(initialsAt + i);
    };

    for (size_t position = 0; position < count; ++position) {
        const size_t r = m_order[position];
        const QStringView name =
            QStringView(m_names).sliced(m_nameStart[r], m_nameStart[r + 1] - m_nameStart[r]);
        const quint32 companyIndex = m_companyOf[r];
        const QString &company = m_companies.at(companyIndex);

        m_textStart.push_back(quint32(m_text.size()));
        m_text += searchable(name.toString()) + kTextSeparator + searchable(company) + kTextSeparator;

        m_pinyinStart.push_back(quint32(m_pinyin.size()));
        appendPinyin(names[r]);
        std::unique_ptr<Spelling> &companySpelling = companySpellings[companyIndex];
        if (!companySpelling)
            companySpelling = std::make_unique<Spelling>(spell(company, Pinyin::Kind::Other));
        appendPinyin(*companySpelling);

        m_digitsStart.push_back(quint32(m_digits.size()));
        for (quint32 number = m_numberStart[r]; number < m_numberStart[r + 1]; ++number) {
            const std::string_view api(m_apiForms.data() + m_apiStart[number],
                                       m_apiStart[number + 1] - m_apiStart[number]);
            m_digits += api;
            m_digits += kSeparator;
            // A landline's API form has its trunk 0; "+86 755 …" is typed without it.
            if (!api.empty() && api.front() == '0') {
                m_digits += "86";
                m_digits += api.substr(1);
                m_digits += kSeparator;
            }
        }
    }
    m_textStart.push_back(quint32(m_text.size()));
    m_pinyinStart.push_back(quint32(m_pinyin.size()));
    m_digitsStart.push_back(quint32(m_digits.size()));
    m_syllableStarts.resize(m_pinyin.size() / 64 + 1, 0);
    m_text.squeeze();
    m_pinyin.shrink_to_fit();
    m_digits.shrink_to_fit();
}

QString ContactIndex::name(int position) const
{
    const size_t r = row(position);
    return m_names.mid(m_nameStart[r], m_nameStart[r + 1] - m_nameStart[r]);
}

QList<ContactNumber> ContactIndex::numbers(int position) const
{
    const size_t r = row(position);
    QList<ContactNumber> numbers;
    numbers.reserve(m_numberStart[r + 1] - m_numberStart[r]);
    for (quint32 n = m_numberStart[r]; n < m_numberStart[r + 1]; ++n) {
        numbers << ContactNumber{
            m_labels.at(m_labelOf[n]),
            QString::fromLatin1(m_apiForms.data() + m_apiStart[n],
                                qsizetype(m_apiStart[n + 1] - m_apiStart[n])),
            m_displays.mid(m_displayStart[n], m_displayStart[n + 1] - m_displayStart[n])};
    }
    return numbers;
}

Contact ContactIndex::contact(int position) const
{
    Contact contact;
    contact.id = id(position);
    contact.name = name(position);
    contact.company = company(position);
    contact.favourite = isFavourite(position);
    contact.numbers = numbers(position);
    return contact;
}

int ContactIndex::positionOf(qint64 contactId) const
{
    for (int position = 0; position < size(); ++position) {
        if (id(position) == contactId)
            return position;
    }
    return -1;
}

namespace {

// The contact whose part of a haystack holds offset, searching from first onwards.
std::vector<quint32>::const_iterator partAt(const std::vector<quint32> &starts,
                                            std::vector<quint32>::const_iterator first, size_t offset)
{
    return std::upper_bound(first, starts.cend(), quint32(offset)) - 1;
}

} // namespace

void ContactIndex::scanText(const QString &needle, std::vector<char> &hits) const
{
    auto part = m_textStart.cbegin();
    qsizetype from = 0;
    while (true) {
        const qsizetype at = m_text.indexOf(needle, from);
        if (at < 0)
            return;
        part = partAt(m_textStart, part, size_t(at));
        hits[size_t(part - m_textStart.cbegin())] = 1;
        // One match per contact is enough: go on with the next contact.
        from = qsizetype(*++part);
    }
}

void ContactIndex::scanPinyin(const QByteArray &needle, std::vector<char> &hits) const
{
    const std::string_view haystack(m_pinyin);
    const std::string_view wanted(needle.constData(), size_t(needle.size()));
    auto part = m_pinyinStart.cbegin();
    size_t from = 0;
    while (true) {
        const size_t at = haystack.find(wanted, from);
        if (at == std::string_view::npos)
            return;
        if (!isSyllableStart(at)) {
            from = at + 1;
            continue;
        }
        part = partAt(m_pinyinStart, part, at);
        hits[size_t(part - m_pinyinStart.cbegin())] = 1;
        from = *++part;
    }
}

void ContactIndex::scanDigits(const QByteArray &needle, std::vector<char> &hits) const
{
    const std::string_view haystack(m_digits);
    const std::string_view wanted(needle.constData(), size_t(needle.size()));
    auto part = m_digitsStart.cbegin();
    size_t from = 0;
    while (true) {
        const size_t at = haystack.find(wanted, from);
        if (at == std::string_view::npos)
            return;
        part = partAt(m_digitsStart, part, at);
        hits[size_t(part - m_digitsStart.cbegin())] = 1;
        from = *++part;
    }
}

QList<int> ContactIndex::search(const Query &query) const
{
    QList<int> found;
    if (query.isEmpty()) {
        found.resize(size());
        std::iota(found.begin(), found.end(), 0);
        return found;
    }
    // Each haystack is searched in one sweep, which beats asking every contact in turn.
    std::vector<char> hits(size_t(size()), 0);
    scanText(query.text, hits);
    if (!query.pinyin.isEmpty())
        scanPinyin(query.pinyin, hits);
    if (!query.digits.isEmpty())
        scanDigits(query.digits, hits);
    for (size_t position = 0; position < hits.size(); ++position) {
        if (hits[position])
            found << int(position);
    }
    return found;
}

QList<int> ContactIndex::search(const Query &query, const QList<int> &candidates) const
{
    // Against many candidates the sweep is faster; its answer is the same, since every match of
    // a narrowing query is among the candidates.
    if (candidates.size() > size() / 8)
        return search(query);
    QList<int> found;
    for (const int position : candidates) {
        if (matches(position, query))
            found << position;
    }
    return found;
}

bool ContactIndex::matches(int position, const Query &query) const
{
    if (query.isEmpty())
        return true;
    const size_t at = size_t(position);
    const QStringView text =
        QStringView(m_text).sliced(m_textStart[at], qsizetype(m_textStart[at + 1] - m_textStart[at]));
    if (text.contains(query.text))
        return true;
    if (!query.pinyin.isEmpty()) {
        const std::string_view pinyin(m_pinyin.data() + m_pinyinStart[at],
                                      m_pinyinStart[at + 1] - m_pinyinStart[at]);
        const std::string_view wanted(query.pinyin.constData(), size_t(query.pinyin.size()));
        for (size_t found = pinyin.find(wanted); found != std::string_view::npos;
             found = pinyin.find(wanted, found + 1)) {
            if (isSyllableStart(m_pinyinStart[at] + found))
                return true;
        }
    }
    if (!query.digits.isEmpty()) {
        const std::string_view digits(m_digits.data() + m_digitsStart[at],
                                      m_digitsStart[at + 1] - m_digitsStart[at]);
        if (digits.find(std::string_view(query.digits.constData(), size_t(query.digits.size()))) !=
            std::string_view::npos)
            return true;
    }
    return false;
}

} // namespace onedial
