#!/usr/bin/env bash
# The monitoring files of packaging/monitoring: the Prometheus alert rules
# checked and run against their unit tests by promtool, and the Grafana
# dashboard parsed. Every motcua_ metric either file names must be one that
# motcuad's GET /metrics exports (adapters/runtime/telemetry.h), so that a
# renamed metric cannot leave an alert that never fires or an empty panel.
#
#   rules_test.sh [SOURCE_DIR]   (default: the repository holding this script)
set -euo pipefail
src=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
dir=$src/packaging/monitoring
rules=$dir/motcua-alerts.yml
rules_test=$dir/motcua-alerts.test.yml
dashboard=$dir/grafana-motcua.json

fail() { echo "FAIL: $*" >&2; exit 1; }
command -v promtool >/dev/null || fail "promtool missing (Debian's prometheus package)"
command -v node >/dev/null || fail "node missing (./dev.sh installs it for the web desk)"
for f in "$rules" "$rules_test" "$dashboard"; do [ -f "$f" ] || fail "no $f"; done

# What GET /metrics exports, read from where the server names it (one list,
# not a copy of it here); a histogram's series add _bucket, _sum, _count.
telemetry=$src/adapters/runtime/telemetry.cc
[ -f "$telemetry" ] || fail "no $telemetry"
exported=$(grep -oE '"motcua_[a-z_]+"' "$telemetry" | tr -d '"' | sort -u)
histograms=$(grep -oE 'HistogramSamples\("motcua_[a-z_]+"' "$telemetry" |
  sed 's/.*"\(motcua_[a-z_]*\)"/\1/' | sort -u)
[ -n "$exported" ] && [ -n "$histograms" ] || fail "no metric names found in $telemetry"
known() {  # name
  grep -qx -- "$1" <<<"$exported" && return 0
  local base
  for base in $histograms; do
    case $1 in "${base}_bucket" | "${base}_sum" | "${base}_count") return 0 ;; esac
  done
  return 1
}

# 1. The rules: valid, and doing what their tests say (promtool finds the
# rules file beside its test).
promtool check rules "$rules" || fail "promtool check rules $rules"
promtool test rules "$rules_test" || fail "promtool test rules $rules_test"

# 2. The dashboard parses.
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$dashboard" ||
  fail "$dashboard is not valid JSON"

# 3. Every metric named is exported.
for f in "$rules" "$dashboard"; do
  names=$(grep -oE 'motcua_[a-z_]+' "$f" | sort -u)
  [ -n "$names" ] || fail "no motcua_ metric in $f"
  for name in $names; do
    known "$name" || fail "$(basename "$f") names $name, which GET /metrics does not export"
  done
  echo "$(basename "$f"): $(wc -w <<<"$names") metric names, all exported"
done
echo "alert rules checked and unit-tested by promtool $(promtool --version 2>&1 | sed -n 's/^promtool, version \([^ ]*\).*/\1/p'); dashboard JSON valid"
