import * as assert from 'node:assert/strict';
import { LspTestClient, type PublishedDiagnostics } from '../helpers/lspClient';
import { memoryOf } from '../helpers/lspSession';

/**
 * A 10 MB document over the LSP: past `opnote.maxDocumentSize` (8 MiB characters by default) it is not
 * checked, one information diagnostic says so, the server keeps answering other documents at once and
 * its memory stays bounded. The limit is a setting: lower it and a smaller note is cut off too.
 */

const PARAGRAPH =
  'DESCRIPTION OF PROCEDURE: Under ultrasound guidance the introducer needle was advanced percutaneously and the integrated electrode array was placed along the left superficial peroneal nerve.\n\n';
const text = (characters: number) => `date: 2026-02-30\n\n${PARAGRAPH.repeat(Math.ceil(characters / PARAGRAPH.length))}`;
const SMALL = '---\ndate: 2026-03-14\n---\n\n# Procedure\nPercutaneous insertion, left superficial peroneal nerve.\n';
const MB = 1024 * 1024;

describe('robustness: a 10 MB document over the LSP', function () {
  this.timeout(60000);
  let client: LspTestClient;
  afterEach(() => client?.kill());

  it('is cut off with one information diagnostic while the server keeps answering, in bounded memory', async () => {
    client = new LspTestClient();
    await client.initialize({ workspace: { configuration: true } });
    client.configuration = { validation: { delay: 0 } };
    const smallPublished = client.diagnostics('file:///w/small.opnote');
    client.open('file:///w/small.opnote', 'opnote', SMALL);
    await smallPublished;
    const before = memoryOf(client.process.pid);

    const big = text(10 * MB);
    const bigPublished = client.diagnostics('file:///w/big.opnote', undefined, 30000);
    const sent = Date.now();
    client.open('file:///w/big.opnote', 'opnote', big);
    // Asked right behind the 10 MB didOpen: answered once the server has read that message.
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: 'file:///w/small.opnote' }, position: { line: 4, character: 3 } }, 30000);
    const hoverMs = Date.now() - sent;
    assert.match(hover?.contents.value ?? '', /Procedure/);
    const { diagnostics } = (await bigPublished) as PublishedDiagnostics;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['document-too-large', 3]]);
    assert.match(diagnostics[0].message, /size limit.*does not check it.*opnote\.maxDocumentSize/);

    // Editing the big document keeps the answer; the outline of its head still works.
    const changed = client.diagnostics('file:///w/big.opnote', (params) => params.version === 2, 30000);
    client.notify('textDocument/didChange', { textDocument: { uri: 'file:///w/big.opnote', version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' }] });
    assert.deepEqual((await changed).diagnostics.map((d) => d.code), ['document-too-large']);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///w/big.opnote' } }, 30000);
    assert.ok(symbols.length > 0);
    const hoverAgain = await client.request('textDocument/hover', { textDocument: { uri: 'file:///w/small.opnote' }, position: { line: 4, character: 3 } }, 5000);
    assert.ok(hoverAgain);

    const after = memoryOf(client.process.pid);
    if (before && after) {
      // Two copies of 10 MB of text (message and document) and the model of its first 8 MiB: well under 300 MB.
      assert.ok(after.peak < 300 * MB, `peak RSS ${(after.peak / MB).toFixed(0)} MB`);
    }
    assert.ok(hoverMs < 20000, `hover took ${hoverMs} ms`);
    if (process.env.OPNOTE_TEST_VERBOSE) console.log(`      hover behind 10 MB: ${hoverMs} ms; RSS ${before && after ? `${(before.rss / MB).toFixed(0)} -> ${(after.rss / MB).toFixed(0)} MB, peak ${(after.peak / MB).toFixed(0)} MB` : 'n/a'}`);
    assert.equal(await client.shutdown(), 0);
  });

  it('cuts off at the configured opnote.maxDocumentSize and checks again when it is raised', async () => {
    client = new LspTestClient();
    await client.initialize({ workspace: { configuration: true } });
    client.configuration = { validation: { delay: 0 }, maxDocumentSize: 100_000 };
    const note = text(300_000);
    const first = client.diagnostics('file:///w/mid.opnote');
    client.open('file:///w/mid.opnote', 'opnote', note);
    assert.deepEqual((await first).diagnostics.map((d) => d.code), ['document-too-large']);

    client.configuration = { validation: { delay: 0 }, maxDocumentSize: 1_000_000 };
    const second = client.diagnostics('file:///w/mid.opnote', (params) => !params.diagnostics.some((d) => d.code === 'document-too-large'), 30000);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const checked = await second;
    assert.ok(checked.diagnostics.some((d) => d.code === 'date-malformed'), JSON.stringify(checked.diagnostics.map((d) => d.code)));
    assert.equal(await client.shutdown(), 0);
  });
});
