// The token algorithm against OneNET's published worked example and our cross-check.
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

QTEST_GUILESS_MAIN(TestTokenSigner)
#include "tst_tokensigner.moc"
