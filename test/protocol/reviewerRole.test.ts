import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { notesUnder } from '../helpers/fixtures';
import { LspTestClient } from '../helpers/lspClient';

const ROOT = path.resolve(__dirname, '../..');
const QUERY_TITLE = 'Draft physician query';

interface Diagnostic {
  readonly code: string;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface Action {
  readonly title: string;
  readonly kind?: string;
  readonly edit?: { changes?: Record<string, unknown[]>; documentChanges?: Array<{ uri?: string; textDocument?: { uri: string }; edits?: Array<{ newText: string }> }> };
  readonly command?: { command: string; arguments?: unknown[] };
  readonly data?: unknown;
  readonly diagnostics?: Diagnostic[];
}

/** The URIs a workspace edit changes. */
function editedUris(edit: Action['edit']): string[] {
  if (!edit) return [];
  return [...Object.keys(edit.changes ?? {}), ...(edit.documentChanges ?? []).map((change) => change.textDocument?.uri ?? change.uri ?? '')];
}


const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

describe('reviewer role over the language server (stdio)', function () {
  this.timeout(120_000);
  const clients: LspTestClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.kill()));

  async function reviewer(resolveSupport: boolean): Promise<LspTestClient> {
    const client = new LspTestClient();
    clients.push(client);
    client.configuration = { validation: { delay: 0 }, role: 'reviewer' };
    await client.initialize({ workspace: { configuration: true, workspaceEdit: { resourceOperations: ['create'] } }, textDocument: { codeAction: resolveSupport ? { resolveSupport: { properties: ['edit'] } } : {} } });
    return client;
  }

  it('no code action on any fixture or example note edits it, fix-all included, and each finding a provider can resolve offers a query', async () => {
    const notes = [...notesUnder(path.join(ROOT, 'test/fixtures')), ...notesUnder(path.join(ROOT, 'examples'))];
    const lazy = await reviewer(true);
    const eager = await reviewer(false);
    let queries = 0;
    for (const file of notes) {
      const uri = pathToFileURL(file).href;
      const text = fs.readFileSync(file, 'utf8');
      for (const client of [lazy, eager]) {
        const published = client.diagnostics(uri);
        client.open(uri, 'opnote', text);
        const { diagnostics } = (await published) as unknown as { diagnostics: Diagnostic[] };
        const fixAll = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: WHOLE, context: { diagnostics: [], only: ['source.fixAll.opnote', 'source'] } });
        assert.deepEqual(fixAll, [], `${file}: no fix-all for a reviewer`);
        for (const diagnostic of diagnostics) {
          const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
          for (const action of actions) {
            const resolved = action.data ? await client.request<Action>('codeAction/resolve', action) : action;
            assert.ok(!editedUris(resolved.edit).includes(uri), `${path.relative(ROOT, file)}: "${action.title}" edits the note`);
          }
          const markdown = await client.request<string | null>('workspace/executeCommand', { command: 'opnote.query.markdown', arguments: [uri, diagnostic.code] });
          const resolvable = /^# Physician query: /m.test(markdown ?? '');
          const offered = actions.filter((action) => action.title === QUERY_TITLE && action.diagnostics?.some((d) => d.code === diagnostic.code));
          assert.equal(offered.length, resolvable ? 1 : 0, `${path.relative(ROOT, file)}: query action for ${diagnostic.code}`);
          if (resolvable) {
            assert.deepEqual(offered[0].command, { title: QUERY_TITLE, command: 'opnote.query.markdown', arguments: [uri, diagnostic.code] });
            if (client === lazy) queries++;
          }
        }
        client.notify('textDocument/didClose', { textDocument: { uri } });
      }
    }
    assert.ok(queries > 20, `query actions offered: ${queries}`);
  });

  it('offers queries for the gaps a provider can resolve and none for medical necessity without an indicator', async () => {
    const client = await reviewer(true);
    const file = path.join(ROOT, 'test/fixtures/rules/note-64596-gaps.opnote');
    const uri = pathToFileURL(file).href;
    const published = client.diagnostics(uri);
    client.open(uri, 'opnote', fs.readFileSync(file, 'utf8'));
    const { diagnostics } = (await published) as unknown as { diagnostics: Diagnostic[] };
    const withQuery: string[] = [];
    for (const diagnostic of diagnostics) {
      const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      if (actions.some((action) => action.title === QUERY_TITLE && action.command?.arguments?.[1] === diagnostic.code)) withQuery.push(diagnostic.code);
    }
    assert.deepEqual([...new Set(withQuery)].sort(), ['array-count-missing', 'imaging-undocumented', 'laterality-missing', 'nerve-missing', 'testing-undocumented']);
    const markdown = await client.request<string>('workspace/executeCommand', { command: 'opnote.query.markdown', arguments: [uri] });
    assert.equal(markdown.match(/^# Physician query: /gm)?.length, 5);
    assert.equal(await client.shutdown(), 0);
  });

  it('sets a finding aside in the workspace .opnoterc.json, never in the note, and the finding is gone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-reviewer-'));
    try {
      fs.mkdirSync(path.join(dir, 'notes'));
      const file = path.join(dir, 'notes', 'gaps.opnote');
      const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/rules/note-64596-gaps.opnote'), 'utf8');
      fs.writeFileSync(file, text);
      const client = new LspTestClient();
      clients.push(client);
      client.configuration = { validation: { delay: 0 }, role: 'reviewer' };
      await client.request('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }], capabilities: { workspace: { configuration: true } } });
      client.notify('initialized', {});
      const uri = pathToFileURL(file).href;
      const published = client.diagnostics(uri);
      client.open(uri, 'opnote', text);
      const { diagnostics } = (await published) as unknown as { diagnostics: Diagnostic[] };
      const laterality = diagnostics.find((diagnostic) => diagnostic.code === 'laterality-missing')!;
      const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: laterality.range, context: { diagnostics: [laterality] } });
      const ignore = actions.find((action) => action.title === 'Ignore laterality-missing for this file in .opnoterc.json');
      assert.ok(ignore?.edit?.documentChanges, 'a new .opnoterc.json at the workspace root');
      const configUri = pathToFileURL(path.join(dir, '.opnoterc.json')).href;
      assert.deepEqual(editedUris(ignore.edit), [configUri, configUri]);
      const written = ignore.edit.documentChanges[1].edits![0].newText;
      assert.deepEqual(JSON.parse(written), { ignores: [{ file: 'notes/gaps.opnote', rule: 'laterality-missing', reason: 'Set aside in review: say why' }] });
      fs.writeFileSync(path.join(dir, '.opnoterc.json'), written);
      const rechecked = client.diagnostics(uri);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
      const after = (await rechecked) as unknown as { diagnostics: Diagnostic[] };
      assert.ok(!after.diagnostics.some((diagnostic) => diagnostic.code === 'laterality-missing'), 'laterality-missing is set aside');
      assert.ok(after.diagnostics.some((diagnostic) => diagnostic.code === 'nerve-missing'), 'the other findings stay');
      // A second rule goes into the same file, next to the first.
      const nerve = after.diagnostics.find((diagnostic) => diagnostic.code === 'nerve-missing')!;
      const more = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: nerve.range, context: { diagnostics: [nerve] } });
      const second = more.find((action) => action.title === 'Ignore nerve-missing for this file in .opnoterc.json')!;
      const [edit] = second.edit!.changes![configUri] as Array<{ newText: string }>;
      assert.deepEqual(JSON.parse(edit.newText).ignores.map((ignore: { rule: string }) => ignore.rule), ['laterality-missing', 'nerve-missing']);
      assert.equal(await client.shutdown(), 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the quick fixes of a claim, the coder\'s own document', async () => {
    const client = await reviewer(false);
    const uri = pathToFileURL(path.join(os.tmpdir(), 'reviewer.claim')).href;
    const published = client.diagnostics(uri);
    client.open(uri, 'claim', 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596 x2\n');
    const { diagnostics } = (await published) as unknown as { diagnostics: Diagnostic[] };
    const units = diagnostics.find((diagnostic) => diagnostic.code === 'units-exceed')!;
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: units.range, context: { diagnostics: [units] } });
    assert.ok(actions.some((action) => editedUris(action.edit).includes(uri) && action.title !== QUERY_TITLE && !action.title.startsWith('Disable')), actions.map((action) => action.title).join(', '));
    assert.equal(await client.shutdown(), 0);
  });
});
