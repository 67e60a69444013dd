#!/usr/bin/env bash
# The developer's one entry point. On a fresh Debian 12 machine, as root:
#
#   ./dev.sh start   install what is missing, build, start motcuad on
#                    var/motcua.db with the shipped catalog (a new database
#                    gets a year of sample dossiers), serving the web desk at
#                    http://127.0.0.1:8080/ (Ctrl-C stops it)
#   ./dev.sh test    install what is missing, build with ASan+UBSan, run every
#                    test, the web desk's in chromium included
#   ./dev.sh package build in Release and make the Debian package
#                    build/release/motcua_<version>_amd64.deb (docs/install.md)
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
  libsodium-dev pkg-config  # Argon2id password hashes (the web desk's sign-in)
  zlib1g-dev  # bench: the web desk's page weight, gzipped
  libxlsxwriter-dev  # the periodic report as an Excel workbook
  libqrencode-dev    # the QR code on the receipt
  libsystemd-dev     # sd_notify: readiness and the watchdog under systemd
  libjemalloc-dev    # the allocator of motcuad and the benchmark (CMakeLists.txt)
)
# What the web desk's browser tests add: Debian's chromium (Playwright drives
# it; it never downloads a browser) and a font with Vietnamese diacritics.
WEB_TEST_PACKAGES=(chromium fonts-dejavu-core)
# What the package needs to be built (dpkg-shlibdeps computes its
# dependencies); what the deployment tests add: systemd-analyze for the
# units, nginx and openssl for the proxy example, promtool (prometheus) to
# check and unit-test the alert rules.
PACKAGE_PACKAGES=(dpkg-dev)
DEPLOYMENT_TEST_PACKAGES=(systemd nginx openssl prometheus)
# What the benchmark adds: perf, which counts the server's system calls and
# allocations per command (tools/bench/perf_stat.h).
BENCH_PACKAGES=(linux-perf)

ensure_packages() {  # [extra packages...]
  local missing=()
  for p in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # The machine's own Node.js and npm build the web desk; Debian's if none.
  command -v npm >/dev/null || missing+=(nodejs npm)
  if ((${#missing[@]})); then
    echo "dev.sh: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# The web desk (web/): its npm packages as the lockfile pins them, then the
# page built into web/dist, which motcuad serves.
build_web() {
  if [ ! -f web/node_modules/.package-lock.json ] ||
     [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    (cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
  (cd web && npm run --silent build)
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
  for t in $(sed -n 's/^motcua_fuzz_target(\([a-z_]*\).*/\1/p' tests/fuzz/CMakeLists.txt); do
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

# A first var/motcua.db holds a year of sample dossiers up to now, so that the
# queues, the alerts and the leader's dashboard have something to show. An
# existing database is never touched.
seed_sample_year() {
  [ -e var/motcua.db ] && return 0
  local now
  now=$(TZ=Asia/Ho_Chi_Minh date '+%F %H:%M')
  echo "dev.sh: new var/motcua.db with a year of sample dossiers up to $now" >&2
  build/release/tools/sample/motcua-sample --config data/config/motcuad.json \
    --from "$(TZ=Asia/Ho_Chi_Minh date -d '-12 months' +%Y-%m-01)" --to "${now%% *}" \
    --until "$now" --dossiers 3000 --seed 2026 --db var/motcua.db
}

cmd=${1:-help}
shift || true
case "$cmd" in
  start)
    ensure_packages
    build_web
    build release motcuad motcua motcua-sample
    mkdir -p var
    seed_sample_year
    exec build/release/tools/motcuad --config data/config/motcuad.json --db var/motcua.db \
      --web-root web/dist "$@"
    ;;
  test)
    ensure_packages "${WEB_TEST_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}" \
      "${DEPLOYMENT_TEST_PACKAGES[@]}"
    build_web
    build asan
    ctest --preset asan "$@"
    ;;
  package)
    ensure_packages "${PACKAGE_PACKAGES[@]}"
    build_web
    build release motcuad motcua
    (cd build/release && cpack -G DEB)
    ls build/release/motcua_*_amd64.deb
    ;;
  bench)
    ensure_packages "${BENCH_PACKAGES[@]}"
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
