#!/usr/bin/env bash
# The developer's one entry point. On a fresh Debian 12 machine, as root:
#
#   ./dev.sh start   install what is missing, build, start motcuad on
#                    var/motcua.db with the shipped catalog (Ctrl-C stops it)
#   ./dev.sh test    install what is missing, build with ASan+UBSan, run every test
#   ./dev.sh bench   build in Release and run the benchmark suite (~5 min idle;
#                    the JSON summary also goes to build/release/bench-summary.json)
#   ./dev.sh fuzz [S] build the libFuzzer targets with clang (build/fuzz) and
#                    fuzz each for S seconds (default 60), one after another
#   ./dev.sh tsan    build the tests with threads under ThreadSanitizer
#                    (build/tsan) and run them: the server, the engine and
#                    runtime services, the client, the alerts end to end
#   ./dev.sh clang [T...] build with clang -Wthread-safety -Werror
#                    (build/clang): the lock annotations checked; all, or T
#
# Each step is idempotent: nothing is installed or rebuilt that is already there.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  cmake ninja-build g++ libssl-dev
  libboost-dev libsqlite3-dev libprotobuf-dev protobuf-compiler
  libhowardhinnant-date-dev tzdata libcli11-dev
  libgtest-dev libgmock-dev
  clang libclang-rt-14-dev  # the fuzz preset (./dev.sh fuzz)
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

# The binaries the tsan test preset runs (its label filter, CMakePresets.json).
TSAN_TARGETS=(http_test runtime_test client_test sse_client_test wal_checkpointer_test
              alerts_e2e_test)

fuzz_all() {  # seconds per target
  local seconds=$1 t work
  build fuzz fuzzers
  mkdir -p build/fuzz/artifacts
  for t in $(sed -n 's/^motcua_fuzz_target(\([a-z_]*\) .*/\1/p' tests/fuzz/CMakeLists.txt); do
    work=build/fuzz/tests/fuzz/work/$t
    mkdir -p "$work"
    # New inputs go to the build tree; the committed corpus is only read.
    if build/fuzz/tests/fuzz/"$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
         -print_final_stats=1 -artifact_prefix=build/fuzz/artifacts/"$t"- \
         "$work" tests/fuzz/corpus/"$t" >build/fuzz/"$t".log 2>&1; then
      echo "$t: $(sed -n 's/^stat::number_of_executed_units: *//p' build/fuzz/"$t".log) executions in ${seconds}s, 0 crashes"
    else
      echo "$t: FAILED, see build/fuzz/$t.log and build/fuzz/artifacts/" >&2
      return 1
    fi
  done
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
    # The JSON summary also lands in a file, for scripts and the README.
    exec build/release/tools/bench/bench --config data/config/motcuad.json \
      --json build/release/bench-summary.json "$@"
    ;;
  fuzz)
    ensure_packages
    fuzz_all "${1:-60}"
    ;;
  tsan)
    ensure_packages
    build tsan "${TSAN_TARGETS[@]}"
    ctest --preset tsan "$@"
    ;;
  clang)
    ensure_packages
    build clang "$@"
    ;;
  build)
    ensure_packages
    build "${1:-dev}"
    ;;
  *)
    awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"
    [ "$cmd" = help ] && exit 0 || exit 2
    ;;
esac
