// Holds an account's secret in memory only, and wipes it when the last copy goes away: a OneNET
// access key, or for a gateway account the member's gateway token (kept in the keychain the same
// way). It has no conversion to text and no debug output, so it cannot end up in a log by accident.
#pragma once

#include "AccountKind.h"

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
    // Why this cannot be a gateway token (translated), or an empty string when it can: "odg_", an
    // id of 8 characters, "_" and 35 characters of secret, the id and the secret in base64url.
    QString gatewayTokenProblem() const;
    // The rule for the secret of an account of this kind.
    QString problemFor(AccountKind kind) const
    {
        return kind == AccountKind::Gateway ? gatewayTokenProblem() : problem();
    }
    static constexpr int kGatewayTokenLength = 48;

    // The key text as OneNET issues it (base64), or the gateway token. Only the signer, the dial
    // client and the credential store read it.
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
