#!/usr/bin/env bash
# Proves that the editor suites catch a broken server: runs each suite against two deliberately
# broken copies and expects every run to FAIL, quickly and with a clear message.
#   crash        a server that exits with code 3 at start
#   wrong-hover  the real server with one hover text changed (surgeon's header-key description)
# Passes ("N passed, 0 failed") when every suite failed against every broken server.
# env: OPNOTE_EDITOR_SUITES (default: neovim emacs vscode vscode-ui), OPNOTE_BROKEN (default: both).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
npm run build --silent
BROKEN=$(new_run_dir broken-servers)
trap 'rm -rf "$BROKEN"' EXIT

printf '%s\n' '#!/usr/bin/env node' \
  '// Deliberately broken OpNote server (scripts/editors/prove-failures.sh): dies at start.' \
  'process.stderr.write("deliberately broken OpNote server\n");' 'process.exit(3);' >"$BROKEN/crash.js"
sed 's/Performing surgeon or physician\./Assisting nurse./' dist/server.js >"$BROKEN/wrong-hover.js"
grep -q 'Assisting nurse' "$BROKEN/wrong-hover.js" ||
  { echo "prove-failures: the hover text to change is no longer in dist/server.js; update this script" >&2; exit 1; }

# An unpacked extension like the repo's, with the broken server in place of dist/server.js.
extension_with() { # name
  local dir=$BROKEN/ext-$1
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir/dist"
    cp -R package.json README.md CHANGELOG.md LICENSE .vscodeignore docs syntaxes language-configuration snippets schemas "$dir/"
    cp dist/client.js "$dir/dist/"
    cp "$BROKEN/$1.js" "$dir/dist/server.js"
  fi
  echo "$dir"
}

run_suite() { # suite broken
  case "$1" in
    neovim | emacs) OPNOTE_SERVER=$BROKEN/$2.js bash "scripts/editors/test-$1.sh" ;;
    vscode) OPNOTE_EXTENSION_DIR=$(extension_with "$2") bash scripts/editors/test-vscode.sh ;;
    vscode-ui)
      local dir; dir=$(extension_with "$2")
      (cd "$dir" && "$TOOLS_NODE_MODULES/.bin/vsce" package --no-dependencies --no-rewrite-relative-links -o "$BROKEN/$2.vsix" >/dev/null)
      OPNOTE_VSIX=$BROKEN/$2.vsix OPNOTE_UI_TIMEOUT_MS=30000 OPNOTE_UI_RESULTS=test-results/vscode-ui-broken/$2 \
        bash scripts/editors/test-vscode-ui.sh ;;
  esac
}

caught=0 missed=0
for broken in ${OPNOTE_BROKEN:-crash wrong-hover}; do
  for suite in ${OPNOTE_EDITOR_SUITES:-neovim emacs vscode vscode-ui}; do
    echo "── $suite against the '$broken' server (must fail)"
    start=$SECONDS
    if run_suite "$suite" "$broken" >"$BROKEN/$suite-$broken.log" 2>&1; then
      missed=$((missed + 1)); echo "── MISSED: $suite passed against the '$broken' server"
    else
      caught=$((caught + 1)); echo "── caught: $suite failed in $((SECONDS - start))s; its report:"
    fi
    grep -E 'FAIL|failing|[0-9]+\) |Error|not seen|no answer|exit code|checks passed|passing' "$BROKEN/$suite-$broken.log" | grep -v '^\s*at ' | head -n 12 | sed 's/^/   | /'
  done
done
echo "$caught passed, $missed failed"
[ "$missed" -eq 0 ]
