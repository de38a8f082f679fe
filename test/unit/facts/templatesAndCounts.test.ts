import * as assert from 'node:assert/strict';
import { factsOf } from '../../helpers/facts';

/** The ways real documentation says what was done: checklist columns, field keys, spoken marks, counts, stopped procedures. */
describe('facts of templates, dictation and counts', () => {

  it('answers a checklist row by the column of its checked box', () => {
    const facts = factsOf(
      'PNS IMPLANT CHECKLIST                    Yes  No  N/A\n' +
        '1. Target nerve: left genitofemoral      [x]  [ ]  [ ]\n' +
        '2. Ultrasound guidance                   [x]  [ ]  [ ]\n' +
        '3. Fluoroscopy                           [ ]  [ ]  [x]\n' +
        '4. Integrated array deployed (count: 1)  [x]  [ ]  [ ]\n' +
        '5. Separate pulse generator / pocket     [ ]  [x]  [ ]\n',
    );
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
    assert.equal(facts.integrated?.value, true);
  });

  it('reads the options of a field key and a question field as no answer', () => {
    const facts = factsOf('PROCEDURE: integrated PNS array placed under ultrasound.\nSide (L/R/bilat): L\nNerve: left medial plantar\nModifier 22 requested?  No\n');
    assert.equal(facts.laterality?.value, 'left');
    assert.equal(facts.arrays?.value, 1);
    assert.equal(facts.increasedServices.status, 'absent');
  });

  it('names the nerve of a nerve field without the noun, in an export', () => {
    const facts = factsOf('Procedure Name:::PERCUTANEOUS INTEGRATED PERIPHERAL NERVE STIMULATOR IMPLANT\nTarget Nerve:::Obturator (articular branches)\nArrays Placed:::1\nIpg Or Pocket:::None\n');
    assert.equal(facts.nerve?.value, 'obturator');
    assert.equal(facts.arrays?.value, 1);
    assert.equal(facts.integrated?.value, true);
  });

  it('reads speech-recognition text with its punctuation spoken', () => {
    const facts = factsOf(
      'procedure colon integrated peripheral nerve stimulator comma left ilioinguinal nerve period new paragraph ' +
        'test stimulation at 1.5 milliamps reproduced her groin paresthesia period the integrated array was deployed period there is no separate generator period',
    );
    assert.equal(facts.nerve?.value, 'ilioinguinal');
    assert.equal(facts.arrays?.value, 1);
    assert.equal(facts.integrated?.value, true);
    assert.equal(facts.testing.status, 'documented');
  });

  it('counts what was placed, not what was planned, measured or opened', () => {
    assert.equal(factsOf('TECHNIQUE: The plan going in was two arrays. Stimulation at 0.7 milliamps; the single electrode array was deployed at the femoral nerve.\n').arrays?.value, 1);
    assert.equal(factsOf('TECHNIQUE: Two PNS lead kits were opened. The integrated lead was deployed at the lesser occipital nerve; the second kit was not used.\n').arrays?.value, 1);
  });

  it('reads a procedure stopped before the array went in as the implant begun', () => {
    const facts = factsOf('Procedure planned: perc PNS lead (integrated), L T6 intercostal n.\nProcedure performed: ABORTED - introducer placed, no lead deployed\nNarrative: US localized the space. Pt asked to stop. No lead placed.\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.notEqual(facts.discontinued, null);
    assert.equal(facts.arrays, null);
    assert.equal(facts.integrated?.value, true);
  });

  it('tells an integrated array\'s external stimulator from a trial\'s', () => {
    assert.equal(factsOf('TECHNIQUE: The lead (built-in receiver) was deployed at the genicular nerve; the external stimulator pods were paired.\n').integrated?.value, true);
    assert.equal(factsOf('TECHNIQUE: The temporary lead was placed at the genicular nerve and connected to the external stimulator.\n').integrated?.value, false);
  });

  it('reads the key terms and section titles through common misspellings', () => {
    const facts = factsOf(
      'PROCEEDURE: Percutanous placement of integrated perpheral nerve stimulater, left deep perneal nerve, ultrasund guidance.\n\n' +
        'INDICATONS: pain for 18 months; failed PT; 7 day trial 12/2025: 60% relief.\n\n' +
        'TECHNIQE: Test stimulaton at 0.6 mA reproduced paresthesia. The electorde was deployed. No flouroscopy was required. The reciever is built into the lead.\n',
    );
    assert.equal(facts.nerve?.value, 'deep peroneal');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
    assert.equal(facts.integrated?.value, true);
    assert.equal(facts.necessity.trialOutcome?.percentRelief, 60);
  });

  it('reads a fact answered on its own title line and a table row answered N/A or None', () => {
    const facts = factsOf('PROCEDURE: integrated PNS array placed at the left tibial nerve.\nFluoroscopy: Yes (14 s)     Ultrasound: No\nModifier 22: [ ] Yes  [x] N/A\n| IPG | None |\n');
    assert.deepEqual(facts.imaging.modalities, ['fluoroscopy']);
    assert.equal(facts.increasedServices.status, 'absent');
    assert.equal(facts.integrated?.value, true);
  });
});
