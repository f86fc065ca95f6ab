#!/usr/bin/env bash
# Bundles src/main.ts and its dependencies into one file with ncc: build.sh [outdir] (default dist).
set -euo pipefail
out=${1:-dist}
rm -rf "$out"
npx --no-install ncc build src/main.ts --out "$out" --license licenses.txt --target es2022 --quiet
