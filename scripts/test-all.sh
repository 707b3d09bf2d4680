#!/usr/bin/env bash
# The whole test suite: types, unit and feature tests on PGlite, the same on PostgreSQL,
# then the browser tests. Ends with one line "N passed, M failed" counting every test run.
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
status=0

step() { printf '\n=== %s ===\n' "$1"; }

step "typecheck"
npx tsc --noEmit -p . || status=1

step "unit and feature tests on PGlite"
# TEST_DATABASE_URL set for the next step must not turn this one into a second PostgreSQL run
TEST_DATABASE_URL= npx vitest run --reporter=default --reporter=json --outputFile="$results/pglite.json" || status=1

pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if node scripts/pg-reachable.mjs "$pg_url"; then
  step "feature tests on PostgreSQL ($pg_url)"
  TEST_DATABASE_URL="$pg_url" npx vitest run --reporter=default --reporter=json --outputFile="$results/postgres.json" || status=1
elif [ "${REQUIRE_POSTGRES:-0}" = 1 ]; then
  echo "PostgreSQL is not reachable at $pg_url and REQUIRE_POSTGRES=1"; status=1
else
  echo "PostgreSQL is not reachable at $pg_url: skipping the PostgreSQL run (set TEST_DATABASE_URL)."
fi

if [ "${SKIP_E2E:-0}" != 1 ]; then
  step "browser tests (Playwright, Chromium)"
  npm run build:web --silent || status=1
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --config test/e2e/playwright.config.ts --reporter=list,json || status=1
fi

node scripts/summarise-tests.mjs "$results" || status=1
exit $status
