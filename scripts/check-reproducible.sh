#!/usr/bin/env bash
# Builds the same commit twice and checks that the published jars are byte-identical
# (project.build.outputTimestamp in the parent POM fixes the timestamps inside the jars).
# Usage: scripts/check-reproducible.sh [extra maven arguments, e.g. -o]
# Needs a clean work tree (it compares what the commit builds). Takes two package runs, no tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "check-reproducible: the work tree has changes; commit or stash them first" >&2
  exit 2
fi
modules=(thresholds-core thresholds-forms thresholds-jackson thresholds-dmn thresholds-examples)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for run in 1 2; do
  mvn -B -ntp -q "$@" clean package -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am
  mkdir -p "$out/$run"
  for m in "${modules[@]}"; do
    cp "$m"/target/"$m"-*.jar "$out/$run/"
  done
  # a different moment between the two builds
  sleep 2
done
status=0
for jar in "$out"/1/*.jar; do
  name=$(basename "$jar")
  a=$(sha256sum < "$jar" | cut -d' ' -f1)
  b=$(sha256sum < "$out/2/$name" | cut -d' ' -f1)
  if [ "$a" = "$b" ]; then
    echo "reproducible  $name  $a"
  else
    echo "DIFFERENT     $name  $a  $b"
    status=1
  fi
done
exit $status
