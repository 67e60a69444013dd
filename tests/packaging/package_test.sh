#!/usr/bin/env bash
# The Debian package, built from this build tree (cpack) and inspected:
# its files, conffiles and dependencies. Then, on a machine where it may (as
# root, with dpkg, and motcua not already installed by someone else), it is
# installed for real: the system user and folders, the units verified by
# systemd-analyze, the installed motcuad started from the installed
# configuration (given a certificate the test makes and a metrics token) as
# the service's user over HTTPS, a dossier received with the installed motcua
# verifying the certificate, /readyz and /metrics over TLS (the command
# counted), the backup unit's command, and a purge that removes the user but
# keeps the database.
#
#   package_test.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1
work=$2
rm -rf "$work"
mkdir -p "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_in() {  # text pattern what
  grep -qE -- "$2" <<<"$1" || fail "$3: no match for '$2' in:"$'\n'"$1"
}

# 1. Build the package.
(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack"; }
deb=$(ls "$work"/motcua_*_amd64.deb)
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# 2. Inspect it.
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/motcuad ./usr/bin/motcua ./etc/motcua/motcuad.json ./etc/motcua/users.json \
         ./usr/share/motcua/catalog/commune-procedures.json ./usr/share/motcua/calendar/ \
         ./usr/share/motcua/targets/ngoc-son-2024.json ./usr/share/motcua/web/index.html \
         ./lib/systemd/system/motcuad.service ./lib/systemd/system/motcua-backup.timer \
         ./usr/share/doc/motcua/install.md ./usr/share/doc/motcua/examples/motcua-alerts.yml \
         ./usr/share/doc/motcua/examples/grafana-motcua.json; do
  expect_in "$contents" " $f" "contents"
done
# Nothing from the source or build tree.
if grep -qE "/work/|/build/|\.cc$" <<<"$contents"; then fail "tree paths in the package"; fi
info=$(dpkg-deb -I "$deb")
expect_in "$info" "Package: motcua" "control"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libsqlite3-0 'libprotobuf[0-9]+' libsystemd0 libsodium23 tzdata; do
  expect_in "$depends" "$lib" "Depends"
done
conffiles=$(dpkg-deb -I "$deb" conffiles)
expect_in "$conffiles" "^/etc/motcua/motcuad.json$" "conffiles"
expect_in "$conffiles" "^/etc/motcua/users.json$" "conffiles"
installed_config=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./etc/motcua/motcuad.json)
expect_in "$installed_config" '"db": "/var/lib/motcua/motcua.db"' "installed configuration"
expect_in "$installed_config" '"web_root": "/usr/share/motcua/web"' "installed configuration"
echo "inspected: files, conffiles, Depends: $depends"

# 3. Install it, where this machine is ours to change.
if [ "$(id -u)" -ne 0 ] || ! command -v dpkg >/dev/null; then
  echo "not installed: needs root and dpkg"; exit 0
fi
if dpkg-query -W -f='${Status}' motcua 2>/dev/null | grep -q "install ok installed"; then
  echo "not installed: motcua is already installed on this machine; left alone"; exit 0
fi
had_state=no
[ -e /var/lib/motcua ] && had_state=yes
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true
  rm -rf /etc/motcua/tls
  dpkg --purge motcua >/dev/null 2>&1 || true
  if [ "$had_state" = no ]; then rm -rf /var/lib/motcua /var/backups/motcua; fi
}
trap cleanup EXIT

installed=$(dpkg -i "$deb" 2>&1) || { echo "$installed" >&2; fail "dpkg -i"; }
expect_in "$installed" "enabled, but not started" "postinst message"
getent passwd motcua >/dev/null || fail "no user motcua"
[ "$(stat -c '%U:%G %a' /etc/motcua/users.json)" = "root:motcua 640" ] ||
  fail "users.json is $(stat -c '%U:%G %a' /etc/motcua/users.json)"
[ "$(stat -c '%U:%G %a' /var/lib/motcua)" = "motcua:motcua 750" ] || fail "/var/lib/motcua"
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /lib/systemd/system/motcuad.service \
    /lib/systemd/system/motcua-backup.service /lib/systemd/system/motcua-backup.timer
  echo "systemd-analyze verify: ok"
else
  fail "systemd-analyze missing (Debian's systemd package)"
fi

# The administrator's own certificate (here one the test makes, for
# 127.0.0.1) and a metrics token, named in the installed configuration as
# docs/install.md shows.
mkdir -p /etc/motcua/tls
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
  -subj "/CN=motcua package test" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout /etc/motcua/tls/motcuad.key -out /etc/motcua/tls/motcuad.crt 2>"$work/openssl.log" ||
  { cat "$work/openssl.log" >&2; fail "openssl req"; }
chown root:motcua /etc/motcua/tls/motcuad.key
chmod 0640 /etc/motcua/tls/motcuad.key
metrics_token=package-test-metrics-token
metrics_hash=$(/usr/bin/motcua hash-token "$metrics_token")
sed -i "s|^  \"listen\": .*|&\n  \"tls\": {\"certificate_file\": \"tls/motcuad.crt\", \"key_file\": \"tls/motcuad.key\"},\n  \"metrics_token_sha256\": \"$metrics_hash\",|" \
  /etc/motcua/motcuad.json
grep -q '"metrics_token_sha256"' /etc/motcua/motcuad.json || fail "could not edit motcuad.json"
ca=/etc/motcua/tls/motcuad.crt
# GET over TLS, verifying the certificate: openssl s_client, as a monitor
# without our client would.
https_get() {  # target [header]
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%sConnection: close\r\n\r\n' "$1" \
    "${2:+$2$'\r\n'}" |
    openssl s_client -quiet -verify_return_error -CAfile "$ca" -verify_ip 127.0.0.1 \
      -connect "127.0.0.1:$port" 2>"$work/s_client.log"
}

# The installed server, from the installed configuration, as the service's
# user, on a free loopback port, over HTTPS.
# setpriv execs, so $! is motcuad itself (runuser would stay between, and
# turn a clean exit on SIGTERM into "killed by SIGTERM").
as_motcua=(setpriv --reuid=motcua --regid=motcua --init-groups)
"${as_motcua[@]}" /usr/bin/motcuad --config /etc/motcua/motcuad.json \
  --listen 127.0.0.1:0 >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
port=""
for _ in $(seq 1 600); do
  port=$(sed -n 's/^motcuad listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$work/stdout")
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/stderr" >&2; fail "motcuad exited"; }
  sleep 0.1
done
[ -n "$port" ] || fail "motcuad did not start"
received=$(MOTCUA_SERVER="https://127.0.0.1:$port" MOTCUA_CA_FILE="$ca" \
  MOTCUA_TOKEN=demo-reception-token \
  /usr/bin/motcua receive --procedure 1.004873 --applicant "Nguyễn Thị Hoa")
expect_in "$received" "000\.00\.07\.H06-" "receive over https"
ready=$(https_get /readyz) || { cat "$work/s_client.log" >&2; fail "GET /readyz over TLS"; }
expect_in "$ready" "^HTTP/1.1 200" "/readyz"
metrics=$(https_get /metrics "Authorization: Bearer $metrics_token") ||
  { cat "$work/s_client.log" >&2; fail "GET /metrics over TLS"; }
expect_in "$metrics" "^HTTP/1.1 200" "/metrics"
expect_in "$metrics" '^motcua_commands_total\{kind="receive",outcome="ok"\} 1' "the command counted"
expect_in "$metrics" '^motcua_dossiers_open\{status="received"\} 1' "the open dossier"
echo "scraped /metrics over TLS: $(grep -c '^motcua_' <<<"$metrics") samples, the receive counted"
refused=$(https_get /metrics) || true
expect_in "$refused" "^HTTP/1.1 401" "/metrics without its token"
# The nightly backup's own command line, as the unit runs it: its user, the
# environment file the administrator writes.
printf 'MOTCUA_TOKEN=demo-admin-token\nMOTCUA_SERVER=https://127.0.0.1:%s\nMOTCUA_CA_FILE=%s\n' \
  "$port" "$ca" >/etc/motcua/backup.env
chmod 0600 /etc/motcua/backup.env
backup_command=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/motcua-backup.service | sed 's/%%/%/g')
"${as_motcua[@]}" env $(cat /etc/motcua/backup.env) /bin/sh -c "$backup_command" \
  >"$work/backup.out" 2>&1 || { cat "$work/backup.out" >&2; fail "the backup unit's command"; }
backup_file=/var/backups/motcua/motcua-$(date +%u).db
[ -s "$backup_file" ] || fail "no $backup_file"
rm -f /etc/motcua/backup.env
echo "backup as the timer runs it: $(stat -c %s "$backup_file") bytes in $backup_file"
kill -TERM "$server_pid"
wait "$server_pid" || fail "motcuad did not stop cleanly"
server_pid=""
[ -s /var/lib/motcua/motcua.db ] || fail "no database in /var/lib/motcua"
# The clean stop wrote the engine's snapshot beside it, as the motcua user.
[ "$(stat -c %U /var/lib/motcua/motcua.db.snapshot 2>/dev/null)" = motcua ] ||
  { cat "$work/stderr" >&2; fail "no snapshot of motcua's after the stop"; }
# Owner-only: it holds every dossier's code, state and holder; only motcuad reads it.
snapshot_mode=$(stat -c %a /var/lib/motcua/motcua.db.snapshot)
[ "$snapshot_mode" = 600 ] || fail "the snapshot is $snapshot_mode, not 600"
expect_in "$(cat "$work/stderr")" "snapshot: 1 dossiers up to event" "the stop's snapshot"
echo "installed motcuad served: $(head -c 60 <<<"$received" | head -1)"

# 4. Purge: the user goes, the database stays.
rm -rf /etc/motcua/tls  # the test's own, not the package's
dpkg --purge motcua >"$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; fail "purge"; }
getent passwd motcua >/dev/null && fail "user motcua left after purge"
[ -s /var/lib/motcua/motcua.db ] || fail "purge deleted the database"
[ -e /etc/motcua/motcuad.json ] && fail "purge left the configuration"
echo "purged: user removed, database kept"
