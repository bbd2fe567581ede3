// What a dial calls: a number parsed where its text entered, and the contact it belongs to when
// there is one. Every way of dialling hands the dial service one of these.
#pragma once

#include "phone/PhoneNumber.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace onedial {

struct DialTarget
{
    PhoneNumber number;
    QString who; // the contact's name, or empty
    std::optional<qint64> contactId;
};

} // namespace onedial

Q_DECLARE_METATYPE(onedial::DialTarget)
