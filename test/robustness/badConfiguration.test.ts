import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { LspTestClient, type PublishedDiagnostics } from '../helpers/lspClient';
import { workspace, type Workspace } from '../helpers/lspSession';

/**
 * Bad configuration over the LSP: a broken `.opnoterc.json` or `.opnote/payers/*.json` gives one clear
 * diagnostic per document and the built-in rules keep working.
 */

const NOTE = 'date: 2026-02-30\n\nPROCEDURE: Removal of a foreign body.\n';
/** Cigna: a built-in payer whose policy OpNote flags (payer-noncoverage), with a prior-auth number. */
const CLAIM = 'payer: Cigna\ndos: 2026-03-14\npos: 24\nprior-auth: PA-1\n\ndx: G57.82\n64596-LT x1 ptr:A\n';

describe('robustness: bad configuration files', function () {
  this.timeout(30000);
  // One server for every case; each case has its own workspace folder (configuration is per folder).
  let client: LspTestClient;
  let ws: Workspace;
  before(async () => {
    client = new LspTestClient();
    await client.initialize({ workspace: { configuration: true } }, { trusted: true });
    client.configuration = { validation: { delay: 0 } };
  });
  after(async () => {
    client.kill();
  });
  afterEach(() => ws?.remove());

  async function open(files: Record<string, string>, name: string, text: string): Promise<PublishedDiagnostics> {
    ws = workspace(files);
    const published = client.diagnostics(ws.uri(name));
    client.open(ws.uri(name), name.endsWith('.claim') ? 'claim' : 'opnote', ws.write(name, text) && text);
    return published;
  }

  const codes = (published: PublishedDiagnostics) => published.diagnostics.map((d) => String(d.code)).sort();

  for (const [what, config, clue] of [
    ['not valid JSON', '{ "rules": { "date-malformed": "off" ', /is not valid JSON/],
    ['not an object of rules', '["date-malformed"]', /not a valid OpNote configuration/],
    ['an unknown severity', '{ "rules": { "date-malformed": "loud" } }', /not a valid OpNote configuration at line 1, column 32: Invalid option/],
    ['an unknown key', '{ "rulez": {} }', /not a valid OpNote configuration at line 1, column 3: unknown key/],
    ['empty', '', /is not valid JSON/],
    ['binary junk', '\u0000\u0001\uFFFD\uD800', /is not valid JSON/],
  ] as const) {
    it(`.opnoterc.json that is ${what}: one config-invalid, the defaults apply`, async () => {
      const published = await open({ '.opnoterc.json': config }, 'a.opnote', NOTE);
      assert.deepEqual(codes(published), ['config-invalid', 'date-malformed']);
      const problem = published.diagnostics.find((d) => d.code === 'config-invalid')!;
      assert.match(problem.message, clue);
      assert.equal(published.diagnostics.find((d) => d.code === 'date-malformed')!.severity, 1, 'date-malformed keeps its default severity');
    });
  }

  // These used to be skipped without a word, as if there were no configuration file.
  for (const [what, make, clue] of [
    ['a directory', (file: string) => fs.mkdirSync(file), /was not read: it is not a regular file/],
    ['a FIFO', (file: string) => assert.equal(spawnSync('mkfifo', [file]).status, 0, 'mkfifo'), /was not read: it is not a regular file/],
    ['over 10 MB', (file: string) => fs.writeFileSync(file, `{ "rules": { "date-malformed": "off" } ${' '.repeat(11 * 1024 * 1024)}}`), /was not read: it is larger than 10 MB/],
  ] as const) {
    it(`.opnoterc.json that is ${what}: one config-invalid saying why, the defaults apply`, async function () {
      if (process.platform === 'win32') this.skip();
      ws = workspace();
      make(ws.path('.opnoterc.json'));
      const published = client.diagnostics(ws.uri('a.opnote'));
      client.open(ws.uri('a.opnote'), 'opnote', ws.write('a.opnote', NOTE) && NOTE);
      const diagnostics = (await published).diagnostics;
      assert.deepEqual(diagnostics.map((d) => String(d.code)).sort(), ['config-invalid', 'date-malformed']);
      assert.match(diagnostics.find((d) => d.code === 'config-invalid')!.message, clue);
    });
  }

  it('.opnoterc.json naming an unknown rule: one config-invalid, its other settings still apply', async () => {
    const published = await open({ '.opnoterc.json': '{ "rules": { "no-such-rule": "off", "date-malformed": "warning" } }' }, 'a.opnote', NOTE);
    assert.deepEqual(codes(published), ['config-invalid', 'date-malformed']);
    assert.match(published.diagnostics.find((d) => d.code === 'config-invalid')!.message, /names an unknown rule id at line 1, column 14; the other settings apply/);
    assert.equal(published.diagnostics.find((d) => d.code === 'date-malformed')!.severity, 2);
  });

  for (const [what, file] of [
    ['not valid JSON', '{ "payers": [ { "id": "acme" '],
    ['against the schema', '{ "payers": [ { "id": "Acme Health", "name": "Acme" } ] }'],
    ['binary junk', '\u0000\u00ff\uFFFD'],
  ] as const) {
    it(`a payer file that is ${what}: one payer-file-invalid, built-in payers keep working`, async () => {
      const published = await open({ '.opnote/payers/acme.json': file }, 'claims/a.claim', CLAIM);
      const found = codes(published);
      assert.equal(found.filter((code) => code === 'payer-file-invalid').length, 1, found.join(', '));
      assert.ok(found.includes('payer-noncoverage'), `the built-in Cigna policy still applies: ${found.join(', ')}`);
      const problem = published.diagnostics.find((d) => d.code === 'payer-file-invalid')!;
      assert.match(problem.message, /acme\.json/);
      assert.ok(!problem.message.includes('Acme Health'), 'the message never quotes the file');
    });
  }

  it('a broken configuration never stops the server: it answers, and recovers when the file is fixed', async () => {
    const published = await open({ '.opnoterc.json': '{', '.opnote/payers/x.json': '{' }, 'a.opnote', NOTE);
    assert.ok(codes(published).includes('config-invalid'));
    const hover = await client.request('textDocument/hover', { textDocument: { uri: ws.uri('a.opnote') }, position: { line: 0, character: 1 } });
    assert.ok(hover);
    ws.write('.opnoterc.json', '{ "rules": { "date-malformed": "off" } }');
    const fixed = client.diagnostics(ws.uri('a.opnote'), (params) => !params.diagnostics.some((d) => d.code === 'config-invalid'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('.opnoterc.json'), type: 2 }] });
    assert.deepEqual(codes(await fixed), []);
  });
});
