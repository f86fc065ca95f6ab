#!/usr/bin/env bash
# dist/ must be exactly what a fresh build gives: no stale, missing or untracked file.
set -euo pipefail
bash scripts/build.sh dist
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ differs from a fresh build of the source: run npm run build and commit dist/" >&2
  git status --porcelain -- dist >&2
  exit 1
fi
echo "dist/ matches a fresh build"
