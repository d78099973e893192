#!/bin/bash
# Prerequisites of the end-to-end build test (run as root; idempotent):
#  - podman with the runc runtime (and container ulimits this host allows), qemu-user-static, debootstrap, and Debian's wheels of
#    setuptools, wheel and pip in /usr/share/python-wheels;
#  - aarch64 emulation through binfmt_misc;
#  - two local base images, pyhermetic-e2e-base:x86_64 and pyhermetic-e2e-base:aarch64, made with
#    debootstrap (Debian 12 with python3, pip, venv, gcc and python3-dev) and imported with
#    `podman import --arch`. An image that already exists is kept.
# Debian packages come from the mirror apt is configured with. Every step is logged.
set -euo pipefail

BASE=${PYHERMETIC_E2E_BASE:-pyhermetic-e2e-base}
SUITE=${PYHERMETIC_E2E_SUITE:-bookworm}
WORK=${PYHERMETIC_E2E_WORK:-/var/tmp/pyhermetic-e2e}
INCLUDE=python3,python3-pip,python3-venv,gcc,libc6-dev,python3-dev,ca-certificates

log() { printf '%s [setup] %s\n' "$(date +%T)" "$*" >&2; }
run() { log "\$ $*"; "$@"; }

if [ "$(id -u)" != 0 ]; then
  log "must run as root"
  exit 2
fi

mirror() {
  local uri
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [ -z "$uri" ]; then
    uri=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  fi
  if [ -z "$uri" ]; then
    log "no Debian mirror in apt's sources"
    exit 2
  fi
  printf '%s\n' "$uri"
}

packages() {
  local missing=()
  for p in podman runc qemu-user-static debootstrap python3-setuptools-whl python3-wheel-whl \
    python3-pip-whl; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "packages already installed"
    return
  fi
  run apt-get update -q
  DEBIAN_FRONTEND=noninteractive run apt-get install -y -q --no-install-recommends "${missing[@]}"
}

runtime() {
  # crun fails on hosts with cgroups in hybrid mode; runc works. Rootful `podman run` asks for
  # nofile and nproc limits above what this host lets a container set ("error setting rlimit
  # type 7: operation not permitted"), so containers get modest ones.
  local conf=/etc/containers/containers.conf.d/50-pyhermetic-e2e.conf
  local want
  want=$(printf '[containers]\ndefault_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]\n\n[engine]\nruntime = "runc"\n')
  if [ "$(cat "$conf" 2>/dev/null)" != "$want" ]; then
    run mkdir -p "$(dirname "$conf")"
    log "writing $conf: runtime runc, default ulimits nofile and nproc 4096"
    printf '%s\n' "$want" >"$conf"
  fi
  run podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.CgroupsVersion}} {{.Version.Version}}'
}

binfmt() {
  if [ ! -e /proc/sys/fs/binfmt_misc/register ]; then
    run mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  fi
  if [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
    log "qemu-aarch64 already registered"
  else
    local line
    line=$(grep -v '^#' /usr/lib/binfmt.d/qemu-aarch64.conf | head -n1)
    log "registering qemu-aarch64: $line"
    printf '%s' "$line" >/proc/sys/fs/binfmt_misc/register
  fi
  run cat /proc/sys/fs/binfmt_misc/qemu-aarch64
}

image_exists() { podman image exists "$BASE:$1"; }

base_image() {
  local arch=$1 deb=$2 root="$WORK/rootfs-$1"
  if image_exists "$arch"; then
    log "image $BASE:$arch exists"
    return
  fi
  run rm -rf "$root"
  run mkdir -p "$root"
  if [ "$arch" = "$(uname -m)" ]; then
    run debootstrap --variant=minbase --arch "$deb" --include="$INCLUDE" "$SUITE" "$root" "$(mirror)"
  else
    run debootstrap --variant=minbase --arch "$deb" --foreign --include="$INCLUDE" "$SUITE" "$root" \
      "$(mirror)"
    run cp /usr/bin/qemu-aarch64-static "$root/usr/bin/"
    run chroot "$root" /debootstrap/debootstrap --second-stage
    run rm -f "$root/usr/bin/qemu-aarch64-static"
  fi
  run chroot "$root" python3 -c 'import platform, sys; print(platform.machine(), sys.version)'
  run chroot "$root" apt-get clean
  run rm -rf "$root/var/lib/apt/lists"/*
  log "importing $root as $BASE:$arch"
  tar -C "$root" --numeric-owner -cf - . |
    run podman import --arch "$deb" --os linux \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["/bin/bash"]' - "$BASE:$arch"
  run rm -rf "$root"
}

main() {
  local start=$SECONDS
  packages
  runtime
  binfmt
  run mkdir -p "$WORK"
  base_image x86_64 amd64
  base_image aarch64 arm64
  run podman images --format '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}' "$BASE"
  log "done in $((SECONDS - start)) s"
}

main "$@"
