#include "CsvWriter.h"

#include <QStringList>

#include <algorithm>

namespace onedial {

namespace {

QString field(const QString &text)
{
    QString value = text;
    // A cell starting with = + - @ is a formula to a spreadsheet ("=HYPERLINK(...)" in a name),
    // and so is one starting with a tab or a carriage return before it, which spreadsheets skip
    // (OWASP's CSV injection advice); a leading apostrophe keeps it text. CsvColumns drops the
    // apostrophe again.
    if (!value.isEmpty() && QStringView(u"=+-@\t\r").contains(value.at(0)))
        value.prepend(QLatin1Char('\''));
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                       value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) ||
                       value.contains(QLatin1Char(';')) || value.contains(QLatin1Char('\t')) ||
                       value != value.trimmed();
    if (!quote)
        return value;
    value.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

} // namespace

QByteArray CsvWriter::write(const QList<Contact> &contacts)
{
    qsizetype pairs = 1;
    for (const Contact &contact : contacts)
        pairs = std::max(pairs, contact.numbers.size());

    QStringList header{QStringLiteral("Name"), QStringLiteral("Company"), QStringLiteral("Notes"),
                       QStringLiteral("Favourite")};
    for (qsizetype i = 1; i <= pairs; ++i) {
        header << QStringLiteral("Phone %1 - Label").arg(i) << QStringLiteral("Phone %1 - Value").arg(i);
    }
    QByteArray out("\xEF\xBB\xBF");
    out += header.join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (const Contact &contact : contacts) {
        QStringList row{field(contact.name), field(contact.company), field(contact.notes),
                        contact.favourite ? QStringLiteral("yes") : QString()};
        for (qsizetype i = 0; i < pairs; ++i) {
            const ContactNumber number = contact.numbers.value(i);
            row << field(number.label) << field(number.display.isEmpty() ? number.apiForm : number.display);
        }
        out += row.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    return out;
}

} // namespace onedial
