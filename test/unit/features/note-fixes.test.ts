import * as assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-types';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE } from '../../helpers/fixtures';
import { applyEdits } from '../../helpers/textEdits';

const service = createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: DOCS_BASE });

const NOTE = `PROCEDURE: Percutaneous insertion of integrated peripheral nerve stimulator, superficial peroneal nerve, one array. Modifier 22.

INDICATIONS: Foot pain for 2 years despite medications and physical therapy; trial gave 70% relief.

DESCRIPTION OF PROCEDURE: The introducer was advanced percutaneously and the array deployed. Test stimulation produced paresthesia. This was a difficult case. The receiver is integrated.
`;

function apply(text: string, action: CodeAction): string {
  return applyEdits(text, Object.values(action.edit!.changes!)[0]);
}

function actionsFor(text: string, rule: string): CodeAction[] {
  const doc = { uri: '/w/n.opnote', version: 1, text };
  const diagnostic = service.analyze(doc).diagnostics.find((candidate) => candidate.code === rule);
  assert.ok(diagnostic, `${rule} fires`);
  return service.codeActions(doc, diagnostic.range, {}).filter((action) => action.diagnostics?.[0]?.code === rule && !action.title.startsWith('Disable'));
}

const rules = (text: string) => service.analyze({ uri: '/w/n.opnote', version: 2, text }).diagnostics.map((d) => d.code);

describe('quick fixes for operative-note rules', () => {
  it('inserts an imaging guidance sentence in the technique section, one fix per modality', () => {
    const actions = actionsFor(NOTE, 'imaging-undocumented');
    assert.deepEqual(actions.map((a) => a.title), ['Insert an imaging guidance sentence (ultrasound)', 'Insert an imaging guidance sentence (fluoroscopic)', 'Insert an imaging guidance sentence (CT)']);
    const fixed = apply(NOTE, actions[0]);
    assert.match(fixed, /The receiver is integrated\.\nImaging guidance: ultrasound guidance was used to direct the needle and array to the nerve/);
    assert.ok(!rules(fixed).includes('imaging-undocumented'));
  });

  it('inserts a laterality line to complete', () => {
    const [left] = actionsFor(NOTE, 'laterality-missing');
    const fixed = apply(NOTE, left);
    assert.match(fixed, /one array\. Modifier 22\.\nSide: left\./);
    assert.ok(!rules(fixed).includes('laterality-missing'));
  });

  it('inserts an increased procedural services section skeleton in the note\'s heading style', () => {
    const [skeleton] = actionsFor(NOTE, 'increased-services-unquantified');
    const fixed = apply(NOTE, skeleton);
    assert.match(fixed, /\n\nINCREASED PROCEDURAL SERVICES: The procedure took \[__\] minutes against a typical \[__\] minutes/);
  });

  it('never applies documentation templates through fix-all', () => {
    const doc = { uri: '/w/n.opnote', version: 1, text: NOTE };
    const fixAll = service.codeActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { only: ['source.fixAll.opnote'] });
    assert.deepEqual(fixAll, []);
  });
});
