// Holds an access key in memory only, and wipes it when the last copy goes away.
// It has no conversion to text and no debug output, so it cannot end up in a log by accident.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

namespace onedial {

class AccessKey final
{
    Q_DECLARE_TR_FUNCTIONS(AccessKey)

public:
    // OneNET's keys decode to 32 bytes; a little either way is allowed, a fragment or a
    // different secret pasted by mistake is not.
    static constexpr int kMinBytes = 16;
    static constexpr int kMaxBytes = 64;

    AccessKey() = default;
    explicit AccessKey(QByteArray base64Text);

    bool isEmpty() const { return !m_data || m_data->bytes.isEmpty(); }
    // Why this cannot be a OneNET access key (translated), or an empty string when it can: base64
    // text that decodes to kMinBytes to kMaxBytes. The window, the command line and the signer
    // all refuse a key by this one rule.
    QString problem() const;
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
