#include "TokenCommand.h"

#include "Output.h"
#include "onenet/TokenSigner.h"
#include "platform/TerminalInput.h"

namespace onedial {

void TokenCommand::start()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print the Authorization header value for the given fields. The access "
           "key is read from standard input."));
    const QCommandLineOption res(QStringLiteral("res"),
                                 tr("Resource, such as onenet_voice/APPID or userid/ID."),
                                 QStringLiteral("RES"));
    const QCommandLineOption et(QStringLiteral("et"), tr("Expiry time, Unix seconds."), QStringLiteral("ET"));
    const QCommandLineOption method(QStringLiteral("method"), tr("md5, sha1 or sha256."),
                                    QStringLiteral("M"));
    const QCommandLineOption version(QStringLiteral("version"),
                                     tr("Token version, such as v1 or 2020-05-29."), QStringLiteral("V"));
    parser.addOptions({res, et, method, version});
    if (!parse(parser, QStringLiteral("onedial token --res RES --et ET --method M --version V")))
        return;

    QStringList problems;
    TokenParams params;
    params.res = parser.value(res);
    params.version = parser.value(version);
    if (params.res.isEmpty())
        problems << tr("--res is required.");
    if (params.version.isEmpty())
        problems << tr("--version is required.");
    bool etOk = false;
    params.et = parser.value(et).toLongLong(&etOk);
    if (!etOk || params.et <= 0)
        problems << tr("--et must be a Unix time in seconds, such as 1672735919.");
    else if (params.et > 99999999999LL)
        problems << tr("--et looks like milliseconds; OneNET expects seconds.");
    const auto chosen = signMethodFromName(parser.value(method));
    if (!chosen)
        problems << tr("--method must be md5, sha1 or sha256.");
    params.method = chosen.value_or(SignMethod::Sha256);
    if (!problems.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            Output::err(problem);
        finish(2);
        return;
    }
    const AccessKey key(TerminalInput::readSecret(tr("Access key: ")));
    if (const QString problem = key.problem(); !problem.isEmpty()) {
        Output::err(problem);
        finish(2);
        return;
    }
    const auto authorization = TokenSigner::authorization(key, params);
    if (!authorization) {
        finish(2); // not reached: the signer refuses only keys with a problem
        return;
    }
    Output::out(QString::fromLatin1(*authorization));
    finish(0);
}

} // namespace onedial
