// The gateway database's schema, one migration per version (storage/Schema.h), for SQLite and
// for PostgreSQL: a shipped version is never edited, the next one is added below it, in both.
#include "GatewayStore.h"

namespace onedial::gateway {

namespace {

// 3: several gateway processes on one database. Each running process is an instance (on a
// shared database it says it is alive every few seconds); a dial remembers the instance that sends it,
// so a dial left "sending" by an instance that stopped saying so (killed, or its machine
// gone) is known to be interrupted, while another instance's dial in flight is not. The same
// statements in both dialects.
Migration instancesMigration()
{
    return {3,
            {
                QLatin1String("CREATE TABLE instances ("
                              " id TEXT PRIMARY KEY,"
                              " host TEXT NOT NULL,"
                              " pid INTEGER NOT NULL,"
                              " started_utc TEXT NOT NULL,"
                              " seen_utc TEXT NOT NULL)"),
                QLatin1String("ALTER TABLE dials ADD COLUMN instance TEXT"),
                QLatin1String("CREATE INDEX dials_sending ON dials(instance) WHERE state = 'sending'"),
            }};
}

} // namespace

const Schema &GatewayStore::schema()
{
    static const Schema schema{
        {
            {1,
             {
                 QLatin1String("CREATE TABLE users ("
                               " id INTEGER PRIMARY KEY,"
                               " name TEXT NOT NULL UNIQUE,"
                               " caller TEXT NOT NULL,"
                               " daily_limit INTEGER NOT NULL DEFAULT 0 CHECK (daily_limit >= 0),"
                               " disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
                               " token_id TEXT NOT NULL UNIQUE,"
                               " token_hash BLOB NOT NULL,"
                               " created_utc TEXT NOT NULL)"),
                 // day: the gateway's local date, which the daily limit counts by.
                 QLatin1String("CREATE TABLE dials ("
                               " id INTEGER PRIMARY KEY,"
                               " user_name TEXT NOT NULL,"
                               " time_utc TEXT NOT NULL,"
                               " day TEXT NOT NULL,"
                               " callee TEXT NOT NULL,"
                               " state TEXT NOT NULL,"
                               " api TEXT,"
                               " request_id TEXT,"
                               " call_id TEXT,"
                               " code_no TEXT,"
                               " code TEXT,"
                               " error TEXT,"
                               " http_status INTEGER,"
                               " finished_utc TEXT,"
                               " address TEXT)"),
                 // One dial in flight per member and number, whichever desktop or gateway process asks.
                 QLatin1String("CREATE UNIQUE INDEX dials_one_in_flight ON dials(user_name, callee)"
                               " WHERE state = 'sending'"),
                 QLatin1String("CREATE INDEX dials_by_user_day ON dials(user_name, day)"),
                 QLatin1String("CREATE INDEX dials_by_user ON dials(user_name, id)"),
                 QLatin1String("CREATE TABLE audit ("
                               " id INTEGER PRIMARY KEY,"
                               " time_utc TEXT NOT NULL,"
                               " event TEXT NOT NULL,"
                               " user_name TEXT,"
                               " dial_id INTEGER,"
                               " callee TEXT,"
                               " outcome TEXT,"
                               " request_id TEXT,"
                               " call_id TEXT,"
                               " code TEXT,"
                               " error TEXT,"
                               " address TEXT,"
                               " detail TEXT)"),
                 QLatin1String("CREATE INDEX audit_by_user ON audit(user_name, id)"),
                 QLatin1String("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
                               " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
                 QLatin1String("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
                               " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
             }},
            // 2: how each call went, from OneNET's status callbacks. The dial keeps the latest state
            // (call_status: CallingCaller, CallingCallee, Connected, Disconnected), and each state a
            // call moved into is one row of call_events, whose id only grows (AUTOINCREMENT: never
            // reused), so a desktop can resume its event stream after the last id it saw.
            {2,
             {
                 QLatin1String("ALTER TABLE dials ADD COLUMN call_status TEXT"),
                 QLatin1String("ALTER TABLE dials ADD COLUMN reason TEXT"),
                 QLatin1String("ALTER TABLE dials ADD COLUMN call_duration INTEGER"),
                 QLatin1String("ALTER TABLE dials ADD COLUMN report_date TEXT"),
                 QLatin1String("ALTER TABLE dials ADD COLUMN status_utc TEXT"),
                 QLatin1String("CREATE INDEX dials_by_call_id ON dials(call_id) WHERE call_id IS NOT NULL"),
                 QLatin1String("CREATE TABLE call_events ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " user_name TEXT NOT NULL,"
                               " dial_id INTEGER NOT NULL,"
                               " call_id TEXT NOT NULL,"
                               " status TEXT NOT NULL,"
                               " reason TEXT,"
                               " call_duration INTEGER,"
                               " caller_call_duration INTEGER,"
                               " report_date TEXT,"
                               " received_utc TEXT NOT NULL)"),
                 QLatin1String("CREATE INDEX call_events_by_user ON call_events(user_name, id)"),
                 // A call enters each state once; the database refuses a second row even if the
                 // process's own check were bypassed.
                 QLatin1String("CREATE UNIQUE INDEX call_events_once ON call_events(dial_id, status)"),
                 QLatin1String("CREATE TRIGGER call_events_no_update BEFORE UPDATE ON call_events"
                               " BEGIN SELECT RAISE(ABORT, 'call events are append-only'); END"),
                 QLatin1String("CREATE TRIGGER call_events_no_delete BEFORE DELETE ON call_events"
                               " BEGIN SELECT RAISE(ABORT, 'call events are append-only'); END"),
                 QLatin1String("ALTER TABLE audit ADD COLUMN reason TEXT"),
                 QLatin1String("ALTER TABLE audit ADD COLUMN call_duration INTEGER"),
                 QLatin1String("ALTER TABLE audit ADD COLUMN report_date TEXT"),
             }},
            instancesMigration(),
        },
        // The same model in PostgreSQL's dialect: 64-bit identity columns (BY DEFAULT, so that
        // `migrate --from-sqlite` keeps every id), BYTEA for the token's hash, and a trigger
        // function for the append-only tables, which also refuses TRUNCATE. Times stay ISO 8601
        // text in UTC, compared as text exactly as in SQLite.
        {
            {1,
             {
                 QLatin1String("CREATE FUNCTION onedial_append_only() RETURNS trigger LANGUAGE plpgsql AS"
                               " $$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$"),
                 QLatin1String("CREATE TABLE users ("
                               " id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                               " name TEXT NOT NULL UNIQUE,"
                               " caller TEXT NOT NULL,"
                               " daily_limit INTEGER NOT NULL DEFAULT 0 CHECK (daily_limit >= 0),"
                               " disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
                               " token_id TEXT NOT NULL UNIQUE,"
                               " token_hash BYTEA NOT NULL,"
                               " created_utc TEXT NOT NULL)"),
                 QLatin1String("CREATE TABLE dials ("
                               " id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                               " user_name TEXT NOT NULL,"
                               " time_utc TEXT NOT NULL,"
                               " day TEXT NOT NULL,"
                               " callee TEXT NOT NULL,"
                               " state TEXT NOT NULL,"
                               " api TEXT,"
                               " request_id TEXT,"
                               " call_id TEXT,"
                               " code_no TEXT,"
                               " code TEXT,"
                               " error TEXT,"
                               " http_status INTEGER,"
                               " finished_utc TEXT,"
                               " address TEXT)"),
                 QLatin1String("CREATE UNIQUE INDEX dials_one_in_flight ON dials(user_name, callee)"
                               " WHERE state = 'sending'"),
                 QLatin1String("CREATE INDEX dials_by_user_day ON dials(user_name, day)"),
                 QLatin1String("CREATE INDEX dials_by_user ON dials(user_name, id)"),
                 QLatin1String("CREATE TABLE audit ("
                               " id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                               " time_utc TEXT NOT NULL,"
                               " event TEXT NOT NULL,"
                               " user_name TEXT,"
                               " dial_id BIGINT,"
                               " callee TEXT,"
                               " outcome TEXT,"
                               " request_id TEXT,"
                               " call_id TEXT,"
                               " code TEXT,"
                               " error TEXT,"
                               " address TEXT,"
                               " detail TEXT)"),
                 QLatin1String("CREATE INDEX audit_by_user ON audit(user_name, id)"),
                 QLatin1String("CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW"
                               " EXECUTE FUNCTION onedial_append_only('the audit log is append-only')"),
                 QLatin1String("CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT"
                               " EXECUTE FUNCTION onedial_append_only('the audit log is append-only')"),
             }},
            {2,
             {
                 QLatin1String("ALTER TABLE dials ADD COLUMN call_status TEXT,"
                               " ADD COLUMN reason TEXT,"
                               " ADD COLUMN call_duration BIGINT,"
                               " ADD COLUMN report_date TEXT,"
                               " ADD COLUMN status_utc TEXT"),
                 QLatin1String("CREATE INDEX dials_by_call_id ON dials(call_id) WHERE call_id IS NOT NULL"),
                 QLatin1String("CREATE TABLE call_events ("
                               " id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                               " user_name TEXT NOT NULL,"
                               " dial_id BIGINT NOT NULL,"
                               " call_id TEXT NOT NULL,"
                               " status TEXT NOT NULL,"
                               " reason TEXT,"
                               " call_duration BIGINT,"
                               " caller_call_duration BIGINT,"
                               " report_date TEXT,"
                               " received_utc TEXT NOT NULL)"),
                 QLatin1String("CREATE INDEX call_events_by_user ON call_events(user_name, id)"),
                 QLatin1String("CREATE UNIQUE INDEX call_events_once ON call_events(dial_id, status)"),
                 QLatin1String(
                     "CREATE TRIGGER call_events_no_change BEFORE UPDATE OR DELETE ON call_events"
                     " FOR EACH ROW EXECUTE FUNCTION onedial_append_only('call events are append-only')"),
                 QLatin1String("CREATE TRIGGER call_events_no_truncate BEFORE TRUNCATE ON call_events"
                               " FOR EACH STATEMENT EXECUTE FUNCTION"
                               " onedial_append_only('call events are append-only')"),
                 QLatin1String("ALTER TABLE audit ADD COLUMN reason TEXT,"
                               " ADD COLUMN call_duration BIGINT,"
                               " ADD COLUMN report_date TEXT"),
             }},
            instancesMigration(),
        }};
    return schema;
}

} // namespace onedial::gateway
