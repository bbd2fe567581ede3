#include "VCardWriter.h"

#include "contacts/PhoneLabels.h"
#include "phone/PhoneNumber.h"

namespace onedial {

namespace {

constexpr qsizetype kFoldAt = 75; // octets per line, RFC 6350 section 3.2

QString escaped(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char(','), QLatin1String("\\,"));
    text.replace(QLatin1Char(';'), QLatin1String("\\;"));
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return text;
}

// Appends one content line, folded so that no line is longer than 75 octets and no UTF-8
// character is split.
void appendLine(QByteArray &out, const QByteArray &line)
{
    qsizetype start = 0;
    qsizetype room = kFoldAt;
    while (line.size() - start > room) {
        qsizetype cut = start + room;
        while (cut > start && (uchar(line.at(cut)) & 0xC0) == 0x80)
            --cut; // back to the first byte of a character
        out += QByteArrayView(line).sliced(start, cut - start);
        out += "\r\n ";
        start = cut;
        room = kFoldAt - 1; // the leading space counts
    }
    out += QByteArrayView(line).sliced(start);
    out += "\r\n";
}

// tel:+8613800138000. The API form is 86 + the national number for a mobile and 0 + the national
// number for a landline (PhoneNumber's contract), so the E.164 form follows without parsing again.
QString telUri(const ContactNumber &number)
{
    const QString &api = number.apiForm;
    if (api.startsWith(QLatin1String("86")) && api.size() == 13)
        return QStringLiteral("tel:+") + api;
    if (api.startsWith(QLatin1Char('0')) && api.size() > 1)
        return QStringLiteral("tel:+86") + QStringView(api).sliced(1);
    const PhoneNumber parsed = PhoneNumber::parse(api.isEmpty() ? number.display : api);
    if (parsed.isValid())
        return QStringLiteral("tel:") + parsed.e164();
    // Not a stored (checked) number: written as it is, but never with a line break that would end
    // the card early.
    QString text = api;
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c == QChar(0x7F))
            c = QLatin1Char(' ');
    }
    return QStringLiteral("tel:") + text;
}

} // namespace

QByteArray VCardWriter::card(const Contact &contact)
{
    QByteArray out;
    out.reserve(256);
    out += "BEGIN:VCARD\r\nVERSION:4.0\r\n";
    appendLine(out, "FN:" + escaped(contact.name).toUtf8());
    if (!contact.company.isEmpty())
        appendLine(out, "ORG:" + escaped(contact.company).toUtf8());
    int group = 0;
    for (const ContactNumber &number : contact.numbers) {
        const QByteArray uri = telUri(number).toUtf8();
        if (number.label.isEmpty()) {
            appendLine(out, "TEL;VALUE=uri;TYPE=voice:" + uri);
            continue;
        }
        const QString type = PhoneLabels::toVCardType(number.label);
        if (!type.isEmpty()) {
            appendLine(out, "TEL;VALUE=uri;TYPE=" + type.toLatin1() + ':' + uri);
            continue;
        }
        const QByteArray item = "item" + QByteArray::number(++group);
        appendLine(out, item + ".TEL;VALUE=uri:" + uri);
        appendLine(out, item + ".X-ABLabel:" + escaped(number.label).toUtf8());
    }
    if (!contact.notes.isEmpty())
        appendLine(out, "NOTE:" + escaped(contact.notes).toUtf8());
    if (contact.favourite)
        out += "X-ONEDIAL-FAVOURITE:TRUE\r\n";
    out += "END:VCARD\r\n";
    return out;
}

} // namespace onedial
