// Turns what people type into the form OneNET's API takes, through libphonenumber.
// Mobile numbers become "86" + 11 digits; landlines the area code with its 0 + the number.
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
        UnsupportedType
    };

    // Parses text such as "+86 138 0013 8000", "138-0013-8000", "(0755) 2800 0003" or "8613800138000".
    static PhoneNumber parse(const QString &text, const QString &defaultRegion = QStringLiteral("CN"));

    bool isValid() const { return m_kind != Kind::Invalid; }
    Kind kind() const { return m_kind; }
    Problem problem() const { return m_problem; }
    // A sentence the user can act on, translated; empty when the number is valid.
    QString problemText() const;

    QString input() const { return m_input; }
    QString apiForm() const { return m_apiForm; }     // 8613800138000, 075528000003
    QString e164() const { return m_e164; }           // +8613800138000
    QString displayForm() const { return m_display; } // 138 0013 8000, 0755 2800 0003

private:
    QString m_input;
    Kind m_kind = Kind::Invalid;
    Problem m_problem = Problem::Empty;
    QString m_apiForm;
    QString m_e164;
    QString m_display;
};

} // namespace onedial
