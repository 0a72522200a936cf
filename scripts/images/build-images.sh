#!/usr/bin/env bash
# pnpm images:build — the deployable images, built with no container registry:
#   academy-postgres:<tag>        PostgreSQL from Debian
#   academy-web:<tag>             Next.js standalone output + the server entry (security headers, client address)
#   academy-grader-service:<tag>  the grading worker with its production dependencies and the exercises
# each FROM the runtime base that docker/runtime-image/build-offline.sh debootstraps (Debian trixie:
# Node.js 20, PostgreSQL 17, tini, curl). The grading image itself is `pnpm grader:image`.
# On a machine with a registry, BASE=debian:trixie-slim builds the same Dockerfiles online.
#   build-images.sh [tag]    (default tag: local)
source "$(dirname "$0")/../setup/lib.sh"
cd "$REPO_ROOT"

tag="${1:-local}"
stage="$REPO_ROOT/.data/images"
ensure_dependencies
ensure_docker
if ! command -v debootstrap >/dev/null 2>&1; then apt_install debootstrap; fi

base="${BASE:-$(bash docker/runtime-image/build-offline.sh)}"
log "images FROM $base, tag $tag"

log "postgres image"
DOCKER_BUILDKIT=0 docker build --quiet --build-arg "BASE=$base" --tag "academy-postgres:$tag" docker/postgres-image >/dev/null

log "web image: next build (standalone) and the server entry"
pnpm turbo run build --filter=@academy/web --output-logs=errors-only
rm -rf "$stage/web" && mkdir -p "$stage/web"
cp -a docker/web-image/Dockerfile "$stage/web/"
cp -a apps/web/.next/standalone "$stage/web/app"
cp -a apps/web/.next/static "$stage/web/app/apps/web/.next/static"
# Read from disk at run time: the exercise folders (statements, starters, visible tests) and the lessons.
mkdir -p "$stage/web/app/packages/content"
cp -a exercises "$stage/web/app/exercises"
cp -a packages/content/curriculum "$stage/web/app/packages/content/curriculum"
# Not bundled: next (from the standalone node_modules) and packages Next.js also keeps external.
pnpm --filter @academy/web exec esbuild src/standalone-main.ts --bundle --platform=node --format=esm --target=node20 \
  --outfile="$stage/web/app/apps/web/server.mjs" --external:next --log-level=warning \
  --banner:js="import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
DOCKER_BUILDKIT=0 docker build --quiet --build-arg "BASE=$base" --tag "academy-web:$tag" "$stage/web" >/dev/null

log "grader service image: the grader's packages, production dependencies, exercises"
rm -rf "$stage/grader" && mkdir -p "$stage/grader/app"
cp -a docker/grader-service-image/Dockerfile "$stage/grader/"
# The workspace as git knows it (no node_modules, build output or data), then an offline install from the store.
# Every package.json is kept so the lockfile matches the workspace; only the grader's tree is installed.
git ls-files -z --cached --others --exclude-standard -- package.json pnpm-workspace.yaml pnpm-lock.yaml .npmrc apps/grader apps/web/package.json packages docker/grader-image exercises tooling \
  | xargs -0 cp --parents -t "$stage/grader/app"
(cd "$stage/grader/app" && CI=true pnpm install --prod --prefer-offline --frozen-lockfile --filter "@academy/grader..." --config.confirmModulesPurge=false >/dev/null)
DOCKER_BUILDKIT=0 docker build --quiet --build-arg "BASE=$base" --tag "academy-grader-service:$tag" "$stage/grader" >/dev/null

for image in academy-postgres academy-web academy-grader-service; do
  log "$image:$tag $(docker image inspect --format '{{.Size}}' "$image:$tag" | awk '{ printf "%d MB", $1 / 1e6 }')"
done
