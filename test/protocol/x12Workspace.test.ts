import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build837 } from '../helpers/x12';
import { LspTestClient } from '../helpers/lspClient';
import { workspace } from '../helpers/lspSession';

const NOTE = fs.readFileSync(path.resolve(__dirname, '../fixtures/x12/notes/pcn1001-left-spn.opnote'), 'utf8');

describe('X12 837 over the language server: the note is found anywhere in the workspace folder', function () {
  this.timeout(20000);

  it('links a CLM to a note in another folder of the workspace', async () => {
    const ws = workspace({ 'records/2026/pcn1001.opnote': NOTE }, 'opnote-x12-ws-');
    const client = new LspTestClient();
    try {
      client.configuration = { validation: { delay: 0 } };
      await client.request('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(ws.dir).href, name: 'ws' }], capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
      client.notify('initialized', {});
      const text = build837({ claims: [{ pcn: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT'], date: '20260314' }] }] });
      const inside = ws.uri('claims/outgoing/batch.837');
      ws.write('claims/outgoing/batch.837', text);
      const published = client.diagnostics(inside);
      client.open(inside, 'x12', text);
      assert.deepEqual((await published).diagnostics.map((diagnostic) => diagnostic.code), []);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
      ws.remove();
    }
  });
});
