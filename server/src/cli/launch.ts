/**
 * The `opnote` command: starts the CLI (`cli-main.js`) in a Node process with V8's regexp tier-up off.
 * A check runs each pattern thousands of times; compiling patterns to machine code on first use rather
 * than interpreting them first saves about a fifth of a corpus run (docs/performance.md). The flag must
 * be given when the process starts: set at run time it made V8 crash now and then (a segmentation fault
 * in about one corpus run of seven). This launcher loads nothing else, so the second start costs little;
 * the standard streams are passed through and the exit code (or signal) is the CLI's.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const TIER_UP_OFF = '--no-regexp-tier-up';
const MAIN = path.join(__dirname, 'cli-main.js');

/**
 * The CLI's environment without NODE_EXTRA_CA_CERTS: Node reads those certificates at every start
 * (about 40 ms on a machine that sets it), and the checker opens no connection (test/privacy). The
 * launcher has paid for them once already.
 */
const { NODE_EXTRA_CA_CERTS: _certificates, ...ENV } = process.env;

const child = spawnSync(process.execPath, [...process.execArgv, TIER_UP_OFF, MAIN, ...process.argv.slice(2)], { stdio: 'inherit', env: ENV });
if (child.error) {
  process.stderr.write(`opnote: could not start the checker (${child.error.message}).\n`);
  process.exitCode = 2;
} else if (child.signal) {
  process.kill(process.pid, child.signal);
} else {
  process.exitCode = child.status ?? 1;
}
