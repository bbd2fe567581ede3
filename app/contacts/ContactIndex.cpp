#include "ContactIndex.h"

#include "contacts/Pinyin.h"

#include <QHash>
#include <QLocale>
#include <unicode/ucol.h>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <string_view>

namespace onedial {

namespace {

// Ends each part of a haystack. Query::parse() removes control characters, so no query contains
// it and no match can run from one contact (or company) into the next.
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

constexpr quint16 kDisplayKeptWhole = 0xffff;

// The digits a display form groups: the API form without the country code of a mobile number.
std::string_view nationalDigits(std::string_view api)
{
    return api.size() == 13 && api.substr(0, 2) == "86" ? api.substr(2) : api;
}

// The places of the spaces in display, when it is digits in groups of one space each; otherwise
// kDisplayKeptWhole.
quint16 displaySpaces(std::string_view digits, const QString &display)
{
    if (digits.empty() || digits.size() > 15)
        return kDisplayKeptWhole;
    quint16 spaces = 0;
    size_t digit = 0;
    for (qsizetype i = 0; i < display.size(); ++i) {
        const QChar c = display.at(i);
        if (c == QLatin1Char(' ') && digit > 0 && digit < digits.size() && !(spaces & (1U << (digit - 1))) &&
            display.at(i - 1) != QLatin1Char(' ')) {
            spaces |= quint16(1U << (digit - 1));
        } else if (digit < digits.size() && c == QLatin1Char(digits[digit])) {
            ++digit;
        } else {
            return kDisplayKeptWhole;
        }
    }
    return digit == digits.size() ? spaces : kDisplayKeptWhole;
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

namespace {

void appendSeparator(QString &text)
{
    text += kTextSeparator;
}

void appendSeparator(std::string &text)
{
    text += kSeparator;
}

qsizetype find(const QString &haystack, const QString &needle, qsizetype from)
{
    return haystack.indexOf(needle, from);
}

qsizetype find(const std::string &haystack, const QByteArray &needle, qsizetype from)
{
    const size_t at = std::string_view(haystack).find(
        std::string_view(needle.constData(), size_t(needle.size())), size_t(from));
    return at == std::string_view::npos ? -1 : qsizetype(at);
}

qsizetype findInPart(const QString &haystack, qsizetype start, qsizetype end, const QString &needle,
                     qsizetype from)
{
    const qsizetype at = QStringView(haystack).sliced(start, end - start).indexOf(needle, from);
    return at;
}

qsizetype findInPart(const std::string &haystack, qsizetype start, qsizetype end, const QByteArray &needle,
                     qsizetype from)
{
    const std::string_view part(haystack.data() + start, size_t(end - start));
    const size_t at = part.find(std::string_view(needle.constData(), size_t(needle.size())), size_t(from));
    return at == std::string_view::npos ? -1 : qsizetype(at);
}

} // namespace

template<typename Text> struct ContactIndex::Haystack
{
    Text text;
    std::vector<quint32> starts{0};
    std::vector<quint64> syllableStarts; // pinyin only: one bit per byte of text

    void endPart()
    {
        appendSeparator(text);
        starts.push_back(quint32(text.size()));
    }
    void markSyllableStart(size_t offset)
    {
        if (syllableStarts.size() <= offset / 64)
            syllableStarts.resize(offset / 64 + 1, 0);
        syllableStarts[offset / 64] |= quint64(1) << (offset % 64);
    }
    bool isSyllableStart(size_t offset) const
    {
        return offset / 64 < syllableStarts.size() && ((syllableStarts[offset / 64] >> (offset % 64)) & 1U);
    }
    // A spelling as one part: the syllables run together ("zhangsan", each syllable's start
    // marked), then the initials ("zs"), every one of which starts a syllable.
    void appendSpelling(const QByteArrayList &syllables)
    {
        for (const QByteArray &syllable : syllables) {
            markSyllableStart(size_t(text.size()));
            text.append(syllable.constData(), size_t(syllable.size()));
        }
        appendSeparator(text);
        for (const QByteArray &syllable : syllables) {
            markSyllableStart(size_t(text.size()));
            text += syllable.front();
        }
        endPart();
    }
    void finish()
    {
        if constexpr (std::is_same_v<Text, QString>)
            text.squeeze();
        else
            text.shrink_to_fit();
        starts.shrink_to_fit();
        syllableStarts.shrink_to_fit();
    }
    qsizetype bytes() const
    {
        const size_t total = size_t(text.capacity()) * sizeof(typename Text::value_type) +
                             starts.capacity() * sizeof(quint32) +
                             syllableStarts.capacity() * sizeof(quint64);
        return qsizetype(total);
    }

    // Marks hits[i] for every part i that contains needle (at a syllable start when
    // syllablesOnly), in one sweep of the whole text.
    template<typename Needle>
    void scan(const Needle &needle, std::vector<char> &hits, bool syllablesOnly) const
    {
        auto part = starts.cbegin();
        qsizetype from = 0;
        while (true) {
            const qsizetype at = find(text, needle, from);
            if (at < 0)
                return;
            if (syllablesOnly && !isSyllableStart(size_t(at))) {
                from = at + 1;
                continue;
            }
            part = std::upper_bound(part, starts.cend(), quint32(at)) - 1;
            hits[size_t(part - starts.cbegin())] = 1;
            // One match per part is enough: go on with the next part.
            from = qsizetype(*++part);
        }
    }
    // Whether part i contains needle (at a syllable start when syllablesOnly).
    template<typename Needle> bool partContains(size_t i, const Needle &needle, bool syllablesOnly) const
    {
        for (qsizetype found = findInPart(text, starts[i], starts[i + 1], needle, 0); found >= 0;
             found = findInPart(text, starts[i], starts[i + 1], needle, found + 1)) {
            if (!syllablesOnly || isSyllableStart(starts[i] + size_t(found)))
                return true;
        }
        return false;
    }
};

ContactIndex::ContactIndex()
    : m_nameText(std::make_unique<Haystack<QString>>())
    , m_namePinyin(std::make_unique<Haystack<std::string>>())
    , m_digits(std::make_unique<Haystack<std::string>>())
    , m_companyText(std::make_unique<Haystack<QString>>())
    , m_companyPinyin(std::make_unique<Haystack<std::string>>())
{
    m_companies << QString();
    m_labels << QString();
    m_nameStart.push_back(0);
    m_numberStart.push_back(0);
    m_apiStart.push_back(0);
    // The empty company's parts, which no query matches.
    m_companyText->endPart();
    m_companyPinyin->appendSpelling({});
}

ContactIndex::~ContactIndex() = default;

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
    index.m_nameText->text += searchable(contact.name);
    index.m_nameText->endPart();
    index.m_namePinyin->appendSpelling(Pinyin::syllables(contact.name, Pinyin::Kind::PersonName));

    // Thousands of contacts share a company; each company is kept, and searched, once.
    const qsizetype companies = index.m_companies.size();
    index.m_companyOf.push_back(intern(index.m_companies, m_companyLookup, contact.company));
    if (index.m_companies.size() > companies) {
        index.m_companyText->text += searchable(contact.company);
        index.m_companyText->endPart();
        index.m_companyPinyin->appendSpelling(Pinyin::syllables(contact.company, Pinyin::Kind::Other));
    }

    for (const ContactNumber &number : contact.numbers) {
        const std::string api = number.apiForm.toStdString();
        index.m_apiForms += api;
        index.m_apiStart.push_back(quint32(index.m_apiForms.size()));
        const quint16 spaces = displaySpaces(nationalDigits(api), number.display);
        if (spaces == kDisplayKeptWhole)
            index.m_otherDisplays.insert(quint32(index.m_displaySpaces.size()), number.display);
        index.m_displaySpaces.push_back(spaces);
        index.m_labelOf.push_back(intern(index.m_labels, m_labelLookup, number.label));
        index.m_digits->text += api;
        index.m_digits->text += kSeparator;
        // A landline's API form has its trunk 0; "+86 755 …" is typed without it.
        if (!api.empty() && api.front() == '0') {
            index.m_digits->text += "86";
            index.m_digits->text.append(api, 1);
            index.m_digits->text += kSeparator;
        }
    }
    index.m_digits->starts.push_back(quint32(index.m_digits->text.size()));
    index.m_numberStart.push_back(quint32(index.m_labelOf.size()));
}

std::shared_ptr<const ContactIndex> ContactIndex::Builder::build()
{
    std::shared_ptr<ContactIndex> index(m_index.release());
    m_index.reset(new ContactIndex);
    m_companyLookup.clear();
    m_labelLookup.clear();
    index->m_names.squeeze();
    index->m_displaySpaces.shrink_to_fit();
    index->m_apiForms.shrink_to_fit();
    for (auto *haystack : {index->m_nameText.get(), index->m_companyText.get()})
        haystack->finish();
    for (auto *haystack : {index->m_namePinyin.get(), index->m_companyPinyin.get(), index->m_digits.get()})
        haystack->finish();
    index->sortRows(m_locale);
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

bool hasHan(QStringView name)
{
    return std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.script() == QChar::Script_Han; });
}

// The text a name is ordered by: a name with Chinese characters by its pinyin, so that 陈小明
// comes among the C's beside Chen and Carter, as Chinese address books order them, in every
// language of the interface (a collation alone puts all Han names before or after all Latin ones).
QString spelledOrderingText(const QString &name, const QByteArrayList &syllables)
{
    if (!hasHan(name))
        return name;
    QString spelled;
    for (const QByteArray &syllable : syllables) {
        spelled += QLatin1StringView(syllable);
        spelled += QLatin1Char(' ');
    }
    return spelled + name; // the characters still order names with the same pinyin
}

// The collation sort keys of many texts, one after the other in one buffer: a key per text costs
// a few dozen bytes this way, against more than a hundred as separate objects. ICU, with the
// locale's collation and numbers compared as numbers, as QCollator sorts.
class SortKeys final
{
public:
    SortKeys(const QLocale &locale, size_t count)
    {
        UErrorCode status = U_ZERO_ERROR;
        m_collator = ucol_open(
            locale.bcp47Name().replace(QLatin1Char('-'), QLatin1Char('_')).toLatin1().constData(), &status);
        if (U_FAILURE(status)) {
            status = U_ZERO_ERROR;
            m_collator = ucol_open("", &status); // the root collation
        }
        ucol_setAttribute(m_collator, UCOL_NORMALIZATION_MODE, UCOL_ON, &status);
        ucol_setAttribute(m_collator, UCOL_NUMERIC_COLLATION, UCOL_ON, &status);
        m_starts.reserve(count + 1);
        m_starts.push_back(0);
    }
    ~SortKeys() { ucol_close(m_collator); }
    Q_DISABLE_COPY_MOVE(SortKeys)

    void add(const QString &text)
    {
        const auto *source = reinterpret_cast<const UChar *>(text.utf16());
        const size_t at = m_bytes.size();
        m_bytes.resize(at + 64);
        int32_t length = ucol_getSortKey(m_collator, source, int32_t(text.size()),
                                         reinterpret_cast<uint8_t *>(m_bytes.data() + at), 64);
        if (length > 64) {
            m_bytes.resize(at + size_t(length));
            length = ucol_getSortKey(m_collator, source, int32_t(text.size()),
                                     reinterpret_cast<uint8_t *>(m_bytes.data() + at), length);
        }
        m_bytes.resize(at + size_t(std::max(length, 0)));
        m_starts.push_back(quint32(m_bytes.size()));
    }
    // Keys end in a 0 byte and hold no other, so they compare as C strings do.
    int compare(size_t a, size_t b) const
    {
        return std::strcmp(m_bytes.data() + m_starts[a], m_bytes.data() + m_starts[b]);
    }

private:
    UCollator *m_collator = nullptr;
    std::string m_bytes;
    std::vector<quint32> m_starts;
};

// Favourites first, then by collation key (of the ordering text: the name, or its pinyin), then by
// the name's code points, then by id.
template<typename Favourite, typename Name, typename Ordering, typename Id>
void sortByDisplayOrder(std::vector<quint32> &rows, const QLocale &locale, Favourite favourite, Name name,
                        Ordering ordering, Id id)
{
    // Sort keys make 100,000 locale-aware comparisons cheap; in a Chinese locale ICU orders
    // Han names by their pinyin.
    SortKeys keys(locale, rows.size());
    for (size_t row = 0; row < rows.size(); ++row)
        keys.add(ordering(row));
    std::sort(rows.begin(), rows.end(), [&](quint32 a, quint32 b) {
        if (favourite(a) != favourite(b))
            return favourite(a);
        if (const int byKey = keys.compare(a, b); byKey != 0)
            return byKey < 0;
        if (const int byName = name(a).compare(name(b)); byName != 0)
            return byName < 0;
        return id(a) < id(b);
    });
}

} // namespace

QString ContactIndex::orderingText(size_t r) const
{
    QString name = m_names.mid(m_nameStart[r], m_nameStart[r + 1] - m_nameStart[r]);
    if (!hasHan(name))
        return name;
    // The spelling as it was indexed: the full part of the row's pinyin, a space before each
    // syllable but the first, and one after the last.
    const std::string_view pinyin(m_namePinyin->text.data() + m_namePinyin->starts[r],
                                  m_namePinyin->starts[r + 1] - m_namePinyin->starts[r]);
    QString spelled;
    for (size_t i = 0; i < pinyin.size() && pinyin[i] != kSeparator; ++i) {
        if (i > 0 && m_namePinyin->isSyllableStart(m_namePinyin->starts[r] + i))
            spelled += QLatin1Char(' ');
        spelled += QLatin1Char(pinyin[i]);
    }
    if (!spelled.isEmpty())
        spelled += QLatin1Char(' ');
    return spelled + name;
}

void ContactIndex::sortRows(const QLocale &locale)
{
    m_order.resize(m_ids.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    const auto name = [this](size_t r) {
        return QStringView(m_names).sliced(m_nameStart[r], m_nameStart[r + 1] - m_nameStart[r]);
    };
    sortByDisplayOrder(
        m_order, locale, [this](size_t r) { return bool(m_favourites[r]); }, name,
        [this](size_t r) { return orderingText(r); }, [this](size_t r) { return m_ids[r]; });
    m_order.shrink_to_fit();
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
            return hasHan(name) ? spelledOrderingText(name, Pinyin::syllables(name, Pinyin::Kind::PersonName))
                                : name;
        },
        [&contacts](size_t r) { return contacts.at(qsizetype(r)).id; });
    QList<Contact> sorted;
    sorted.reserve(contacts.size());
    for (const quint32 from : order)
        sorted.append(std::move(contacts[from]));
    contacts = std::move(sorted);
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
        const std::string_view api(m_apiForms.data() + m_apiStart[n], m_apiStart[n + 1] - m_apiStart[n]);
        QString display;
        if (m_displaySpaces[n] == kDisplayKeptWhole) {
            display = m_otherDisplays.value(n);
        } else {
            const std::string_view digits = nationalDigits(api);
            display.reserve(qsizetype(digits.size()) * 2);
            for (size_t i = 0; i < digits.size(); ++i) {
                display += QLatin1Char(digits[i]);
                if (m_displaySpaces[n] & (1U << i))
                    display += QLatin1Char(' ');
            }
        }
        numbers << ContactNumber{m_labels.at(m_labelOf[n]),
                                 QString::fromLatin1(api.data(), qsizetype(api.size())), display};
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

ContactIndex::Footprint ContactIndex::footprint() const
{
    const auto vectorBytes = [](const auto &vector) {
        const size_t total = vector.capacity() * sizeof(typename std::decay_t<decltype(vector)>::value_type);
        return qsizetype(total);
    };
    const auto listBytes = [](const QStringList &list) {
        qsizetype bytes = list.capacity() * qsizetype(sizeof(QString));
        for (const QString &text : list)
            bytes += text.capacity() * qsizetype(sizeof(QChar));
        return bytes;
    };
    Footprint footprint;
    footprint.contacts = vectorBytes(m_ids) + qsizetype(m_favourites.capacity() / 8) +
                         m_names.capacity() * qsizetype(sizeof(QChar)) + vectorBytes(m_nameStart) +
                         listBytes(m_companies) + vectorBytes(m_companyOf) + vectorBytes(m_numberStart) +
                         qsizetype(m_apiForms.capacity()) + vectorBytes(m_apiStart) +
                         vectorBytes(m_displaySpaces) + listBytes(m_otherDisplays.values()) +
                         listBytes(m_labels) + vectorBytes(m_labelOf) + vectorBytes(m_order);
    footprint.text = m_nameText->bytes() + m_companyText->bytes();
    footprint.pinyin = m_namePinyin->bytes() + m_companyPinyin->bytes();
    footprint.digits = m_digits->bytes();
    return footprint;
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
    std::vector<char> rows(m_ids.size(), 0);
    m_nameText->scan(query.text, rows, false);
    if (!query.pinyin.isEmpty())
        m_namePinyin->scan(query.pinyin, rows, true);
    if (!query.digits.isEmpty())
        m_digits->scan(query.digits, rows, false);
    std::vector<char> companies(size_t(m_companies.size()), 0);
    m_companyText->scan(query.text, companies, false);
    if (!query.pinyin.isEmpty())
        m_companyPinyin->scan(query.pinyin, companies, true);
    if (std::find(companies.cbegin(), companies.cend(), 1) != companies.cend()) {
        for (size_t r = 0; r < rows.size(); ++r)
            rows[r] |= companies[m_companyOf[r]];
    }
    for (size_t position = 0; position < m_order.size(); ++position) {
        if (rows[m_order[position]])
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
    return query.isEmpty() || matchesRow(row(position), query);
}

bool ContactIndex::matchesRow(size_t r, const Query &query) const
{
    const size_t company = m_companyOf[r];
    return m_nameText->partContains(r, query.text, false) ||
           m_companyText->partContains(company, query.text, false) ||
           (!query.pinyin.isEmpty() && (m_namePinyin->partContains(r, query.pinyin, true) ||
                                        m_companyPinyin->partContains(company, query.pinyin, true))) ||
           (!query.digits.isEmpty() && m_digits->partContains(r, query.digits, false));
}

} // namespace onedial
