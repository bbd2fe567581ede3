#include "TelUri.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringList>

namespace onedial {

namespace {

constexpr int kMaxExtensionDigits = 16;
constexpr int kMaxDomainLength = 253;

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

// RFC 3966 visual separators, plus the space people (and %20) put between digit groups.
bool isVisualSeparator(QChar c)
{
    return c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('(') || c == QLatin1Char(')') ||
           c == QLatin1Char(' ');
}

// Control characters, and invisible format characters such as bidi overrides and zero-width
// spaces, which could make the number shown differ from the number dialled.
bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        switch (c.category()) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            return true;
        default:
            break;
        }
    }
    return false;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Percent-decodes exactly once (so "%2520" stays "%20" and is then refused as a symbol) and
// insists on well-formed escapes and UTF-8.
TelUri::Problem decodeOnce(const QString &raw, QString *decoded)
{
    const QByteArray bytes = raw.toUtf8();
    QByteArray out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) != '%') {
            out.append(bytes.at(i));
            continue;
        }
        if (i + 2 >= bytes.size())
            return TelUri::Problem::BadEncoding;
        const int high = hexValue(bytes.at(i + 1));
        const int low = hexValue(bytes.at(i + 2));
        if (high < 0 || low < 0)
            return TelUri::Problem::BadEncoding;
        out.append(char(high * 16 + low));
        i += 2;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *decoded = utf8.decode(out);
    if (utf8.hasError())
        return TelUri::Problem::BadEncoding;
    if (hasControlCharacter(*decoded))
        return TelUri::Problem::ControlCharacter;
    return TelUri::Problem::None;
}

// The digits of a number with its visual separators removed; a leading + is kept. Sets problem
// when anything else is in the way.
QString digitsOf(const QString &number, bool allowPlus, TelUri::Problem *problem)
{
    QString digits;
    int plusCount = 0;
    for (const QChar c : number) {
        if (isAsciiDigit(c)) {
            digits.append(c);
        } else if (c == QLatin1Char('+')) {
            ++plusCount;
            if (!digits.isEmpty() || !allowPlus) {
                *problem = plusCount > 1 || !digits.isEmpty() ? TelUri::Problem::MultipleNumbers
                                                              : TelUri::Problem::NotANumber;
                return {};
            }
            digits.append(c);
        } else if (c == QLatin1Char(',') || c == QLatin1Char('/')) {
            *problem = TelUri::Problem::MultipleNumbers;
            return {};
        } else if (!isVisualSeparator(c)) {
            *problem = TelUri::Problem::NotANumber;
            return {};
        }
    }
    if (plusCount > 1) {
        *problem = TelUri::Problem::MultipleNumbers;
        return {};
    }
    if (digits.isEmpty() || digits == QLatin1String("+")) {
        *problem = TelUri::Problem::NotANumber;
        return {};
    }
    *problem = TelUri::Problem::None;
    return digits;
}

// RFC 3966 domainname: dot-separated labels of letters, digits and inner hyphens, the last one
// starting with a letter; an optional final dot.
bool isDomainName(QString domain)
{
    if (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    if (domain.isEmpty() || domain.size() > kMaxDomainLength)
        return false;
    const QStringList labels = domain.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) ||
            label.endsWith(QLatin1Char('-')))
            return false;
        for (const QChar c : label) {
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != QLatin1Char('-'))
                return false;
        }
    }
    return isAsciiLetter(labels.last().front());
}

bool isParameterName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != QLatin1Char('-'))
            return false;
    }
    return true;
}

// The part after the scheme, or a null string when text is not a tel: or callto: link.
QString afterScheme(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {};
    const QString scheme = text.left(colon);
    for (const QChar c : scheme) {
        if (!isAsciiLetter(c))
            return {};
    }
    if (scheme.compare(QLatin1String("tel"), Qt::CaseInsensitive) != 0 &&
        scheme.compare(QLatin1String("callto"), Qt::CaseInsensitive) != 0)
        return {};
    QString rest = text.mid(colon + 1);
    // "tel://" and "callto://" are not RFC 3966, but programs write them; one trailing slash with them too.
    if (rest.startsWith(QLatin1String("//"))) {
        rest = rest.mid(2);
        if (rest.endsWith(QLatin1Char('/')))
            rest.chop(1);
    }
    return rest.isNull() ? QStringLiteral("") : rest;
}

} // namespace

bool TelUri::looksLikeLink(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive) ||
           trimmed.startsWith(QLatin1String("callto:"), Qt::CaseInsensitive);
}

TelUri TelUri::parse(const QString &link)
{
    TelUri result;
    auto refuse = [&result](Problem problem) {
        result.m_problem = problem;
        result.m_number.clear();
        result.m_extension.clear();
        result.m_domainContext.clear();
        return result;
    };

    // Measured before anything else so that no work is spent on a flood.
    if (link.size() > kMaxLength)
        return refuse(Problem::TooLong);
    if (hasControlCharacter(link))
        return refuse(Problem::ControlCharacter);
    const QString text = link.trimmed();
    if (text.isEmpty())
        return refuse(Problem::Empty);

    const QString rest = afterScheme(text);
    if (rest.isNull())
        return refuse(Problem::NotATelLink);
    if (rest.contains(QLatin1Char('?')) || rest.contains(QLatin1Char('#')))
        return refuse(Problem::QueryOrFragment);

    // Split before decoding: an encoded ";" (%3B) is part of a value, never a separator.
    const QStringList pieces = rest.split(QLatin1Char(';'));
    QString number;
    if (const Problem problem = decodeOnce(pieces.first(), &number); problem != Problem::None)
        return refuse(problem);
    if (number.trimmed().isEmpty())
        return refuse(Problem::Empty);

    bool hasExtension = false;
    bool hasContext = false;
    QString context;
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const QString &piece = pieces.at(i);
        if (piece.isEmpty())
            continue; // "tel:123;" and "tel:123;;ext=4": nothing to read
        const qsizetype equals = piece.indexOf(QLatin1Char('='));
        const QString name = piece.left(equals).toLower();
        if (!isParameterName(name))
            return refuse(Problem::BadParameter);
        QString value;
        if (equals >= 0) {
            if (const Problem problem = decodeOnce(piece.mid(equals + 1), &value); problem != Problem::None)
                return refuse(problem);
        }
        if (name == QLatin1String("ext")) {
            Problem problem = Problem::None;
            const QString digits = digitsOf(value, false, &problem);
            if (hasExtension || problem != Problem::None || digits.size() > kMaxExtensionDigits)
                return refuse(Problem::BadParameter);
            hasExtension = true;
            result.m_extension = digits;
        } else if (name == QLatin1String("phone-context")) {
            if (hasContext || value.isEmpty())
                return refuse(Problem::BadParameter);
            hasContext = true;
            context = value;
        }
        // ;isub= (an ISDN subaddress) and parameters OneDial does not know change nothing about
        // whom OneNET calls, so they are ignored.
    }

    Problem problem = Problem::None;
    const QString digits = digitsOf(number, true, &problem);
    if (problem != Problem::None)
        return refuse(problem);

    QString candidate = digits;
    if (digits.startsWith(QLatin1Char('+'))) {
        if (hasContext)
            return refuse(
                Problem::BadParameter); // a global number is complete; a context would contradict it
    } else if (hasContext && context.startsWith(QLatin1Char('+'))) {
        const QString prefix = digitsOf(context, true, &problem);
        if (problem != Problem::None)
            return refuse(Problem::BadParameter);
        candidate = prefix + digits;
    } else if (hasContext) {
        if (!isDomainName(context))
            return refuse(Problem::BadParameter);
        if (!PhoneNumber::parse(digits).isValid()) {
            result = refuse(Problem::PrivateNumber);
            result.m_domainContext = context.toLower();
            return result;
        }
        result.m_domainContext = context.toLower();
    }

    result.m_number = candidate;
    result.m_phone = PhoneNumber::parse(candidate);
    result.m_problem = !result.m_phone.isValid() ? Problem::InvalidNumber
                       : hasExtension            ? Problem::Extension
                                                 : Problem::None;
    return result;
}

QString TelUri::problemText() const
{
    switch (m_problem) {
    case Problem::None:
        return {};
    case Problem::Empty:
        return QCoreApplication::translate("TelUri", "The link holds no phone number.");
    case Problem::TooLong:
        return QCoreApplication::translate(
                   "TelUri", "The link is too long to be a phone number (more than %1 characters).")
            .arg(kMaxLength);
    case Problem::NotATelLink:
        return QCoreApplication::translate("TelUri", "OneDial opens tel: and callto: links only.");
    case Problem::ControlCharacter:
        return QCoreApplication::translate("TelUri",
                                           "The link contains control or invisible characters, which a phone "
                                           "number never has.");
    case Problem::BadEncoding:
        return QCoreApplication::translate(
            "TelUri", "The link's percent-encoding is broken: each % must be followed by "
                      "two hexadecimal digits, and the result must be UTF-8 text.");
    case Problem::QueryOrFragment:
        return QCoreApplication::translate(
            "TelUri", "The link has a query (?…) or fragment (#…) part, which a tel: link "
                      "never has.");
    case Problem::NotANumber:
        return QCoreApplication::translate("TelUri",
                                           "The link does not hold a phone number. Only the digits 0 to 9, a "
                                           "leading +, spaces, dashes, dots and parentheses are allowed.");
    case Problem::MultipleNumbers:
        return QCoreApplication::translate(
            "TelUri", "The link holds more than one number. OneDial dials one number per "
                      "link.");
    case Problem::BadParameter:
        return QCoreApplication::translate("TelUri",
                                           "The link's parameters (after \";\") are malformed, repeated, or "
                                           "contradict the number.");
    case Problem::PrivateNumber:
        return QCoreApplication::translate("TelUri",
                                           "The number is local to %1, a private network that OneNET cannot "
                                           "reach.")
            .arg(m_domainContext);
    case Problem::InvalidNumber:
        return m_phone.problemText();
    case Problem::Extension:
        return QCoreApplication::translate("TelUri",
                                           "The link asks for %1, extension %2. OneNET click-to-dial cannot "
                                           "dial extensions: dial %1 yourself, and ask for extension %2 once "
                                           "the call is connected.")
            .arg(m_phone.displayForm(), m_extension);
    }
    return {};
}

QString TelUri::note() const
{
    if (!isValid())
        return {};
    if (m_domainContext.isEmpty())
        return {};
    return QCoreApplication::translate("TelUri", "The link marks the number as local to %1; OneDial dials it "
                                                 "as a number in China.")
        .arg(m_domainContext);
}

} // namespace onedial
