#!/usr/bin/env bash
# Emacs 28 + eglot (Debian's elpa-eglot 1.9) drives `node dist/server.js --stdio` with the documented
# setup, in batch mode. Checks: test/editors/emacs/check-opnote.el + fixtures/scenarios.json.
# env: OPNOTE_SERVER (default dist/server.js), EDITOR_TEST_TIMEOUT (s, default 120).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
command -v emacs >/dev/null || { echo "emacs: not found; run scripts/editors/install-system-packages.sh" >&2; exit 1; }
export OPNOTE_SERVER=${OPNOTE_SERVER:-$REPO/dist/server.js}
[ -f "$OPNOTE_SERVER" ] || { echo "emacs: $OPNOTE_SERVER missing; run npm run build" >&2; exit 1; }
RUN=$(new_run_dir emacs)
export OPNOTE_WORKSPACE=$(scratch_workspace "$RUN") OPNOTE_SCENARIOS=$REPO/test/editors/fixtures/scenarios.json
# No user init (--batch), and HOME inside the run folder so ~/.emacs.d is never read or written.
export HOME=$RUN/home XDG_CONFIG_HOME=$RUN/config TMPDIR=$RUN
mkdir -p "$HOME"
rc=0
run_bounded "${EDITOR_TEST_TIMEOUT:-120}" emacs --batch -l "$REPO/test/editors/emacs/check-opnote.el" \
  </dev/null >"$RUN/checks.jsonl" 2>"$RUN/stderr.log" || rc=$?
summarize_checks emacs "$RUN/checks.jsonl"
if [ "$rc" -ne 0 ]; then
  echo "emacs: FAILED (exit $rc); output kept in $RUN" >&2
  tail -n 20 "$RUN/stderr.log" >&2 || true
  exit 1
fi
rm -rf "$RUN"
