#!/usr/bin/env bash
# The developer's one entry point. On a fresh Debian 12 machine, as root:
#
#   ./dev.sh start   install what is missing, build, start motcuad on
#                    var/motcua.db with the shipped catalog (Ctrl-C stops it)
#   ./dev.sh test    install what is missing, build with ASan+UBSan, run every test
#   ./dev.sh bench   build in Release and run the benchmark suite
#
# Each step is idempotent: nothing is installed or rebuilt that is already there.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  cmake ninja-build g++ pkg-config ca-certificates libssl-dev
  libboost-dev libsqlite3-dev sqlite3 libprotobuf-dev protobuf-compiler
  libhowardhinnant-date-dev tzdata
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev curl python3
)

ensure_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "dev.sh: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

configure() {  # preset
  [ -f "build/$1/build.ninja" ] || cmake --preset "$1" >/dev/null
}

build() {  # preset [targets...]
  local preset=$1; shift
  configure "$preset"
  cmake --build --preset "$preset" -j"$(nproc)" ${1:+--target "$@"}
}

cmd=${1:-help}
shift || true
case "$cmd" in
  start)
    ensure_packages
    build release motcuad motcua
    mkdir -p var
    exec build/release/tools/motcuad --config data/config/motcuad.json --db var/motcua.db "$@"
    ;;
  test)
    ensure_packages
    build asan
    ctest --preset asan "$@"
    ;;
  bench)
    ensure_packages
    build release bench
    exec build/release/tools/bench/bench "$@"
    ;;
  build)
    ensure_packages
    build "${1:-dev}"
    ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    [ "$cmd" = help ] && exit 0 || exit 2
    ;;
esac
