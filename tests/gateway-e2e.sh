#!/usr/bin/env bash
# The team gateway end to end, with real processes only: onedial-gateway set up from its command
# line and serving on loopback with its built-in OneNET sandbox, and the desktop's command line
# (onedial, its token in a real Secret Service: run inside tests/with-keyring.sh) dialling
# through it. Covers tokens (wrong, disabled, replaced, removed), the member's fixed caller, the
# daily limit, two desktops dialling one number at once, hostile requests, OneNET's signed status
# callbacks, and the audit log after a kill -9 in the middle of a dial.
#
# With ONEDIAL_E2E_DATABASE=postgresql (inside tests/with-postgres.sh), the same checks run
# against two gateway instances sharing one PostgreSQL database, as behind a load balancer:
# desktops dial through instance A or B, OneNET's callbacks arrive at the other one, both stream
# events, the database is restarted in the middle, and instance A is killed with kill -9.
#
#   tests/with-keyring.sh tests/gateway-e2e.sh ONEDIAL_GATEWAY ONEDIAL
#   ONEDIAL_E2E_DATABASE=postgresql tests/with-postgres.sh tests/with-keyring.sh tests/gateway-e2e.sh …
set -euo pipefail

gateway_bin=${1:?usage: gateway-e2e.sh ONEDIAL_GATEWAY ONEDIAL}
onedial_bin=${2:?usage: gateway-e2e.sh ONEDIAL_GATEWAY ONEDIAL}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/onedial-gateway-e2e.XXXXXX")
state=$work/state
checks=0
database=${ONEDIAL_E2E_DATABASE:-sqlite}
declare -A server_pid=() port_of=()
followers=()
db_args=()
if [[ $database == postgresql ]]; then
    [[ -n ${ONEDIAL_TEST_PG_URL:-} ]] || { echo "gateway-e2e: run inside tests/with-postgres.sh" >&2; exit 2; }
    db_args=(--database "$ONEDIAL_TEST_PG_URL" --database-password-file "$ONEDIAL_TEST_PG_PASSWORD_FILE")
fi

cleanup() {
    for pid in "${server_pid[@]}" "${followers[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf -- "$work"
}
trap cleanup EXIT

fail() {
    echo "gateway-e2e ($database): FAIL: $*" >&2
    for log in "$work"/server-*.log; do
        [[ -f $log ]] || continue
        echo "--- $(basename "$log") ---" >&2
        tail -n 30 "$log" >&2
    done
    exit 1
}

ok() {
    checks=$((checks + 1))
    echo "ok $checks - $*"
}

gw() { "$gateway_bin" "$@" --state "$state"; }

# A JSON field of a one-line object, with python (no jq on a minimal machine).
field() {
    python3 -c 'import json,sys; v=json.loads(sys.argv[1]).get(sys.argv[2]); print("" if v is None else v)' "$1" "$2"
}

# Instance NAME (a, or b with PostgreSQL: its own copy of the state folder, as on a second
# machine) on a free port, or again on the port given (a restart: the desktops know that address).
# Sets base_NAME. The heartbeat is short, so that another instance takes a killed one's dials in
# flight for interrupted within two seconds instead of thirty.
start_gateway() {
    local name=$1 wanted=${2:-0} port=""
    local folder=$state
    [[ $name == a ]] || folder=$work/state-$name
    : >"$work/server-$name.out"
    # The sandbox's own status callbacks a day apart: this script posts the ones it checks.
    ONEDIAL_SANDBOX_CALL_STEP_MS=86400000 ONEDIAL_GATEWAY_HEARTBEAT_MS=300 \
        "$gateway_bin" serve --state "$folder" --port "$wanted" --dial-timeout 3 \
        >"$work/server-$name.out" 2>>"$work/server-$name.log" &
    server_pid[$name]=$!
    for _ in $(seq 100); do
        port=$(sed -n 's/^listening \([0-9]*\)$/\1/p' "$work/server-$name.out")
        [[ -n $port ]] && break
        kill -0 "${server_pid[$name]}" 2>/dev/null || fail "gateway $name did not start"
        sleep 0.1
    done
    [[ -n $port ]] || fail "gateway $name did not say where it listens"
    port_of[$name]=$port
    printf -v "base_$name" '%s' "http://127.0.0.1:$port"
}

wait_healthy() {
    local url=$1
    for _ in $(seq 150); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' "$url/healthz") == 200 ]] && return 0
        sleep 0.1
    done
    fail "$url/healthz did not come back"
}

# Each desktop has its own settings, data and runtime folders; the keychain is the one
# with-keyring.sh started.
desktop() {
    local name=$1
    shift
    mkdir -p "$work/$name/config" "$work/$name/data" "$work/$name/runtime"
    chmod 700 "$work/$name/runtime"
    XDG_CONFIG_HOME=$work/$name/config XDG_DATA_HOME=$work/$name/data XDG_RUNTIME_DIR=$work/$name/runtime \
        "$onedial_bin" "$@"
}

# --- set-up, as an administrator does it ---
# With PostgreSQL, as a small team's gateway grows: set up on SQLite first, then moved.
gw init --public-url https://dial.example.com --listen 127.0.0.1:8181 >/dev/null || fail "init"
gw account set --sandbox >/dev/null || fail "account set --sandbox"
zhang_token=$(gw user add zhang.san --caller 13900139000 2>/dev/null) || fail "user add"
li_token=$(gw user add li.si --caller 13700137000 --daily-limit 1 2>/dev/null) || fail "user add li.si"
[[ ${#zhang_token} -eq 48 && $zhang_token == odg_* ]] || fail "the token printed is not a token"
ok "init, account set --sandbox, user add print a token once"

if [[ $database == postgresql ]]; then
    if gw init --public-url https://dial.example.com --database "postgresql://onedial:secret@127.0.0.1/onedial" \
        >/dev/null 2>"$work/err"; then fail "a database URL with a password was taken"; fi
    grep -q "Leave the password out" "$work/err" || fail "no reason for refusing the URL: $(cat "$work/err")"
    gw init --public-url https://dial.example.com "${db_args[@]}" >"$work/out" || fail "init --database"
    grep -qF "Its database: $ONEDIAL_TEST_PG_URL" "$work/out" || fail "init does not name the database: $(cat "$work/out")"
    python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); assert c["listen_port"]==8181 and c["onenet"]["sandbox"], c' \
        "$state/gateway.json" || fail "init again did not keep the listen address and the account"
    gw migrate --from-sqlite "$state" >"$work/out" || fail "migrate --from-sqlite"
    grep -q "users 2, dials 0, call_events 0, audit" "$work/out" || fail "migrate said: $(cat "$work/out")"
    if gw migrate --from-sqlite "$state" >/dev/null 2>&1; then fail "migrated twice"; fi
    gw audit --json | grep -q '"event":"gateway.migrated"' || fail "the move is not in the audit log"
    ok "init --database refuses a password in the URL, keeps the rest; migrate --from-sqlite moves the members once"
fi
gw user add zhang.san --caller 13900139000 >/dev/null 2>&1 && fail "a second member of the same name was added"
gw user add wang.wu --caller 12345 >/dev/null 2>&1 && fail "a caller that is not a number was taken"
ok "user add refuses a duplicate name and a bad caller"

# The state folder holds no token, and the key file (none: sandbox) is not in the configuration.
if grep -rqF "$zhang_token" "$state"; then fail "a token is in the state folder"; fi
[[ $(stat -c %a "$state") == 700 ]] || fail "the state folder is not private"
ok "tokens are stored as hashes only; the state folder is private"

gw user list --json | python3 -c 'import json,sys; u=json.load(sys.stdin); assert [x["name"] for x in u]==["li.si","zhang.san"], u; assert u[0]["daily_limit"]==1' ||
    fail "user list --json"
ok "user list --json"

start_gateway a
base=$base_a
port=${port_of[a]}
# Where the other desktop, and OneNET's callbacks, arrive: the second instance, if there is one.
other=$base
if [[ $database == postgresql ]]; then
    # A second machine: the same configuration (account, notify secret, database) and password.
    cp -a "$state" "$work/state-b"
    rm -f "$work/state-b/gateway.sqlite"*
    start_gateway b
    other=$base_b
fi
[[ $(curl -s "$base/healthz") == *'"ok"'* && $(curl -s "$other/healthz") == *'"ok"'* ]] || fail "healthz"
ok "serve on loopback; /healthz ($database)"

# --- the desktop: a gateway account, the token on standard input, kept in the keychain ---
printf '%s\n' "$zhang_token" | desktop zhang account add team --gateway "$base" >/dev/null ||
    fail "onedial account add --gateway"
if grep -rqF "$zhang_token" "$work/zhang"; then fail "the token is in a file the desktop wrote"; fi
ok "onedial account add NAME --gateway URL keeps the token in the keychain only"

out=$(desktop zhang dial 13912345678 --account team --json) || fail "dial through the gateway: $out"
[[ $(field "$out" outcome) == accepted ]] || fail "not accepted: $out"
[[ $(field "$out" callee) == 8613912345678 ]] || fail "callee: $out"
[[ -n $(field "$out" request_id) ]] || fail "no request id: $out"
ok "onedial dial through the gateway: accepted"

audit=$(gw audit --user zhang.san --json)
echo "$audit" | python3 -c '
import json,sys
entries=[json.loads(l) for l in sys.stdin if l.strip()]
dials=[e for e in entries if e["event"].startswith("dial.")]
assert [e["event"] for e in dials]==["dial.sending","dial.finished"], dials
assert dials[1]["outcome"]=="accepted" and dials[1]["request_id"] and dials[1]["callee"]=="8613912345678", dials
assert "caller 8613900139000" in dials[0]["detail"], dials
' || fail "the audit log does not show the dial: $audit"
ok "the audit log has the dial before and after, from the member's caller"

# --- OneNET reports how the call went: a callback signed as OneNET signs it (the sandbox's public
# key), POSTed to the notify path whose secret is in gateway.json ---
call_id=$(field "$out" call_id)
secret=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["onenet"]["notify_secret"])' "$state/gateway.json")
[[ ${#secret} -eq 32 ]] || fail "account set made no notify secret"
onenet_token() {
    python3 - "$1" <<'PY'
import base64, hashlib, hmac, sys, time, urllib.parse
key = base64.b64decode("T25lRGlhbCBzYW5kYm94IGtleSwgbm90IHNlY3JldC4=")
res, version, et, method = "onenet_voice/0d1a15a4db0000000000000000000001", "v1", int(time.time()) + int(sys.argv[1]), "sha1"
sign = base64.b64encode(hmac.new(key, f"{et}\n{method}\n{res}\n{version}".encode(), hashlib.sha1).digest()).decode()
q = lambda v: urllib.parse.quote(str(v), safe="")
print(f"version={version}&res={q(res)}&et={et}&method={method}&sign={q(sign)}")
PY
}
# callback TOKEN STATUS [FIELDS [INSTANCE_URL]]: for $call_id, posted to the other instance (the
# one that did not place the call) unless told.
callback() {
    http -H "Authorization: $1" -H 'Content-Type: application/json' \
        -d "{\"appid\":\"0d1a15a4db0000000000000000000001\",\"call_id\":\"$call_id\",\"status\":\"$2\",${3:-}\"report_date\":\"20261206161502\"}" \
        "${4:-$other}/onenet/notify/$secret"
}
http() { curl -s -o "$work/body" -w '%{http_code}' "$@"; }
[[ $(callback "$(onenet_token 300)" Connected "") == 200 ]] || fail "a signed callback was refused: $(cat "$work/body")"
python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); assert b["code_no"]=="000000" and b["code"]=="onenet_common_success" and b["request_id"], b' "$work/body" ||
    fail "the callback's answer is not OneNET's success body: $(cat "$work/body")"
[[ $(callback "$(onenet_token -60)" Disconnected '"reason":"CalleeBusy",') == 401 ]] || fail "an expired callback was taken"
[[ $(callback "$(onenet_token 300)" Disconnected '"reason":"HangUp","call_duration":133,') == 200 ]] ||
    fail "the last callback was refused: $(cat "$work/body")"
[[ $(callback "$(onenet_token 300)" CallingCallee '') == 200 ]] || fail "a late callback was not acknowledged"
gw audit --user zhang.san | grep 'call.status' | tail -n 1 | grep -q "Disconnected  HangUp.*call=$call_id  duration=133s  reported=20261206161502" ||
    fail "the audit log does not show how the call ended: $(gw audit --user zhang.san | grep call.status)"
[[ $(gw audit --user zhang.san | grep -c 'call.status') -eq 2 ]] || fail "a refused or late callback is in the audit log"
calls=$(curl -s -H "Authorization: Bearer $zhang_token" "$base/api/v1/calls")
python3 -c 'import json,sys; c=json.loads(sys.argv[1])["calls"][0]; assert (c["call_status"],c["reason"],c["call_duration"])==("Disconnected","HangUp",133), c' "$calls" ||
    fail "/api/v1/calls does not show how the call ended: $calls"
ok "OneNET's signed callbacks: stored, answered with OneNET's success body, shown by audit and /calls; expired refused, late ignored"

# --- the member's event streams, from every instance; the database restarted in the middle ---
: >"$work/events-a"
: >"$work/events-b"
ONEDIAL_TOKEN=$zhang_token "$here/sse-follow.py" "$base" "$work/events-a" &
followers+=($!)
ONEDIAL_TOKEN=$zhang_token "$here/sse-follow.py" "$other" "$work/events-b" &
followers+=($!)
first_call=$call_id
out=$(desktop zhang dial 13912340001 --account team --json) || fail "the second dial: $out"
call_id=$(field "$out" call_id)
[[ $(callback "$(onenet_token 300)" CallingCaller '') == 200 ]] || fail "CallingCaller: $(cat "$work/body")"
[[ $(callback "$(onenet_token 300)" CallingCallee '' "$base") == 200 ]] || fail "CallingCallee: $(cat "$work/body")"
# wait_events COUNT: until both streams have written COUNT events.
wait_events() {
    for _ in $(seq 100); do
        [[ $(wc -l <"$work/events-a") -ge $1 && $(wc -l <"$work/events-b") -ge $1 ]] && return 0
        sleep 0.1
    done
    fail "the streams have $(wc -l <"$work/events-a") and $(wc -l <"$work/events-b") events, not $1"
}
wait_events 4
if [[ $database == postgresql ]]; then
    "$ONEDIAL_TEST_PG_CTL" stop -m immediate >/dev/null
    started=$(date +%s%N)
    status=$(http -H "Authorization: Bearer $zhang_token" -H 'Content-Type: application/json' \
        -d '{"callee":"13912340002"}' "$base/api/v1/dial")
    elapsed_ms=$((($(date +%s%N) - started) / 1000000))
    [[ $status == 503 ]] || fail "a dial without the database was answered $status"
    python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); assert b["error"]=="unavailable" and "database" in b["message"], b' "$work/body" ||
        fail "the 503 does not say why: $(cat "$work/body")"
    # Not a speed figure: a gateway that tried to reach the server first would wait out its
    # 5 s connect timeout before answering.
    ((elapsed_ms < 4000)) || fail "the 503 took $elapsed_ms ms"
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$other/healthz") == 503 ]] || fail "healthz said ok without the database"
    [[ $(callback "$(onenet_token 300)" Connected '') == 503 ]] || fail "a callback without the database was not answered 503"
    "$ONEDIAL_TEST_PG_CTL" start >/dev/null
    wait_healthy "$base"
    wait_healthy "$other"
    ok "the database stopped: dials 503 unavailable in $elapsed_ms ms, healthz 503; both instances recover by themselves"
fi
[[ $(callback "$(onenet_token 300)" Connected '') == 200 ]] || fail "Connected after the restart: $(cat "$work/body")"
[[ $(callback "$(onenet_token 300)" Disconnected '"reason":"HangUp","call_duration":7,' "$base") == 200 ]] ||
    fail "Disconnected: $(cat "$work/body")"
wait_events 6
sleep 0.5
python3 - "$work/events-a" "$work/events-b" "$first_call" "$call_id" <<'PY' || fail "the streams differ or miss events: $(cat "$work/events-a") / $(cat "$work/events-b")"
import sys
want = [("Connected", sys.argv[3]), ("Disconnected", sys.argv[3])] + [
    (status, sys.argv[4]) for status in ("CallingCaller", "CallingCallee", "Connected", "Disconnected")]
for path in sys.argv[1:3]:
    lines = [line.split() for line in open(path) if line.strip()]
    ids = [int(line[0]) for line in lines]
    assert ids == sorted(set(ids)), (path, ids)
    assert [(line[1], line[2]) for line in lines] == want, (path, lines)
PY
ok "events stream from every instance, in order and once each, whichever instance received the callback"
call_id=$first_call
# Their token is replaced below: followers trying it again and again would get this address
# blocked for wrong tokens.
kill "${followers[@]}"
wait "${followers[@]}" 2>/dev/null || true
followers=()

# --- another member's caller cannot be used ---
status=$(curl -s -o "$work/body" -w '%{http_code}' -H "Authorization: Bearer $zhang_token" \
    -H 'Content-Type: application/json' -d '{"callee":"13912345678","caller":"13700137000"}' "$base/api/v1/dial")
[[ $status == 403 && $(cat "$work/body") == *caller_not_allowed* ]] || fail "a caller was accepted: $status"
ok "a request naming a caller is refused (403 caller_not_allowed)"

# --- the daily limit, counted across instances ---
printf '%s\n' "$li_token" | desktop li account add team --gateway "$base" >/dev/null || fail "li: account add"
printf '%s\n' "$li_token" | desktop li2 account add team --gateway "$other" >/dev/null || fail "li2: account add"
desktop li dial 13912345678 --account team --json >/dev/null || fail "li: first dial"
set +e
out=$(desktop li2 dial 13912345679 --account team --json)
code=$?
set -e
[[ $code -ne 0 && $(field "$out" error) == daily_limit ]] || fail "the daily limit did not hold: $out"
ok "the daily limit: the second call of a member limited to 1 is refused (daily_limit)"

# --- two desktops of one member dial one number at once: one call ---
printf '%s\n' "$zhang_token" | desktop zhang2 account add team --gateway "$other" >/dev/null || fail "second desktop"
set +e
desktop zhang dial 13800000901 --account team --json >"$work/first.json" &
first=$!
sleep 0.5
desktop zhang2 dial 13800000901 --account team --json >"$work/second.json"
wait "$first"
set -e
second=$(cat "$work/second.json")
[[ $(field "$second" error) == already_in_flight ]] || fail "the second desktop's dial was not refused: $second"
sent=$(gw audit --user zhang.san --json | python3 -c '
import json,sys
print(sum(1 for l in sys.stdin if l.strip() and json.loads(l)["event"]=="dial.sending" and json.loads(l)["callee"]=="8613800000901"))')
[[ $sent -eq 1 ]] || fail "$sent requests for one number went out"
ok "two desktops dial one number at once: one call, the other already_in_flight"

# --- tokens: wrong, disabled, replaced, removed ---
expect_error() {
    local want=$1
    shift
    set +e
    local out
    out=$(desktop zhang dial 13912345678 --account team --json)
    set -e
    [[ $(field "$out" error) == "$want" ]] || fail "expected $want: $out"
    [[ -n $(field "$out" message) ]] || fail "no message: $out"
}
gw user disable zhang.san >/dev/null
expect_error user_disabled
gw user enable zhang.san >/dev/null
desktop zhang dial 13912345678 --account team >/dev/null || fail "enabled again"
gw user token zhang.san >/dev/null 2>&1
expect_error token_refused
new_token=$(gw user token zhang.san 2>/dev/null)
printf '%s\n' "$new_token" | desktop zhang account add team2 --gateway "$base" >/dev/null
desktop zhang dial 13912345678 --account team2 >/dev/null || fail "the new token"
gw user remove zhang.san >/dev/null
set +e
out=$(desktop zhang dial 13912345678 --account team2 --json)
set -e
[[ $(field "$out" error) == token_refused ]] || fail "a removed member could dial: $out"
ok "disabled (user_disabled), replaced and removed tokens (token_refused)"

# --- hostile requests ---
[[ $(http -H "Authorization: Bearer $li_token" -H 'Content-Type: application/json' -d '{"callee": ' "$base/api/v1/dial") == 400 ]] ||
    fail "malformed JSON"
[[ $(http -H "Authorization: Bearer $li_token" -d 'callee=1' "$base/api/v1/dial") == 415 ]] || fail "wrong content type"
head -c 200000 /dev/zero | tr '\0' 1 >"$work/large"
[[ $(http -H "Authorization: Bearer $li_token" -H 'Content-Type: application/json' --data-binary @"$work/large" "$base/api/v1/dial") == 413 ]] ||
    fail "oversized body"
python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); assert b["error"]=="request_too_large" and b["message"]' "$work/body" ||
    fail "the 413 has no JSON body"
# A slow client holding a connection with half its headers does not stop anyone else, and is
# closed after the header timeout.
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /healthz HTTP/1.1\r\nHost: x\r\n' >&3
[[ $(http "$base/healthz") == 200 ]] || fail "a slow client blocked another"
answer=$(timeout 15 cat <&3 || true)
exec 3<&-
[[ $answer == "HTTP/1.1 408"* ]] || fail "the slow client was not answered 408: ${answer:0:40}"
ok "hostile requests: malformed JSON 400, form 415, 200 kB 413, a slow client 408 without blocking others"

# --- kill -9 in the middle of a dial: the audit log says "sent, outcome unknown" ---
gw user add zhao.liu --caller 13600136000 >"$work/zhao.token" 2>/dev/null
printf '%s\n' "$(cat "$work/zhao.token")" | desktop zhao account add team --gateway "$base" >/dev/null
set +e
desktop zhao dial 13800000901 --account team --json >"$work/killed.json" 2>/dev/null &
killed=$!
set -e
for _ in $(seq 50); do
    gw audit --user zhao.liu --json | grep -q '"event":"dial.sending"' && break
    sleep 0.1
done
kill -9 "${server_pid[a]}"
wait "${server_pid[a]}" 2>/dev/null || true
unset 'server_pid[a]'
set +e
wait "$killed"
code=$?
set -e
[[ $code -eq 3 ]] || fail "the desktop's exit status after the gateway died is $code, not 3 (outcome unknown): $(cat "$work/killed.json")"
gw audit --user zhao.liu --json | grep -q '"event":"dial.sending"' || fail "no audit entry before the dial went out"
gw audit --user zhao.liu --json | grep -q '"event":"dial.finished"' && fail "a finished entry for a dial that never finished"
if [[ $database == postgresql ]]; then
    # Instance B, still running, takes the dead instance's dial for interrupted by itself, and the
    # member dials the same number again through it; then A comes back.
    for _ in $(seq 100); do
        gw audit --user zhao.liu --json | grep -q '"event":"dial.interrupted"' && break
        sleep 0.1
    done
    printf '%s\n' "$(cat "$work/zhao.token")" | desktop zhao2 account add team --gateway "$other" >/dev/null
    # The sandbox never answers this number: sent again (a timeout), not refused as in flight.
    set +e
    out=$(desktop zhao2 dial 13800000901 --account team --json)
    set -e
    [[ $(field "$out" error) == timeout ]] || fail "dial through B after A was killed: $out"
fi
start_gateway a "$port"
gw audit --user zhao.liu --json | python3 -c '
import json,sys
entries=[json.loads(l) for l in sys.stdin if l.strip()]
interrupted=[e for e in entries if e["event"]=="dial.interrupted"]
assert len(interrupted)==1 and interrupted[0]["outcome"]=="unknown" and interrupted[0]["callee"]=="8613800000901", entries
' || fail "the restarted gateway did not record the interrupted dial as unknown"
out=$(desktop zhao dial 13912345678 --account team --json) || fail "dial after the restart: $out"
if [[ $database == postgresql ]]; then
    ok "kill -9 of instance A mid-dial: the audit log shows it sent, B records it unknown, the member dials again through B and A"
else
    ok "kill -9 mid-dial: the audit log shows it sent, the restart records it unknown, the member dials again"
fi

# --- the gateway never wrote a token or a key to its log ---
for token in "$zhang_token" "$li_token" "$new_token" "$secret"; do
    if grep -qF "$token" "$work"/server-*; then fail "a token or the notify secret is in the gateway's output"; fi
done
if [[ $database == postgresql ]]; then
    password=$(cat "$ONEDIAL_TEST_PG_PASSWORD_FILE")
    if grep -qF "$password" "$work"/server-* "$state/gateway.json"; then fail "the database password is in the output or gateway.json"; fi
    [[ $(stat -c %a "$state/database-password") == 600 ]] || fail "the database password file is not private"
fi
ok "no token and no notify secret in the gateway's output"

echo "gateway-e2e ($database): all $checks checks passed"
