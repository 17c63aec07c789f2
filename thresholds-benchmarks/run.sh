#!/usr/bin/env bash
# Runs the whole benchmark suite (JMH, -prof gc) and writes thresholds-benchmarks/RESULTS.md.
# About six minutes on a 2-core machine. Run from anywhere inside a clone:
#   thresholds-benchmarks/run.sh             build the benchmarks jar, then run
#   thresholds-benchmarks/run.sh --no-build  run the jar already built
#   thresholds-benchmarks/run.sh --quick     a smoke run (one short iteration each; figures mean nothing)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) args+=("$a") ;;
  esac
done
if [[ $build == 1 ]]; then
  mvn -B -ntp -q -pl thresholds-benchmarks -am package -DskipTests
fi
exec java -cp thresholds-benchmarks/target/benchmarks.jar io.thresholds.benchmarks.Suite \
  thresholds-benchmarks/RESULTS.md "${args[@]+"${args[@]}"}"
