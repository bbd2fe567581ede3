#!/usr/bin/env bash
# Runs its arguments next to a throw-away PostgreSQL 15 server: a cluster made afresh in a
# temporary folder (initdb), listening on 127.0.0.1 at a free port and on a Unix socket in that
# folder, with one database and a role whose password is in a 0600 file. Stopped and removed
# afterwards, whatever the command's outcome. Never touches a server of the machine's own.
#
#   tests/with-postgres.sh COMMAND [ARGS...]
#
# The command sees ONEDIAL_TEST_PG_URL (postgresql://onedial@127.0.0.1:PORT/onedial),
# ONEDIAL_TEST_PG_PASSWORD_FILE, ONEDIAL_TEST_PG_DATA and ONEDIAL_TEST_PG_CTL (a script that runs
# pg_ctl on the cluster, as its owner: `"$ONEDIAL_TEST_PG_CTL" stop -m immediate`, `... start`),
# so a test can take the database away and bring it back. Exit status: the command's; 127 when
# PostgreSQL 15 is not installed (Debian: postgresql-15).
set -euo pipefail
me=$(basename "$0")
bin=/usr/lib/postgresql/15/bin
if [[ $# -eq 0 ]]; then
    echo "$me: usage: $me COMMAND [ARGS...]" >&2
    exit 2
fi
if [[ ! -x $bin/initdb || ! -x $bin/pg_ctl ]]; then
    echo "$me: ERROR: PostgreSQL 15 not found in $bin; install the package postgresql-15" >&2
    exit 127
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/onedial-pg.XXXXXX")
chmod 0755 "$work"
# initdb and postgres refuse to run as root: as root, the cluster belongs to the postgres user.
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$work"
    as_owner=(runuser -u postgres --)
fi
password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
printf '%s' "$password" >"$work/password"
chmod 0600 "$work/password"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

cat >"$work/pg_ctl" <<CTL
#!/usr/bin/env bash
exec ${as_owner[*]} $bin/pg_ctl -D "$work/data" -l "$work/server.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1" "\$@"
CTL
chmod 0755 "$work/pg_ctl"

cleanup() {
    "$work/pg_ctl" stop -m immediate >/dev/null 2>&1 || true
    rm -rf -- "$work"
}
trap cleanup EXIT

# The password for initdb's superuser role comes from a file only it can read.
printf '%s\n' "$password" >"$work/pwfile"
[[ ${#as_owner[@]} -gt 0 ]] && chown postgres "$work/pwfile"
"${as_owner[@]}" "$bin/initdb" -D "$work/data" -U onedial --pwfile="$work/pwfile" -A scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 --no-instructions >"$work/initdb.log" 2>&1 ||
    { cat "$work/initdb.log" >&2; exit 1; }
rm -f "$work/pwfile"
"$work/pg_ctl" start >/dev/null || { cat "$work/server.log" >&2; exit 1; }
PGPASSWORD=$password psql -h 127.0.0.1 -p "$port" -U onedial -d postgres -qc 'CREATE DATABASE onedial' >/dev/null

export ONEDIAL_TEST_PG_URL="postgresql://onedial@127.0.0.1:$port/onedial"
export ONEDIAL_TEST_PG_PASSWORD_FILE="$work/password"
export ONEDIAL_TEST_PG_DATA="$work/data"
export ONEDIAL_TEST_PG_CTL="$work/pg_ctl"
status=0
"$@" || status=$?
exit $status
