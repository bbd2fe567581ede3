// The translations are complete and in step with the sources: no unfinished or obsolete entry in
// any .ts file, and lupdate finds no string in app/ or ui/ that the .ts files lack.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct TsFile
{
    QSet<QString> messages; // "context\x1fsource\x1fcomment"
    QStringList unfinished;
    QStringList obsolete;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open ") + path;
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QString comment;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            source.clear();
            comment.clear();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("comment")) {
            comment = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString key = context + QChar(0x1f) + source + QChar(0x1f) + comment;
            const QString shown = context + QStringLiteral(": ") + source.left(80);
            ts.messages.insert(key);
            if (type == QLatin1String("unfinished"))
                ts.unfinished << shown;
            else if (type == QLatin1String("obsolete") || type == QLatin1String("vanished"))
                ts.obsolete << shown;
        }
    }
    if (xml.hasError())
        ts.error = path + QStringLiteral(": ") + xml.errorString();
    return ts;
}

QString sourceDir()
{
    return QStringLiteral(ONEDIAL_SOURCE_DIR);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyEntryIsFinished_data();
    void everyEntryIsFinished();
    void sourcesHaveNoUntranslatedStrings_data();
    void sourcesHaveNoUntranslatedStrings();
};

void TestTranslations::everyEntryIsFinished_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("zh_CN") << QStringLiteral("onedial_zh_CN.ts");
    QTest::newRow("en") << QStringLiteral("onedial_en.ts");
}

void TestTranslations::everyEntryIsFinished()
{
    QFETCH(QString, file);
    const TsFile ts = readTs(sourceDir() + QStringLiteral("/translations/") + file);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY(!ts.messages.isEmpty());
    QVERIFY2(ts.unfinished.isEmpty(),
             qPrintable(QStringLiteral("%1 unfinished, for example:\n").arg(ts.unfinished.size()) +
                        ts.unfinished.mid(0, 10).join(QLatin1Char('\n'))));
    QVERIFY2(ts.obsolete.isEmpty(),
             qPrintable(QStringLiteral("obsolete:\n") + ts.obsolete.join(QLatin1Char('\n'))));
}

void TestTranslations::sourcesHaveNoUntranslatedStrings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("pluralOnly");
    QTest::newRow("zh_CN") << QStringLiteral("onedial_zh_CN.ts") << false;
    QTest::newRow("en") << QStringLiteral("onedial_en.ts") << true;
}

void TestTranslations::sourcesHaveNoUntranslatedStrings()
{
    QFETCH(QString, file);
    QFETCH(bool, pluralOnly);
    // lupdate works on a copy, so the check never changes the sources.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString original = sourceDir() + QStringLiteral("/translations/") + file;
    const QString copy = scratch.filePath(file);
    QVERIFY(QFile::copy(original, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QStringList arguments{QStringLiteral("-locations"), QStringLiteral("none"),
                          QStringLiteral("-no-obsolete"), QStringLiteral("-silent")};
    if (pluralOnly)
        arguments << QStringLiteral("-pluralonly");
    arguments << sourceDir() + QStringLiteral("/app") << sourceDir() + QStringLiteral("/ui")
              << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(ONEDIAL_LUPDATE), arguments);
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    const TsFile before = readTs(original);
    const TsFile after = readTs(copy);
    QStringList missing;
    for (const QString &key : after.messages) {
        if (!before.messages.contains(key))
            missing << QString(key).replace(QChar(0x1f), QStringLiteral(" | ")).left(120);
    }
    QStringList stale;
    for (const QString &key : before.messages) {
        if (!after.messages.contains(key))
            stale << QString(key).replace(QChar(0x1f), QStringLiteral(" | ")).left(120);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("strings in the sources but not in %1 (run the "
                                                          "update_translations target):\n")
                                               .arg(file) +
                                           missing.mid(0, 20).join(QLatin1Char('\n'))));
    QVERIFY2(stale.isEmpty(),
             qPrintable(QStringLiteral("entries of %1 no longer in the sources:\n").arg(file) +
                        stale.mid(0, 20).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
