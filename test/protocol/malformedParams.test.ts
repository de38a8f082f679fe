import * as assert from 'node:assert/strict';
import { RawLspClient } from '../helpers/rawLspClient';

/**
 * Every request and notification the server handles, sent with params that are `null`, `{}`, a string
 * or half-formed: a request gets its answer or InvalidParams (-32602), never an internal error
 * (-32603); a notification is ignored; nothing throws inside the library or a handler, and the server
 * keeps answering.
 */

const NOTE_URI = 'file:///nowhere/a.opnote';
const NOTE = 'date: 2026-03-14\n\nPROCEDURE: Percutaneous implantation of an integrated neurostimulator, left superficial peroneal nerve.\n';
const MALFORMED: unknown[] = [null, {}, 'x', 7, [], { textDocument: null }, { textDocument: { uri: 5 } }, { textDocument: { uri: NOTE_URI }, position: { line: -1, character: 'x' } }];

const REQUESTS = [
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/codeAction',
  'codeAction/resolve',
  'textDocument/documentSymbol',
  'textDocument/foldingRange',
  'textDocument/willSaveWaitUntil',
  'workspace/executeCommand',
  'opnote/checklist',
  'opnote/checklistData',
  'opnote/rulePage',
];
const NOTIFICATIONS = [
  'initialized',
  'textDocument/didOpen',
  'textDocument/didChange',
  'textDocument/didClose',
  'textDocument/willSave',
  'textDocument/didSave',
  'workspace/didChangeConfiguration',
  'workspace/didChangeWatchedFiles',
  'workspace/didChangeWorkspaceFolders',
  'opnote/workspaceTrust',
  '$/setTrace',
  '$/cancelRequest',
];

describe('protocol: malformed params never reach a handler', function () {
  this.timeout(60000);
  let client: RawLspClient;
  afterEach(() => client.kill());

  it('each request is answered with a result or InvalidParams, each notification is ignored, and the server keeps working', async () => {
    client = new RawLspClient();
    let id = 1;
    const internalErrors: string[] = [];
    const answered = (method: string, params: unknown, response: { result?: unknown; error?: { code: number } }) => {
      if (response.error?.code === -32603) internalErrors.push(`${method} ${JSON.stringify(params)}`);
      else assert.ok(response.error === undefined || response.error.code === -32602, `${method} ${JSON.stringify(params)}: ${JSON.stringify(response.error)}`);
    };
    for (const params of [null, {}, 'x', { capabilities: 'x' }]) answered('initialize', params, await client.request(id++, 'initialize', params));
    const init = await client.request(id++, 'initialize', { processId: null, rootUri: null, capabilities: { workspace: { workspaceFolders: true } } });
    assert.ok(init.result, 'a well-formed initialize still works after malformed ones');
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri: NOTE_URI, languageId: 'opnote', version: 1, text: NOTE } });
    for (const params of MALFORMED) {
      for (const method of NOTIFICATIONS) client.notify(method, params);
      for (const method of REQUESTS) answered(method, params, await client.request(id++, method, params));
    }
    assert.deepEqual(internalErrors, [], `${internalErrors.length} internal errors`);
    // The last shape is a well-formed didClose: open the note again.
    client.notify('textDocument/didOpen', { textDocument: { uri: NOTE_URI, languageId: 'opnote', version: 2, text: NOTE } });
    const hover = await client.request(id++, 'textDocument/hover', { textDocument: { uri: NOTE_URI }, position: { line: 0, character: 1 } });
    assert.ok(hover.result, 'the server still answers a well-formed hover on the open note');
    answered('shutdown', 'x', await client.request(id++, 'shutdown', 'x'));
    const logs = client.logs();
    assert.doesNotMatch(logs, /failed|TypeError|Cannot read|not a function/, 'no handler threw');
    assert.match(logs, /malformed params of a textDocument\/didOpen notification/);
  });
});
