// The sandbox's chosen callee numbers and what the simulated service does for each, so that
// anyone can see every documented answer, and every way a call can end, without a OneNET account.
// Listed in the README.
#pragma once

#include "SandboxCallbacks.h"
#include "accounts/ApiGeneration.h"

#include <QList>
#include <QString>

namespace onedial {

struct SandboxScenario
{
    // CallEnds: accepted, and the call's status callbacks end this way.
    enum class Kind { ServiceCode, Slow, ErrorPage, CallEnds };
    QString callee; // national form, as a user types it
    Kind kind = Kind::ServiceCode;
    Api api = Api::V1;
    QString code; // v1 code_no or v2 name, for ServiceCode
    SandboxCallbacks::Ending ending = SandboxCallbacks::Ending::HangUp; // for CallEnds
};

class SandboxScenarios final
{
public:
    static const QList<SandboxScenario> &all();
    // The scenario for a callee in API form ("86…"), or nullptr when the call is simply accepted.
    static const SandboxScenario *find(Api api, const QString &calleeApiForm);

    // The sandbox account's fixed, public identity and key. The key is a demonstration value
    // with no power anywhere but the sandbox.
    static QString appId();
    static QString userId();
    static QString sponsor();
    static QString caller();
    static QByteArray key();
};

} // namespace onedial
