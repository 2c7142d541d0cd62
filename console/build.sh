#!/usr/bin/env bash
# Builds the console with the machine's Node.js and npm (Maven runs this in generate-resources):
# `npm ci` from the committed lockfile only when node_modules does not match it (npm's cache first, so a second
# machine-local install needs no network), then the type check and Vite's build into target/classes/static,
# skipped when nothing changed since the last build.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "console: npm not found (install Node.js 20+ and npm)" >&2; exit 1; }

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --prefer-offline --no-audit --no-fund --loglevel=error
fi

out=target/classes/static/index.html
if [ -f "$out" ] && [ -z "$(find src index.html account.html package.json package-lock.json vite.config.ts tsconfig.json build.sh \
      -newer "$out" -type f -print -quit)" ]; then
  echo "console: up to date"
  exit 0
fi
npm run build --silent
