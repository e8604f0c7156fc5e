#!/usr/bin/env bash
# Installs code-server (the real VS Code workbench + a Node extension host) from the npm registry, with no
# download from anywhere else (no GitHub, no update.code.visualstudio.com). See docs: vscode-testing.md.
#
# Usage: scripts/install-code-server.sh [DEST] [VERSION]
#   DEST     default: node_modules/.cache/code-server-VERSION (outside the source tree, reused by later runs)
#   VERSION  default: 4.100.3 (VS Code 1.100.3; the newest code-server whose engines.node accepts Node 20)
# Needs (Debian): build-essential python3 pkg-config libkrb5-dev ripgrep. When they are missing and we run as
# root they are installed with apt-get; otherwise the script stops and says what to install.
# Prints the path of the code-server executable as its last line.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${2:-${CS_VERSION:-4.100.3}}"
DEST="${1:-$ROOT/node_modules/.cache/code-server-$VERSION}"
ABI="$(node -p process.versions.modules)"          # native addons are built for this Node ABI
MARKER="$DEST/.installed-$VERSION-node-abi$ABI"
BIN="$DEST/node_modules/.bin/code-server"
if [ -f "$MARKER" ] && [ -x "$BIN" ]; then echo "code-server $VERSION already installed in $DEST"; echo "$BIN"; exit 0; fi

# --- build prerequisites ------------------------------------------------------------------------------------
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
{ command -v g++ >/dev/null && command -v make >/dev/null; } || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
command -v pkg-config >/dev/null || missing+=(pkg-config)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)     # code-server's kerberos addon
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "install-code-server: missing system packages: ${missing[*]}" >&2
    echo "  install them first, e.g.: sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error
# node-gyp must build against the headers of the running Node, never download them (nodejs.org is unreachable).
NODE_PREFIX="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
if [ -f "$NODE_PREFIX/include/node/node.h" ]; then export npm_config_nodedir="$NODE_PREFIX"; fi

echo "installing code-server $VERSION into $DEST (one time, about a minute)"
rm -rf "$DEST"; mkdir -p "$DEST"; cd "$DEST"
echo '{ "name": "code-server-host", "private": true }' > package.json

# 1. code-server and its own dependencies. --ignore-scripts: its postinstall.sh would run `npm install` in
#    lib/vscode, where @vscode/ripgrep's postinstall downloads rg from GitHub.
npm install --no-package-lock --ignore-scripts "code-server@$VERSION"
npm rebuild argon2                                   # the one native addon of code-server's own CLI

# 2. What code-server's postinstall.sh does, minus the GitHub download.
VS="$DEST/node_modules/code-server/lib/vscode"
(cd "$VS" && npm install --omit=dev --ignore-scripts)
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"     # an existing bin/ makes ripgrep's postinstall a no-op
cp "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"   # Debian's ripgrep
# node-gyp builds kerberos, node-pty, @vscode/spdlog, native-watchdog, ...; node-pty's postinstall runs
# `npx node-gyp`, which needs npm_config_yes (node-gyp comes from the npm registry).
(cd "$VS" && npm_config_yes=true npm rebuild)
ln -sfn node_modules "$VS/node_modules.asar"
(cd "$VS/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$VS/bin/helpers" && ln -sfn browser-linux.sh browser.sh)
(cd "$VS/extensions" && npm install --omit=dev)     # dependencies of the built-in extensions

"$BIN" --config "$DEST/config.yaml" --version
touch "$MARKER"
echo "$BIN"
