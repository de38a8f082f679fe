import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_RSS_BYTES, runGuarded, watchProcess } from '../helpers/guardedProcess';
import { LspTestClient, type PublishedDiagnostics } from '../helpers/lspClient';
import { workspace, type Workspace } from '../helpers/lspSession';

/**
 * A claim's `note:` can name anything. Each target below is answered at once with a finding, in the
 * CLI and in the server, in little memory, and nothing outside the workspace is read: pseudo-files
 * that report size 0 and never end (/proc/self/pagemap grew to 16 GB), devices, FIFOs, directories,
 * huge files, and paths that lead out by `..`, an absolute path, a Windows path or a symlink. Every
 * process runs under a watchdog (400 MB, a deadline), so a regression fails instead of hanging.
 */

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const CANARY = 'QZX7-OUTSIDE-NOTE';
const OUTSIDE_NOTE = `date: 2026-03-14\n\nPROCEDURE: Percutaneous implantation of an integrated neurostimulator, left superficial peroneal nerve, ${CANARY}.\nUnder ultrasound guidance one electrode array was placed (${CANARY}).\n`;
const claimNaming = (note: string) => `payer: Medicare\ndos: 2026-03-14\npos: 24\nnote: ${note}\n\ndx: G57.82\n64596-LT x1 ptr:A\n`;

interface Target {
  readonly name: string;
  readonly note: string;
  readonly rule: 'note-outside-workspace' | 'note-missing';
  readonly clue?: RegExp;
}

/** With the claim's folder as the workspace. */
const TARGETS: readonly Target[] = [
  { name: 'proc-pagemap', note: '/proc/self/pagemap', rule: 'note-outside-workspace' },
  { name: 'dev-zero', note: '/dev/zero', rule: 'note-outside-workspace' },
  { name: 'symlink-to-dev-zero', note: 'zero.opnote', rule: 'note-outside-workspace' },
  { name: 'symlink-to-pagemap', note: 'pagemap.opnote', rule: 'note-outside-workspace' },
  { name: 'symlink-out', note: 'outside-link.opnote', rule: 'note-outside-workspace' },
  { name: 'dot-dot', note: '../outside.opnote', rule: 'note-outside-workspace' },
  { name: 'windows-separators', note: '..\\outside.opnote', rule: 'note-outside-workspace' },
  { name: 'windows-drive', note: 'C:\\Windows\\win.ini', rule: 'note-outside-workspace' },
  { name: 'fifo', note: 'pipe.opnote', rule: 'note-missing', clue: /not a regular file/ },
  { name: 'fifty-megabytes', note: 'big.opnote', rule: 'note-missing', clue: /larger than 1 MB/ },
  { name: 'directory', note: 'folder.opnote', rule: 'note-missing', clue: /not a regular file/ },
];

/** With `/` as the workspace, so the reader itself must stop: a bounded read of a file that never ends, a device never opened. */
const ROOTED_TARGETS: readonly Target[] = [
  { name: 'rooted-proc-pagemap', note: '/proc/self/pagemap', rule: 'note-missing', clue: /larger than 1 MB/ },
  { name: 'rooted-dev-zero', note: '/dev/zero', rule: 'note-missing', clue: /not a regular file/ },
];

interface JsonReport {
  files: Array<{ path: string; diagnostics: Array<{ rule: string; message: string }> }>;
}

describe('robustness: a claim\'s note: target is answered at once and nothing outside the workspace is read', function () {
  this.timeout(120000);
  let parent: Workspace;
  let ws: string;

  before(function () {
    if (process.platform !== 'linux') this.skip();
    parent = workspace({ 'outside.opnote': OUTSIDE_NOTE }, 'opnote-targets-');
    ws = path.join(parent.dir, 'ws');
    fs.mkdirSync(path.join(ws, 'folder.opnote'), { recursive: true });
    fs.symlinkSync('/dev/zero', path.join(ws, 'zero.opnote'));
    fs.symlinkSync('/proc/self/pagemap', path.join(ws, 'pagemap.opnote'));
    fs.symlinkSync(path.join(parent.dir, 'outside.opnote'), path.join(ws, 'outside-link.opnote'));
    // Sparse: 50 MB long, no disk used.
    fs.closeSync(fs.openSync(path.join(ws, 'big.opnote'), 'w'));
    fs.truncateSync(path.join(ws, 'big.opnote'), 50 * 1024 * 1024);
    assert.equal(spawnSync('mkfifo', [path.join(ws, 'pipe.opnote')]).status, 0, 'mkfifo');
    for (const target of [...TARGETS, ...ROOTED_TARGETS]) fs.writeFileSync(path.join(ws, `${target.name}.claim`), claimNaming(target.note));
  });
  after(() => parent?.remove());

  const expectFinding = (target: Target, diagnostics: ReadonlyArray<{ code?: string; rule?: string; message: string }>) => {
    const found = diagnostics.find((d) => (d.rule ?? d.code) === target.rule);
    assert.ok(found, `${target.name}: ${target.rule} among ${diagnostics.map((d) => d.rule ?? d.code).join(', ')}`);
    if (target.clue) assert.match(found.message, target.clue, target.name);
    if (target.rule === 'note-outside-workspace') assert.match(found.message, /outside the workspace/);
  };

  describe('CLI', () => {
    for (const [targets, rootArgs] of [[TARGETS, []], [ROOTED_TARGETS, ['--root', '/']]] as const) {
      for (const target of targets) {
        it(`${target.name}: note: ${target.note}`, async () => {
          const run = await runGuarded([CLI, 'check', '--format', 'json', ...rootArgs, `${target.name}.claim`], ws);
          assert.equal(run.killedFor, undefined, `${target.name}: killed, ${run.killedFor}`);
          assert.equal(run.code, 0, run.stderr);
          expectFinding(target, (JSON.parse(run.stdout) as JsonReport).files[0].diagnostics);
          assert.ok(run.peakRss < MAX_RSS_BYTES);
        });
      }
    }

    it('the checklist of a claim whose note lies outside prints none of its lines', async () => {
      const run = await runGuarded([CLI, 'checklist', 'symlink-out.claim'], ws);
      assert.equal(run.killedFor, undefined);
      assert.equal(run.code, 2);
      assert.ok(!`${run.stdout}${run.stderr}`.includes(CANARY), 'the outside note was read');
      // The control: with the parent as --root the same note is inside, read and printed.
      const inside = await runGuarded([CLI, 'checklist', '--root', parent.dir, 'symlink-out.claim'], ws);
      assert.equal(inside.code, 0, inside.stderr);
      assert.ok(inside.stdout.includes(CANARY));
    });
  });

  describe('language server (untrusted workspace)', () => {
    for (const [targets, folders] of [
      [TARGETS, () => [{ uri: pathToFileURL(ws).href, name: 'ws' }]],
      [ROOTED_TARGETS, () => [{ uri: 'file:///', name: 'root' }]],
    ] as const) {
      it(`answers ${targets.map((target) => target.name).join(', ')}`, async () => {
        const client = new LspTestClient();
        const watchdog = watchProcess(client.process.pid!, () => client.kill());
        try {
          await client.request('initialize', { processId: null, rootUri: null, workspaceFolders: folders(), capabilities: { workspace: { configuration: true, workspaceFolders: true } }, initializationOptions: { trusted: false } });
          client.notify('initialized', {});
          client.configuration = { validation: { delay: 0 } };
          for (const target of targets) {
            const uri = pathToFileURL(path.join(ws, `${target.name}.claim`)).href;
            const published = client.diagnostics(uri, undefined, 10000);
            client.open(uri, 'claim', claimNaming(target.note));
            expectFinding(target, (await published).diagnostics);
          }
          const checklist = await client.request<string | null>('opnote/checklist', { uri: pathToFileURL(path.join(ws, 'symlink-out.claim')).href });
          if (targets === TARGETS) assert.equal(checklist, null, 'no checklist from a note outside the workspace');
          assert.equal(await client.shutdown(), 0);
        } finally {
          watchdog.stop();
          client.kill();
        }
        assert.equal(watchdog.killedFor(), undefined, `server killed: ${watchdog.killedFor()}`);
        assert.ok(watchdog.peak() < MAX_RSS_BYTES);
      });
    }

    it('follows workspace folders as they change: a note in an added folder is read', async () => {
      const client = new LspTestClient();
      const claimUri = pathToFileURL(path.join(ws, 'dot-dot.claim')).href;
      try {
        await client.request('initialize', { processId: null, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }], capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
        client.notify('initialized', {});
        client.configuration = { validation: { delay: 0 } };
        const outside = client.diagnostics(claimUri);
        client.open(claimUri, 'claim', claimNaming('../outside.opnote'));
        assert.ok((await outside).diagnostics.some((d) => d.code === 'note-outside-workspace'));
        const inside = client.diagnostics(claimUri, (params: PublishedDiagnostics) => !params.diagnostics.some((d) => d.code === 'note-outside-workspace'));
        client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(parent.dir).href, name: 'parent' }], removed: [] } });
        assert.ok(!(await inside).diagnostics.some((d) => String(d.code).startsWith('note-')), 'the note is found once its folder is in the workspace');
        assert.equal(await client.shutdown(), 0);
      } finally {
        client.kill();
      }
    });
  });
});
