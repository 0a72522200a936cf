#!/usr/bin/env bash
# The start command: installs what is missing, builds, migrates, seeds demo data and serves http://localhost:3000.
source "$(dirname "$0")/setup/lib.sh"
cd "$REPO_ROOT"

ensure_dependencies
ensure_docker
ensure_grader_image
log "building the web app"
pnpm turbo run build --filter=@academy/web --output-logs=errors-only
exec pnpm --silent dev:stack
