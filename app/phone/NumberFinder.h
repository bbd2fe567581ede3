// Finds the phone numbers in free text: a selection made anywhere, a mail, a chat line, a web page
// ("请拨打138-0013-8000或致电0755 2800 0003"). libphonenumber's matcher does the finding, for China
// first (+86 forms, mobiles, landlines with their area code, 400/800 numbers), at its "valid"
// leniency, so order numbers, amounts, ID-card and bank-card numbers are not taken for numbers.
// Dates, times and sums of money are blanked out before matching: "2023-11-08 13" is otherwise a
// valid Guangzhou landline to the matcher, and "¥13800138000" a mobile.
//
// The browser extension (extension/src/numbers.js) follows the same rules with libphonenumber-js;
// tests/data/phone-corpus.json holds the sentences on which both must agree.
#pragma once

#include "PhoneNumber.h"

#include <QList>
#include <QString>

namespace onedial {

struct FoundNumber
{
    qsizetype start = 0;  // in the text as given, in UTF-16 units
    qsizetype length = 0; // of the number as written
    QString written;      // the number as written: text.mid(start, length)
    QString e164;         // +8613800138000
    PhoneNumber number;   // as a dial would read it: valid exactly when OneDial can dial it
    // A few words either side (on one line, trimmed), so a list of several numbers says which is which.
    QString context;

    bool dialable() const { return number.isValid(); }
};

class NumberFinder final
{
public:
    // Text longer than this is read only this far: a selection of a whole book is not a number.
    static constexpr qsizetype kMaxTextLength = 20000;
    // Numbers found at most; more are left unread.
    static constexpr int kMaxNumbers = 200;
    // Characters of context each side.
    static constexpr int kContextLength = 12;

    // Every valid number in the text, in order: the ones OneDial can dial and the ones it cannot
    // (a 400 number, a number abroad), which dialable() tells apart.
    static QList<FoundNumber> find(const QString &text);
    // Only the numbers OneDial can dial, each once (the first time it appears).
    static QList<FoundNumber> findDialable(const QString &text) { return dialableOf(find(text)); }
    // The same, of numbers find() has already found.
    static QList<FoundNumber> dialableOf(const QList<FoundNumber> &found);
};

} // namespace onedial
