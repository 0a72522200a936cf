#!/usr/bin/env bash
# The test command: every test, against real Postgres, a real Docker engine and real Chromium.
source "$(dirname "$0")/setup/lib.sh"
cd "$REPO_ROOT"

started=$(date +%s)
ensure_dependencies
ensure_docker
ensure_chromium
ensure_grader_image

log "lint and typecheck"
pnpm turbo run lint typecheck --output-logs=errors-only
pnpm --silent check:root
log "unit and integration tests"
pnpm turbo run test --concurrency=1 --output-logs=full
pnpm --silent test:scripts
log "every exercise in the real grader"
pnpm --silent exercises:verify
log "building the web app"
pnpm turbo run build --filter=@academy/web --output-logs=errors-only
log "browser tests"
rm -rf .data/e2e
pnpm test:e2e
log "the compose stack: images built offline, up, a solution graded, down"
ensure_compose
pnpm --silent test:compose
log "all tests passed in $(( $(date +%s) - started ))s"
