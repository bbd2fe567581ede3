#include "UserToken.h"

#include "onenet/TokenSigner.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace onedial::gateway {

namespace {

constexpr char kPrefix[] = "odg_";
constexpr int kIdBytes = 6;      // 8 characters
constexpr int kSecretBytes = 26; // 35 characters, 208 bits
constexpr int kIdLength = 8;

QByteArray randomText(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    QByteArray text = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    raw.fill('\0');
    return text;
}

bool isBase64UrlCharacter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

} // namespace

UserToken UserToken::generate()
{
    UserToken token;
    token.id = randomText(kIdBytes);
    token.text = QByteArray(kPrefix) + token.id + '_' + randomText(kSecretBytes);
    token.hash = hashOf(token.text);
    Q_ASSERT(token.text.size() == kLength);
    return token;
}

std::optional<UserToken> UserToken::parse(const QByteArray &text)
{
    const qsizetype prefixLength = qsizetype(sizeof(kPrefix) - 1);
    if (text.size() != kLength || !text.startsWith(kPrefix) || text.at(prefixLength + kIdLength) != '_')
        return std::nullopt;
    for (qsizetype i = prefixLength; i < text.size(); ++i) {
        if (i != prefixLength + kIdLength && !isBase64UrlCharacter(text.at(i)))
            return std::nullopt;
    }
    UserToken token;
    token.text = text;
    token.id = text.mid(prefixLength, kIdLength);
    token.hash = hashOf(text);
    return token;
}

std::optional<UserToken> UserToken::fromAuthorization(const QByteArray &authorization)
{
    const QByteArray value = authorization.trimmed();
    const int space = int(value.indexOf(' '));
    if (space <= 0 || value.left(space).toLower() != "bearer")
        return std::nullopt;
    return parse(value.mid(space + 1).trimmed());
}

QByteArray UserToken::hashOf(const QByteArray &text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256);
}

bool UserToken::sameHash(const QByteArray &a, const QByteArray &b)
{
    return TokenSigner::sameBytes(a, b);
}

} // namespace onedial::gateway
