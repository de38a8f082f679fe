import * as assert from 'node:assert/strict';
import { extractFacts } from '../../../server/src/core/facts';
import { parseDocument } from '../../../server/src/core/parse';

/** Forms of real notes read in session 7: terse messages, device logs, label-per-line forms. */
describe('terse notes, device logs and one-word fields', () => {
  const factsOf = (text: string) => extractFacts(parseDocument({ uri: 'note.opnote', version: 1, text }));

  it('reads "Pt" as the patient, not physical therapy, so the pain\'s duration after it counts', () => {
    const facts = factsOf('date: 2026-09-15\n\nIndications: Pt is a 44M with burning R thenar pain for 21 months despite gabapentin.\nUS-guided integrated PNS lead placed along the right median nerve; 0.8 mA concordant.\n');
    assert.equal(facts.necessity.painDuration?.months, 21);
    assert.deepEqual(facts.necessity.conservativeCare?.treatments.includes('pt'), false);
    // Physical therapy still is: "failed PT x 8 wks" is the therapy's length, not the pain's.
    const therapy = factsOf('Indications: knee pain, failed PT x 8 wks.\nUS-guided integrated PNS lead placed along the right saphenous nerve.\n');
    assert.equal(therapy.necessity.painDuration, null);
    assert.ok(therapy.necessity.conservativeCare);
  });

  it('lets "not a ... candidate" deny only its noun phrase, not the pain duration listed after it', () => {
    const facts = factsOf('Indication: R knee OA pain, not a TKA candidate (BMI/cardiac), pain x 4 yrs, failed NSAIDs.\nUnder US, integrated PNS array placed at the genicular nerve.\n');
    assert.equal(facts.necessity.painDuration?.months, 48);
  });

  it('reads a terse conventional system ("perc lead placed to rt sciatic n." + IPG) as no integrated one', () => {
    const facts = factsOf('rt sciatic neuralgia, 2 yrs.\nfluoro + US, perc lead placed to rt sciatic n. at subgluteal space, stim 1.3 mA concordant.\nlead tunneled + connected to rechargeable IPG in a buttock pocket.\n');
    assert.equal(facts.nerve?.value, 'sciatic');
    assert.equal(facts.integrated?.value, false);
  });

  it('reads a receiver "in the lead" and a lead with "its own receiver" as an integrated device', () => {
    assert.equal(factsOf('lt SPN perc lead x1 (integrated - receiver in lead, ext battery pod). US guided.\n').integrated?.value, true);
    const spoken = factsOf('under ultrasound we placed one percutaneous lead along the left iliohypogastric nerve the lead has its own receiver and she wears the external unit\n');
    assert.equal(spoken.procedure?.value, 'insertion');
    assert.equal(spoken.arrays?.value, 1);
  });

  it('reads a device log\'s action column ("| EXPLANTED intact |", "- IMPLANTED") below a line of fields set in columns', () => {
    const removal = factsOf('| Device | Action | Site |\n| Integrated PNS lead (receiver in lead) | EXPLANTED intact | R suprascapular n |\nLead withdrawn by traction, fluoro spot image.\n');
    assert.equal(removal.procedure?.value, 'removal');
    const log = factsOf('DEVICE LOG - right shoulder PNS\nArrays planned: 3 (suprascapular, axillary, pectoral)   Arrays placed: 2\n  Array A - suprascapular n. - lead SonoraPN-4 - test 1.5 mA concordant - IMPLANTED\nReceiver: integrated in each lead body.\n');
    assert.equal(log.procedure?.value, 'insertion');
  });

  it('reads label-per-line fields: "Testing: positive", "Nerve / side | intercostal T9, left", "post. femoral cutaneous"', () => {
    const form = factsOf('Procedure: insertion\nNerve: saphenous\nSide: left\nImaging: ultrasound\nArrays: one\nSystem: integrated\nTesting: positive\n');
    assert.equal(form.testing.status, 'documented');
    const table = factsOf('| Item | Entry |\n|---|---|\n| Nerve / side | intercostal T9, left |\n| Imaging | fluoro |\n| Arrays | one |\n| Device | integrated lead + external power band |\n');
    assert.equal(table.nerve?.value, 'intercostal');
    const steps = factsOf('Indication: L posterior thigh pain (post. femoral cutaneous) 2 yrs, failed PT/meds\n1. Fluoro to mark the target.\n2. One integrated lead (built-in receiver) deployed.\n');
    assert.equal(steps.nerve?.value, 'posterior femoral cutaneous');
  });

  it('takes the nerve from the indication only when it names one nerve alone', () => {
    const two = factsOf('Indication: ilioinguinal pain, prior genitofemoral nerve block.\n1. One integrated lead (built-in receiver) deployed at the scar.\n');
    assert.equal(two.nerve, null);
  });
});
