import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE } from '../../helpers/fixtures';
import { at, hoverText } from '../../helpers/hover';

const ROOT = path.resolve(__dirname, '../../..');
const service = createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: DOCS_BASE });
const note = fs.readFileSync(path.join(ROOT, 'examples/well-documented.opnote'), 'utf8');
const noteDoc = { uri: '/w/note.opnote', version: 1, text: note };


describe('hover with the 64596 knowledge pack', () => {
  it('explains fact evidence: imaging guidance included in 64596, not billed separately', () => {
    const text = hoverText(service.hover(noteDoc, at(note, 'ultrasound guidance the superficial', 3)));
    assert.match(text, /Imaging guidance: ultrasound, documented\* — included in 64596; do not report 76942 separately/);
    assert.match(text, /Source: openpayer\.com/);
  });

  it('shows the status of negated and historical evidence', () => {
    const negated = 'PROCEDURE: Percutaneous insertion of integrated peripheral nerve stimulator, left sural nerve, one array.\n\nDESCRIPTION OF PROCEDURE: No fluoroscopy was used. The array was deployed percutaneously.\n';
    const hover = hoverText(service.hover({ uri: '/w/n.opnote', version: 1, text: negated }, at(negated, 'fluoroscopy', 2)));
    assert.match(hover, /Imaging guidance: fluoroscopy, negated/);
    const historical = 'PROCEDURE: Percutaneous insertion of integrated peripheral nerve stimulator, left sural nerve.\n\nINDICATIONS: The trial last month was done under fluoroscopy.\n';
    assert.match(hoverText(service.hover({ uri: '/w/h.opnote', version: 1, text: historical }, at(historical, 'fluoroscopy', 2))), /fluoroscopy, historical/);
  });

  it('describes codes with paraphrases, data-not-available fields and the unverified warning', () => {
    const claim = 'payer: Cigna\n\ndx: G57.82, G57.8\n64596-LT x1 ptr:A\n64597-51 x1\n';
    const doc = { uri: '/w/c.claim', version: 1, text: claim };
    const code = hoverText(service.hover(doc, at(claim, '64596')));
    assert.match(code, /\*\*64596\*\* Percutaneous insertion or replacement of an integrated/);
    assert.match(code, /Payment: data not available/);
    assert.match(code, /unverified, check the current CPT book \/ payer policy/);
    assert.match(hoverText(service.hover(doc, at(claim, '64597'))), /Add-on code: yes/);
    assert.match(hoverText(service.hover(doc, at(claim, 'LT'))), /\*\*Modifier LT\*\* Left side/);
    assert.match(hoverText(service.hover(doc, at(claim, 'G57.82'))), /Billable[\s\S]*Laterality: left/);
    assert.match(hoverText(service.hover(doc, at(claim, 'G57.8\n'))), /Not billable: a category header/);
    assert.match(hoverText(service.hover(doc, at(claim, 'Cigna'))), /\*\*Cigna[^*]*\*\*: implantable peripheral nerve stimulation is not medically necessary/);
  });

  it('lists the payer criteria with their certainty: Aetna CPB 0011 from a secondary summary, Medicare trial success by pain or analgesic use', () => {
    const claim = 'payer: Aetna\n\ndx: G57.82\n64596-LT x1 ptr:A\n';
    const aetna = hoverText(service.hover({ uri: '/w/a.claim', version: 1, text: claim }, at(claim, 'Aetna')));
    for (const criterion of [/refractory/i, /objective/i, /nerve .*named/i, /at least 50% pain relief/]) assert.match(aetna, criterion);
    assert.match(aetna, /partially verified/);
    const medicare = 'payer: Medicare\n\ndx: G57.82\n64596-LT x1 ptr:A\n';
    assert.match(hoverText(service.hover({ uri: '/w/m.claim', version: 1, text: medicare }, at(medicare, 'Medicare'))), /50% pain reduction or at least 50% reduction in analgesic use/);
  });

  it('says who reports a modifier: 52 on facility claims too, GA/GZ for Medicare fee-for-service only', () => {
    const claim = 'payer: Aetna\n\ndx: G57.82\n64596-52-LT x1 ptr:A\n64596-GA-LT x1 ptr:A dos:2026-05-01\n';
    const doc = { uri: '/w/m.claim', version: 1, text: claim };
    assert.match(hoverText(service.hover(doc, at(claim, '52'))), /Used by: professional and facility claims/);
    const ga = hoverText(service.hover(doc, at(claim, 'GA')));
    assert.match(ga, /Medicare fee-for-service/);
    assert.match(ga, /contract and a member waiver/);
  });
});

describe('completion with the knowledge pack', () => {
  const complete = (uri: string, text: string) => {
    const lines = text.split('\n');
    return service.complete({ uri, version: 1, text }, { line: lines.length - 1, character: lines[lines.length - 1].length });
  };

  it('completes ICD-10-CM codes by prefix on a dx line, with our descriptions', () => {
    const list = complete('/w/c.claim', 'payer: Medicare\n\ndx: G57.8');
    assert.deepEqual(list.items.map((item) => item.label), ['G57.80', 'G57.81', 'G57.82', 'G57.83']);
    assert.match(String(list.items[2].detail), /left/);
    const broad = complete('/w/c.claim', 'payer: Medicare\n\ndx: M');
    assert.equal(broad.isIncomplete, true, 'a broad prefix is narrowed by typing');
  });

  it('completes procedure codes, modifiers and payers where they are typed', () => {
    assert.ok(complete('/w/c.claim', 'payer: X\n\n6459').items.some((item) => item.label === '64596'));
    const modifiers = complete('/w/c.claim', 'payer: X\n\n64596-22-X').items.map((item) => item.label);
    assert.deepEqual(modifiers.sort(), ['XE', 'XP', 'XS', 'XU']);
    assert.ok(complete('/w/c.claim', 'payer: Uni').items.some((item) => /UnitedHealthcare/.test(String(item.detail))));
    assert.ok(complete('/w/n.opnote', 'The claim used 645').items.some((item) => item.label === '64597'));
  });
});

describe('64596 checklist', () => {
  it('marks each component with evidence lines and suggests the codes', () => {
    const checklist = service.checklist(noteDoc)!;
    const marks = Object.fromEntries(checklist.items.map((item) => [item.id, item.mark]));
    assert.deepEqual(marks, { approach: '✓', integrated: '✓', nerve: '✓', laterality: '✓', imaging: '✓', arrays: '✓', procedure: '✓', testing: '✓', necessity: '✓', 'modifier-22': '–', 'implant-record': '✓' });
    assert.equal(checklist.items.find((item) => item.id === 'imaging')?.finding, 'ultrasound');
    assert.deepEqual(checklist.codes, [{ code: '64596', units: 1 }]);
    assert.match(checklist.markdown, /\| ✓ \| Imaging guidance \(included in 64596\) \| ultrasound \| line \d+: /);
  });

  it('reads the note a claim names, and says ✗ where the note contradicts 64596', () => {
    const flawed = fs.readFileSync(path.join(ROOT, 'examples/flawed.opnote'), 'utf8');
    const withNote = createLanguageService({ fileSystem: inMemoryFileSystem({ '/w/flawed.opnote': flawed }), docsBaseUri: DOCS_BASE });
    const checklist = withNote.checklist({ uri: '/w/c.claim', version: 1, text: 'payer: Aetna\nnote: flawed.opnote\n\n64596 x1\n' })!;
    const marks = Object.fromEntries(checklist.items.map((item) => [item.id, item.mark]));
    assert.equal(marks.approach, '✗');
    assert.equal(marks.integrated, '✗');
    assert.equal(marks.imaging, '✗');
    assert.equal(marks.laterality, '!');
    assert.deepEqual(checklist.codes.map((code) => code.code), ['64575', '64590']);
    assert.equal(withNote.checklist({ uri: '/w/d.claim', version: 1, text: 'payer: Aetna\n\n64596 x1\n' }), null);
  });
});
