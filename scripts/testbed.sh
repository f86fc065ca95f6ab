#!/usr/bin/env bash
# The real parts the tests and the demo run against, on loopback only:
#   testbed.sh start   install the base packages that are missing, start dockerd (when docker.io is
#                      installed and none runs) and the registries, push busybox base images
#                      (amd64 + arm64), write $TESTBED_DIR/env; this is all the demo needs
#   testbed.sh stop    stop what `start` started, nothing else
#   testbed.sh env     print the env file (for `source <(scripts/testbed.sh env)`)
#   testbed.sh install install what the tests need besides: every Debian package and the Go-module
#                      tools (the integration suite's setup and CI run it before `start`)
set -euo pipefail

TESTBED_DIR=${TESTBED_DIR:-/tmp/cia-testbed}
CACHE_DIR=${CIA_CACHE_DIR:-/var/cache/cia-testbed}
REGISTRY_PORT=${CIA_REGISTRY_PORT:-5510}
REGISTRY_B_PORT=$((REGISTRY_PORT + 1))
REGISTRY_AUTH_PORT=$((REGISTRY_PORT + 2))
# What `start` runs: registries, base images built with buildah, the demo's podman builds (arm64
# under qemu). The tests need the rest too: docker, skopeo, openssl certificates, Zuul's Jinja.
BASE_PACKAGES=(podman buildah runc docker-registry qemu-user-static binfmt-support busybox-static apache2-utils curl)
TEST_PACKAGES=(docker.io skopeo openssl python3 python3-jinja2)

log() { printf 'testbed: %s\n' "$*" >&2; }

install_packages() { # install_packages <package...>
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

enable_qemu() {
  # Foreign-architecture RUN steps need binfmt_misc with qemu's handler (F flag: works in chroots).
  if [ ! -e /proc/sys/fs/binfmt_misc/register ]; then
    mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  fi
  if ! grep -q enabled /proc/sys/fs/binfmt_misc/qemu-aarch64 2>/dev/null; then
    update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || update-binfmts --import qemu-aarch64 >/dev/null
  fi
}

# The Go-module peers of the tests (act, BuildKit, buildx, crane, regclient, cosign, oras, and the
# registry servers distribution 3.1 and Gitea), pinned and built once into the cache
# (scripts/go-tools.sh): the first run on a machine takes minutes, later runs none. `start` never builds them: the demo runs none of them.
install_go_tools() {
  CIA_CACHE_DIR=$CACHE_DIR bash "$(dirname "$0")/go-tools.sh" install
}

started() { echo "$1 $2" >>"$TESTBED_DIR/started"; }

wait_for() { # wait_for <what> <command...>
  local what=$1
  shift
  for _ in $(seq 1 100); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  log "$what did not come up"
  return 1
}

# Only the tests use docker: without docker.io (the demo's machine) there is no daemon to start.
start_dockerd() {
  command -v dockerd >/dev/null || return 0
  if docker info >/dev/null 2>&1; then return; fi
  log "starting dockerd (no bridge network: traffic stays on loopback)"
  dockerd --bridge=none --iptables=false --ip6tables=false --pidfile "$TESTBED_DIR/dockerd.pid" >"$TESTBED_DIR/dockerd.log" 2>&1 &
  started dockerd $!
  wait_for dockerd docker info
}

# start_registry <name> <port> [htpasswd-file]
start_registry() {
  local name=$1 port=$2 htpasswd=${3:-}
  local dir="$TESTBED_DIR/registry-$name"
  mkdir -p "$dir/data"
  {
    echo "version: 0.1"
    echo "log: {level: warn, accesslog: {disabled: false}}"
    echo "storage: {filesystem: {rootdirectory: $dir/data}, delete: {enabled: true}}"
    echo "http: {addr: 127.0.0.1:$port}"
    if [ -n "$htpasswd" ]; then echo "auth: {htpasswd: {realm: testbed, path: $htpasswd}}"; fi
  } >"$dir/config.yml"
  docker-registry serve "$dir/config.yml" >"$dir/log" 2>&1 &
  started "registry-$name" $!
  wait_for "registry $name" sh -c "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/v2/ | grep -qE '^(200|401)$'"
}

busybox_rootfs() { # busybox_rootfs <arch> <dir>
  local arch=$1 dir=$2 deb
  mkdir -p "$CACHE_DIR" "$dir/bin"
  if [ "$arch" = amd64 ]; then
    cp /bin/busybox "$dir/bin/busybox"
  else
    deb=$(ls "$CACHE_DIR"/busybox-static_*_"$arch".deb 2>/dev/null | head -n1 || true)
    if [ -z "$deb" ]; then
      dpkg --print-foreign-architectures | grep -qx "$arch" || dpkg --add-architecture "$arch"
      apt-get update -qq
      (cd "$CACHE_DIR" && apt-get download -qq "busybox-static:$arch" 2>/dev/null)
      deb=$(ls "$CACHE_DIR"/busybox-static_*_"$arch".deb | head -n1)
    fi
    dpkg-deb -x "$deb" "$dir.deb"
    cp "$dir.deb/bin/busybox" "$dir/bin/busybox"
  fi
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$dir/bin/$applet"
  done
}

push_base_images() {
  # Named after this test bed's port: a demo's test bed may push while the tests' one does.
  local work="$TESTBED_DIR/base" ctr name="localhost/cia-base-$REGISTRY_PORT"
  rm -rf "$work"
  mkdir -p "$work"
  buildah manifest rm "$name:latest" >/dev/null 2>&1 || true
  buildah manifest create "$name:latest" >/dev/null
  for arch in amd64 arm64; do
    busybox_rootfs "$arch" "$work/$arch"
    ctr=$(buildah from scratch)
    buildah copy -q "$ctr" "$work/$arch/" / >/dev/null
    buildah config --os linux --arch "$arch" --cmd /bin/sh "$ctr"
    buildah commit -q --rm "$ctr" "$name:$arch" >/dev/null
    buildah manifest add "$name:latest" "$name:$arch" >/dev/null
  done
  for port in "$REGISTRY_PORT" "$REGISTRY_B_PORT"; do
    buildah manifest push -q --all --tls-verify=false "$name:latest" "docker://127.0.0.1:$port/ci/busybox:latest" >/dev/null
  done
  # The registries hold them now; the local copies would pile up, one set per test bed's port.
  buildah manifest rm "$name:latest" >/dev/null
  buildah rmi "$name:amd64" "$name:arm64" >/dev/null
}

write_containers_conf() {
  # podman on this host's cgroups needs runc and ulimits within the host's hard limits.
  cat >"$TESTBED_DIR/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
[engine]
runtime = "runc"
CONF
  {
    for port in "$REGISTRY_PORT" "$REGISTRY_B_PORT" "$REGISTRY_AUTH_PORT"; do
      printf '[[registry]]\nlocation = "127.0.0.1:%s"\ninsecure = true\n' "$port"
    done
  } >"$TESTBED_DIR/registries.conf"
}

alive() { [ -f "$TESTBED_DIR/env" ] && [ -f "$TESTBED_DIR/started" ] && while read -r _ pid; do kill -0 "$pid" 2>/dev/null || return 1; done <"$TESTBED_DIR/started"; }

start() {
  if alive && curl -fsS -o /dev/null "http://127.0.0.1:$REGISTRY_PORT/v2/"; then
    log "already running ($TESTBED_DIR/env)"
    # Started by the demo before `install` brought docker.io: the tests need its daemon too.
    start_dockerd
    return
  fi
  stop_started
  rm -rf "$TESTBED_DIR"
  mkdir -p "$TESTBED_DIR"
  : >"$TESTBED_DIR/started"
  install_packages "${BASE_PACKAGES[@]}"
  enable_qemu
  write_containers_conf
  export CONTAINERS_CONF="$TESTBED_DIR/containers.conf" CONTAINERS_REGISTRIES_CONF="$TESTBED_DIR/registries.conf" BUILDAH_ISOLATION=chroot
  start_dockerd
  local password
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  htpasswd -Bbc "$TESTBED_DIR/htpasswd" ci "$password" >/dev/null 2>&1
  chmod 600 "$TESTBED_DIR/htpasswd"
  start_registry a "$REGISTRY_PORT"
  start_registry b "$REGISTRY_B_PORT"
  start_registry auth "$REGISTRY_AUTH_PORT" "$TESTBED_DIR/htpasswd"
  push_base_images
  cat >"$TESTBED_DIR/env" <<ENV
TESTBED_DIR=$TESTBED_DIR
CIA_REGISTRY=127.0.0.1:$REGISTRY_PORT
CIA_REGISTRY_B=127.0.0.1:$REGISTRY_B_PORT
CIA_REGISTRY_AUTH=127.0.0.1:$REGISTRY_AUTH_PORT
CIA_REGISTRY_AUTH_USER=ci
CIA_REGISTRY_AUTH_PASSWORD=$password
CIA_BASE_IMAGE=127.0.0.1:$REGISTRY_PORT/ci/busybox:latest
CONTAINERS_CONF=$TESTBED_DIR/containers.conf
CONTAINERS_REGISTRIES_CONF=$TESTBED_DIR/registries.conf
BUILDAH_ISOLATION=chroot
ENV
  chmod 600 "$TESTBED_DIR/env"
  log "ready: $TESTBED_DIR/env"
}

stop_started() {
  [ -f "$TESTBED_DIR/started" ] || return 0
  # Reverse order: registries before the daemon they may depend on.
  tac "$TESTBED_DIR/started" | while read -r what pid; do
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping $what ($pid)"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -f "$TESTBED_DIR/started"
}

stop() {
  stop_started
  rm -rf "$TESTBED_DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) cat "$TESTBED_DIR/env" ;;
  install)
    install_packages "${BASE_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    install_go_tools
    ;;
  *)
    echo "usage: $0 start|stop|env|install" >&2
    exit 2
    ;;
esac
