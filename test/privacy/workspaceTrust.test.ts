import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspTestClient, type PublishedDiagnostics } from '../helpers/lspClient';
import { workspace, type Workspace } from '../helpers/lspSession';

/**
 * Workspace trust over the LSP: in an untrusted workspace (initializationOptions {trusted: false}) the
 * files that could change OpNote's behaviour, `.opnoterc.json` and `.opnote/payers/*.json`, are not
 * even read (a preload writes down every attempt), and the built-in rules still run. Granting trust
 * (`opnote/workspaceTrust`) loads them.
 */

const RECORDER = path.resolve(__dirname, '../helpers/configReadRecorder.cjs');
const NOTE = 'date: 2026-02-30\nreferred-by: Dr. X\n\nPROCEDURE: Removal of a foreign body.\n';
const CLAIM = 'payer: Cigna\ndos: 2026-03-14\npos: 24\nprior-auth: PA-1\n\ndx: G57.82\n64596-LT x1 ptr:A\n';
const CONFIG = '{ "rules": { "date-malformed": "off", "header-unknown-key": "off", "payer-noncoverage": "off" } }';

describe('privacy: workspace trust', function () {
  this.timeout(30000);
  let ws: Workspace;
  let client: LspTestClient;
  let log: string;
  beforeEach(() => {
    ws = workspace({ '.opnoterc.json': CONFIG, '.opnote/payers/broken.json': '{ "payers": [ { "id": "Not An Id" } ] }', 'a.opnote': NOTE, 'b.claim': CLAIM });
    log = path.join(ws.dir, '..', `${path.basename(ws.dir)}-reads.log`);
  });
  afterEach(() => {
    client?.kill();
    ws.remove();
    fs.rmSync(log, { force: true });
  });

  async function start(trusted: boolean): Promise<{ note: PublishedDiagnostics; claim: PublishedDiagnostics }> {
    client = new LspTestClient(['--stdio'], { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${RECORDER}`.trim(), OPNOTE_READ_LOG: log });
    await client.initialize({ workspace: { configuration: true } }, { trusted });
    client.configuration = { validation: { delay: 0 } };
    const note = client.diagnostics(ws.uri('a.opnote'));
    const claim = client.diagnostics(ws.uri('b.claim'));
    client.open(ws.uri('a.opnote'), 'opnote', NOTE);
    client.open(ws.uri('b.claim'), 'claim', CLAIM);
    return { note: await note, claim: await claim };
  }
  const codes = (published: PublishedDiagnostics) => published.diagnostics.map((d) => String(d.code)).sort();
  const reads = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');

  it('untrusted: .opnoterc.json and payer files are never read; the built-in rules run', async () => {
    const { note, claim } = await start(false);
    assert.deepEqual(codes(note), ['date-malformed', 'header-unknown-key']);
    assert.ok(codes(claim).includes('payer-noncoverage'), codes(claim).join(', '));
    assert.ok(!codes(claim).includes('payer-file-invalid'));
    await client.request('textDocument/hover', { textDocument: { uri: ws.uri('b.claim') }, position: { line: 0, character: 1 } });
    await client.request('textDocument/codeAction', { textDocument: { uri: ws.uri('a.opnote') }, range: note.diagnostics[0].range, context: { diagnostics: note.diagnostics } });
    assert.equal(await client.shutdown(), 0);
    assert.equal(reads(), '', 'configuration files read in an untrusted workspace');
  });

  it('trusted (the control): the same files are read and change the result', async () => {
    const { note, claim } = await start(true);
    assert.deepEqual(codes(note), []);
    assert.ok(codes(claim).includes('payer-file-invalid'), codes(claim).join(', '));
    assert.ok(!codes(claim).includes('payer-noncoverage'));
    assert.match(reads(), /\.opnoterc\.json/);
    assert.match(reads(), /\.opnote[\\/]payers/);
    assert.equal(await client.shutdown(), 0);
  });

  it('granting trust later loads them', async () => {
    const { note } = await start(false);
    assert.deepEqual(codes(note), ['date-malformed', 'header-unknown-key']);
    const trustedNote = client.diagnostics(ws.uri('a.opnote'), (params) => params.diagnostics.length === 0);
    client.notify('opnote/workspaceTrust', { trusted: true });
    assert.deepEqual(codes(await trustedNote), []);
    assert.equal(await client.shutdown(), 0);
  });
});
