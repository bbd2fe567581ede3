// Holds an access key in memory only, and wipes it when the last copy goes away.
// It has no conversion to text and no debug output, so it cannot end up in a log by accident.
#pragma once

#include <QByteArray>

#include <memory>

namespace onedial {

class AccessKey final
{
public:
    AccessKey() = default;
    explicit AccessKey(QByteArray base64Text);

    bool isEmpty() const { return !m_data || m_data->bytes.isEmpty(); }
    // The key text as OneNET issues it (base64). Only the signer and the credential store read it.
    const QByteArray &base64Text() const;

private:
    struct Wiped
    {
        QByteArray bytes;
        ~Wiped();
    };
    std::shared_ptr<Wiped> m_data;
};

} // namespace onedial
