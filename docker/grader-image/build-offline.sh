#!/usr/bin/env bash
# Offline builder of the grader image: no container registry needed, only Debian's mirror.
#   build-offline.sh <image:tag>
# 1. base image: debootstrap --variant=minbase trixie with packages.txt, imported with
#    `docker import` and tagged by the hash of packages.txt (rebuilt only when the list changes);
# 2. final image: the same Dockerfile as online machines, FROM that base (its apt step is
#    skipped because every package is already installed), adding the runner and the users.
set -euo pipefail

tag="${1:?usage: build-offline.sh <image:tag>}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
packages_hash="$(sha256sum "$here/packages.txt" | cut -c1-12)"
base="academy-grader-base:$packages_hash"

command -v docker >/dev/null || { echo "build-offline: the docker CLI is not installed" >&2; exit 1; }

if ! docker image inspect "$base" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || { echo "build-offline: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }
  rootfs="$(mktemp -d /var/tmp/academy-grader-rootfs.XXXXXX)"
  # debootstrap mounts /proc and /sys inside the rootfs while it works; never delete through them.
  trap 'umount -R "$rootfs/proc" "$rootfs/sys" 2>/dev/null || true; rm -rf --one-file-system "$rootfs"' EXIT
  include="$(grep -v '^\s*$' "$here/packages.txt" | paste -sd, -)"
  echo "build-offline: debootstrap trixie into $rootfs" >&2
  debootstrap --variant=minbase --include="$include" trixie "$rootfs" "$mirror" >&2
  # Same cleanup as the Dockerfile's apt step: no package lists or caches in the image.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
  tar --numeric-owner --one-file-system -C "$rootfs" -c . | docker import - "$base" >&2
fi

echo "build-offline: building $tag from $base" >&2
DOCKER_BUILDKIT=0 docker build --quiet --build-arg "BASE=$base" --tag "$tag" "$here" >&2
