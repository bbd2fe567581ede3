#!/usr/bin/env bash
# The team gateway end to end, with real processes only: onedial-gateway set up from its command
# line and serving on loopback with its built-in OneNET sandbox, and the desktop's command line
# (onedial, its token in a real Secret Service: run inside tests/with-keyring.sh) dialling
# through it. Covers tokens (wrong, disabled, replaced, removed), the member's fixed caller, the
# daily limit, two desktops dialling one number at once, hostile requests, OneNET's signed status
# callbacks, and the audit log after a kill -9 in the middle of a dial.
#
#   tests/with-keyring.sh tests/gateway-e2e.sh ONEDIAL_GATEWAY ONEDIAL
set -euo pipefail

gateway_bin=${1:?usage: gateway-e2e.sh ONEDIAL_GATEWAY ONEDIAL}
onedial_bin=${2:?usage: gateway-e2e.sh ONEDIAL_GATEWAY ONEDIAL}
work=$(mktemp -d "${TMPDIR:-/tmp}/onedial-gateway-e2e.XXXXXX")
state=$work/state
server_pid=""
checks=0

cleanup() {
    if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf -- "$work"
}
trap cleanup EXIT

fail() {
    echo "gateway-e2e: FAIL: $*" >&2
    if [[ -f $work/server.log ]]; then
        echo "--- gateway log ---" >&2
        tail -n 30 "$work/server.log" >&2
    fi
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

# On a free port, or again on the port given (a restart: the desktops know that address).
start_gateway() {
    local wanted=${1:-0}
    port=""
    : >"$work/server.out"
    # The sandbox's own status callbacks a day apart: this script posts the ones it checks.
    ONEDIAL_SANDBOX_CALL_STEP_MS=86400000 \
        "$gateway_bin" serve --state "$state" --port "$wanted" --dial-timeout 3 >"$work/server.out" 2>>"$work/server.log" &
    server_pid=$!
    for _ in $(seq 100); do
        port=$(sed -n 's/^listening \([0-9]*\)$/\1/p' "$work/server.out")
        [[ -n $port ]] && break
        kill -0 "$server_pid" 2>/dev/null || fail "the gateway did not start: $(cat "$work/server.log")"
        sleep 0.1
    done
    [[ -n $port ]] || fail "the gateway did not say where it listens"
    base=http://127.0.0.1:$port
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
gw init --public-url https://dial.example.com >/dev/null || fail "init"
gw account set --sandbox >/dev/null || fail "account set --sandbox"
zhang_token=$(gw user add zhang.san --caller 13900139000 2>/dev/null) || fail "user add"
li_token=$(gw user add li.si --caller 13700137000 --daily-limit 1 2>/dev/null) || fail "user add li.si"
[[ ${#zhang_token} -eq 48 && $zhang_token == odg_* ]] || fail "the token printed is not a token"
ok "init, account set --sandbox, user add print a token once"
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

start_gateway
[[ $(curl -s "$base/healthz") == *'"ok"'* ]] || fail "healthz"
ok "serve on loopback; /healthz"

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
callback() {
    http -H "Authorization: $1" -H 'Content-Type: application/json' \
        -d "{\"appid\":\"0d1a15a4db0000000000000000000001\",\"call_id\":\"$call_id\",\"status\":\"$2\",${3:-}\"report_date\":\"20261206161502\"}" \
        "$base/onenet/notify/$secret"
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

# --- another member's caller cannot be used ---
status=$(curl -s -o "$work/body" -w '%{http_code}' -H "Authorization: Bearer $zhang_token" \
    -H 'Content-Type: application/json' -d '{"callee":"13912345678","caller":"13700137000"}' "$base/api/v1/dial")
[[ $status == 403 && $(cat "$work/body") == *caller_not_allowed* ]] || fail "a caller was accepted: $status"
ok "a request naming a caller is refused (403 caller_not_allowed)"

# --- the daily limit ---
printf '%s\n' "$li_token" | desktop li account add team --gateway "$base" >/dev/null || fail "li: account add"
desktop li dial 13912345678 --account team --json >/dev/null || fail "li: first dial"
set +e
out=$(desktop li dial 13912345679 --account team --json)
code=$?
set -e
[[ $code -ne 0 && $(field "$out" error) == daily_limit ]] || fail "the daily limit did not hold: $out"
ok "the daily limit: the second call of a member limited to 1 is refused (daily_limit)"

# --- two desktops of one member dial one number at once: one call ---
printf '%s\n' "$zhang_token" | desktop zhang2 account add team --gateway "$base" >/dev/null || fail "second desktop"
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
kill -9 "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
set +e
wait "$killed"
code=$?
set -e
[[ $code -eq 3 ]] || fail "the desktop's exit status after the gateway died is $code, not 3 (outcome unknown)"
old_port=$port
gw audit --user zhao.liu --json | grep -q '"event":"dial.sending"' || fail "no audit entry before the dial went out"
gw audit --user zhao.liu --json | grep -q '"event":"dial.finished"' && fail "a finished entry for a dial that never finished"
start_gateway "$old_port"
gw audit --user zhao.liu --json | python3 -c '
import json,sys
entries=[json.loads(l) for l in sys.stdin if l.strip()]
interrupted=[e for e in entries if e["event"]=="dial.interrupted"]
assert len(interrupted)==1 and interrupted[0]["outcome"]=="unknown" and interrupted[0]["callee"]=="8613800000901", entries
' || fail "the restarted gateway did not record the interrupted dial as unknown"
out=$(desktop zhao dial 13912345678 --account team --json) || fail "dial after the restart: $out"
ok "kill -9 mid-dial: the audit log shows it sent, the restart records it unknown, the member dials again"

# --- the gateway never wrote a token or a key to its log ---
for token in "$zhang_token" "$li_token" "$new_token" "$secret"; do
    if grep -qF "$token" "$work/server.log" "$work/server.out"; then fail "a token or the notify secret is in the gateway's output"; fi
done
ok "no token and no notify secret in the gateway's output"

echo "gateway-e2e: all $checks checks passed"
