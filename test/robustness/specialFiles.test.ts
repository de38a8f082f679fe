import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_RSS_BYTES, runGuarded } from '../helpers/guardedProcess';
import { workspace, type Workspace } from '../helpers/lspSession';

/**
 * The CLI meets files that are not files: a FIFO (opening it blocks), a symlink to /dev/zero (never
 * ends), a /proc file (reports size 0, never ends), a directory, a huge file. Globs skip them as the
 * directory walk does, a path given by name gets one clear answer, and `.opnoterc.json` that is one of
 * them is a configuration error (exit 2 with the reason), not silently ignored. Every run is under the
 * watchdog (400 MB, a deadline).
 */

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const NOTE = 'date: 2026-02-30\n\nPROCEDURE: Removal of a foreign body.\n';

interface JsonReport {
  files: Array<{ path: string; diagnostics: Array<{ rule: string }> }>;
}

describe('robustness: the CLI and special files', function () {
  this.timeout(60000);
  let ws: Workspace;
  before(function () {
    if (process.platform !== 'linux') this.skip();
  });
  beforeEach(() => {
    ws = workspace({ 'notes/a.opnote': NOTE });
    assert.equal(spawnSync('mkfifo', [ws.path('notes/pipe.opnote')]).status, 0, 'mkfifo');
    fs.symlinkSync('/dev/zero', ws.path('notes/zero.opnote'));
  });
  afterEach(() => ws.remove());

  const cli = (...args: string[]) => runGuarded([CLI, ...args], ws.dir);

  it('a glob skips the FIFO and the symlink to /dev/zero, as the directory walk does', async () => {
    for (const input of ['notes/*.opnote', 'notes/**', 'notes']) {
      const run = await cli('check', '--format', 'json', input);
      assert.equal(run.killedFor, undefined, `${input}: ${run.killedFor}`);
      assert.equal(run.code, 1, `${input}: ${run.stderr}`);
      assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files.map((file) => file.path), ['notes/a.opnote'], input);
    }
  });

  it('a FIFO or a device named on the command line is refused at once (exit 2)', async () => {
    for (const input of ['notes/pipe.opnote', 'notes/zero.opnote', '/dev/zero']) {
      const run = await cli('check', input);
      assert.equal(run.killedFor, undefined, `${input}: ${run.killedFor}`);
      assert.equal(run.code, 2);
      assert.match(run.stderr, new RegExp(`Not a regular file: ${input.replace(/[.*/]/g, '\\$&')}`));
    }
  });

  it('a /proc file named on the command line is read only up to a bound: document-too-large', async () => {
    const run = await cli('check', '--format', 'json', '/proc/self/pagemap');
    assert.equal(run.killedFor, undefined, run.killedFor);
    assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files[0].diagnostics.map((d) => d.rule), ['document-too-large']);
    assert.ok(run.peakRss < MAX_RSS_BYTES);
  });

  for (const [what, make, clue] of [
    ['a directory', (file: string) => fs.mkdirSync(file), /\.opnoterc\.json was not read: it is not a regular file/],
    ['a FIFO', (file: string) => assert.equal(spawnSync('mkfifo', [file]).status, 0), /\.opnoterc\.json was not read: it is not a regular file/],
    ['over 10 MB', (file: string) => fs.writeFileSync(file, `{ "rules": {} ${' '.repeat(11 * 1024 * 1024)}}`), /\.opnoterc\.json was not read: it is larger than 10 MB/],
  ] as const) {
    it(`.opnoterc.json that is ${what}: a config-invalid finding with the reason, and the note checked with the defaults`, async () => {
      make(ws.path('.opnoterc.json'));
      const run = await cli('check', 'notes/a.opnote');
      assert.equal(run.killedFor, undefined, run.killedFor);
      assert.notEqual(run.code, 2);
      assert.match(run.stdout, new RegExp(`warning config-invalid .*${clue.source}.*; OpNote uses the default severities`));
    });
  }

  it('--config naming a FIFO: exit 2 with the reason', async () => {
    const run = await cli('check', '--config', 'notes/pipe.opnote', 'notes/a.opnote');
    assert.equal(run.killedFor, undefined, run.killedFor);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /pipe\.opnote was not read: it is not a regular file/);
  });
});
