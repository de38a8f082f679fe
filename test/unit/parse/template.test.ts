import * as assert from 'node:assert/strict';
import { readTemplateLine } from '../../../server/src/core/parse/template';
import { extractFacts } from '../../../server/src/core/facts';
import { parseDocument } from '../../../server/src/core/parse';

const marked = (line: string) => readTemplateLine(line).map((span) => [line.slice(span.start, span.end).trim(), span.mark]);

describe('EHR template lines', () => {
  it('an unchecked option is not chosen; a checked one is read as text', () => {
    assert.deepEqual(marked('System: ☒ Integrated (receiver in lead)  ☐ IPG with pocket/extension'), [['IPG with pocket/extension', 'unchosen']]);
    assert.deepEqual(marked('Procedure: [x] Insertion [ ] Trial [ ] Removal'), [['Trial', 'unchosen'], ['Removal', 'unchosen']]);
  });

  it('a field answered "No" is denied, whichever side the box stands; the answer words themselves are read by no one', () => {
    assert.deepEqual(marked('IPG pocket created: ☐ Yes ☒ No'), [['Yes', 'unchosen'], ['No', 'unchosen'], ['IPG pocket created:', 'declined']]);
    assert.deepEqual(marked('Fluoroscopy used?  Yes [ ]  No [x]'), [['Yes', 'unchosen'], ['No', 'unchosen'], ['Fluoroscopy used?', 'declined']]);
    assert.deepEqual(marked('Trial?  Yes [x]  No [ ]    Result: 70% relief'), [['Yes', 'unchosen'], ['No', 'unchosen']]);
  });

  it('a field left N/A or blank says nothing about its key', () => {
    assert.deepEqual(marked('Fluoroscopy time: N/A'), [['Fluoroscopy time', 'not-applicable']]);
    assert.deepEqual(marked('NCS: ____'), [['NCS', 'not-applicable']]);
    assert.deepEqual(marked('Guidance: Ultrasound'), []);
    assert.deepEqual(marked('IPG: none'), [['IPG', 'declined']]);
  });

  it('feeds the facts: an unchecked generator option and an N/A pocket field leave the system integrated', () => {
    const text = [
      'Procedure: Percutaneous implantation of integrated peripheral nerve stimulator, left sural nerve',
      'Guidance: Ultrasound',
      'Fluoroscopy time: N/A',
      'Generator: ☒ Integrated with array / external power   ☐ Separate IPG with pocket',
      'IPG / pocket: N/A',
      'One array was deployed.',
      '',
    ].join('\n');
    const facts = extractFacts(parseDocument({ uri: 'note.opnote', version: 1, text }));
    assert.equal(facts.integrated?.value, true);
    assert.equal(facts.imaging.status, 'documented');
  });
});
