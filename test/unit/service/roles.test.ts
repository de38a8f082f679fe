import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-types';
import { ROLES } from '../../../server/src/core/linting/types';
import { configProblemMessage, configWithIgnore, parseConfig } from '../../../server/src/core/service/config';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { resolveSettings } from '../../../server/src/lsp/settings';
import { DOCS_BASE, FIXTURES } from '../../helpers/fixtures';
import { applyEdits } from '../../helpers/textEdits';

const ROOT = path.resolve(__dirname, '../../..');
const KNOWN = new Set(['laterality-missing', 'nerve-missing']);
const NOTE = fs.readFileSync(path.join(FIXTURES, 'rules/note-64596-gaps.opnote'), 'utf8');
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

function serviceWith(files: Record<string, string>) {
  return createLanguageService({ fileSystem: inMemoryFileSystem({ '/w/notes/gaps.opnote': NOTE, ...files }), docsBaseUri: DOCS_BASE });
}
const doc = { uri: 'file:///w/notes/gaps.opnote', version: 1, text: NOTE };
const codes = (service: ReturnType<typeof serviceWith>, settings = {}) => service.analyze(doc, settings).diagnostics.map((diagnostic) => diagnostic.code);
const noteEdits = (actions: CodeAction[]) => actions.filter((action) => action.edit?.changes?.[doc.uri] !== undefined || action.edit?.documentChanges !== undefined && JSON.stringify(action.edit.documentChanges).includes(doc.uri));

describe('roles and reviewer suppressions in .opnoterc.json', () => {
  it('reads role and ignores, and rejects an ignore without a reason', () => {
    const config = parseConfig('{ "role": "reviewer", "ignores": [{ "file": "notes/gaps.opnote", "rule": "nerve-missing", "reason": "queried" }] }', '/w/.opnoterc.json', KNOWN);
    assert.equal(config.role, 'reviewer');
    assert.deepEqual(config.ignores, [{ file: 'notes/gaps.opnote', rule: 'nerve-missing', reason: 'queried' }]);
    assert.match(parseConfig('{ "ignores": [{ "file": "a.opnote", "rule": "nerve-missing" }] }', '/w/.opnoterc.json', KNOWN).problem?.cause ?? '', /not a valid OpNote configuration.*expected string/);
    const typo = parseConfig('{\n  "ignores": [{ "file": "a.opnote", "rule": "nerve-mising", "reason": "queried" }]\n}', '/w/.opnoterc.json', KNOWN);
    assert.ok(typo.problem);
    assert.match(configProblemMessage(typo.problem), /sets aside an unknown rule id at line 2, column \d+; the other settings apply/);
    assert.doesNotMatch(typo.problem.cause, /mising/, 'the file is not quoted');
    assert.match(parseConfig('{ "role": "coder" }', '/w/.opnoterc.json', KNOWN).problem?.cause ?? '', /not a valid OpNote configuration/);
  });

  it('an ignores entry sets the rule aside for that file only, relative to the configuration folder', () => {
    const ignores = JSON.stringify({ ignores: [{ file: 'notes/gaps.opnote', rule: 'nerve-missing', reason: 'queried' }] });
    assert.ok(codes(serviceWith({})).includes('nerve-missing'));
    const service = serviceWith({ '/w/.opnoterc.json': ignores, '/w/other/gaps.opnote': NOTE });
    assert.ok(!codes(service).includes('nerve-missing'));
    assert.ok(codes(service).includes('laterality-missing'));
    assert.ok(service.analyze({ ...doc, uri: 'file:///w/other/gaps.opnote' }).diagnostics.some((diagnostic) => diagnostic.code === 'nerve-missing'));
  });

  it('reads opnote.role from the editor as untrusted input: anything but reviewer is the author', () => {
    assert.equal(resolveSettings({ role: 'reviewer' }, true).document.role, 'reviewer');
    for (const role of [undefined, 'author', 'Reviewer', 42, { role: 'reviewer' }]) assert.equal(resolveSettings({ role }, true).document.role, 'author');
  });

  it('the VS Code setting and the .opnoterc.json schema offer the roles the server reads, author by default', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['opnote.role'];
    assert.deepEqual(setting.enum, [...ROLES]);
    assert.equal(setting.default, 'author');
    assert.equal(setting.scope, 'resource');
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/opnoterc.schema.json'), 'utf8'));
    assert.deepEqual(schema.properties.role.enum, [...ROLES]);
    assert.deepEqual(schema.properties.ignores.items.required, ['file', 'rule', 'reason']);
    const commands = manifest.contributes.commands.map((command: { command: string }) => command.command);
    for (const command of ['opnote.draftQueries', 'opnote.copyQuery']) assert.ok(commands.includes(command), command);
  });

  it('the stricter role wins: a workspace that says reviewer stays reviewer; an untrusted one is not read', () => {
    const service = serviceWith({ '/w/.opnoterc.json': '{ "role": "reviewer" }' });
    assert.equal(service.analyze(doc, { role: 'author' }).role, 'reviewer');
    assert.equal(service.analyze(doc, { role: 'author', trusted: false }).role, 'author');
    assert.equal(serviceWith({}).analyze(doc, { role: 'reviewer' }).role, 'reviewer');
    assert.equal(serviceWith({}).analyze(doc).role, 'author');
  });

  it('a reviewer gets no edit of the note, fix-all included; an author keeps the template fixes', () => {
    const service = serviceWith({});
    const reviewer = [...service.codeActions(doc, WHOLE, {}, { role: 'reviewer' }), ...service.codeActions(doc, WHOLE, { only: ['source.fixAll.opnote'] }, { role: 'reviewer' })];
    assert.deepEqual(noteEdits(reviewer), []);
    assert.ok(reviewer.some((action) => action.title === 'Draft physician query'));
    assert.ok(reviewer.some((action) => action.title === 'Ignore nerve-missing for this file in .opnoterc.json'));
    // An untrusted workspace's .opnoterc.json is not written, so there is nothing to set a finding aside in.
    for (const resolveSupport of [false, true]) assert.ok(!service.codeActions(doc, WHOLE, {}, { role: 'reviewer', trusted: false }, resolveSupport).some((action) => action.title.startsWith('Ignore')));
    const author = service.codeActions(doc, WHOLE, {}, { role: 'author' });
    assert.ok(noteEdits(author).some((action) => action.title === 'Insert a side line to fill in'));
    assert.ok(!author.some((action) => action.title === 'Draft physician query'));
  });

  it('the ignore action adds to the .opnoterc.json in effect, keeping what is there, and reads back', () => {
    const existing = '{\n  "rules": { "testing-undocumented": "off" }\n}\n';
    const service = serviceWith({ '/w/.opnoterc.json': existing });
    const action = service.codeActions(doc, WHOLE, {}, { role: 'reviewer' }).find((candidate) => candidate.title === 'Ignore laterality-missing for this file in .opnoterc.json')!;
    const [configUri] = Object.keys(action.edit!.changes!);
    assert.equal(configUri, 'file:///w/.opnoterc.json');
    const written = applyEdits(existing, action.edit!.changes![configUri]);
    assert.deepEqual(JSON.parse(written), { rules: { 'testing-undocumented': 'off' }, ignores: [{ file: 'notes/gaps.opnote', rule: 'laterality-missing', reason: 'Set aside in review: say why' }] });
    const reread = serviceWith({ '/w/.opnoterc.json': written });
    assert.ok(!codes(reread).includes('laterality-missing'));
    // Not offered twice, and never into a file that is not a JSON object.
    assert.equal(configWithIgnore(written, { file: 'notes/gaps.opnote', rule: 'laterality-missing', reason: 'x' }), undefined);
    assert.equal(configWithIgnore('[1, 2]', { file: 'a', rule: 'b', reason: 'c' }), undefined);
    assert.ok(!reread.codeActions(doc, WHOLE, {}, { role: 'reviewer' }).some((candidate) => candidate.title.startsWith('Ignore laterality-missing')));
  });
});
