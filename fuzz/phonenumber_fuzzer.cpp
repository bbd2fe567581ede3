// Any text as a phone number (PhoneNumber::parse, what every import and dial goes through), as a
// tel:/callto: link (TelUri::parse) and as a selection to find numbers in (NumberFinder, what the
// global shortcut reads): no crash or hang, and a valid answer is self-consistent.
#include "phone/NumberFinder.h"
#include "phone/PhoneNumber.h"
#include "phone/TelUri.h"

#include <cstdint>
#include <cstdlib>

using namespace onedial;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const PhoneNumber number = PhoneNumber::parse(text);
    if (number.isValid()) {
        // The API form is digits and parses back to itself.
        for (const QChar c : number.apiForm()) {
            if (!c.isDigit())
                std::abort();
        }
        if (PhoneNumber::parse(number.apiForm()).apiForm() != number.apiForm())
            std::abort();
        if (PhoneNumber::parse(number.displayForm()).apiForm() != number.apiForm())
            std::abort();
    } else if (number.problemText().isEmpty()) {
        std::abort(); // a refusal always says why
    }
    const TelUri link = TelUri::parse(text);
    if (link.isValid() != link.problemText().isEmpty())
        std::abort();
    if (link.isValid() && link.apiForm().isEmpty())
        std::abort();
    TelUri::looksLikeLink(text);

    // Every number found is where it says, as written there, and dialable only when a dial would
    // take it.
    const QList<FoundNumber> found = NumberFinder::find(text);
    if (found.size() > NumberFinder::kMaxNumbers)
        std::abort();
    for (const FoundNumber &number : found) {
        if (number.start < 0 || number.length <= 0 || number.start + number.length > text.size())
            std::abort();
        if (number.written != text.mid(number.start, number.length))
            std::abort();
        if (number.dialable() != number.number.isValid() || !number.e164.startsWith(QLatin1Char('+')))
            std::abort();
    }
    return 0;
}
