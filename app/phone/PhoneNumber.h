// A phone number as OneDial dials it, parsed once where its text enters (typed, pasted, imported,
// from a link) through libphonenumber, and then passed on as this value: nothing downstream parses
// again. Mobile numbers become "86" + 11 digits; landlines the area code with its 0 + the number.
// Letters are never read as keypad digits (a letter O typed for a zero would call a stranger), and
// an extension is refused rather than dropped: the service cannot dial one.
#pragma once

#include <QString>

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

    // The mobile number a text spells in the shape most numbers come in (11 digits from 1[3-9],
    // optionally after +86, digits apart by at most one space or hyphen): its 11 digits, or
    // empty. For such a text, parse() answers from what libphonenumber answered for the first
    // number of the same range (its first five digits) instead of asking again: libphonenumber's
    // metadata decides a mobile number by those five digits and its length (tst_mobileranges
    // proves it from the metadata, and compares both answers over every range).
    static QString canonicalMobileDigits(QStringView text);
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
