// A database's schema as the ordered list of steps that build it: version 1 from an empty file,
// each later version from the one before. Database applies the missing steps, each in its own
// transaction together with the version it reaches (SQLite's user_version, or the table
// onedial_schema on PostgreSQL), so an interrupted upgrade leaves the database at the last whole
// version. The desktop app's contacts and history and the team gateway's
// database each have one.
#pragma once

#include <QLatin1String>
#include <QList>

namespace onedial {

struct Migration
{
    int version;
    QList<QLatin1String> statements;
};

struct Schema
{
    // Never edit a shipped migration: add the next version instead.
    QList<Migration> migrations;
    // The same versions in PostgreSQL's dialect, for a database that can live on a server (the
    // gateway's); empty for one that is only ever a file. Either list ends at the same version.
    QList<Migration> postgresMigrations = {};

    int version() const { return migrations.isEmpty() ? 0 : migrations.constLast().version; }
};

} // namespace onedial
