#!/usr/bin/env bash
# Builds the base image of the league images from Debian's packages alone (no image registry needed):
# Debian 13 (trixie) minbase + openjdk-21-jre-headless + ca-certificates, and the unprivileged user league (10001).
# Writes <out>/league-base.tar in `docker save` format, which Jib takes as its base image (tar://), and
# <out>/league-base.ref (the tar's path, for -Djib.from.image=tar://...).
#
#   sudo deploy/images/build-base.sh [out-dir]      # needs root (debootstrap, chroot); ~3 min, ~90 MB compressed
#
# Settings: LEAGUE_BASE_SUITE (trixie), LEAGUE_BASE_MIRROR (http://deb.debian.org/debian).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${1:-$ROOT/deploy/images/target}
SUITE=${LEAGUE_BASE_SUITE:-trixie}
MIRROR=${LEAGUE_BASE_MIRROR:-http://deb.debian.org/debian}
JRE_PACKAGE=openjdk-21-jre-headless
TAG=league-base:21-$SUITE

[ "$(id -u)" = 0 ] || { echo "build-base.sh: needs root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "build-base.sh: apt-get install debootstrap" >&2; exit 1; }

WORK=$(mktemp -d /tmp/league-base.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# the bootstrapped system is kept beside the output (a second run only repacks it); LEAGUE_BASE_FRESH=1 starts over
BOOTSTRAPPED=$OUT/rootfs-$SUITE
ROOTFS=$WORK/rootfs
mkdir -p "$OUT"
if [ "${LEAGUE_BASE_FRESH:-0}" = 1 ] || [ ! -f "$BOOTSTRAPPED/.complete" ]; then
  rm -rf "$BOOTSTRAPPED"
  echo "debootstrap $SUITE ($MIRROR) with $JRE_PACKAGE ..."
  debootstrap --variant=minbase --include="$JRE_PACKAGE,ca-certificates" "$SUITE" "$BOOTSTRAPPED" "$MIRROR" \
    >"$OUT/debootstrap.log" 2>&1 || { tail -n 30 "$OUT/debootstrap.log" >&2; exit 1; }
  touch "$BOOTSTRAPPED/.complete"
fi
cp -a "$BOOTSTRAPPED" "$ROOTFS"
rm -f "$ROOTFS/.complete"

# the user every league image runs as (the chart's runAsUser/runAsGroup); it owns nothing in the image
chroot "$ROOTFS" groupadd --gid 10001 league
chroot "$ROOTFS" useradd --uid 10001 --gid league --home-dir /app --no-create-home --shell /usr/sbin/nologin league

JAVA_HOME_IN=$(cd "$ROOTFS" && ls -d usr/lib/jvm/java-21-openjdk-* | head -n 1)
[ -x "$ROOTFS/$JAVA_HOME_IN/bin/java" ] || { echo "build-base.sh: no java in the rootfs" >&2; exit 1; }
# the JVM runs in it (java finds its libraries through /proc/self/exe: proc mounted for this one check)
mount -t proc proc "$ROOTFS/proc"
JAVA_VERSION=$(chroot "$ROOTFS" "/$JAVA_HOME_IN/bin/java" -version 2>&1 | head -n 1) || true
umount "$ROOTFS/proc"
case $JAVA_VERSION in
  *'"21.'*) JAVA_VERSION=${JAVA_VERSION//\"/}; echo "  $JAVA_VERSION" ;;
  *) echo "build-base.sh: java does not run in the rootfs: $JAVA_VERSION" >&2; exit 1 ;;
esac

# smaller: package caches and lists, docs, man pages; mount points empty
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/* "$ROOTFS"/var/cache/debconf/*-old \
  "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/var/log/* \
  "$ROOTFS"/dev/* "$ROOTFS"/proc/* "$ROOTFS"/sys/* "$ROOTFS"/run/* "$ROOTFS"/tmp/*
chmod 1777 "$ROOTFS/tmp"

# one layer; fixed times and owners so the same packages give the same layer
mkdir -p "$WORK/image"
tar --numeric-owner --sort=name --mtime='2026-01-01 00:00:00Z' -C "$ROOTFS" -cf "$WORK/image/layer.tar" .
DIFF_ID=sha256:$(sha256sum "$WORK/image/layer.tar" | cut -d' ' -f1)

cat >"$WORK/image/config.json" <<JSON
{
  "architecture": "amd64",
  "os": "linux",
  "created": "2026-01-01T00:00:00Z",
  "config": {
    "User": "10001:10001",
    "Env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=/$JAVA_HOME_IN",
      "LANG=C.UTF-8"
    ],
    "WorkingDir": "/",
    "Labels": {
      "org.opencontainers.image.title": "league-base",
      "org.opencontainers.image.description": "Debian $SUITE minbase + $JRE_PACKAGE ($JAVA_VERSION), user league 10001"
    }
  },
  "rootfs": {"type": "layers", "diff_ids": ["$DIFF_ID"]},
  "history": [{"created": "2026-01-01T00:00:00Z", "created_by": "deploy/images/build-base.sh: debootstrap $SUITE + $JRE_PACKAGE"}]
}
JSON
CONFIG_SHA=$(sha256sum "$WORK/image/config.json" | cut -d' ' -f1)
mv "$WORK/image/config.json" "$WORK/image/$CONFIG_SHA.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["layer.tar"]}]\n' "$CONFIG_SHA" "$TAG" >"$WORK/image/manifest.json"

mkdir -p "$OUT"
tar -C "$WORK/image" -cf "$OUT/league-base.tar" manifest.json "$CONFIG_SHA.json" layer.tar
echo "$OUT/league-base.tar" >"$OUT/league-base.ref"
echo "base image $TAG: $OUT/league-base.tar ($(du -h "$OUT/league-base.tar" | cut -f1)); JAVA_HOME=/$JAVA_HOME_IN"
