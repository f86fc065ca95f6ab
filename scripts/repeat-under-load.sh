#!/usr/bin/env bash
# Runs one integration test N times in a row while two busy loops hold both cores, and stops at
# the first failure: how a race is shown fixed (a flaky test is a defect). The test bed must be
# running (bash scripts/testbed.sh start).
#   bash scripts/repeat-under-load.sh 50 test/integration/promote.itest.ts "at the same time"
set -euo pipefail
count=$1 file=$2 pattern=$3
cd "$(dirname "$0")/.."
busy() { while :; do :; done; }
busy & b1=$!
busy & b2=$!
trap 'kill "$b1" "$b2" 2>/dev/null || true' EXIT
echo "busy loops: $b1 $b2"
for i in $(seq 1 "$count"); do
  if ! out=$(node scripts/test.mjs integration --name="$pattern" "$file" 2>&1); then
    echo "$out" | tail -40
    echo "run $i of $count failed"
    exit 1
  fi
  grep -qE "^suite integration: [1-9][0-9]* passed, 0 failed" <<<"$out" || { echo "run $i ran no test"; exit 1; }
  echo "run $i passed"
done
echo "$count runs in a row passed under load"
