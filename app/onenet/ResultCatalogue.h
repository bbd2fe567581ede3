// The one place that turns OneNET's result codes into sentences a user can act on.
#pragma once

#include <QList>
#include <QString>

namespace onedial {

struct ResultCode
{
    const char *codeNo;  // v1 code_no; empty for v2-only entries
    const char *name;    // v1 code, or the v2 name after "iot.vcs."
    const char *meaning; // the documented meaning, in the service's words (English)
    const char *advice;  // QT_TRANSLATE_NOOP text for the user
};

class ResultCatalogue final
{
public:
    static const QList<ResultCode> &v1Codes();
    static const QList<ResultCode> &v2Codes();

    static const ResultCode *findV1(const QString &codeNo);
    // Accepts the name with or without its "iot.vcs." prefix.
    static const ResultCode *findV2(const QString &code);

    // The translated message for a refusal, including the code so support can look it up.
    static QString messageForV1(const QString &codeNo, const QString &serviceMessage);
    static QString messageForV2(const QString &code, const QString &serviceMessage);
};

} // namespace onedial
