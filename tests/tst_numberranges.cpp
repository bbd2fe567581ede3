// The shortcut PhoneNumber::parse() takes for numbers written the usual way (an answer per range:
// the way of writing, the length and the first five or six digits, from libphonenumber's answer
// for the first number of that range) gives exactly libphonenumber's answer, for every number of
// every range.
//
// The proof has two halves. First, from libphonenumber's own metadata for China (read from the
// library, as it parses and formats): every pattern that takes part in parsing, checking and
// formatting a national number decides it by its length and its first PhoneNumber::decisiveDigits()
// digits (five for a number starting with 1, six otherwise). Each pattern is compiled here to an
// automaton over digits and walked, for every length a Chinese number can have, down every
// prefix until it is decided: either every ending matches or none does. The patterns are matched
// whole (number types, formats) or at the start (leading digits, the national prefix), as
// libphonenumber matches them. Second, libphonenumber's answers through the shortcut and without
// it are compared, for numbers of every mobile range and of every three-digit start of every
// length, written in each way the shortcut takes.
#include "phone/PhoneNumber.h"

#include <QTest>
#include <phonenumbers/phonemetadata.pb.h>

#include <google/protobuf/io/coded_stream.h>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace i18n::phonenumbers {
const void *metadata_get(); // the metadata libphonenumber is built with (its metadata.h)
} // namespace i18n::phonenumbers

using namespace onedial;
using i18n::phonenumbers::PhoneMetadata;

namespace {

// A regular expression over digits, in the forms libphonenumber's patterns use: digits, \d,
// classes of digits and ranges, groups ((...) and (?:...)), alternatives, and ?, *, +, {n},
// {n,}, {n,m}. Anything else is refused, so that a pattern this cannot read fails the test.
class DigitAutomaton
{
public:
    explicit DigitAutomaton(const std::string &pattern)
        : m_pattern(pattern)
    {
        const int start = newState();
        const int end = alternatives(start);
        if (m_at != m_pattern.size())
            throw std::runtime_error("unexpected character in " + m_pattern);
        m_start = start;
        m_accept = end;
    }

    using States = std::vector<bool>;

    States start() const { return closure({m_start}); }
    States step(const States &from, int digit) const
    {
        std::vector<int> next;
        for (size_t s = 0; s < from.size(); ++s) {
            if (!from[s])
                continue;
            for (const Edge &edge : m_states[s].digits) {
                if (edge.digits & (1U << digit))
                    next.push_back(edge.to);
            }
        }
        return closure(next);
    }
    bool accepts(const States &states) const { return states[size_t(m_accept)]; }

    // After reading a prefix into states, with exactly remaining digits to come: whether every
    // ending is matched (whole), whether none is. Memoized on the state set.
    bool allEndings(const States &states, int remaining, bool atStart)
    {
        if (atStart && accepts(states))
            return true;
        if (remaining == 0)
            return accepts(states);
        const auto key = std::make_tuple(states, remaining, atStart);
        if (const auto known = m_all.find(key); known != m_all.end())
            return known->second;
        bool all = true;
        for (int digit = 0; digit < 10 && all; ++digit)
            all = allEndings(step(states, digit), remaining - 1, atStart);
        m_all[key] = all;
        return all;
    }
    bool noEnding(const States &states, int remaining, bool atStart)
    {
        const auto key = std::make_tuple(states, remaining, atStart);
        if (const auto known = m_none.find(key); known != m_none.end())
            return known->second;
        const bool none = reachesNoEnding(states, remaining, atStart);
        m_none[key] = none;
        return none;
    }

private:
    // Whether no ending is matched, by the union of all digits at each step.
    bool reachesNoEnding(const States &states, int remaining, bool atStart) const
    {
        States reach = states;
        for (int left = remaining; left >= 0; --left) {
            if (accepts(reach) && (atStart || left == 0))
                return false;
            if (left == 0)
                break;
            States next(m_states.size(), false);
            for (int digit = 0; digit < 10; ++digit) {
                const States one = step(reach, digit);
                for (size_t s = 0; s < one.size(); ++s)
                    next[s] = next[s] || one[s];
            }
            reach = next;
        }
        return true;
    }

    struct Edge
    {
        unsigned digits;
        int to;
    };
    struct State
    {
        std::vector<int> empty;
        std::vector<Edge> digits;
    };

    int newState()
    {
        m_states.emplace_back();
        return int(m_states.size()) - 1;
    }
    States closure(std::vector<int> from) const
    {
        States seen(m_states.size(), false);
        while (!from.empty()) {
            const int s = from.back();
            from.pop_back();
            if (seen[size_t(s)])
                continue;
            seen[size_t(s)] = true;
            for (const int to : m_states[size_t(s)].empty)
                from.push_back(to);
        }
        return seen;
    }
    char peek() const { return m_at < m_pattern.size() ? m_pattern[m_at] : '\0'; }

    // Each parse function builds from state `from` and returns the state it ends in. A piece
    // that is repeated is parsed again at each copy (its text is read anew from `begin`).
    int alternatives(int from)
    {
        const int end = newState();
        while (true) {
            const int last = sequence(from);
            m_states[size_t(last)].empty.push_back(end);
            if (peek() != '|')
                return end;
            ++m_at;
        }
    }
    int sequence(int from)
    {
        int at = from;
        while (peek() != '\0' && peek() != '|' && peek() != ')')
            at = repeated(at);
        return at;
    }
    int repeated(int from)
    {
        const size_t begin = m_at;
        int end = atom(from);
        int least = 1;
        int most = 1;
        switch (peek()) {
        case '?':
            least = 0;
            ++m_at;
            break;
        case '*':
            least = 0;
            most = -1;
            ++m_at;
            break;
        case '+':
            most = -1;
            ++m_at;
            break;
        case '{': {
            const size_t close = m_pattern.find('}', m_at);
            const std::string bounds = m_pattern.substr(m_at + 1, close - m_at - 1);
            const size_t comma = bounds.find(',');
            least = std::stoi(bounds.substr(0, comma));
            most = comma == std::string::npos   ? least
                   : comma + 1 == bounds.size() ? -1
                                                : std::stoi(bounds.substr(comma + 1));
            m_at = close + 1;
            break;
        }
        default:
            return end;
        }
        const size_t after = m_at;
        // The first copy is built; copies 2..least follow, then the optional ones.
        const auto copy = [&](int at) {
            m_at = begin;
            const int out = atom(at);
            m_at = after;
            return out;
        };
        if (least == 0) {
            // The first copy is optional too.
            m_states[size_t(from)].empty.push_back(end);
        }
        int at = end;
        for (int n = 2; n <= std::max(least, 1); ++n)
            at = copy(at);
        if (most < 0) {
            const int loopStart = at;
            const int loopEnd = copy(loopStart);
            m_states[size_t(loopEnd)].empty.push_back(loopStart);
            return loopStart;
        }
        const int done = newState();
        m_states[size_t(at)].empty.push_back(done);
        for (int n = std::max(least, 1) + 1; n <= most; ++n) {
            at = copy(at);
            m_states[size_t(at)].empty.push_back(done);
        }
        return done;
    }
    int atom(int from)
    {
        const char c = peek();
        if (c >= '0' && c <= '9') {
            ++m_at;
            return edge(from, 1U << (c - '0'));
        }
        if (c == '\\' && m_at + 1 < m_pattern.size() && m_pattern[m_at + 1] == 'd') {
            m_at += 2;
            return edge(from, 0x3ff);
        }
        if (c == '[') {
            ++m_at;
            unsigned digits = 0;
            while (peek() != ']') {
                if (peek() == '\\' && m_pattern[m_at + 1] == 'd') {
                    digits |= 0x3ff;
                    m_at += 2;
                    continue;
                }
                const char low = peek();
                if (low < '0' || low > '9')
                    throw std::runtime_error("unexpected class in " + m_pattern);
                ++m_at;
                char high = low;
                if (peek() == '-') {
                    high = m_pattern[m_at + 1];
                    m_at += 2;
                }
                for (char d = low; d <= high; ++d)
                    digits |= 1U << (d - '0');
            }
            ++m_at;
            return edge(from, digits);
        }
        if (c == '(') {
            ++m_at;
            if (m_pattern.compare(m_at, 2, "?:") == 0)
                m_at += 2;
            const int end = alternatives(from);
            if (peek() != ')')
                throw std::runtime_error("unclosed group in " + m_pattern);
            ++m_at;
            return end;
        }
        throw std::runtime_error(std::string("unexpected '") + c + "' in " + m_pattern);
    }
    int edge(int from, unsigned digits)
    {
        const int to = newState();
        m_states[size_t(from)].digits.push_back({digits, to});
        return to;
    }

    std::string m_pattern;
    size_t m_at = 0;
    std::vector<State> m_states;
    int m_start = 0;
    int m_accept = 0;
    std::map<std::tuple<States, int, bool>, bool> m_all;
    std::map<std::tuple<States, int, bool>, bool> m_none;
};

// China's metadata, found in the collection libphonenumber is built with. Each entry is read
// only up to China's, so the collection's length is not needed.
PhoneMetadata chinaMetadata()
{
    const auto *data = static_cast<const quint8 *>(i18n::phonenumbers::metadata_get());
    google::protobuf::io::CodedInputStream in(data, 1 << 30);
    while (in.ReadTag() == 10) { // field 1 (metadata), length-delimited
        quint32 length = 0;
        const void *entry = nullptr;
        int available = 0;
        if (!in.ReadVarint32(&length) || !in.GetDirectBufferPointer(&entry, &available))
            break;
        PhoneMetadata metadata;
        if (!metadata.ParseFromArray(entry, int(length)))
            break;
        if (metadata.id() == "CN")
            return metadata;
        in.Skip(int(length));
    }
    return {};
}

// Whether the automaton decides every 11-digit number starting with these five digits: all of
// them match, or none does.
bool decidedByFiveDigits(DigitAutomaton &automaton, const std::vector<int> &prefix, bool atStart)
{
    DigitAutomaton::States states = automaton.start();
    bool matchedEarly = atStart && automaton.accepts(states);
    for (const int digit : prefix) {
        states = automaton.step(states, digit);
        matchedEarly = matchedEarly || (atStart && automaton.accepts(states));
    }
    const bool all = matchedEarly || automaton.allEndings(states, 6, atStart);
    return all || automaton.noEnding(states, 6, atStart);
}

// Every prefix of a national number of this length, up to depth digits, at which the automaton
// does not yet decide all the numbers that start with it; nothing when depth digits always decide.
void undecidedPrefixes(DigitAutomaton &automaton, const DigitAutomaton::States &states, std::string &prefix,
                       int length, int depth, bool atStart, std::vector<std::string> &undecided)
{
    const int remaining = length - int(prefix.size());
    if ((atStart && automaton.accepts(states)) || automaton.allEndings(states, remaining, atStart) ||
        automaton.noEnding(states, remaining, atStart))
        return;
    if (int(prefix.size()) == depth) {
        undecided.push_back(prefix);
        return;
    }
    for (int digit = 0; digit < 10; ++digit) {
        prefix.push_back(char('0' + digit));
        undecidedPrefixes(automaton, automaton.step(states, digit), prefix, length, depth, atStart,
                          undecided);
        prefix.pop_back();
    }
}

// Whether the automaton matches the whole of digits.
bool matchesWhole(DigitAutomaton &automaton, const std::string &digits)
{
    DigitAutomaton::States states = automaton.start();
    for (const char digit : digits)
        states = automaton.step(states, digit - '0');
    return automaton.accepts(states);
}

struct Pattern
{
    std::string name;
    std::string regex;
    bool atStart; // matched at the start (lookingAt), else whole (matches)
};

} // namespace

class TestNumberRanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void automatonReadsPatterns();
    void metadataDecidesEveryNumberByItsFirstDigits();
    void shortcutAnswersAsLibphonenumber();
    void shortcutTakesOnlyItsShapes_data();
    void shortcutTakesOnlyItsShapes();
};

void TestNumberRanges::automatonReadsPatterns()
{
    // The automaton matches as the patterns mean, and it does see a pattern that needs a sixth
    // digit, or a seventh at the start, to decide.
    DigitAutomaton mobile("1740[0-5]\\d{6}|1(?:[38]\\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\\d{8}");
    QVERIFY(matchesWhole(mobile, "13800138000"));
    QVERIFY(matchesWhole(mobile, "17400123456"));
    QVERIFY(!matchesWhole(mobile, "17406123456"));
    QVERIFY(!matchesWhole(mobile, "1380013800"));
    QVERIFY(!matchesWhole(mobile, "12000000000"));
    DigitAutomaton counted("(?:10|2[0-57-9])?\\d{2,3}(?:\\d(?:\\d{2})?)?");
    QVERIFY(matchesWhole(counted, "12"));
    QVERIFY(matchesWhole(counted, "10123"));
    QVERIFY(matchesWhole(counted, "123456"));
    QVERIFY(!matchesWhole(counted, "1"));
    QVERIFY(!matchesWhole(counted, "1234567890"));
    QVERIFY(decidedByFiveDigits(mobile, {1, 3, 8, 0, 0}, false));
    QVERIFY(decidedByFiveDigits(mobile, {1, 7, 4, 0, 5}, false));
    QVERIFY(decidedByFiveDigits(mobile, {1, 2, 0, 0, 0}, false));
    DigitAutomaton sixth("13800[0-4]\\d{5}");
    QVERIFY(!decidedByFiveDigits(sixth, {1, 3, 8, 0, 0}, false));
    QVERIFY(decidedByFiveDigits(sixth, {1, 3, 8, 0, 1}, false));
    DigitAutomaton leading("1380013");
    QVERIFY(!decidedByFiveDigits(leading, {1, 3, 8, 0, 0}, true));
    DigitAutomaton shortLeading("13[89]");
    QVERIFY(decidedByFiveDigits(shortLeading, {1, 3, 8, 0, 0}, true));
    QVERIFY(decidedByFiveDigits(shortLeading, {1, 3, 7, 0, 0}, true));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, DigitAutomaton("1(?=3)\\d"));
}

void TestNumberRanges::metadataDecidesEveryNumberByItsFirstDigits()
{
    const PhoneMetadata china = chinaMetadata();
    QCOMPARE(china.country_code(), 86);
    std::vector<Pattern> patterns;
    const auto addDescription = [&](const char *name,
                                    const i18n::phonenumbers::PhoneNumberDesc &description) {
        if (description.has_national_number_pattern())
            patterns.push_back({name, description.national_number_pattern(), false});
    };
    addDescription("general", china.general_desc());
    addDescription("fixed line", china.fixed_line());
    addDescription("mobile", china.mobile());
    addDescription("toll free", china.toll_free());
    addDescription("premium rate", china.premium_rate());
    addDescription("shared cost", china.shared_cost());
    addDescription("VoIP", china.voip());
    addDescription("personal", china.personal_number());
    addDescription("pager", china.pager());
    addDescription("UAN", china.uan());
    addDescription("voicemail", china.voicemail());
    if (china.has_national_prefix_for_parsing())
        patterns.push_back({"national prefix", china.national_prefix_for_parsing(), true});
    for (const auto &format : china.number_format()) {
        patterns.push_back({"format " + format.pattern(), format.pattern(), false});
        // libphonenumber tries the last, longest, of a format's leading-digits patterns.
        if (format.leading_digits_pattern_size() > 0)
            patterns.push_back({"leading digits of " + format.pattern(),
                                format.leading_digits_pattern(format.leading_digits_pattern_size() - 1),
                                true});
    }
    QVERIFY(patterns.size() > 20);

    // Every length a Chinese number can have is one the shortcut takes.
    const auto &lengths = china.general_desc().possible_length();
    QVERIFY(!lengths.empty());
    for (const int length : lengths) {
        QVERIFY(length >= PhoneNumber::kMinNationalDigits);
        QVERIFY(length <= PhoneNumber::kMaxNationalDigits);
    }
    int walked = 0;
    for (const Pattern &pattern : patterns) {
        std::unique_ptr<DigitAutomaton> automaton;
        try {
            automaton = std::make_unique<DigitAutomaton>(pattern.regex);
        } catch (const std::exception &error) {
            QFAIL(error.what());
        }
        for (int length = int(PhoneNumber::kMinNationalDigits);
             length <= int(PhoneNumber::kMaxNationalDigits); ++length) {
            for (const int depth : {5, 6}) {
                std::vector<std::string> undecided;
                std::string prefix;
                undecidedPrefixes(*automaton, automaton->start(), prefix, length, depth, pattern.atStart,
                                  undecided);
                for (const std::string &open : undecided) {
                    // Six digits decide every number; five, every number that starts with 1.
                    QVERIFY2(int(PhoneNumber::decisiveDigits(QString::fromStdString(open))) > depth,
                             qPrintable(QStringLiteral("%1 does not decide numbers of %2 digits from %3")
                                            .arg(QString::fromStdString(pattern.name))
                                            .arg(length)
                                            .arg(QString::fromStdString(open))));
                }
                ++walked;
            }
        }
    }
    QCOMPARE(walked, int(patterns.size()) * 6 * 2);
}

namespace {

bool sameAnswer(const PhoneNumber &a, const PhoneNumber &b)
{
    return a.isValid() == b.isValid() && a.kind() == b.kind() && a.problem() == b.problem() &&
           a.apiForm() == b.apiForm() && a.e164() == b.e164() && a.displayForm() == b.displayForm() &&
           a.shown() == b.shown() && a.problemText() == b.problemText() && a.input() == b.input();
}

// digits in groups of four from the end, joined by separator.
QString grouped(const QString &digits, QChar separator)
{
    QString text;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 4 == 0)
            text += separator;
        text += digits[i];
    }
    return text;
}

} // namespace

void TestNumberRanges::shortcutAnswersAsLibphonenumber()
{
    // The first number of a range is asked of libphonenumber; the second of the same range takes
    // the shortcut when the first came back a number in its usual grouping.
    int mobiles = 0;
    int landlines = 0;
    int compared = 0;
    const auto compare = [&](const QString &text) {
        QVERIFY2(PhoneNumber::spelling(text), qPrintable(text));
        const PhoneNumber shortcut = PhoneNumber::parse(text);
        QVERIFY2(sameAnswer(shortcut, PhoneNumber::parseWithLibrary(text)), qPrintable(text));
        mobiles += shortcut.kind() == PhoneNumber::Kind::Mobile ? 1 : 0;
        landlines += shortcut.kind() == PhoneNumber::Kind::Landline ? 1 : 0;
        ++compared;
    };
    // Every mobile range, alone, after +86 and in groups with hyphens.
    for (int range = 0; range < 7000; ++range) {
        const QString prefix =
            QStringLiteral("1%1%2").arg(3 + range / 1000).arg(range % 1000, 3, 10, QLatin1Char('0'));
        for (const char *ending : {"000000", "999999", "380014"}) {
            const QString digits = prefix + QLatin1String(ending);
            compare(digits);
            compare(QStringLiteral("+86 ") + grouped(digits, QLatin1Char(' ')));
            compare(grouped(digits, QLatin1Char('-')));
        }
    }
    // Every start of three digits of a national number, of every length, with a trunk 0 and
    // after +86: two numbers of one range each time, their other digits drawn at random.
    std::mt19937 random(20261207);
    std::uniform_int_distribution<int> digit(0, 9);
    const auto digits = [&](int count) {
        QString text;
        for (int i = 0; i < count; ++i)
            text += QChar(u'0' + digit(random));
        return text;
    };
    for (int length = int(PhoneNumber::kMinNationalDigits); length <= int(PhoneNumber::kMaxNationalDigits);
         ++length) {
        for (int start = 100; start < 1000; ++start) {
            const QString range = QString::number(start) + digits(3);
            for (int twice = 0; twice < 2; ++twice) {
                const QString national = range + digits(length - 6);
                compare(QLatin1Char('0') + grouped(national, QLatin1Char(' ')));
                compare(QStringLiteral("+86-") + grouped(national, QLatin1Char('-')));
            }
        }
    }
    // Mobile and landline ranges both came up, and many numbers of other kinds or none.
    QVERIFY2(mobiles > 7000 * 9 / 2, qPrintable(QString::number(mobiles)));
    QVERIFY2(landlines > 1000, qPrintable(QString::number(landlines)));
    QVERIFY2(compared - mobiles - landlines > 10000, qPrintable(QString::number(compared)));
}

void TestNumberRanges::shortcutTakesOnlyItsShapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("national"); // empty: not a spelling the shortcut takes
    QTest::newRow("mobile") << "13800138000"
                            << "13800138000";
    QTest::newRow("+86") << "+8613800138000"
                         << "13800138000";
    QTest::newRow("+86 spaced") << "+86 138 0013 8000"
                                << "13800138000";
    QTest::newRow("+86-") << "+86-138-0013-8000"
                          << "13800138000";
    QTest::newRow("dashes") << "138-0013-8000"
                            << "13800138000";
    QTest::newRow("landline") << "075528000003"
                              << "75528000003";
    QTest::newRow("landline spaced") << "0755 2800 0003"
                                     << "75528000003";
    QTest::newRow("Beijing") << "010-6552-9988"
                             << "1065529988";
    QTest::newRow("landline +86") << "+86 755 2800 0003"
                                  << "75528000003";
    QTest::newRow("mobile with trunk 0") << "013800138000"
                                         << "13800138000";
    QTest::newRow("two spaces") << "138  0013 8000"
                                << "";
    QTest::newRow("trailing space") << "13800138000 "
                                    << "";
    QTest::newRow("86 without +") << "8613800138000"
                                  << "";
    QTest::newRow("0086") << "008613800138000"
                          << "";
    QTest::newRow("+86 0") << "+86 0755 2800 0003"
                           << "";
    QTest::newRow("brackets") << "(0755) 2800 0003"
                              << "";
    QTest::newRow("full-width digits") << "１３８００１３８０００"
                                       << "";
    QTest::newRow("12 digits") << "138001380001"
                               << "";
    QTest::newRow("10 digits") << "1380013800"
                               << "";
    QTest::newRow("11x") << "11800138000"
                         << "";
    QTest::newRow("landline without 0") << "75528000003"
                                        << "";
    QTest::newRow("short") << "0755 280"
                           << "";
    QTest::newRow("long") << "0755 2800 0003 12"
                          << "";
    QTest::newRow("extension") << "13800138000 x12"
                               << "";
    QTest::newRow("letter O") << "1380013800O"
                              << "";
}

void TestNumberRanges::shortcutTakesOnlyItsShapes()
{
    QFETCH(const QString, text);
    QFETCH(const QString, national);
    const std::optional<PhoneNumber::Spelling> spelling = PhoneNumber::spelling(text);
    QCOMPARE(spelling ? spelling->national : QString(), national);
    // Whatever the spelling, parse() answers as libphonenumber does, the first time and after.
    for (int twice = 0; twice < 2; ++twice)
        QVERIFY2(sameAnswer(PhoneNumber::parse(text), PhoneNumber::parseWithLibrary(text)), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestNumberRanges)
#include "tst_numberranges.moc"
