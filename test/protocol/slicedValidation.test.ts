import * as assert from 'node:assert/strict';
import { LspTestClient, type PublishedDiagnostics } from '../helpers/lspClient';
import { PATHOLOGICAL_INPUTS } from '../helpers/pathological';

/**
 * The server checks a document in slices and reads other messages between them (server/src/lsp/
 * slices.ts): a hover on another document is answered while a long, dense note is still being
 * checked, a hover on that note itself is answered correctly, and an edit abandons the run of the
 * older version. Ordering only, no timing: the dense note takes hundreds of milliseconds to check,
 * a hover on a small note one slice.
 */
const MB = 1024 * 1024;
const dense = PATHOLOGICAL_INPUTS.find((input) => input.name === 'long sentence without periods')!.text(MB);
const SMALL = '---\ndate: 2026-03-14\n---\n\n# Procedure\nPercutaneous insertion, left superficial peroneal nerve.\n';
const SMALL_URI = 'file:///w/small.opnote';
const BIG_URI = 'file:///w/dense.opnote';
const smallHover = { textDocument: { uri: SMALL_URI }, position: { line: 4, character: 3 } };

describe('language server: a long note is checked in slices', function () {
  this.timeout(120000);
  let client: LspTestClient;
  afterEach(() => client?.kill());

  /** A server with validation delay 0 from the global settings (no configuration round trip) and the small note checked. */
  async function start(): Promise<void> {
    client = new LspTestClient();
    await client.initialize({});
    client.notify('workspace/didChangeConfiguration', { settings: { opnote: { validation: { delay: 0 } } } });
    const small = client.diagnostics(SMALL_URI);
    client.open(SMALL_URI, 'opnote', SMALL);
    await small;
  }

  it('answers a hover on another document before the dense note\'s diagnostics are published', async () => {
    await start();
    const order: string[] = [];
    const published = client.diagnostics(BIG_URI, undefined, 100000).then((params) => {
      order.push('diagnostics');
      return params;
    });
    client.open(BIG_URI, 'opnote', dense);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', smallHover, 100000);
    order.push('hover');
    assert.match(hover?.contents.value ?? '', /Procedure/);
    const { diagnostics } = await published;
    assert.deepEqual(order, ['hover', 'diagnostics']);
    assert.ok(Array.isArray(diagnostics));
    assert.equal(await client.shutdown(), 0);
  });

  it('answers a hover on the note being checked as it does once the check is done', async () => {
    await start();
    const published = client.diagnostics(BIG_URI, undefined, 100000);
    client.open(BIG_URI, 'opnote', dense);
    // "superficial peroneal nerve" in the first sentence: a concept mention with its facts.
    const position = { line: 5, character: dense.split('\n')[5].indexOf('superficial') + 2 };
    const during = await client.request('textDocument/hover', { textDocument: { uri: BIG_URI }, position }, 100000);
    await published;
    const after = await client.request('textDocument/hover', { textDocument: { uri: BIG_URI }, position }, 100000);
    assert.ok(during, 'a hover on the concept');
    assert.deepEqual(during, after);
    assert.equal(await client.shutdown(), 0);
  });

  it('publishes only the newest version when an edit arrives while an older version is checked', async () => {
    await start();
    const versions: number[] = [];
    const listening = client.diagnostics(BIG_URI, (params: PublishedDiagnostics) => {
      versions.push(params.version ?? -1);
      return params.version === 2;
    }, 100000);
    client.open(BIG_URI, 'opnote', dense);
    // Answered between two slices of version 1: its check is under way.
    await client.request('textDocument/hover', smallHover, 100000);
    client.notify('textDocument/didChange', { textDocument: { uri: BIG_URI, version: 2 }, contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'Left. ' }] });
    await listening;
    assert.deepEqual(versions, [2]);
    assert.equal(await client.shutdown(), 0);
  });
});
