#!/usr/bin/env bash
# Runs the Jest suite (component tests included) against Grafana 13.2.3 with React 19.
# The packages come from test/react19/package-lock.json and are installed in a scratch folder
# (.react19/ by default), reinstalled only when that lock file changes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
scratch="${REACT19_DIR:-$repo/.react19}"
mkdir -p "$scratch"
if [ ! -d "$scratch/node_modules" ] || ! cmp -s "$repo/test/react19/package-lock.json" "$scratch/package-lock.json"; then
  cp "$repo/test/react19/package.json" "$repo/test/react19/package-lock.json" "$scratch/"
  # @grafana/ui 13 still lists React 18 peers for a few of its own dependencies (react-table): legacy peers.
  (cd "$scratch" && npm ci --no-audit --no-fund --legacy-peer-deps)
fi
cd "$repo"
REACT19_DIR="$scratch" npx jest --config test/react19/jest.config.js --maxWorkers 2 "$@"
