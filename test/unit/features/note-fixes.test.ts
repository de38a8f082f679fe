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

const withFirstPlaceholderFilled = (text: string, value: string) => text.replace(/\[[^\]]*\|[^\]]*\]/, value);

describe('quick fixes for operative-note rules (author role: placeholders, never a value the tool chose)', () => {
  it('inserts one imaging guidance line with a placeholder of the modalities in the technique section', () => {
    const actions = actionsFor(NOTE, 'imaging-undocumented');
    assert.deepEqual(actions.map((a) => a.title), ['Insert an imaging guidance line to fill in']);
    const fixed = apply(NOTE, actions[0]);
    assert.match(fixed, /The receiver is integrated\.\nImaging guidance: \[ultrasound \| fluoroscopy \| CT \| none\]\n/);
    // The options are not read as a modality: the finding stays, and the placeholder is flagged, until it is filled.
    assert.ok(rules(fixed).includes('imaging-undocumented'));
    assert.ok(rules(fixed).includes('placeholder-unfilled'));
    const filled = withFirstPlaceholderFilled(fixed, 'ultrasound');
    assert.ok(!rules(filled).includes('imaging-undocumented'));
    assert.ok(!rules(filled).includes('placeholder-unfilled'));
  });

  it('inserts a side line with a placeholder: no side is documented until the author chooses one', () => {
    const actions = actionsFor(NOTE, 'laterality-missing');
    assert.deepEqual(actions.map((a) => a.title), ['Insert a side line to fill in']);
    const fixed = apply(NOTE, actions[0]);
    assert.match(fixed, /one array\. Modifier 22\.\nSide: \[left \| right\]\n/);
    assert.ok(rules(fixed).includes('laterality-missing'));
    assert.deepEqual(service.analyze({ uri: '/w/n.opnote', version: 3, text: fixed }).facts?.laterality, null);
    assert.ok(rules(fixed).includes('placeholder-unfilled'));
    const filled = withFirstPlaceholderFilled(fixed, 'left');
    assert.ok(!rules(filled).includes('laterality-missing'));
    assert.ok(!rules(filled).includes('placeholder-unfilled'));
  });

  it('inserts an increased procedural services section of placeholders in the note\'s heading style', () => {
    const [skeleton] = actionsFor(NOTE, 'increased-services-unquantified');
    const fixed = apply(NOTE, skeleton);
    assert.match(fixed, /\n\nINCREASED PROCEDURAL SERVICES: The procedure took \[__ minutes\] against a typical \[__ minutes\]/);
    assert.equal(rules(fixed).filter((rule) => rule === 'placeholder-unfilled').length, 4);
  });

  it('never applies documentation templates through fix-all', () => {
    const doc = { uri: '/w/n.opnote', version: 1, text: NOTE };
    const fixAll = service.codeActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { only: ['source.fixAll.opnote'] });
    assert.deepEqual(fixAll, []);
  });
});
