// A person or company the user calls, with one or more numbers.
#pragma once

#include <QList>
#include <QString>

namespace onedial {

struct ContactNumber
{
    QString label;   // the user's own word for it ("mobile", "办公室"); may be empty
    QString apiForm; // 8613800138000 or 075528000003; ContactStore also accepts any spelling here
    QString display; // 138 0013 8000 or 0755 2800 0003, filled in by ContactStore

    friend bool operator==(const ContactNumber &, const ContactNumber &) = default;
};

struct Contact
{
    qint64 id = 0; // 0 until stored
    QString name;
    QString company;
    QString notes;
    bool favourite = false;
    QList<ContactNumber> numbers; // in the order the user gave them

    friend bool operator==(const Contact &, const Contact &) = default;
};

} // namespace onedial
