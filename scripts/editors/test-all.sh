#!/usr/bin/env bash
# `npm run test:editors`: the OpNote server in real editors. Builds dist/, then runs each suite with
# its own time limit, goes on after a failure, and ends with "N passed, N failed".
#   neovim     Neovim 0.7 built-in LSP client            (scripts/editors/test-neovim.sh)
#   emacs      Emacs 28 + eglot                           (scripts/editors/test-emacs.sh)
#   vscode     mocha in the real VS Code extension host   (scripts/editors/test-vscode.sh)
#   vscode-ui  the packaged .vsix in code-server + Chromium (scripts/editors/test-vscode-ui.sh)
#   report     the audit report (opnote report) in headless Chromium (scripts/editors/test-report.sh)
# env: OPNOTE_EDITOR_SUITES="neovim emacs" runs a subset.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
npm run build --silent
passed=0 failed=0 failures=()
for suite in ${OPNOTE_EDITOR_SUITES:-neovim emacs vscode vscode-ui report}; do
  echo "── $suite"
  start=$SECONDS
  if bash "$REPO/scripts/editors/test-$suite.sh"; then
    passed=$((passed + 1)); echo "── $suite passed in $((SECONDS - start))s"
  else
    failed=$((failed + 1)); failures+=("$suite"); echo "── $suite FAILED in $((SECONDS - start))s"
  fi
done
[ "$failed" -eq 0 ] || echo "failed editor suites: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
