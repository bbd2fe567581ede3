// Writing freedesktop.org desktop entries (Linux): the one OneDial ships is a resource, made from
// packaging/linux/<app id>.desktop.in at build time, so the handler and autostart entries written
// at run time say the same as the packaged one, with Exec= pointing at this very executable.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace onedial::desktopentry {

// The packaged entry (Exec=onedial %u).
QByteArray packagedEntry();
// This executable's path, or the AppImage's when run from one (the mounted path changes each run).
QString executablePath();
// One Exec= value: each argument quoted as the Desktop Entry Specification requires, then escaped
// as a string value. Field codes such as %u are passed in fieldCodes, unquoted. Empty when an
// argument cannot be written (a newline in a path).
QString execValue(const QStringList &arguments, const QString &fieldCodes = {});
// entry with its Exec= line replaced, lines starting with any of dropKeys removed, and extraLines
// added at the end of the [Desktop Entry] group.
QByteArray rewrite(const QByteArray &entry, const QString &exec, const QStringList &dropKeys = {},
                   const QStringList &extraLines = {});
// Writes the file atomically, creating its folder; false on failure.
bool writeFile(const QString &path, const QByteArray &contents);

} // namespace onedial::desktopentry
