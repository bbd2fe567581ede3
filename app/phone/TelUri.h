// Reads a tel: (RFC 3966) or callto: link into a number OneNET can dial, and refuses anything else
// with a reason. A link comes from a web page or another program, so it is treated as hostile:
// one number, ASCII digits and visual separators only, percent-decoded exactly once.
//
// Decisions where RFC 3966 leaves room, or where OneNET cannot follow it:
// - A local number without ;phone-context (tel:13800138000, common on Chinese web pages) is read
//   as a number in China.
// - ;phone-context=+CC[-area] is put in front of the local number.
// - ;phone-context=<domain> is accepted only when the local number is by itself a valid Chinese
//   number (then the domain adds nothing); otherwise it is a private-network number OneDial cannot
//   reach, and the link is refused.
// - A global number (+...) with a ;phone-context is contradictory and refused.
// - ;ext= refuses the link (OneNET dials no extensions), saying which number and extension it
//   held, as for a typed number with an extension; ;isub= and unknown parameters are ignored. A parameter
//   given twice is refused, since the two could disagree.
// - Digits outside ASCII (full-width, Arabic-Indic, ...) are refused: links are made by programs,
//   and such digits in a link are more likely spoofing than typing.
#pragma once

#include "PhoneNumber.h"

#include <QString>

namespace onedial {

class TelUri final
{
public:
    // Longer input is refused before it is looked at; a real tel: link is a few dozen characters.
    static constexpr int kMaxLength = 256;

    enum class Problem {
        None,
        Empty,
        TooLong,
        NotATelLink,      // another scheme, or no scheme at all
        ControlCharacter, // raw or percent-encoded (%00, %0A, ...)
        BadEncoding,      // a broken %-escape or bytes that are not UTF-8
        QueryOrFragment,  // ?… or #…, which tel: does not have
        NotANumber,       // letters, names (callto:skype.name), symbols, non-ASCII digits
        MultipleNumbers,
        BadParameter,  // malformed, repeated, or a phone-context that does not fit the number
        PrivateNumber, // local to a domain and not a Chinese number by itself
        InvalidNumber, // well-formed, but PhoneNumber refuses it (see phoneNumber().problemText())
        Extension,     // ;ext=: the service cannot dial an extension
    };

    static TelUri parse(const QString &link);
    // True when text starts with tel: or callto: (any case); such an argument is meant as a link.
    static bool looksLikeLink(const QString &text);

    bool isValid() const { return m_problem == Problem::None; }
    Problem problem() const { return m_problem; }
    // Why the link is refused, translated; empty when it is valid.
    QString problemText() const;

    // The number as given to PhoneNumber::parse, e.g. "+8613800138000" or "075528000003".
    QString number() const { return m_number; }
    const PhoneNumber &phoneNumber() const { return m_phone; }
    QString apiForm() const { return m_phone.apiForm(); }
    // The extension the link asked for (digits only), which OneNET cannot dial.
    QString extension() const { return m_extension; }
    // Something the user should know about a valid link (a domain context), translated.
    QString note() const;

private:
    Problem m_problem = Problem::Empty;
    QString m_number;
    QString m_extension;
    QString m_domainContext;
    PhoneNumber m_phone;
};

} // namespace onedial
