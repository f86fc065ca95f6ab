#!/usr/bin/env bash
# dist/ must be exactly what a fresh build gives (no stale, missing or untracked file): the one
# check of it is test/unit/dist.test.ts, run here on its own.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/test.mjs unit test/unit/dist.test.ts
