// The one place that builds a click-to-dial request: URL, JSON body and the fields the
// token signs. Building validates everything, so an invalid request never leaves the machine.
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
    Api api = Api::V1;
    QUrl url;
    QByteArray body;
    QString callee;    // API form
    TokenParams token; // everything but et, which is set when the request is sent

    // Builds the request, or returns the NotSent outcome that explains why it cannot be sent.
    static std::pair<std::optional<DialRequest>, DialOutcome> build(const Account &account,
                                                                    const PhoneNumber &callee);
};

} // namespace onedial
