#include "TokenSigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace onedial {

namespace {

QCryptographicHash::Algorithm algorithmFor(SignMethod method)
{
    switch (method) {
    case SignMethod::Md5:
        return QCryptographicHash::Md5;
    case SignMethod::Sha1:
        return QCryptographicHash::Sha1;
    case SignMethod::Sha256:
        break;
    }
    return QCryptographicHash::Sha256;
}

std::optional<QByteArray> decodedKey(const AccessKey &key)
{
    if (!key.problem().isEmpty())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(key.base64Text(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    return std::move(decoded.decoded);
}

// Percent-encodes everything except RFC 3986 unreserved characters, so '+', '/', '=', ' ',
// '?', '%', '#' and '&' all become escapes as OneNET expects.
QByteArray encodeValue(const QByteArray &value)
{
    return value.toPercentEncoding();
}

} // namespace

QString tokenCheckName(TokenCheck check)
{
    switch (check) {
    case TokenCheck::Valid:
        return QStringLiteral("valid");
    case TokenCheck::Missing:
        return QStringLiteral("missing");
    case TokenCheck::Malformed:
        return QStringLiteral("malformed");
    case TokenCheck::WrongResource:
        return QStringLiteral("wrong_resource");
    case TokenCheck::BadSignature:
        return QStringLiteral("bad_signature");
    case TokenCheck::Expired:
        break;
    }
    return QStringLiteral("expired");
}

QString TokenSigner::resFor(Api api, const QString &appIdOrUserId)
{
    return api == Api::V1 ? QStringLiteral("onenet_voice/") + appIdOrUserId
                          : QStringLiteral("userid/") + appIdOrUserId;
}

QString TokenSigner::versionFor(Api api)
{
    return api == Api::V1 ? QStringLiteral("v1") : QStringLiteral("2020-05-29");
}

bool TokenSigner::isValidKeyText(const QByteArray &base64Text)
{
    return AccessKey(base64Text).problem().isEmpty();
}

std::optional<QByteArray> TokenSigner::sign(const AccessKey &key, const TokenParams &params)
{
    auto rawKey = decodedKey(key);
    if (!rawKey)
        return std::nullopt;
    const QString stringToSign = QString::number(params.et) + QLatin1Char('\n') +
                                 signMethodName(params.method) + QLatin1Char('\n') + params.res +
                                 QLatin1Char('\n') + params.version;
    QByteArray mac =
        QMessageAuthenticationCode::hash(stringToSign.toUtf8(), *rawKey, algorithmFor(params.method));
    rawKey->fill('\0');
    return mac.toBase64();
}

std::optional<QByteArray> TokenSigner::authorization(const AccessKey &key, const TokenParams &params)
{
    const auto signature = sign(key, params);
    if (!signature)
        return std::nullopt;
    return QByteArrayLiteral("version=") + encodeValue(params.version.toUtf8()) + QByteArrayLiteral("&res=") +
           encodeValue(params.res.toUtf8()) + QByteArrayLiteral("&et=") + QByteArray::number(params.et) +
           QByteArrayLiteral("&method=") + signMethodName(params.method).toLatin1() +
           QByteArrayLiteral("&sign=") + encodeValue(*signature);
}

std::optional<std::pair<TokenParams, QByteArray>> TokenSigner::parseAuthorization(const QByteArray &header)
{
    TokenParams params;
    QByteArray signature;
    bool haveEt = false;
    bool haveMethod = false;
    for (const QByteArray &pair : header.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq <= 0)
            return std::nullopt;
        const QByteArray name = pair.left(eq);
        const QByteArray value = QByteArray::fromPercentEncoding(pair.mid(eq + 1));
        if (name == "version") {
            params.version = QString::fromUtf8(value);
        } else if (name == "res") {
            params.res = QString::fromUtf8(value);
        } else if (name == "et") {
            bool ok = false;
            params.et = value.toLongLong(&ok);
            if (!ok)
                return std::nullopt;
            haveEt = true;
        } else if (name == "method") {
            const auto method = signMethodFromName(QString::fromLatin1(value));
            if (!method)
                return std::nullopt;
            params.method = *method;
            haveMethod = true;
        } else if (name == "sign") {
            signature = value;
        }
    }
    if (params.version.isEmpty() || params.res.isEmpty() || !haveEt || !haveMethod || signature.isEmpty())
        return std::nullopt;
    return std::make_pair(params, signature);
}

TokenCheck TokenSigner::verify(const AccessKey &key, Api api, const QString &appIdOrUserId,
                               const QByteArray &header, qint64 nowSecs)
{
    if (header.trimmed().isEmpty())
        return TokenCheck::Missing;
    const auto parsed = parseAuthorization(header.trimmed());
    if (!parsed)
        return TokenCheck::Malformed;
    const auto &[params, signature] = *parsed;
    if (appIdOrUserId.isEmpty() || params.res != resFor(api, appIdOrUserId) ||
        params.version != versionFor(api)) {
        return TokenCheck::WrongResource;
    }
    // The signature before the time: "expired" then only ever describes a token this key made,
    // which points at a clock that is off rather than at a forger.
    const auto expected = sign(key, params);
    if (!expected || !TokenSigner::sameBytes(*expected, signature))
        return TokenCheck::BadSignature;
    if (params.et < nowSecs)
        return TokenCheck::Expired;
    return TokenCheck::Valid;
}

// Compares in time that depends on the lengths only, so a forger learns nothing from how long a
// refusal took about how many characters of a guess were right.
bool TokenSigner::sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace onedial
