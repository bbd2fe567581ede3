// Text that people and files hand to OneDial (names, labels, companies, notes) made safe to show.
// Control characters and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069) can make a window or a terminal show something other than what is stored: a
// name that reads backwards, a number that looks like another, a terminal told to move its cursor.
// They are taken out once, where the text enters (an import, the contact dialog, `contacts add`,
// the store), and whatever older data still holds is escaped where the command line prints it.
#pragma once

#include <QString>
#include <QStringView>

namespace onedial {

class UserText final
{
public:
    // C0 and C1 controls, DEL, the line and paragraph separators and the bidirectional
    // embeddings, overrides and isolates. (The weak marks LRM, RLM and ALM stay: they cannot
    // reorder text beyond a character and Arabic and Hebrew names need them.)
    static bool isUnsafe(QChar c);
    static bool hasUnsafe(QStringView text);

    // A single-line field (a name, a label, a company, a number as typed): every line break or tab
    // becomes one space, every other unsafe character goes, and the ends are trimmed.
    static QString cleanLine(const QString &text);
    // Notes: line breaks of any kind (CR LF, CR, NEL, U+2028, U+2029) become "\n" and tabs stay;
    // every other unsafe character goes.
    static QString cleanMultiline(const QString &text);

    // For a tool tip, where Qt guesses whether text is rich and "<b>x</b>" in a label would be
    // shown bold: the text escaped, cleaned, its line breaks kept, marked as rich text so that Qt
    // shows exactly the characters given.
    static QString toolTip(const QString &text);

    // For a terminal: each unsafe character written out as \u{202E}, except "\n" when keepNewlines.
    static QString escaped(const QString &text, bool keepNewlines);
};

} // namespace onedial
