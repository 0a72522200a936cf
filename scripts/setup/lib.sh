# Shared helpers for the start and test commands: install or start what is missing, idempotently.
set -euo pipefail

PNPM_VERSION=12.4.2
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    log "installing pnpm $PNPM_VERSION"
    npm install -g --silent "pnpm@$PNPM_VERSION"
  fi
}

ensure_dependencies() {
  ensure_pnpm
  log "pnpm install"
  (cd "$REPO_ROOT" && pnpm install --frozen-lockfile --reporter=append-only >/dev/null)
}

# The grader needs a Docker engine. Debian's docker.io works here; no engine runs on a new machine.
ensure_docker() {
  if ! command -v dockerd >/dev/null 2>&1; then apt_install docker.io; fi
  # An engine named by DOCKER_HOST is the caller's to run.
  if [ -n "${DOCKER_HOST:-}" ]; then return; fi
  if [ -S /var/run/docker.sock ] && docker_answers; then return; fi
  log "starting dockerd (it keeps running after this command; its log: /var/log/academy-dockerd.log)"
  # A session of its own: Ctrl+C and the terminal's hang-up reach the start command's process
  # group, and the engine (with the containers it runs) must outlive the command that started it.
  as_root setsid --fork sh -c 'exec dockerd >>/var/log/academy-dockerd.log 2>&1 </dev/null'
  for _ in $(seq 1 60); do
    if [ -S /var/run/docker.sock ] && docker_answers; then return; fi
    sleep 1
  done
  echo "dockerd did not start; see /var/log/academy-dockerd.log" >&2
  exit 1
}

docker_answers() {
  node -e '
    const http = require("node:http");
    const req = http.request({ socketPath: "/var/run/docker.sock", path: "/_ping", timeout: 2000 }, (res) => process.exit(res.statusCode === 200 ? 0 : 1));
    req.on("error", () => process.exit(1));
    req.on("timeout", () => process.exit(1));
    req.end();
  ' 2>/dev/null
}

# The compose smoke test runs docker/compose.yaml with Debian's docker-compose (1.29).
ensure_compose() {
  if ! command -v docker-compose >/dev/null 2>&1; then apt_install docker-compose; fi
}

# Browser tests use Debian's Chromium: Playwright's own browser download is not reachable.
ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then apt_install chromium fonts-liberation; fi
}

ensure_grader_image() {
  if ! command -v debootstrap >/dev/null 2>&1; then apt_install debootstrap; fi
  (cd "$REPO_ROOT" && pnpm --silent grader:image)
}
