#!/usr/bin/env bash
# The nginx example of docs/install.md (packaging/nginx/motcua.conf), run
# for real in front of motcuad: the file itself, with only its ports, paths
# and certificate made the test's own; a certificate generated for
# localhost; requests over TLS with openssl s_client, which verifies it.
# Checks: nginx -t accepts the file; /readyz answers through it with
# nginx's request id, which motcuad keeps and logs; a sign-in through it
# sets a Secure cookie; plain HTTP only redirects to HTTPS.
#
#   nginx_test.sh SOURCE_DIR MOTCUAD WORK_DIR
set -euo pipefail
src=$1
motcuad=$2
work=$3
rm -rf "$work"
mkdir -p "$work/tmp"
chmod 0777 "$work/tmp"

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_in() {  # text pattern what
  grep -qE -- "$2" <<<"$1" || fail "$3: no match for '$2' in:"$'\n'"$1"
}
command -v nginx >/dev/null || fail "nginx missing (Debian's nginx package)"
command -v openssl >/dev/null || fail "openssl missing"

# Below the kernel's ephemeral range (32768 and up), so that no outgoing
# connection of a test running beside this one holds the port nginx binds.
free_port() {
  local p
  for p in $(shuf -i 20000-32000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  fail "no free port"
}

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# motcuad: the shipped configuration, its paths made absolute, trusting the
# proxy on 127.0.0.1.
sed -e "s|\"\.\./|\"$src/data/|g" \
    -e "s|\"users.json\"|\"$src/data/config/users.json\"|" \
    -e "s|\"$src/data/\.\./var/exports\"|\"$work/exports\"|" \
    -e 's|^{$|{\n  "trusted_proxies": ["127.0.0.1"],|' \
    "$src/data/config/motcuad.json" >"$work/motcuad.json"
"$motcuad" --config "$work/motcuad.json" --db "$work/motcua.db" --listen 127.0.0.1:0 \
  >"$work/motcuad.out" 2>"$work/motcuad.log" &
pids+=($!)
backend=""
for _ in $(seq 1 600); do
  backend=$(sed -n 's/^motcuad listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$work/motcuad.out")
  [ -n "$backend" ] && break
  sleep 0.1
done
[ -n "$backend" ] || { cat "$work/motcuad.log" >&2; fail "motcuad did not start"; }

# The certificate, and the example with the test's ports and paths.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost" \
  -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
  access_log $work/access.log;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  include $work/site.conf;
}
CONF
# nginx, on two ports found free; should another process take one of them
# between the check and nginx's bind, nginx exits and is started again on
# two new ones.
start_nginx() {
  https_port=$(free_port)
  http_port=$(free_port)
  [ "$https_port" != "$http_port" ] || return 1
  sed -e "s|listen 443 ssl;|listen 127.0.0.1:$https_port ssl;|" \
      -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
      -e '/listen \[::\]/d' \
      -e "s|/etc/ssl/motcua/|$work/|" \
      -e "s|proxy_pass http://127.0.0.1:8080;|proxy_pass http://127.0.0.1:$backend;|" \
      "$src/packaging/nginx/motcua.conf" >"$work/site.conf"
  nginx -t -p "$work" -c "$work/nginx.conf" 2>"$work/nginx-t.log" ||
    { cat "$work/nginx-t.log" >&2; fail "nginx -t"; }
  rm -f "$work/nginx.pid"
  nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' 2>>"$work/error.log" &
  nginx_pid=$!
  pids+=("$nginx_pid")
  for _ in $(seq 1 300); do
    kill -0 "$nginx_pid" 2>/dev/null || return 1
    # nginx writes its pid file once it holds both ports.
    [ -s "$work/nginx.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$https_port") 2>/dev/null &&
      return 0
    sleep 0.1
  done
  return 1
}
started=""
for _ in 1 2 3; do
  if start_nginx; then started=1; break; fi
  kill "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
done
[ -n "$started" ] || { cat "$work/error.log" >&2; fail "nginx did not listen"; }

https() {  # raw request → the reply, over TLS with the certificate verified
  printf '%s' "$1" | openssl s_client -quiet -ign_eof -connect "127.0.0.1:$https_port" \
    -servername localhost -verify_hostname localhost -CAfile "$work/fullchain.pem" \
    -verify_return_error 2>"$work/s_client.err" || { cat "$work/s_client.err" >&2; fail "TLS"; }
}

ready=$(https $'GET /readyz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')
expect_in "$ready" $'^HTTP/1.1 200' "/readyz through nginx"
expect_in "$ready" '"status":\s*"ready"' "/readyz body"
expect_in "$ready" $'Strict-Transport-Security: max-age=31536000' "HSTS"
request_id=$(sed -n 's/^X-Request-Id: \([0-9a-f]\{32\}\)\r$/\1/p' <<<"$ready")
[ -n "$request_id" ] || fail "no 32-hex X-Request-Id from nginx in:"$'\n'"$ready"
grep -q "GET /readyz 200 .* id=$request_id" "$work/motcuad.log" ||
  fail "motcuad's log has no line for request $request_id"

body='{"user": "tiepnhan01", "password": "tiepnhan01-demo"}'
signed_in=$(https "POST /v1/session HTTP/1.1"$'\r\n'"Host: localhost"$'\r\n'"Content-Type: application/json"$'\r\n'"Content-Length: ${#body}"$'\r\n'"Connection: close"$'\r\n\r\n'"$body")
expect_in "$signed_in" $'^HTTP/1.1 200' "sign-in through nginx"
expect_in "$signed_in" 'Set-Cookie: motcua_session=[^;]+; Path=/; HttpOnly; SameSite=Strict; Secure' \
  "the session cookie"

exec 3<>"/dev/tcp/127.0.0.1/$http_port"
printf 'GET /v1/catalog HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
redirect=$(cat <&3)
exec 3<&-
expect_in "$redirect" $'^HTTP/1.1 301' "plain HTTP"
expect_in "$redirect" 'Location: https://localhost/v1/catalog' "the redirect"
echo "nginx $(nginx -v 2>&1 | sed 's/.*\///') in front of motcuad: TLS verified, request id $request_id kept, Secure cookie, HTTP redirected"
