import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lspClient';

const CLAIM = 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A bogus\n';

describe('language server over --stdio (plain JSON-RPC client)', function () {
  this.timeout(20000);
  let client: LspTestClient;
  let dir: string;
  const uri = () => pathToFileURL(path.join(dir, 'a.claim')).href;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-lsp-'));
    client = new LspTestClient();
  });
  afterEach(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('initializes, publishes diagnostics on open, answers features, and exits cleanly', async () => {
    const init = await client.initialize({ workspace: { configuration: true }, textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
    assert.ok(init.capabilities.hoverProvider);
    assert.deepEqual((init.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.opnote']);
    client.configuration = { validation: { delay: 0 }, rules: { 'note-missing': 'off' } };
    const published = client.diagnostics(uri());
    client.open(uri(), 'claim', CLAIM);
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => d.code), ['line-syntax']);
    assert.deepEqual(diagnostics[0].range, { start: { line: 4, character: 18 }, end: { line: 4, character: 23 } });

    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 1, character: 1 } });
    assert.match(hover.contents.value, /\*\*dos\*\*/);

    const completion = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', { textDocument: { uri: uri() }, position: { line: 2, character: 0 } });
    assert.ok(completion.items.some((item) => item.label === 'prior-auth'));

    const actions = await client.request<Array<{ title: string; data?: unknown; edit?: unknown }>>('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.equal(actions[0].title, 'Disable line-syntax for this line');
    assert.equal(actions[0].edit, undefined, 'edits are resolved lazily');
    const resolved = await client.request<{ edit: { changes: Record<string, Array<{ newText: string }>> } }>('codeAction/resolve', actions[0]);
    assert.equal(resolved.edit.changes[uri()][0].newText, '// opnote-disable-next-line line-syntax\n');

    const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: uri() } });
    assert.deepEqual(symbols.map((s) => s.name), ['Header', 'A: G57.82', '64596-LT']);

    assert.equal(await client.shutdown(), 0);
  });

  it('re-checks on change after the configured delay and follows severity settings', async () => {
    await client.initialize({ workspace: { configuration: true } });
    client.configuration = { validation: { delay: 50 }, rules: { 'line-syntax': 'warning', 'note-missing': 'off' } };
    const first = client.diagnostics(uri());
    client.open(uri(), 'claim', CLAIM);
    assert.equal((await first).diagnostics[0].severity, 2);
    const fixed = client.diagnostics(uri(), (params) => params.version === 2);
    client.notify('textDocument/didChange', { textDocument: { uri: uri(), version: 2 }, contentChanges: [{ range: { start: { line: 4, character: 17 }, end: { line: 4, character: 23 } }, text: '' }] });
    assert.deepEqual((await fixed).diagnostics, []);
    assert.equal(await client.shutdown(), 0);
  });

  it('re-checks an open claim when its note changes: addon-count-mismatch appears and disappears', async () => {
    const notePath = path.join(dir, 'note.opnote');
    const noteUri = pathToFileURL(notePath).href;
    const claimUri = pathToFileURL(path.join(dir, 'claim.claim')).href;
    const twoArrays = fs
      .readFileSync(path.join(__dirname, '../fixtures/claims/notes/left-peroneal-three-arrays.opnote'), 'utf8')
      .replace('Three electrode', 'Two electrode');
    fs.writeFileSync(notePath, twoArrays);
    const claim = 'payer: Aetna\ndos: 2026-04-20\npos: 22\nnote: note.opnote\nprior-auth: PA-1\n\ndx: G57.32\n64596-LT x1 ptr:A\n64597-LT x1 ptr:A\n';
    await client.initialize({ workspace: { configuration: true } });
    client.configuration = { validation: { delay: 0 } };
    const codes = (params: { diagnostics: Array<{ code?: string }> }) => params.diagnostics.map((d) => d.code);
    const opened = client.diagnostics(claimUri);
    client.open(noteUri, 'opnote', twoArrays);
    client.open(claimUri, 'claim', claim);
    assert.deepEqual(codes(await opened), []);

    // The note says three arrays now (only in the editor buffer, not on disk): 64597 x1 is one short.
    const at = twoArrays.split('\n').findIndex((line) => line.includes('Two electrode'));
    const character = twoArrays.split('\n')[at].indexOf('Two');
    const appeared = client.diagnostics(claimUri, (params) => codes(params).includes('addon-count-mismatch'));
    client.notify('textDocument/didChange', { textDocument: { uri: noteUri, version: 2 }, contentChanges: [{ range: { start: { line: at, character }, end: { line: at, character: character + 3 } }, text: 'Three' }] });
    const { diagnostics } = await appeared;
    const mismatch = diagnostics.find((d) => d.code === 'addon-count-mismatch')!;
    assert.equal(mismatch.range.start.line, 8);
    const related = mismatch.relatedInformation as Array<{ location: { uri: string; range: { start: { line: number; character: number } } }; message: string }>;
    assert.equal(related[0].location.uri, noteUri);
    assert.deepEqual(related[0].location.range.start, { line: at, character });
    assert.equal(related[0].message, 'The note documents 3 arrays.');

    // Back to two arrays: the finding goes away.
    const disappeared = client.diagnostics(claimUri, (params) => !codes(params).includes('addon-count-mismatch'));
    client.notify('textDocument/didChange', { textDocument: { uri: noteUri, version: 3 }, contentChanges: [{ range: { start: { line: at, character }, end: { line: at, character: character + 5 } }, text: 'Two' }] });
    assert.deepEqual(codes(await disappeared), []);
    assert.equal(await client.shutdown(), 0);
  });

  it('goes by the file extension when a client sends another languageId (one eglot server for both modes)', async () => {
    await client.initialize({});
    const published = client.diagnostics(uri());
    client.open(uri(), 'opnote', CLAIM);
    assert.ok((await published).diagnostics.some((d) => d.code === 'line-syntax'), 'checked as a claim');
    assert.equal(await client.shutdown(), 0);
  });

  it('survives junk and huge input and still answers', async () => {
    await client.initialize({});
    const junk = client.diagnostics('file:///junk.opnote');
    client.open('file:///junk.opnote', 'opnote', '\u0000\u0001\uFFFD'.repeat(1000) + '\n# \n---\n');
    assert.ok((await junk).diagnostics.some((d) => d.code === 'unreadable-text'));
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///junk.opnote' }, position: { line: 99, character: 99 } });
    assert.equal(hover, null);
    const missing = await client.request('textDocument/hover', { textDocument: { uri: 'file:///never-opened.opnote' }, position: { line: 0, character: 0 } });
    assert.equal(missing, null);
    assert.equal(await client.shutdown(), 0);
  });
});
