// The words OneDial stores as a number's label when a file or the contact form says what kind of
// number it is, and the way back to vCard types, so that an exported file says "cell" where the
// user sees "mobile". The stored words are the same in every language ("mobile", "work"); what
// the user sees is translated when shown: 手机, 工作, 住宅 in the Chinese interface. A label the
// user typed, or a file brought with it, is their own text and is shown as it is.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace onedial {

class PhoneLabels final
{
    Q_DECLARE_TR_FUNCTIONS(PhoneLabels)

public:
    static QString mobile();
    static QString work();
    static QString home();
    static QString fax();
    static QString pager();
    static QString main();
    static QString car();
    static QString assistant();
    static QString other();

    // The labels the contact form offers, as stored, most used first.
    static QStringList choices();
    // A stored label as the user reads it: a standard word translated, anything else as it is.
    static QString shown(const QString &stored);
    // The stored form of a label the user picked or typed (the inverse of shown()).
    static QString stored(const QString &shownText);

    // vCard TYPE values (any case, as in TYPE=cell,voice or 2.1's bare ;CELL;PREF) → a label, or
    // an empty string when they only say "voice" or nothing OneDial shows.
    static QString fromVCardTypes(const QStringList &types);
    // The one vCard TYPE that means exactly this label (cell, work, home, fax, pager), or empty:
    // other labels are written as the user's own text (X-ABLabel) so that they read back unchanged.
    static QString toVCardType(const QString &label);
    // Apple's built-in labels (X-ABLabel:_$!<Mobile>!$_) → a label; other text is the user's own
    // label and is kept as it is.
    static QString fromApple(const QString &text);
    // Google Contacts' type words ("Mobile", "Work Fax", "* Home" for the primary number) → a
    // label; other text is kept as it is.
    static QString fromGoogle(const QString &text);

private:
    static std::optional<QString> serviceWord(const QString &word);
};

} // namespace onedial
