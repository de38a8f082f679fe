import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lspClient';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');
const uriOf = (name: string) => pathToFileURL(path.join(EXAMPLES, name)).href;
const text = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

function positionOf(source: string, needle: string, into = 1) {
  const before = source.slice(0, source.indexOf(needle) + into).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('64596 features over the language server (stdio)', function () {
  this.timeout(20000);
  let client: LspTestClient;
  let capabilities: Record<string, unknown>;

  beforeEach(async () => {
    client = new LspTestClient();
    client.configuration = { validation: { delay: 0 } };
    ({ capabilities } = await client.initialize({ workspace: { configuration: true }, textDocument: { completion: { completionItem: { labelDetailsSupport: true } } } }));
  });
  afterEach(() => client.kill());

  it('publishes the 64596 rules for a flawed note and offers their quick fixes', async () => {
    const uri = uriOf('flawed.opnote');
    const published = client.diagnostics(uri);
    client.open(uri, 'opnote', text('flawed.opnote'));
    const { diagnostics } = await published;
    const codes = diagnostics.map((d) => d.code);
    for (const rule of ['wrong-approach', 'not-integrated', 'imaging-negated', 'laterality-missing', 'necessity-incomplete']) assert.ok(codes.includes(rule), `${rule} in ${codes.join(', ')}`);
    const laterality = diagnostics.find((d) => d.code === 'laterality-missing')!;
    const actions = await client.request<Array<{ title: string; edit?: { changes: Record<string, Array<{ newText: string }>> } }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: laterality.range,
      context: { diagnostics: [laterality] },
    });
    const fix = actions.find((action) => action.title === 'Insert a side line to fill in');
    assert.ok(fix?.edit, 'the template fix carries its edit');
    assert.match(fix.edit.changes[uri][0].newText, /Side: \[left \| right\]/);
    assert.equal(await client.shutdown(), 0);
  });

  it('hovers fact evidence and codes, completes codes, and returns the checklist', async () => {
    const uri = uriOf('well-documented.opnote');
    const source = text('well-documented.opnote');
    const published = client.diagnostics(uri);
    client.open(uri, 'opnote', source);
    await published;
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(source, 'ultrasound guidance the superficial', 3) });
    assert.match(hover.contents.value, /Imaging guidance: ultrasound, documented\* — included in 64596; do not report 76942 separately/);
    const code = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(source, 'G57.82', 2) });
    assert.match(code.contents.value, /\*\*G57\.82\*\* ICD-10-CM/);

    const claimUri = uriOf('scratch.claim');
    client.open(claimUri, 'claim', 'payer: Medicare\n\ndx: G57.8');
    const completion = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', { textDocument: { uri: claimUri }, position: { line: 2, character: 9 } });
    assert.deepEqual(completion.items.map((item) => item.label), ['G57.80', 'G57.81', 'G57.82', 'G57.83']);

    const checklist = await client.request<string | null>('opnote/checklist', { uri });
    assert.match(checklist ?? '', /\| ✓ \| Percutaneous approach \| percutaneous \|/);
    const viaCommand = await client.request<string | null>('workspace/executeCommand', { command: 'opnote.checklist.markdown', arguments: [uri] });
    assert.equal(viaCommand, checklist);

    // The same checklist as data, for the VS Code view: status in words, the excerpt and where its words are.
    type Data = { title: string; noteUri: string; codes: Array<{ code: string }>; items: Array<{ id: string; status: string; evidence?: { text: string; highlight: { start: number; end: number }; range: { start: { line: number; character: number } } } }> };
    const data = await client.request<Data | null>('opnote/checklistData', { uri });
    assert.equal(data?.title, 'well-documented.opnote');
    assert.equal(data?.noteUri, uri);
    assert.deepEqual(data?.codes.map((entry) => entry.code), ['64596']);
    const imaging = data?.items.find((item) => item.id === 'imaging');
    assert.equal(imaging?.status, 'documented');
    const evidence = imaging!.evidence!;
    assert.match(evidence.text.slice(evidence.highlight.start, evidence.highlight.end), /ultrasound/i);
    const lineText = source.split('\n')[evidence.range.start.line];
    assert.match(lineText.slice(evidence.range.start.character), /^ultrasound/i, 'the range points at the words in the note');
    assert.equal(await client.request('opnote/checklistData', { uri: uriOf('not-open.opnote') }), null);
    assert.equal(await client.shutdown(), 0);
  });

  it('renders a rule page from its metadata, without the generator comment of docs/rules', async () => {
    const page = await client.request<string | null>('opnote/rulePage', { id: 'wrong-approach' });
    assert.match(page ?? '', /^# wrong-approach\n/);
    assert.equal(`<!-- Generated by scripts/generate.ts from server/src/core/rules/wrong-approach.ts. Edit the rule file, not this page. -->\n${page}`, fs.readFileSync(path.join(ROOT, 'docs/rules/wrong-approach.md'), 'utf8'));
    assert.equal(await client.request('opnote/rulePage', { id: 'no-such-rule' }), null);
    assert.equal(await client.shutdown(), 0);
  });

  it('opens completion while a code is typed (a digit is a trigger character) and stays quiet in prose', async () => {
    type Item = { label: string; labelDetails?: { description?: string } };
    const typed = async (uri: string, position: { line: number; character: number }, character: string) =>
      (await client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: character } })).items;
    const triggers = (capabilities.completionProvider as { triggerCharacters: string[] }).triggerCharacters;
    assert.ok(['0', '5', '9'].every((digit) => triggers.includes(digit)), `digits among ${triggers.join(' ')}`);

    const claimUri = uriOf('typing.claim');
    client.open(claimUri, 'claim', 'payer: Medicare\ndos: 2026-03-1\n\ndx: G57.8\n6459');
    const serviceLine = await typed(claimUri, { line: 4, character: 4 }, '5');
    const code = serviceLine.find((item) => item.label === '64596');
    assert.ok(code, `64596 among ${serviceLine.map((item) => item.label).join(', ')}`);
    assert.match(code.labelDetails?.description ?? '', /^pns integrated: Percutaneous insertion or replacement of an integrated peripheral-nerve neurostimulation system, first or only array$/, 'the short description is in the list itself');
    const dx = await typed(claimUri, { line: 3, character: 9 }, '8');
    assert.match(dx.find((item) => item.label === 'G57.82')?.labelDetails?.description ?? '', /nerve/i, 'ICD-10-CM codes with their descriptions in a dx: list');
    assert.deepEqual(await typed(claimUri, { line: 1, character: 14 }, '1'), [], 'a date is not a code');

    const noteUri = uriOf('typing.opnote');
    client.open(noteUri, 'opnote', 'Surgeon: Dr. Demo\n\nINDICATIONS: The patient is 64\nPROCEDURE: 645');
    assert.deepEqual(await typed(noteUri, { line: 2, character: 30 }, '4'), [], 'a number in prose opens nothing');
    assert.ok((await typed(noteUri, { line: 3, character: 14 }, '5')).some((item) => item.label === '64596'), 'a code typed in a note completes');
    const dxUri = uriOf('typing-dx.opnote');
    client.open(dxUri, 'opnote', 'PREOPERATIVE DIAGNOSIS: Occipital neuralgia (M54.8');
    assert.ok((await typed(dxUri, { line: 0, character: 50 }, '8')).some((item) => item.label === 'M54.81'), 'an ICD-10-CM code typed in a diagnosis section completes');
    assert.equal(await client.shutdown(), 0);
  });

  it('X12 837: publishes diagnostics on the segment, hovers segments, outlines and folds claims', async () => {
    const file = path.join(ROOT, 'test/fixtures/x12/malformed.837');
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
