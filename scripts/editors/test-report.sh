#!/usr/bin/env bash
# The audit report (`opnote report`) in headless Chromium (report/report-browser.js): charts, worklist,
# filter, sort, no request outside the file, markup from notes shown as text. Screenshots:
# test-results/report/. Needs dist/ (test-all.sh builds it) and Debian's chromium; installs only
# playwright-core into the cache (no code-server needed).
# env: EDITOR_TEST_TIMEOUT (s, default 180), OPNOTE_REPORT_SCREENSHOT (copy the first screenshot there).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -x "$CHROMIUM" ] || { echo "report: $CHROMIUM missing; run scripts/editors/install-system-packages.sh" >&2; exit 1; }
[ -f "$REPO/dist/cli.js" ] || { echo "report: dist/cli.js missing; run npm run build" >&2; exit 1; }
install_browser_tools
RUN=$(new_run_dir report)
export RUN_DIR=$RUN NODE_PATH=$TOOLS_NODE_MODULES
rc=0
run_bounded "${EDITOR_TEST_TIMEOUT:-180}" node "$REPO/scripts/editors/report/report-browser.js" </dev/null || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "report: FAILED (exit $rc); files kept in $RUN, screenshots in test-results/report/" >&2
  exit 1
fi
rm -rf "$RUN"
