#include "TlsFiles.h"

#include <QByteArrayView>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

#include <optional>

namespace onedial::http {

namespace {

// Just enough DER to find the public key inside a certificate's key and inside a private key,
// so that a key file that belongs to another certificate is refused at load time instead of
// failing every handshake afterwards.
struct Der
{
    quint8 tag = 0;
    QByteArrayView content;
};

std::optional<Der> readDer(QByteArrayView data, qsizetype *pos)
{
    if (*pos + 2 > data.size())
        return std::nullopt;
    Der der;
    der.tag = static_cast<quint8>(data[*pos]);
    qsizetype length = static_cast<quint8>(data[*pos + 1]);
    *pos += 2;
    if (length & 0x80) {
        const int count = length & 0x7f;
        if (count == 0 || count > 4 || *pos + count > data.size())
            return std::nullopt;
        length = 0;
        for (int i = 0; i < count; ++i)
            length = (length << 8) | static_cast<quint8>(data[(*pos)++]);
    }
    if (length > data.size() - *pos)
        return std::nullopt;
    der.content = data.sliced(*pos, length);
    *pos += length;
    return der;
}

QList<Der> readSequence(QByteArrayView content)
{
    QList<Der> items;
    qsizetype pos = 0;
    while (pos < content.size()) {
        const std::optional<Der> item = readDer(content, &pos);
        if (!item)
            return {};
        items.append(*item);
    }
    return items;
}

constexpr quint8 kInteger = 0x02;
constexpr quint8 kBitString = 0x03;
constexpr quint8 kOctetString = 0x04;
constexpr quint8 kSequence = 0x30;
constexpr quint8 kEcPublicKey = 0xa1; // [1], the public point inside an EC private key

// The public key's own bits: RSA (modulus, exponent) or an EC point, from a certificate key's DER
// (SubjectPublicKeyInfo, or a bare PKCS#1 RSAPublicKey).
QList<QByteArrayView> publicParts(QByteArrayView der)
{
    qsizetype pos = 0;
    std::optional<Der> top = readDer(der, &pos);
    if (!top || top->tag != kSequence)
        return {};
    QList<Der> items = readSequence(top->content);
    if (items.size() == 2 && items.at(0).tag == kSequence && items.at(1).tag == kBitString &&
        !items.at(1).content.isEmpty()) {
        const QByteArrayView bits = items.at(1).content.sliced(1); // after the unused-bits count
        pos = 0;
        std::optional<Der> inner = readDer(bits, &pos);
        if (inner && inner->tag == kSequence && pos == bits.size())
            items = readSequence(inner->content); // RSA
        else
            return {bits}; // EC
    }
    if (items.size() == 2 && items.at(0).tag == kInteger && items.at(1).tag == kInteger)
        return {items.at(0).content, items.at(1).content};
    return {};
}

// The same parts inside a private key's DER (PKCS#1 RSA, RFC 5915 EC, or either in PKCS#8);
// empty when the key does not carry them (an EC key may leave its public point out).
QList<QByteArrayView> privateParts(QByteArrayView der)
{
    qsizetype pos = 0;
    std::optional<Der> top = readDer(der, &pos);
    if (!top || top->tag != kSequence)
        return {};
    const QList<Der> items = readSequence(top->content);
    if (items.size() >= 3 && items.at(0).tag == kInteger && items.at(1).tag == kSequence &&
        items.at(2).tag == kOctetString)
        return privateParts(items.at(2).content); // PKCS#8 around the key
    if (items.size() >= 3 && items.at(1).tag == kInteger && items.at(2).tag == kInteger)
        return {items.at(1).content, items.at(2).content}; // RSA: version, modulus, exponent, …
    for (const Der &item : items) {
        if (item.tag != kEcPublicKey)
            continue;
        pos = 0;
        std::optional<Der> bits = readDer(item.content, &pos);
        if (bits && bits->tag == kBitString && !bits->content.isEmpty())
            return {bits->content.sliced(1)};
    }
    return {};
}

bool readFile(const QString &fileName, const QString &what, QByteArray *data, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read the TLS %1 file %2: %3.")
                     .arg(what, QFileInfo(fileName).absoluteFilePath(), file.errorString());
        return false;
    }
    // PEM files are small; a huge one is not a certificate or key.
    *data = file.read(1024 * 1024);
    return true;
}

} // namespace

bool loadTlsConfiguration(const QString &certificateFile, const QString &keyFile,
                          QSslConfiguration *configuration, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QByteArray certificatePem;
    QByteArray keyPem;
    if (!readFile(certificateFile, QStringLiteral("certificate"), &certificatePem, error) ||
        !readFile(keyFile, QStringLiteral("private key"), &keyPem, error))
        return false;

    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = QStringLiteral("The TLS certificate file %1 holds no PEM certificate "
                                "(\"-----BEGIN CERTIFICATE-----\").")
                     .arg(QFileInfo(certificateFile).absoluteFilePath());
        return false;
    }
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("The TLS key file %1 holds no unencrypted RSA or EC private key in PEM form "
                                "(a key protected by a passphrase cannot be used).")
                     .arg(QFileInfo(keyFile).absoluteFilePath());
        return false;
    }
    // The parts are views into these two arrays, which must outlive them.
    const QByteArray certificateKeyDer = chain.first().publicKey().toDer();
    const QList<QByteArrayView> certificateParts = publicParts(certificateKeyDer);
    const QByteArray keyDer = key.toDer();
    const QList<QByteArrayView> keyParts = privateParts(keyDer);
    if (!certificateParts.isEmpty() && !keyParts.isEmpty() && certificateParts != keyParts) {
        *error =
            QStringLiteral("The TLS key in %1 is not the private key of the certificate in %2.")
                .arg(QFileInfo(keyFile).absoluteFilePath(), QFileInfo(certificateFile).absoluteFilePath());
        return false;
    }

    QSslConfiguration result = QSslConfiguration::defaultConfiguration();
    result.setLocalCertificateChain(chain);
    result.setPrivateKey(key);
    result.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens, not certificates
    result.setProtocol(QSsl::TlsV1_2OrLater);
    *configuration = result;
    return true;
}

} // namespace onedial::http
