#include "DesktopEntry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace onedial::desktopentry {

namespace {

// Characters that oblige an Exec argument to be quoted (Desktop Entry Specification, "The Exec key").
bool needsQuoting(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    if (argument.isEmpty())
        return true;
    for (const QChar c : argument) {
        if (reserved.contains(c))
            return true;
    }
    return false;
}

QString quoted(const QString &argument)
{
    if (!needsQuoting(argument))
        return argument;
    QString out = QStringLiteral("\"");
    for (const QChar c : argument) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('"');
}

} // namespace

QByteArray packagedEntry()
{
    QFile file(QStringLiteral(":/packaging/" ONEDIAL_APP_ID ".desktop"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString executablePath()
{
    QString appImage = qEnvironmentVariable("APPIMAGE");
    if (!appImage.isEmpty() && QFileInfo(appImage).isExecutable())
        return appImage;
    return QCoreApplication::applicationFilePath();
}

QString execValue(const QStringList &arguments, const QString &fieldCodes)
{
    QStringList parts;
    for (const QString &argument : arguments) {
        if (argument.contains(QLatin1Char('\n')) || argument.contains(QLatin1Char('\r')))
            return {};
        // A literal % would be read as a field code.
        QString part = quoted(argument).replace(QLatin1Char('%'), QStringLiteral("%%"));
        // The Exec value is itself a string value, whose own escape for a backslash is "\\".
        parts << part.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    }
    if (!fieldCodes.isEmpty())
        parts << fieldCodes;
    return parts.join(QLatin1Char(' '));
}

QByteArray rewrite(const QByteArray &entry, const QString &exec, const QStringList &dropKeys,
                   const QStringList &extraLines)
{
    QList<QByteArray> lines = entry.split('\n');
    QList<QByteArray> out;
    bool inMainGroup = false;
    qsizetype mainGroupEnd = -1;
    for (const QByteArray &line : lines) {
        if (line.startsWith('[')) {
            if (inMainGroup)
                mainGroupEnd = out.size();
            inMainGroup = line.trimmed() == "[Desktop Entry]";
        }
        const QString text = QString::fromUtf8(line);
        if (inMainGroup && text.startsWith(QLatin1String("Exec="))) {
            out << (QStringLiteral("Exec=") + exec).toUtf8();
            continue;
        }
        bool drop = false;
        for (const QString &key : dropKeys)
            drop = drop || (inMainGroup && (text.startsWith(key + QLatin1Char('=')) ||
                                            text.startsWith(key + QLatin1Char('['))));
        if (!drop)
            out << line;
    }
    if (mainGroupEnd < 0) {
        // Insert before the trailing empty line that the final newline leaves.
        mainGroupEnd = !out.isEmpty() && out.last().isEmpty() ? out.size() - 1 : out.size();
    }
    for (qsizetype i = extraLines.size() - 1; i >= 0; --i)
        out.insert(mainGroupEnd, extraLines.at(i).toUtf8());
    return out.join('\n');
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(contents);
    return file.commit();
}

} // namespace onedial::desktopentry
