// The text of vCard values: quoted-printable, the escapes of 3.0 and 4.0, the components of
// structured values (N, ORG) and a name made from N. Used by VCardReader.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace onedial::vcard {

QByteArray decodeQuotedPrintable(QByteArrayView encoded);
// \n \N \\ \, \; and, leniently, \: are the escapes of vCard 3.0 and 4.0; any other backslash is
// kept (a 2.1 note may hold "C:\files").
QString unescape(QStringView text);
// The components of a structured value (N, ORG), split at each ';' that is not escaped, unescaped.
QStringList components(QStringView text);
QString withUnixNewlines(QString text);
// N is family;given;additional;prefix;suffix. A Chinese name is written family name first with
// no space (张 + 三 = 张三); others in the order people say them.
QString nameFromComponents(const QStringList &n);

} // namespace onedial::vcard
