import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { autoThreads, workerCount } from '../../server/src/cli/parallel';
import { projectDocuments } from '../helpers/corpus';
import { workspace, type Workspace } from '../helpers/lspSession';

/** `opnote check --jobs N` (worker threads) gives byte for byte what one thread gives. */

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('robustness: opnote check on worker threads', function () {
  this.timeout(60000);
  let ws: Workspace;
  before(() => {
    ws = workspace({}, 'opnote-jobs-');
    // The project's notes and claims (the claims' notes too, for the claims that name them), a second
    // copy upper-cased, and junk: enough files for three threads (a thread takes 16 at a time).
    for (const document of projectDocuments()) {
      ws.write(`a/${document.name}`, document.text);
      if (document.name.includes('claims/notes') || document.name.startsWith('examples')) ws.write(`b/${document.name}`, document.text.toUpperCase());
    }
    ws.write('b/junk.opnote', Buffer.from([0, 0xff, 0xfe, 0x41, 0x0a]).toString('latin1'));
  });
  after(() => ws.remove());

  it('JSON and SARIF are identical with --jobs 1 and --jobs 3 (so is text: the same findings), and so is the exit code', () => {
    for (const format of ['json', 'sarif']) {
      const one = run(['check', '--format', format, '--jobs', '1', '.'], ws.dir);
      const three = run(['check', '--format', format, '--jobs', '3', '.'], ws.dir);
      assert.equal(three.stderr, one.stderr);
      assert.equal(three.code, one.code);
      assert.equal(three.stdout, one.stdout, `${format} output differs`);
      assert.ok(one.stdout.length > 1000);
    }
  });

  it('a configuration error found on a worker thread is still exit code 2 with its message', () => {
    ws.write('bad.json', '{ "rules": { "date-malformed": "loud" } }');
    const result = run(['check', '--jobs', '2', '--config', 'bad.json', '.'], ws.dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /bad\.json is not a valid OpNote configuration at line 1, column 32: Invalid option/);
  });

  it('auto uses one thread per two cores, and only for large batches', () => {
    assert.deepEqual([1, 2, 3, 4, 8, 16, 64].map(autoThreads), [1, 1, 1, 2, 4, 8, 8]);
    assert.equal(workerCount(50, 'auto'), 0);
    assert.equal(workerCount(5000, 1), 0);
    assert.equal(workerCount(5000, 4), 3, 'N threads in all: the main thread and N - 1 workers');
    assert.equal(workerCount(20, 8), 1, 'no more threads than batches of 16 files');
  });

  it('--jobs takes a number or auto', () => {
    for (const bad of ['0', 'many']) {
      const result = run(['check', '--jobs', bad, 'a'], ws.dir);
      assert.equal(result.code, 2, bad);
      assert.match(result.stderr, /--jobs needs a number/);
    }
  });
});
