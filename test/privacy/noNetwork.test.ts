import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspTestClient } from '../helpers/lspClient';
import { recordSideChannels, workspace, type Workspace } from '../helpers/lspSession';

/**
 * No network: the language server and the CLI run a full scenario with every way out of the process
 * (sockets, DNS, HTTP(S), TLS, UDP, fetch, child processes) made to throw and to write down the attempt
 * (test/helpers/netGuard.cjs, preloaded through NODE_OPTIONS, so worker threads get it too). Nothing may
 * have tried. A control run proves the guard catches what it should.
 */

const ROOT = path.resolve(__dirname, '../..');
const GUARD = path.join(ROOT, 'test/helpers/netGuard.cjs');
const CLI = path.join(ROOT, 'dist/cli.js');

const NOTE = `---
patient: DEMO-1
date: 2026-03-14
payer: Medicare
---

# Procedure
Percutaneous insertion of an integrated peripheral nerve stimulation system, left superficial peroneal nerve, one electrode array, under ultrasound guidance.

# Description of procedure
Under ultrasound guidance the introducer needle was advanced percutaneously. Stimulation testing produced paresthesia. The integrated array was deployed.
// opnote-disable-next-line header-unknown-key -- reviewed
`;
const CLAIM = 'payer: Acme\ndos: 2026-03-14\npos: 24\nnote: note.opnote\n\ndx: G57.82\n64596-LT x1 ptr:A\n64597 x1 ptr:B junk\n';
const PAYERS = '{ "payers": [ { "id": "acme" } ] }';

describe('privacy: no network', function () {
  this.timeout(60000);
  let ws: Workspace;
  let log: string;
  const env = () => ({ ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${GUARD}`.trim(), OPNOTE_NET_LOG: log });
  const attempts = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');

  beforeEach(() => {
    ws = workspace({ 'note.opnote': NOTE, 'a.claim': CLAIM, '.opnoterc.json': '{ "rules": { "header-unknown-key": "hint" } }', '.opnote/payers/acme.json': PAYERS });
    log = ws.path('network-attempts.log');
  });
  afterEach(() => ws.remove());

  it('the guard itself records and blocks sockets, DNS, HTTP, fetch and child processes, also in worker threads', () => {
    const script = `
      const tryIt = (f) => { try { f(); } catch {} };
      tryIt(() => require('net').connect(9, '127.0.0.1'));
      tryIt(() => require('dns').lookup('example.invalid', () => {}));
      tryIt(() => require('https').get('https://example.invalid/'));
      tryIt(() => fetch('https://example.invalid/'));
      tryIt(() => require('child_process').execSync('true'));
      const { Worker } = require('worker_threads');
      new Worker("try { require('net').connect(9, '127.0.0.1'); } catch {}", { eval: true });
    `;
    const result = spawnSync(process.execPath, ['-e', script], { env: env(), encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const lines = attempts().trim().split('\n');
    for (const what of ['net.connect', 'dns.lookup', 'https.get', 'fetch', 'child_process.execSync']) assert.ok(lines.some((line) => line.includes(` ${what} `)), `${what} recorded:\n${attempts()}`);
    assert.ok(lines.filter((line) => line.includes(' net.connect ')).length >= 2, 'the worker thread is guarded too');
  });

  it('the language server tries no connection through a full editing session', async () => {
    const client = new LspTestClient(['--stdio'], env());
    const side = recordSideChannels(client);
    try {
      await client.initialize({ workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } }, { trusted: true });
      client.configuration = { validation: { delay: 0 } };
      const noteDiagnostics = client.diagnostics(ws.uri('note.opnote'));
      client.open(ws.uri('note.opnote'), 'opnote', NOTE);
      await noteDiagnostics;
      const claimDiagnostics = client.diagnostics(ws.uri('a.claim'));
      client.open(ws.uri('a.claim'), 'claim', CLAIM);
      const { diagnostics } = await claimDiagnostics;
      assert.ok(diagnostics.length > 0);
      const changed = client.diagnostics(ws.uri('note.opnote'), (params) => params.version === 2);
      client.notify('textDocument/didChange', { textDocument: { uri: ws.uri('note.opnote'), version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 16 } }, text: '2026-02-30' }] });
      await changed;
      for (const [uri, line, character] of [[ws.uri('note.opnote'), 1, 2], [ws.uri('note.opnote'), 6, 3], [ws.uri('a.claim'), 0, 2], [ws.uri('a.claim'), 6, 2], [ws.uri('note.opnote'), 14, 40]] as const) {
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
        await client.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
      }
      const actions = await client.request<Array<{ data?: unknown }>>('textDocument/codeAction', { textDocument: { uri: ws.uri('a.claim') }, range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } }, context: { diagnostics } });
      for (const action of actions) if (action.data) await client.request('codeAction/resolve', action);
      await client.request('textDocument/codeAction', { textDocument: { uri: ws.uri('a.claim') }, range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.opnote'] } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri: ws.uri('note.opnote') } });
      await client.request('textDocument/foldingRange', { textDocument: { uri: ws.uri('note.opnote') } });
      client.notify('workspace/didChangeConfiguration', { settings: null });
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('.opnoterc.json'), type: 2 }, { uri: ws.uri('.opnote/payers/acme.json'), type: 2 }] });
      client.notify('opnote/workspaceTrust', { trusted: true });
      client.notify('textDocument/didClose', { textDocument: { uri: ws.uri('a.claim') } });
      await client.request('textDocument/hover', { textDocument: { uri: ws.uri('note.opnote') }, position: { line: 0, character: 0 } });
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
    assert.equal(attempts(), '', 'network attempts');
    assert.doesNotMatch(client.stderr.join('') + side.join('\n'), /network guard/);
  });

  it('the CLI tries no connection: check (claims, config, payer files, --stdin), report, facts, checklist, context', () => {
    for (let i = 0; i < 24; i++) ws.write(`batch/n${i}.opnote`, NOTE.replace('DEMO-1', `DEMO-${i}`));
    const runs: Array<[string[], string?]> = [
      [['check', '--format', 'json', ws.dir]],
      [['check', '--format', 'sarif', ws.path('batch')]],
      [['check', '--stdin', '--facts'], `${JSON.stringify({ id: 1, kind: 'opnote', text: NOTE })}\n`],
      [['report', ws.dir, '--out', ws.path('audit.html')]],
      [['facts', ws.path('note.opnote')]],
      [['checklist', ws.path('a.claim'), '--format', 'json']],
      [['context'], '{"sentence": "No fluoroscopy was used.", "concept": "fluoroscopy"}\n'],
    ];
    for (const [args, input] of runs) {
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ws.dir, env: env(), encoding: 'utf8', input: input ?? '' });
      assert.ok(result.status !== null && result.status <= 2, `${args.join(' ')} exited ${result.status}: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, /network guard/, args.join(' '));
    }
    assert.equal(attempts(), '', 'network attempts');
  });

  it('loading the VS Code extension bundle tries no connection', () => {
    const script = `require('${path.join(ROOT, 'test/helpers/vscodeStub.cjs')}'); require(${JSON.stringify(path.join(ROOT, 'dist/client.js'))});`;
    const result = spawnSync(process.execPath, ['-e', script], { env: env(), encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(attempts(), '', 'network attempts');
  });
});
