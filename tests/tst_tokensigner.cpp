// The token algorithm against OneNET's published worked example and our cross-check, and the check
// of tokens made with the same key elsewhere (OneNET signs its status callbacks that way).
#include "onenet/TokenSigner.h"

#include <QTest>

using namespace onedial;

class TestTokenSigner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signsPublishedVectors_data();
    void signsPublishedVectors();
    void officialHeaderIsExact();
    void encodesReservedCharacters();
    void resAndVersionPerGeneration();
    void rejectsKeysThatAreNotOneNetKeys();
    void parsesItsOwnHeader();
    void methodsDiffer();
    void verifiesTokensMadeWithTheKey_data();
    void verifiesTokensMadeWithTheKey();
};

void TestTokenSigner::signsPublishedVectors_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<qint64>("et");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("res");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QByteArray>("sign");

    QTest::newRow("OneNET token tool example")
        << QByteArray("DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I=") << qint64(1672735919)
        << QStringLiteral("md5") << QStringLiteral("products/238322/devices/mqtts-test-device")
        << QStringLiteral("2018-10-31") << QByteArray("TqXfglVQXI7rjbqw2EgW+Q==");
    QTest::newRow("voice v1 cross-check")
        << QByteArray("KuF3NT/jUBJ62LNBB/A8XZA9CqS3Cu79B/ABmfA1UCw=") << qint64(1537255523)
        << QStringLiteral("md5") << QStringLiteral("onenet_voice/123123") << QStringLiteral("v1")
        << QByteArray("B/8EzGyBjt6DF1+dNp5h3A==");
}

void TestTokenSigner::signsPublishedVectors()
{
    QFETCH(QByteArray, key);
    QFETCH(qint64, et);
    QFETCH(QString, method);
    QFETCH(QString, res);
    QFETCH(QString, version);
    QFETCH(QByteArray, sign);

    const auto signMethod = signMethodFromName(method);
    QVERIFY(signMethod);
    const auto signature = TokenSigner::sign(AccessKey(key), {version, res, et, *signMethod});
    QVERIFY(signature);
    QCOMPARE(*signature, sign);
}

void TestTokenSigner::officialHeaderIsExact()
{
    const auto header = TokenSigner::authorization(
        AccessKey("DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I="),
        {QStringLiteral("2018-10-31"), QStringLiteral("products/238322/devices/mqtts-test-device"),
         1672735919, SignMethod::Md5});
    QVERIFY(header);
    QCOMPARE(*header, QByteArray("version=2018-10-31&res=products%2F238322%2Fdevices%2Fmqtts-test-device"
                                 "&et=1672735919&method=md5&sign=TqXfglVQXI7rjbqw2EgW%2BQ%3D%3D"));
}

void TestTokenSigner::encodesReservedCharacters()
{
    // The cross-check's sign holds '/' and '+' and ends in '='; all must be escaped.
    const auto header = TokenSigner::authorization(
        AccessKey("KuF3NT/jUBJ62LNBB/A8XZA9CqS3Cu79B/ABmfA1UCw="),
        {QStringLiteral("v1"), QStringLiteral("onenet_voice/123123"), 1537255523, SignMethod::Md5});
    QVERIFY(header);
    QCOMPARE(*header, QByteArray("version=v1&res=onenet_voice%2F123123&et=1537255523&method=md5"
                                 "&sign=B%2F8EzGyBjt6DF1%2BdNp5h3A%3D%3D"));
    QVERIFY(!header->contains('+'));
    QVERIFY(!header->contains("=="));
}

void TestTokenSigner::resAndVersionPerGeneration()
{
    QCOMPARE(TokenSigner::resFor(Api::V1, QStringLiteral("abc")), QStringLiteral("onenet_voice/abc"));
    QCOMPARE(TokenSigner::resFor(Api::V2, QStringLiteral("42")), QStringLiteral("userid/42"));
    QCOMPARE(TokenSigner::versionFor(Api::V1), QStringLiteral("v1"));
    QCOMPARE(TokenSigner::versionFor(Api::V2), QStringLiteral("2020-05-29"));
}

void TestTokenSigner::rejectsKeysThatAreNotOneNetKeys()
{
    const TokenParams params{QStringLiteral("v1"), QStringLiteral("onenet_voice/1"), 1, SignMethod::Sha256};
    QVERIFY(!TokenSigner::sign(AccessKey(""), params));
    QVERIFY(!TokenSigner::sign(AccessKey("not base64 at all!"), params));
    QVERIFY(!TokenSigner::isValidKeyText("%%%"));
    QVERIFY(TokenSigner::isValidKeyText("DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I="));
    // Base64, but no key OneNET issues: they decode to 32 bytes, and 16 to 64 pass.
    QVERIFY(!TokenSigner::isValidKeyText("abc"));
    QVERIFY(!TokenSigner::isValidKeyText("c2VjcmV0"));
    QVERIFY(!TokenSigner::sign(AccessKey("c2VjcmV0"), params));
    QVERIFY(!TokenSigner::isValidKeyText(QByteArray(15, 'k').toBase64()));
    QVERIFY(TokenSigner::isValidKeyText(QByteArray(16, 'k').toBase64()));
    QVERIFY(TokenSigner::isValidKeyText(QByteArray(64, 'k').toBase64()));
    QVERIFY(!TokenSigner::isValidKeyText(QByteArray(65, 'k').toBase64()));
    QVERIFY(AccessKey(QByteArray(65, 'k').toBase64()).problem().contains(QLatin1String("too long")));
    QVERIFY(AccessKey("c2VjcmV0").problem().contains(QLatin1String("too short")));
    QVERIFY(AccessKey("%%%").problem().contains(QLatin1String("base64")));
    // A trailing newline from a pipe is not part of the key.
    QCOMPARE(*TokenSigner::sign(AccessKey("DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I=\n"), params),
             *TokenSigner::sign(AccessKey("DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I="), params));
}

void TestTokenSigner::parsesItsOwnHeader()
{
    const TokenParams params{QStringLiteral("2020-05-29"), QStringLiteral("userid/77 a&b=c"), 1700000000,
                             SignMethod::Sha1};
    const AccessKey key("DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I=");
    const auto header = TokenSigner::authorization(key, params);
    QVERIFY(header);
    const auto parsed = TokenSigner::parseAuthorization(*header);
    QVERIFY(parsed);
    QCOMPARE(parsed->first.res, params.res);
    QCOMPARE(parsed->first.version, params.version);
    QCOMPARE(parsed->first.et, params.et);
    QCOMPARE(parsed->first.method, SignMethod::Sha1);
    QCOMPARE(parsed->second, *TokenSigner::sign(key, params));
    QVERIFY(!TokenSigner::parseAuthorization("version=v1&res=x"));
    QVERIFY(!TokenSigner::parseAuthorization("garbage"));
}

void TestTokenSigner::methodsDiffer()
{
    const AccessKey key("DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I=");
    TokenParams params{QStringLiteral("v1"), QStringLiteral("onenet_voice/1"), 1700000000, SignMethod::Md5};
    const QByteArray md5 = *TokenSigner::sign(key, params);
    params.method = SignMethod::Sha1;
    const QByteArray sha1 = *TokenSigner::sign(key, params);
    params.method = SignMethod::Sha256;
    const QByteArray sha256 = *TokenSigner::sign(key, params);
    // Decoded MAC lengths: 16, 20 and 32 bytes.
    QCOMPARE(QByteArray::fromBase64(md5).size(), 16);
    QCOMPARE(QByteArray::fromBase64(sha1).size(), 20);
    QCOMPARE(QByteArray::fromBase64(sha256).size(), 32);
}

void TestTokenSigner::verifiesTokensMadeWithTheKey_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<TokenCheck>("expected");

    const AccessKey key("KuF3NT/jUBJ62LNBB/A8XZA9CqS3Cu79B/ABmfA1UCw=");
    const AccessKey otherKey("DR883k7np7iYavEtpHeArHV86tUTEwKdNkC6gdee78I=");
    const TokenParams v1{QStringLiteral("v1"), QStringLiteral("onenet_voice/123123"), 2000, SignMethod::Md5};
    const auto header = [](const AccessKey &signingKey, const TokenParams &params) {
        return *TokenSigner::authorization(signingKey, params);
    };
    const QByteArray crossCheck("version=v1&res=onenet_voice%2F123123&et=1537255523&method=md5"
                                "&sign=B%2F8EzGyBjt6DF1%2BdNp5h3A%3D%3D");

    QTest::newRow("md5") << header(key, v1) << qint64(1000) << TokenCheck::Valid;
    QTest::newRow("sha256") << header(key, {v1.version, v1.res, v1.et, SignMethod::Sha256}) << qint64(1000)
                            << TokenCheck::Valid;
    QTest::newRow("expires this second")
        << header(key, {v1.version, v1.res, 1000, SignMethod::Sha1}) << qint64(1000) << TokenCheck::Valid;
    QTest::newRow("the cross-check vector") << crossCheck << qint64(1537255523) << TokenCheck::Valid;
    QTest::newRow("the cross-check vector a second later")
        << crossCheck << qint64(1537255524) << TokenCheck::Expired;
    QTest::newRow("empty") << QByteArray() << qint64(1000) << TokenCheck::Missing;
    QTest::newRow("a bearer token") << QByteArray("Bearer odg_x") << qint64(1000) << TokenCheck::Malformed;
    QTest::newRow("no sign") << QByteArray("version=v1&res=onenet_voice%2F123123&et=2000&method=md5")
                             << qint64(1000) << TokenCheck::Malformed;
    QTest::newRow("another appid") << header(key, {v1.version, QStringLiteral("onenet_voice/123124"), v1.et,
                                                   SignMethod::Md5})
                                   << qint64(1000) << TokenCheck::WrongResource;
    QTest::newRow("the other generation")
        << header(key,
                  {QStringLiteral("2020-05-29"), QStringLiteral("userid/123123"), v1.et, SignMethod::Md5})
        << qint64(1000) << TokenCheck::WrongResource;
    QTest::newRow("another key") << header(otherKey, v1) << qint64(1000) << TokenCheck::BadSignature;
    QByteArray tampered = header(key, v1);
    tampered.replace("et=2000", "et=2001");
    QTest::newRow("et changed after signing") << tampered << qint64(1000) << TokenCheck::BadSignature;
    QByteArray swapped = header(key, v1);
    swapped.replace("method=md5", "method=sha1");
    QTest::newRow("method changed after signing") << swapped << qint64(1000) << TokenCheck::BadSignature;
    QByteArray oneCharacter = header(key, v1);
    const qsizetype first = oneCharacter.indexOf("sign=") + 5;
    oneCharacter[first] = oneCharacter.at(first) == 'A' ? 'B' : 'A';
    QTest::newRow("one character of the sign") << oneCharacter << qint64(1000) << TokenCheck::BadSignature;
}

void TestTokenSigner::verifiesTokensMadeWithTheKey()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, now);
    QFETCH(TokenCheck, expected);
    const AccessKey key("KuF3NT/jUBJ62LNBB/A8XZA9CqS3Cu79B/ABmfA1UCw=");
    QCOMPARE(TokenSigner::verify(key, Api::V1, QStringLiteral("123123"), header, now), expected);
    // Without a usable key nothing is believed.
    if (expected == TokenCheck::Valid) {
        QCOMPARE(TokenSigner::verify(AccessKey(), Api::V1, QStringLiteral("123123"), header, now),
                 TokenCheck::BadSignature);
    }
}

QTEST_GUILESS_MAIN(TestTokenSigner)
#include "tst_tokensigner.moc"
