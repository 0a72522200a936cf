#!/usr/bin/env bash
# Offline builder of the runtime base that the web, grader-service and postgres images start FROM:
# debootstrap --variant=minbase trixie with packages.txt (Node.js 20, PostgreSQL 17, tini, curl for
# health checks), imported with `docker import` and tagged by the hash of packages.txt, so it is
# rebuilt only when the list changes. Machines with a registry use the Dockerfiles' default base instead.
#   build-offline.sh            prints the base tag it made or found
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
packages_hash="$(sha256sum "$here/packages.txt" | cut -c1-12)"
base="academy-runtime-base:$packages_hash"

command -v docker >/dev/null || { echo "runtime-image: the docker CLI is not installed" >&2; exit 1; }

if ! docker image inspect "$base" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || { echo "runtime-image: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }
  rootfs="$(mktemp -d /var/tmp/academy-runtime-rootfs.XXXXXX)"
  # debootstrap mounts /proc and /sys inside the rootfs while it works; never delete through them.
  trap 'umount -R "$rootfs/proc" "$rootfs/sys" 2>/dev/null || true; rm -rf --one-file-system "$rootfs"' EXIT
  include="$(grep -v '^\s*$' "$here/packages.txt" | paste -sd, -)"
  echo "runtime-image: debootstrap trixie into $rootfs" >&2
  debootstrap --variant=minbase --include="$include" trixie "$rootfs" "$mirror" >&2
  # Debian's postgresql package creates a cluster at install; the image's entrypoint makes its own in the volume.
  rm -rf "$rootfs"/var/lib/postgresql/* "$rootfs"/etc/postgresql/*
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
  tar --numeric-owner --one-file-system -C "$rootfs" -c . | docker import --change 'ENV LANG=C.UTF-8' - "$base" >&2
fi
echo "$base"
