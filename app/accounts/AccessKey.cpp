#include "AccessKey.h"

#include <algorithm>

namespace onedial {

AccessKey::AccessKey(QByteArray base64Text)
    : m_data(std::make_shared<Wiped>(Wiped{std::move(base64Text)}))
{
    // Trailing line breaks come from typing the key at a terminal or piping a file.
    QByteArray &bytes = m_data->bytes;
    while (!bytes.isEmpty() && (bytes.endsWith('\n') || bytes.endsWith('\r') || bytes.endsWith(' ')))
        bytes.chop(1);
}

const QByteArray &AccessKey::base64Text() const
{
    static const QByteArray empty;
    return m_data ? m_data->bytes : empty;
}

AccessKey::Wiped::~Wiped()
{
    if (!bytes.isDetached())
        return; // another QByteArray still shares the buffer; it is wiped with the last owner's copy
    std::fill(bytes.begin(), bytes.end(), '\0');
}

} // namespace onedial
