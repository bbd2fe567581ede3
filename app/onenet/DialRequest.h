// The one place that builds a click-to-dial request: URL, JSON body and the fields the
// token signs (for a gateway account: the gateway's dial route and a body with the callee alone).
// Building validates everything, so an invalid request never leaves the machine.
#pragma once

#include "DialOutcome.h"
#include "TokenSigner.h"
#include "accounts/Account.h"
#include "phone/PhoneNumber.h"

#include <QByteArray>
#include <QUrl>

#include <optional>

namespace onedial {

struct DialRequest
{
    AccountKind kind = AccountKind::Direct;
    Api api = Api::V1; // Direct
    QUrl url;
    QByteArray body;
    QString callee;    // API form
    TokenParams token; // Direct: everything but et, which is set when the request is sent

    // Builds the request, or returns the NotSent outcome that explains why it cannot be sent.
    static std::pair<std::optional<DialRequest>, DialOutcome> build(const Account &account,
                                                                    const PhoneNumber &callee);
};

} // namespace onedial
