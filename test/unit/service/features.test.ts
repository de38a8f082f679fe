import * as assert from 'node:assert/strict';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE } from '../../helpers/fixtures';
import { applyEdits } from '../../helpers/textEdits';

function serviceWith(files: Record<string, string> = {}) {
  return createLanguageService({ fileSystem: inMemoryFileSystem(files), docsBaseUri: DOCS_BASE });
}

const claim = 'payer: Medicare\ndos: 2026-02-30\n\n64596-LT x1 ptr:A bogus\n';

describe('service: diagnostics', () => {
  it('carry code, docs link, source and fix data', () => {
    const service = serviceWith();
    const { diagnostics } = service.analyze({ uri: '/w/a.claim', version: 3, text: claim });
    const syntax = diagnostics.find((d) => d.code === 'line-syntax')!;
    assert.equal(syntax.source, 'opnote');
    assert.equal(syntax.severity, 1);
    assert.equal(syntax.codeDescription?.href, `${DOCS_BASE}line-syntax.md`);
    assert.deepEqual(syntax.range, { start: { line: 3, character: 18 }, end: { line: 3, character: 23 } });
    assert.equal((syntax.data as { rule: string; version: number }).rule, 'line-syntax');
    assert.equal((syntax.data as { rule: string; version: number }).version, 3);
  });

  it('take severities from .opnoterc.json, then from the editor setting', () => {
    const files = { '/w/.opnoterc.json': '{"rules":{"line-syntax":"warning","date-malformed":"off","note-missing":"off","dx-pointer":"off"}}' };
    const service = serviceWith(files);
    const doc = { uri: 'file:///w/a.claim', version: 1, text: claim };
    const fromFile = service.analyze(doc).diagnostics.map((d) => `${d.code}:${d.severity}`);
    assert.deepEqual(fromFile, ['line-syntax:2']);
    const fromEditor = service.analyze(doc, { rules: { 'line-syntax': 'off', 'date-malformed': 'hint' } }).diagnostics.map((d) => `${d.code}:${d.severity}`);
    assert.deepEqual(fromEditor, ['date-malformed:4']);
  });

  it('ignore workspace configuration in an untrusted workspace', () => {
    const service = serviceWith({ '/w/.opnoterc.json': '{"rules":{"line-syntax":"off"}}' });
    const codes = service.analyze({ uri: 'file:///w/a.claim', version: 1, text: claim }, { trusted: false }).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('line-syntax'));
  });

  it('report a bad configuration file once and keep checking with defaults', () => {
    const service = serviceWith({ '/w/.opnoterc.json': '{"rules": {"line-syntax": "loud"}' });
    const diagnostics = service.analyze({ uri: 'file:///w/a.claim', version: 1, text: claim }).diagnostics;
    const config = diagnostics.filter((d) => d.code === 'config-invalid');
    assert.equal(config.length, 1);
    assert.match(config[0].message as string, /\/w\/\.opnoterc\.json is not valid JSON/);
    assert.ok(diagnostics.some((d) => d.code === 'line-syntax'));
  });

  it('parse once per document version', () => {
    const service = serviceWith();
    const doc = { uri: '/w/a.claim', version: 1, text: claim };
    const first = service.analyze(doc);
    assert.equal(service.analyze(doc).model, first.model);
    assert.notEqual(service.analyze({ ...doc, version: 2, text: claim + '\n' }).model, first.model);
  });
});

describe('service: code actions', () => {
  const doc = { uri: '/w/a.claim', version: 1, text: claim };
  const lineRange = { start: { line: 3, character: 20 }, end: { line: 3, character: 20 } };

  it('offer disable-for-line and disable-for-file on every diagnostic', () => {
    const service = serviceWith();
    const actions = service.codeActions(doc, lineRange, {});
    assert.deepEqual(actions.map((a) => a.title), ['Disable line-syntax for this line', 'Disable line-syntax for this file']);
    const edited = applyEdits(claim, actions[0].edit!.changes!['/w/a.claim']);
    assert.equal(edited, 'payer: Medicare\ndos: 2026-02-30\n\n// opnote-disable-next-line line-syntax\n64596-LT x1 ptr:A bogus\n');
    assert.ok(!serviceWith().analyze({ ...doc, text: edited }).diagnostics.some((d) => d.code === 'line-syntax'));
  });

  it('merge into an existing disable-next-line directive', () => {
    const text = 'payer: Medicare\n\n// opnote-disable-next-line date-malformed\n64596-LT x1 ptr:A bogus dos:2026-02-30\n';
    const service = serviceWith();
    const actions = service.codeActions({ ...doc, text }, { start: { line: 3, character: 19 }, end: { line: 3, character: 19 } }, {});
    const edited = applyEdits(text, actions[0].edit!.changes!['/w/a.claim']);
    assert.match(edited, /\/\/ opnote-disable-next-line date-malformed, line-syntax\n/);
  });

  it('put the file-level directive after the header', () => {
    const service = serviceWith();
    const file = service.codeActions(doc, lineRange, {})[1];
    const edited = applyEdits(claim, file.edit!.changes!['/w/a.claim']);
    assert.equal(edited.split('\n')[2], '// opnote-disable line-syntax');
    assert.ok(!serviceWith().analyze({ ...doc, text: edited }).diagnostics.some((d) => d.code === 'line-syntax'));
  });

  it('defer edits to codeAction/resolve when the client supports it', () => {
    const service = serviceWith();
    const [action] = service.codeActions(doc, lineRange, {}, {}, true);
    assert.equal(action.edit, undefined);
    const resolved = service.resolveCodeAction(doc, action);
    assert.equal(resolved.edit!.changes!['/w/a.claim'][0].newText, '// opnote-disable-next-line line-syntax\n');
    assert.equal(service.resolveCodeAction({ ...doc, version: 2, text: claim + 'x' }, action).edit, undefined, 'a stale action resolves to nothing');
  });
});

describe('service: hover, completion, symbols, folding', () => {
  const note = '---\npatient: P1\nDOS: 2026-03-14\n---\n\n# Indications\nPain.\n\n# Description of procedure\n// opnote-disable-next-line line-syntax\nText\nmore\n';
  const doc = { uri: '/w/n.opnote', version: 1, text: note };

  it('hover explains header keys, section headings and directive rule ids', () => {
    const service = serviceWith();
    const key = service.hover(doc, { line: 2, character: 1 });
    assert.match((key!.contents as { value: string }).value, /\*\*date\*\* \(alias of `date`\)|alias of `date`/);
    assert.match((key!.contents as { value: string }).value, /2026-03-14/);
    const heading = service.hover(doc, { line: 5, character: 4 });
    assert.match((heading!.contents as { value: string }).value, /Medical necessity/);
    const rule = service.hover(doc, { line: 9, character: 32 });
    assert.match((rule!.contents as { value: string }).value, /\*\*line-syntax\*\*/);
    assert.equal(service.hover(doc, { line: 6, character: 1 }), null);
  });

  it('completes header keys at the top, section titles in the body and rule ids in directives', () => {
    const service = serviceWith();
    const keys = service.complete({ ...doc, text: '---\npa\n---\n' }, { line: 1, character: 2 }).items.map((i) => i.label);
    assert.ok(keys.includes('payer') && keys.includes('surgeon'));
    const sections = service.complete({ ...doc, text: note + '# Imp' }, { line: 12, character: 5 }).items.map((i) => i.label);
    assert.ok(sections.includes('Implants'));
    assert.ok(!sections.includes('Indications'), 'sections already present are not offered again');
    const ids = service.complete({ ...doc, text: '// opnote-disable-next-line ' }, { line: 0, character: 28 }).items.map((i) => i.label);
    assert.ok(ids.includes('line-syntax'));
  });

  // Issue 10, finding 6: the outline spread its sections into one call, a RangeError past about 120,000 arguments.
  it('outline a document with more headings than a call takes arguments', () => {
    const text = '# Section\n'.repeat(200_000);
    assert.equal(serviceWith().documentSymbols({ uri: '/w/n.opnote', version: 1, text }).length, 200_000);
  });

  it('outlines the header and sections, and folds them', () => {
    const service = serviceWith();
    const symbols = service.documentSymbols(doc);
    assert.deepEqual(symbols.map((s) => s.name), ['Header', 'Indications', 'Description of procedure']);
    assert.deepEqual(symbols[0].children!.map((s) => s.name), ['patient', 'DOS']);
    const folds = service.foldingRanges(doc).map((f) => `${f.startLine}-${f.endLine}`);
    assert.deepEqual(folds, ['0-3', '5-6', '8-11']);
  });
});
