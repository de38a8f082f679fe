import * as assert from 'node:assert/strict';
import { factsOf } from '../../helpers/facts';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE } from '../../helpers/fixtures';

/** Evidence that disagrees with itself is a question for the physician, not a confident finding. */
describe('documentation conflicts', () => {
  const base = 'PROCEDURE: Percutaneous insertion of an integrated peripheral nerve stimulator, superficial peroneal nerve, one electrode array, ultrasound guidance.\n\n';

  it('keeps the side written more often and records left against right', () => {
    const facts = factsOf(`${base}Laterality: Left\n\nTECHNIQUE: The right leg was prepped. Under ultrasound the right superficial peroneal nerve was found.\n`);
    assert.equal(facts.laterality?.value, 'right');
    assert.deepEqual(facts.conflicts.map((conflict) => [conflict.topic, conflict.readings.map((reading) => reading.value)]), [['side', ['left', 'right']]]);
  });

  it('reads both sides as bilateral with an array on each, and a correction as settling the side', () => {
    assert.equal(factsOf(`${base}TECHNIQUE: Left and right legs prepped; 2 arrays placed, the left superficial peroneal and the right superficial peroneal nerve.\n`).conflicts.length, 0);
    const corrected = factsOf(`${base}Laterality: Left\n\nTECHNIQUE: The right superficial peroneal nerve was found.\n\nADDENDUM: The correct laterality is right.\n`);
    assert.equal(corrected.laterality?.value, 'right');
    assert.deepEqual(corrected.conflicts, []);
  });

  it('finds imaging used and denied, but not another modality denied or an unchosen "None" box', () => {
    assert.deepEqual(factsOf(`${base}TECHNIQUE: No imaging guidance was used. The left superficial peroneal nerve was found under ultrasound.\n`).conflicts.map((conflict) => conflict.topic), ['imaging']);
    assert.deepEqual(factsOf(`${base}TECHNIQUE: No fluoroscopy was used; ultrasound throughout, left superficial peroneal nerve.\n`).conflicts, []);
    const template = factsOf(`${base}Guidance: ☒ Ultrasound  ☐ Fluoroscopy  ☐ None\nSide: left\n`);
    assert.deepEqual(template.conflicts, []);
    assert.equal(template.mentions.find((mention) => mention.field === 'imaging' && mention.value === 'ultrasound' && mention.span.start > base.length)?.status, 'affirmed');
  });

  it('does not let a template line deny the next one', () => {
    const facts = factsOf(`${base}Side: left\nIntegrated device (no separate IPG)?  Yes [x]  No [ ]\nStimulation testing performed?  Yes [x]  No [ ]\n`);
    assert.equal(facts.testing.status, 'documented');
    assert.deepEqual(facts.conflicts, []);
  });

  it('reports one information finding per topic with the evidence as related locations and as data, and keeps not-integrated quiet', () => {
    const service = createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: DOCS_BASE });
    const text = `${base}Side: left\n\nTECHNIQUE: The integrated array was deployed and connected to an implantable pulse generator in a subcutaneous pocket.\n`;
    const findings = service.analyze({ uri: 'file:///note.opnote', version: 1, text }).findings;
    const conflict = findings.filter((finding) => finding.rule.id === 'documentation-conflict');
    assert.equal(conflict.length, 1);
    assert.equal(conflict[0].severity, 'information');
    assert.equal(conflict[0].data?.topic, 'device');
    assert.ok((conflict[0].related?.length ?? 0) >= 2);
    assert.equal(findings.some((finding) => finding.rule.id === 'not-integrated'), false);
  });

  it('lets a correction settle the count and a modality', () => {
    const count = factsOf(`${base}TECHNIQUE: Two leads were placed along the nerve.\n\nADDENDUM: Correction: only ONE lead was placed; the second was not needed.\n`);
    assert.equal(count.arrays?.value, 1);
    const imaging = factsOf(`${base.replace(', ultrasound guidance', '')}TECHNIQUE: Under fluoroscopy the lead was placed.\n\nADDENDUM: Correction: fluoroscopy was NOT used; the C-arm was never activated.\n`);
    assert.equal(imaging.imaging.status, 'negated');
  });
});
