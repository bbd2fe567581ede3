#include "SandboxScenarios.h"

#include "ResultCatalogue.h"

namespace onedial {

const QList<SandboxScenario> &SandboxScenarios::all()
{
    static const QList<SandboxScenario> scenarios = [] {
        QList<SandboxScenario> list;
        // v1: 138 0000 01NN answers the NN-th error code of the catalogue (NN from 01).
        int index = 0;
        for (const ResultCode &code : ResultCatalogue::v1Codes()) {
            if (QLatin1String(code.codeNo) == QLatin1String("000000"))
                continue;
            ++index;
            list.append({QStringLiteral("138000001%1").arg(index, 2, 10, QLatin1Char('0')),
                         SandboxScenario::Kind::ServiceCode, Api::V1, QLatin1String(code.codeNo)});
        }
        // v2: 138 0000 02NN answers the NN-th iot.vcs error name.
        index = 0;
        for (const ResultCode &code : ResultCatalogue::v2Codes()) {
            ++index;
            list.append({QStringLiteral("138000002%1").arg(index, 2, 10, QLatin1Char('0')),
                         SandboxScenario::Kind::ServiceCode, Api::V2, QLatin1String(code.name)});
        }
        using Ending = SandboxCallbacks::Ending;
        for (Api api : {Api::V1, Api::V2}) {
            list.append({QStringLiteral("13800000901"), SandboxScenario::Kind::Slow, api, {}});
            list.append({QStringLiteral("13800000902"), SandboxScenario::Kind::ErrorPage, api, {}});
            // Accepted; the status callbacks (when a notify_url was sent) end the call this way.
            const std::pair<const char *, Ending> endings[] = {
                {"13800000903", Ending::CalleeBusy},     {"13800000904", Ending::CalleeNoAnswer},
                {"13800000905", Ending::CallerNoAnswer}, {"13800000906", Ending::CalleeFailure},
                {"13800000907", Ending::CallerBusy},     {"13800000908", Ending::Disorderly},
            };
            for (const auto &[callee, ending] : endings)
                list.append({QLatin1String(callee), SandboxScenario::Kind::CallEnds, api, {}, ending});
        }
        return list;
    }();
    return scenarios;
}

const SandboxScenario *SandboxScenarios::find(Api api, const QString &calleeApiForm)
{
    if (!calleeApiForm.startsWith(QLatin1String("86")))
        return nullptr;
    const QString national = calleeApiForm.mid(2);
    for (const SandboxScenario &scenario : all()) {
        if (scenario.api == api && scenario.callee == national)
            return &scenario;
    }
    return nullptr;
}

QString SandboxScenarios::appId()
{
    return QStringLiteral("0d1a15a4db0000000000000000000001");
}

QString SandboxScenarios::userId()
{
    return QStringLiteral("100001");
}

QString SandboxScenarios::sponsor()
{
    return QStringLiteral("075528000003");
}

QString SandboxScenarios::caller()
{
    return QStringLiteral("8613800138000");
}

QByteArray SandboxScenarios::key()
{
    // base64 of the 32 bytes "OneDial sandbox key, not secret."
    return QByteArrayLiteral("T25lRGlhbCBzYW5kYm94IGtleSwgbm90IHNlY3JldC4=");
}

} // namespace onedial
