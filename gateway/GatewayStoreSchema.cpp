// The gateway database's schema, one migration per version (storage/Schema.h): a shipped
// version is never edited, the next one is added below it.
#include "GatewayStore.h"

namespace onedial::gateway {

const Schema &GatewayStore::schema()
{
    static const Schema schema{{
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
    }};
    return schema;
}

} // namespace onedial::gateway
