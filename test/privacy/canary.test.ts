import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { LspTestClient } from '../helpers/lspClient';
import { RawLspClient } from '../helpers/rawLspClient';
import { recordSideChannels, workspace, type Workspace } from '../helpers/lspSession';

/**
 * No note text in logs or errors: a canary string sits in every part of a note and a claim (header
 * keys and values, headings, prose, directives, codes, claim lines, junk bytes). Every feature is
 * driven, including inputs that make the server fail internally (a URI it cannot decode, code-action
 * data it cannot resolve, malformed requests), and the canary must never reach the server's stderr,
 * its window/logMessage (or showMessage, trace, telemetry) notifications, or the CLI's stderr.
 * Diagnostics and hovers may quote the document back to its own editor; logs may not.
 */

const CANARY = 'QZX7-CANARY-PATIENT';
const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

const NOTE = `---
patient: ${CANARY}-id
date: ${CANARY}
surgeon: Dr. ${CANARY}
${CANARY}-key: ${CANARY} value
payer: ${CANARY} Health
---
// ${CANARY} comment
// opnote-disable-next-line ${CANARY}-rule, header-unknown-key -- ${CANARY} reason
# ${CANARY} heading
PROCEDURE: ${CANARY} percutaneous insertion of an integrated stimulator, left superficial peroneal nerve, under ultrasound guidance.
## Technique ${CANARY}
The ${CANARY} array was deployed; 64596-${CANARY.slice(0, 2)} and G57.82 noted. Modifiers: ${CANARY}.
INDICATIONS: Pain for 14 months ${CANARY}; ${CANARY}\u0000\uFFFD\ud800 junk.
MODIFIER 22 JUSTIFICATION: ${CANARY} took longer.
`;
const CLAIM = `payer: ${CANARY}
dos: ${CANARY}
pos: ${CANARY}
note: ${CANARY}.opnote
prior-auth: ${CANARY}
${CANARY}: header

dx: G57.82, ${CANARY}
64596-LT-${CANARY} x1 ptr:A,${CANARY} $${CANARY}
${CANARY} line
64597 x${CANARY} ptr:Z // opnote-disable-line ${CANARY}
`;

describe('privacy: no note text in logs or errors (canary)', function () {
  this.timeout(60000);
  let ws: Workspace;
  beforeEach(() => (ws = workspace({ 'note.opnote': NOTE, 'a.claim': CLAIM })));
  afterEach(() => ws.remove());

  it('the language server logs no note text, even when it fails inside', async () => {
    const client = new LspTestClient();
    const side = recordSideChannels(client);
    const responses: string[] = [];
    const ask = async (method: string, params: unknown) => {
      try {
        responses.push(JSON.stringify(await client.request(method, params)));
      } catch (error) {
        responses.push(String(error));
      }
    };
    try {
      await client.initialize({ workspace: { configuration: true }, textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } }, { trusted: true });
      client.notify('$/setTrace', { value: 'verbose' });
      client.configuration = { validation: { delay: 0 }, rules: { [CANARY]: 'loud', 'date-malformed': CANARY }, maxNumberOfProblems: CANARY };
      const documents = [
        [ws.uri('note.opnote'), 'opnote', NOTE],
        [ws.uri('a.claim'), 'claim', CLAIM],
        // A URI the server cannot decode: analysing it fails inside (logged as an internal error).
        [`file://${ws.dir}/bad%E0%A4%A.opnote`, 'opnote', NOTE],
        [`untitled:${CANARY}`, 'claim', CLAIM],
      ] as const;
      for (const [uri, languageId, text] of documents) {
        const published = client.diagnostics(uri, undefined, 10000).catch(() => undefined);
        client.open(uri, languageId, text);
        if (!uri.includes('%E0')) await published;
      }
      for (const [uri, , text] of documents) {
        const lines = text.split('\n');
        for (let line = 0; line < lines.length; line++) {
          for (const character of [0, 3, 10, 25, lines[line].length]) {
            await ask('textDocument/hover', { textDocument: { uri }, position: { line, character } });
            await ask('textDocument/completion', { textDocument: { uri }, position: { line, character } });
          }
        }
        const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
        const actions = await client.request<Array<{ data?: unknown }>>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [] } }).catch(() => []);
        for (const action of actions) if (action.data) await ask('codeAction/resolve', action);
        await ask('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll.opnote'] } });
        await ask('textDocument/documentSymbol', { textDocument: { uri } });
        await ask('textDocument/foldingRange', { textDocument: { uri } });
      }
      // Inputs that make handlers fail: action data that cannot be resolved, malformed positions and ranges.
      await ask('codeAction/resolve', { title: CANARY, data: { uri: ws.uri('note.opnote'), version: 1, deferred: { type: CANARY, rule: CANARY } } });
      await ask('codeAction/resolve', { title: CANARY, data: { uri: ws.uri('note.opnote'), version: 1, deferred: null } });
      await ask('textDocument/hover', { textDocument: { uri: ws.uri('note.opnote') }, position: CANARY });
      await ask('textDocument/codeAction', { textDocument: { uri: ws.uri('note.opnote') }, range: CANARY, context: { diagnostics: [{ message: CANARY }] } });
      await ask('textDocument/completion', { textDocument: { uri: ws.uri('a.claim') }, position: { line: CANARY, character: -1 } });
      await ask(`opnote/${CANARY}`, { text: CANARY });
      client.notify('textDocument/didChange', { textDocument: { uri: ws.uri('note.opnote'), version: 2 }, contentChanges: [{ range: { start: { line: 999, character: 5 }, end: { line: -4, character: 0 } }, text: CANARY }] });
      client.notify('textDocument/didChange', { textDocument: { uri: ws.uri('a.claim'), version: 2 }, contentChanges: [{ text: `${CLAIM}\n${CANARY}` }] });
      client.notify(`opnote/${CANARY}`, { text: CANARY });
      await ask('textDocument/hover', { textDocument: { uri: ws.uri('a.claim') }, position: { line: 0, character: 0 } });
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
    const logged = `${client.stderr.join('')}\n${side.join('\n')}`;
    assert.match(logged, /OpNote internal error in/, 'the failing inputs did reach the internal-error log');
    assert.ok(!logged.includes(CANARY), `note text in the server's logs:\n${logged.split('\n').filter((line) => line.includes(CANARY)).join('\n')}`);
    assert.ok(responses.length > 100);
  });

  it('the CLI writes no note text to stderr, on success and on every error path', () => {
    ws.write('junk.opnote', `${CANARY}\u0000\u00ff${CANARY}`);
    ws.write('.opnoterc.json', '{ "rules": { "date-malformed": "warning" } }');
    const runs: Array<[string[], string?]> = [
      [['check', ws.dir]],
      [['check', '--format', 'sarif', ws.dir]],
      [['check', '--config', ws.path('note.opnote'), ws.dir]], // a note given as the config file
      [['facts', ws.path('a.claim')]],
      [['facts', ws.path('note.opnote'), ws.path('junk.opnote')]],
      [['checklist', ws.path('a.claim')]],
      [['context'], `{"sentence": "${CANARY}", "concept": 7}\n${CANARY}\n{"sentence": "No ${CANARY}.", "concept": "${CANARY}"}\n`],
      [['check', '--stdin'], `{"id": "${CANARY}", "kind": "${CANARY}", "text": 1}\n${CANARY}\n{"id": 1, "kind": "opnote", "text": "${CANARY}\\u0000"}\n`],
      [['report', ws.dir, '--out', ws.path('no-folder/audit.html')]],
    ];
    let stderr = '';
    for (const [args, input] of runs) {
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ws.dir, encoding: 'utf8', input: input ?? '' });
      assert.ok(result.status !== null && result.status <= 2, `${args.join(' ')}: exit ${result.status}`);
      stderr += result.stderr;
    }
    assert.match(stderr, /opnote:/, 'the error paths were taken');
    assert.ok(!stderr.includes(CANARY), `note text on the CLI's stderr:\n${stderr.split('\n').filter((line) => line.includes(CANARY)).join('\n')}`);
  });

  // JSON.parse messages quote the text around the error ("Unexpected token 'Q', "QZX7-CANARY..." is
  // not valid JSON"); a note passed by mistake as --config (or PHI pasted into .opnoterc.json) must not
  // reach stderr and CI logs that way, so configuration errors give the line and column only.
  it('a configuration file that is not JSON is reported by position, never quoted', () => {
    ws.write('quoted.json', `${CANARY} is the first line of a note given as --config`);
    const result = spawnSync(process.execPath, [CLI, 'check', '--config', ws.path('quoted.json'), ws.path('note.opnote')], { cwd: ws.dir, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.ok(!result.stderr.includes(CANARY), result.stderr.split('\n')[0]);
  });

  // vscode-jsonrpc logs a frame that is no request, notification or response with its whole content
  // (JSON.stringify(message)) to window/logMessage: a client bug or a stray write would put note text there.
  it('a malformed JSON-RPC frame is logged as malformed, never with its content', async () => {
    const client = new RawLspClient();
    try {
      assert.ok((await client.request(1, 'initialize', { processId: null, rootUri: null, capabilities: {} })).result);
      client.frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":"${CANARY} cut short`);
      client.send({ jsonrpc: '2.0', note: `${CANARY} neither request nor notification` });
      client.send({ jsonrpc: '2.0', id: { text: CANARY }, method: 'textDocument/hover', params: {} });
      client.send([{ jsonrpc: '2.0', method: `${CANARY}/batch` }]);
      client.send({ jsonrpc: '2.0', error: { code: 1, message: `${CANARY} error without id` } });
      client.frame(JSON.stringify(`${CANARY} a bare string`));
      assert.deepEqual((await client.request(3, 'shutdown', undefined)).result, null, 'the connection survives');
    } finally {
      client.kill();
    }
    const logs = client.logs();
    assert.match(logs, /malformed JSON-RPC message/);
    assert.ok(!logs.includes(CANARY), `frame content in the server's logs:\n${logs}`);
  });
});
