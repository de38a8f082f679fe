import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lspClient';

const X12_FIXTURES = path.resolve(__dirname, '../fixtures/x12');

function positionOf(source: string, needle: string, into = 1) {
  const before = source.slice(0, source.indexOf(needle) + into).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('X12 837 files over the language server (stdio)', function () {
  this.timeout(20000);
  let client: LspTestClient;

  beforeEach(async () => {
    client = new LspTestClient();
    client.configuration = { validation: { delay: 0 } };
    await client.initialize({ workspace: { configuration: true } });
  });
  afterEach(() => client.kill());

  it('publishes diagnostics on the segment, hovers segments, outlines and folds claims', async () => {
    const file = path.join(X12_FIXTURES, 'malformed.837');
    const uri = pathToFileURL(file).href;
    const source = fs.readFileSync(file, 'utf8');
    const published = client.diagnostics(uri);
    client.open(uri, 'x12', source);
    const { diagnostics } = await published;
    const syntax = diagnostics.filter((diagnostic) => diagnostic.code === 'x12-syntax').map((diagnostic) => [diagnostic.range.start.line + 1, diagnostic.range.start.character]);
    assert.deepEqual(syntax, [[10, 0], [27, 7], [29, 7], [43, 3], [43, 6], [45, 6]]);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'imaging-bundled' && diagnostic.range.start.line === 40));

    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(source, 'CLM*PCN1001') });
    assert.match(hover.contents.value, /\*\*CLM\*\* Claim information[\s\S]*Linked note: `[^`]*pcn1001-left-spn\.opnote`/);

    const symbols = await client.request<Array<{ name: string; children?: Array<{ name: string }> }>>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.children?.map((claim) => claim.name)]), [['Interchange 000000001', ['Claim PCN1001', 'Claim PCN1002', 'Claim PCN1003']]]);
    const folds = await client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((fold) => fold.startLine === 16 && fold.endLine === 20), 'the first claim folds');
    assert.equal(await client.shutdown(), 0);
  });
});
