// A phone number as OneDial dials it, parsed once where its text enters (typed, pasted, imported,
// from a link) through libphonenumber, and then passed on as this value: nothing downstream parses
// again. Mobile numbers become "86" + 11 digits; landlines the area code with its 0 + the number.
// Letters are never read as keypad digits (a letter O typed for a zero would call a stranger), and
// an extension is refused rather than dropped: the service cannot dial one.
#pragma once

#include <QString>

#include <optional>

namespace onedial {

class PhoneNumber final
{
public:
    enum class Kind { Invalid, Mobile, Landline };
    enum class Problem {
        None,
        Empty,
        NotANumber,
        TooShort,
        TooLong,
        InvalidNumber,
        NotInChina,
        UnsupportedType,
        Letters,   // letters among the digits (other than an extension marker)
        Extension, // "ext. 99", "x99", "转99": the service dials no extensions
    };

    // Parses text such as "+86 138 0013 8000", "138-0013-8000", "(0755) 2800 0003" or "8613800138000".
    static PhoneNumber parse(const QString &text, const QString &defaultRegion = QStringLiteral("CN"));

    // A number written the usual way: digits apart by at most one space or hyphen, after +86
    // (international), after a trunk 0 (national: 0755 2800 0003, 010-6552-9988), or alone for
    // an 11-digit mobile number from 1[3-9]. For such a text, parse() answers from what
    // libphonenumber answered for the first number of the same range (the same way of writing,
    // length and decisiveDigits() first digits) when that was a number in its usual grouping,
    // instead of asking again: libphonenumber's metadata decides every Chinese number by those
    // digits and its length (tst_numberranges proves it from the metadata and compares both
    // answers over every range).
    struct Spelling
    {
        enum Form : quint8 { Mobile, National, International };
        Form form = Mobile;
        QString national; // the national significant number: 13800138000, 75528000003
    };
    static std::optional<Spelling> spelling(QStringView text);
    // How many first digits of a national significant number decide it: 5 from 1, else 6.
    static qsizetype decisiveDigits(const QString &national);
    static constexpr qsizetype kMinNationalDigits = 7;
    static constexpr qsizetype kMaxNationalDigits = 12;
    // parse() without that shortcut: libphonenumber for every text.
    static PhoneNumber parseWithLibrary(const QString &text,
                                        const QString &defaultRegion = QStringLiteral("CN"));

    bool isValid() const { return m_kind != Kind::Invalid; }
    Kind kind() const { return m_kind; }
    Problem problem() const { return m_problem; }
    // A sentence the user can act on, translated; empty when the number is valid.
    QString problemText() const;

    QString input() const { return m_input; }
    QString apiForm() const { return m_apiForm; }     // 8613800138000, 075528000003
    QString e164() const { return m_e164; }           // +8613800138000
    QString displayForm() const { return m_display; } // 138 0013 8000, 0755 2800 0003
    // What lists and messages show: the display form, or, for a number that could not be read,
    // the text as typed (trimmed, at most 64 characters).
    QString shown() const;
    // Whether the text was meant as a phone number, valid or not: at least five digits, and digits
    // at least half of it. A name or a sentence is not; "138 0013 800O" or "12345" is, so its
    // problem is worth saying rather than "no contact matches".
    bool looksMeantAsNumber() const;

private:
    QString m_input;
    Kind m_kind = Kind::Invalid;
    Problem m_problem = Problem::Empty;
    QString m_apiForm;
    QString m_e164;
    QString m_display;
    QString m_extension; // the extension's digits, for Problem::Extension
};

} // namespace onedial
