#!/usr/bin/env bash
# Test and benchmark peers that are Go modules, installed with `go install module@version`:
# pinned here, built once into $GO_TOOLS_DIR/<name>@<version>/ and reused from there on later runs.
# No binary is committed; the product itself stays TypeScript.
#
#   go-tools.sh install [NAME...]   build what is missing (all when no name), print each build's time
#   go-tools.sh path NAME           print the binary's path, or exit 3 saying why it is not there
#   go-tools.sh list                NAME MODULE@VERSION STATE, one line each
#
# Tools that cannot be had here are listed with the exact reason, so suites can say why they skip.
# The cache is $CIA_GO_TOOLS_DIR, else $CIA_CACHE_DIR/go-tools (the test bed's cache).
set -euo pipefail

GO_TOOLS_DIR=${CIA_GO_TOOLS_DIR:-${CIA_CACHE_DIR:-/var/cache/cia-testbed}/go-tools}

# name|package paths|version|binaries (comma separated)[|build[|folders]]
# `build`: the module's go.mod has exclude/replace directives, which `go install module@version`
# refuses; the same pinned version is then built from the module's source in the module cache.
# `folders`: folders of the module's source the binary reads at run time, copied beside it.
TOOLS=(
  "act|github.com/nektos/act|v0.2.89|act"
  "buildkit|github.com/moby/buildkit/cmd/buildkitd github.com/moby/buildkit/cmd/buildctl|v0.34.2|buildkitd,buildctl|build"
  "buildx|github.com/docker/buildx/cmd/buildx|v0.38.2|buildx"
  "crane|github.com/google/go-containerregistry/cmd/crane|v0.22.1|crane"
  "regclient|github.com/regclient/regclient/cmd/regsync github.com/regclient/regclient/cmd/regctl|v0.11.7|regsync,regctl"
  "cosign|github.com/sigstore/cosign/v2/cmd/cosign|v2.6.5|cosign"
  "oras|oras.land/oras/cmd/oras|v1.3.6|oras"
  "distribution-v3|github.com/distribution/distribution/v3/cmd/registry|v3.1.2|registry"
  # The wide-area link of `npm run bench -- wan`: a TCP proxy adding latency in user space (no netem here).
  "toxiproxy|github.com/Shopify/toxiproxy/v2/cmd/server|v2.12.0|server"
  # Gitea without its embedded assets (no `bindata` tag: that needs its Node front-end build) reads
  # its templates and options from beside its work path. SQLite is in the default build.
  "gitea|code.gitea.io/gitea|v1.27.3|gitea|build|options,templates"
)

# Asked for, and not installed here: each with the exact reason (the proxy's answer, or what was checked).
UNAVAILABLE=(
  "forgejo-runner|code.forgejo.org/forgejo/runner|the Go module proxy here refuses the host: 'Go module host not permitted: Go module fetches are limited to the module-host allowlist'"
  "gitea-act-runner|gitea.com/gitea/act_runner|the Go module proxy lists no version and answers 'This module version is not available.' for v0.2.10 to v0.3.0"
  "zot|zotregistry.dev/zot/v2|the Go module proxy here refuses the host: 'Go module host not permitted: Go module fetches are limited to the module-host allowlist'"
)

log() { printf 'go-tools: %s\n' "$*" >&2; }

field() { # field <entry> <n>
  local IFS='|'
  # shellcheck disable=SC2206
  local parts=($1)
  # The last field (build) is optional: an absent one reads as empty, not as an unbound variable.
  printf '%s' "${parts[$2]-}"
}

entry_of() {
  local entry
  for entry in "${TOOLS[@]}"; do
    if [ "$(field "$entry" 0)" = "$1" ]; then
      printf '%s' "$entry"
      return 0
    fi
  done
  return 1
}

unavailable_reason() {
  local entry
  for entry in "${UNAVAILABLE[@]}"; do
    if [ "$(field "$entry" 0)" = "$1" ]; then
      printf '%s (%s)' "$(field "$entry" 2)" "$(field "$entry" 1)"
      return 0
    fi
  done
  return 1
}

dir_of() { printf '%s/%s@%s' "$GO_TOOLS_DIR" "$(field "$1" 0)" "$(field "$1" 2)"; }

installed() {
  local entry=$1 bin
  for bin in $(field "$entry" 3 | tr ',' ' '); do
    [ -x "$(dir_of "$entry")/$bin" ] || return 1
  done
}

# build_from_source <entry> <output dir>: the module at its pinned version, as its own main module.
build_from_source() {
  local entry=$1 out=$2 module version src pkg packages=()
  version=$(field "$entry" 2)
  for pkg in $(field "$entry" 1); do
    module=${pkg%%/cmd/*}
    if [ "$pkg" = "$module" ]; then packages+=(.); else packages+=("./${pkg#"$module"/}"); fi
  done
  src=$(go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -d "$src" ] || {
    log "$module@$version: go mod download gave no source directory"
    return 1
  }
  # A module whose root is the command names its binary after its module path: the entry's own name instead.
  local target="$out/"
  [ "${packages[*]}" = . ] && target="$out/$(field "$entry" 3)"
  (cd "$src" && CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -mod=mod" go build -o "$target" "${packages[@]}") || {
    log "$module@$version: go build ${packages[*]} failed"
    return 1
  }
  local folder
  for folder in $(field "$entry" 5 | tr ',' ' '); do
    cp -R "$src/$folder" "$out/$folder"
    chmod -R u+w "$out/$folder" # the module cache is read-only; the copy must be removable
  done
}

# One build of a tool at a time: the integration suite's setup, a test and a benchmark may all ask
# for the same tool at once, and a second build into the same directory would spoil the first.
install_one() {
  local entry=$1 dir
  dir=$(dir_of "$entry")
  mkdir -p "$GO_TOOLS_DIR"
  (
    flock -n 9 || {
      log "$(field "$entry" 0): another process is building it; waiting"
      flock 9
    }
    install_unlocked "$entry"
  ) 9>"$dir.lock"
}

install_unlocked() {
  local entry=$1 name version dir pkg started
  name=$(field "$entry" 0)
  version=$(field "$entry" 2)
  dir=$(dir_of "$entry")
  if installed "$entry"; then
    log "$name@$version cached in $dir"
    return 0
  fi
  command -v go >/dev/null || {
    log "$name: no go command on this machine"
    return 1
  }
  started=$(date +%s)
  mkdir -p "$dir.partial"
  if [ "$(field "$entry" 4)" = build ]; then
    build_from_source "$entry" "$dir.partial" || {
      rm -rf "$dir.partial"
      return 1
    }
    rm -rf "$dir"
    mv "$dir.partial" "$dir"
    log "$name@$version built in $(($(date +%s) - started)) s"
    return 0
  fi
  for pkg in $(field "$entry" 1); do
    # GOFLAGS from the machine (e.g. -buildvcs=false) stay; the build is pinned by module@version.
    GOBIN="$dir.partial" CGO_ENABLED=0 go install "$pkg@$version" || {
      log "$name@$version: go install $pkg@$version failed"
      rm -rf "$dir.partial"
      return 1
    }
  done
  rm -rf "$dir"
  mv "$dir.partial" "$dir"
  log "$name@$version built in $(($(date +%s) - started)) s"
}

cmd_install() {
  local names=("$@") entry failed=0
  if ((${#names[@]} == 0)); then
    for entry in "${TOOLS[@]}"; do names+=("$(field "$entry" 0)"); done
  fi
  for name in "${names[@]}"; do
    if entry=$(entry_of "$name"); then
      install_one "$entry" || failed=1
    elif reason=$(unavailable_reason "$name"); then
      log "$name: not installed here: $reason"
    else
      log "$name: not a tool this script knows"
      failed=1
    fi
  done
  return $failed
}

cmd_path() {
  local name=$1 bin=${2:-$1} entry reason
  if entry=$(entry_of "$name"); then
    if installed "$entry"; then
      printf '%s/%s\n' "$(dir_of "$entry")" "$bin"
      return 0
    fi
    echo "$name@$(field "$entry" 2) is not installed: run 'bash scripts/go-tools.sh install $name'" >&2
  elif reason=$(unavailable_reason "$name"); then
    echo "$name is not installed here: $reason" >&2
  else
    echo "$name: not a tool this script knows" >&2
  fi
  return 3
}

cmd_list() {
  local entry state
  for entry in "${TOOLS[@]}"; do
    state=missing
    installed "$entry" && state=installed
    printf '%s %s@%s %s\n' "$(field "$entry" 0)" "$(field "$entry" 1 | cut -d' ' -f1)" "$(field "$entry" 2)" "$state"
  done
  for entry in "${UNAVAILABLE[@]}"; do
    printf '%s %s not-used\n' "$(field "$entry" 0)" "$(field "$entry" 1)"
  done
}

case "${1:-}" in
  install)
    shift
    cmd_install "$@"
    ;;
  path)
    shift
    cmd_path "$@"
    ;;
  list) cmd_list ;;
  *)
    echo "usage: $0 install [NAME...] | path NAME [BINARY] | list" >&2
    exit 2
    ;;
esac
