#!/usr/bin/env bash
# Neovim (Debian's 0.7) drives `node dist/server.js --stdio` through its built-in LSP client with the
# documented setup, headless. Checks: test/editors/neovim/check-opnote.lua + fixtures/scenarios.json.
# env: OPNOTE_SERVER (default dist/server.js), EDITOR_TEST_TIMEOUT (s, default 120).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
command -v nvim >/dev/null || { echo "neovim: nvim not found; run scripts/editors/install-system-packages.sh" >&2; exit 1; }
export OPNOTE_SERVER=${OPNOTE_SERVER:-$REPO/dist/server.js}
[ -f "$OPNOTE_SERVER" ] || { echo "neovim: $OPNOTE_SERVER missing; run npm run build" >&2; exit 1; }
RUN=$(new_run_dir neovim)
export OPNOTE_WORKSPACE=$(scratch_workspace "$RUN") OPNOTE_SCENARIOS=$REPO/test/editors/fixtures/scenarios.json
# Nothing from the user's config or state: -u NONE -i NONE -n, and XDG dirs inside the run folder.
export XDG_CONFIG_HOME=$RUN/config XDG_DATA_HOME=$RUN/data XDG_STATE_HOME=$RUN/state XDG_CACHE_HOME=$RUN/cache TMPDIR=$RUN
rc=0
run_bounded "${EDITOR_TEST_TIMEOUT:-120}" nvim --headless -u NONE -i NONE -n \
  -c "luafile $REPO/test/editors/neovim/check-opnote.lua" </dev/null >"$RUN/checks.jsonl" 2>"$RUN/stderr.log" || rc=$?
summarize_checks neovim "$RUN/checks.jsonl"
if [ "$rc" -ne 0 ]; then
  echo "neovim: FAILED (exit $rc); output kept in $RUN" >&2
  tail -n 20 "$RUN/stderr.log" >&2 || true
  exit 1
fi
rm -rf "$RUN"
