import * as assert from 'node:assert/strict';
import { factsOf } from '../../helpers/facts';

/** Terse, templated and dictated notes say what was done without the words a narrative uses. */
describe('facts of terse and dictated notes', () => {

  it('reads an insertion from the arrays placed today when no verb says it', () => {
    const facts = factsOf('B/L sup cluneal PNS - perc, integrated\n\nFluoro (iliac crest landmarks), local.\nL + R: 1 array each = 2 arrays total. Receiver built into each array, ext wearable. No IPG.\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.arrays?.value, 2);
    assert.equal(facts.laterality?.value, 'bilateral');
    assert.equal(facts.nerve?.value, 'superior cluneal');
  });

  it('reads "PNS implant" and "array 1 deployed" as placements', () => {
    assert.equal(factsOf('Procedure note - perc PNS implant\n\nToday: LEFT superficial peroneal nerve, integrated stimulator, ultrasound.\n').procedure?.value, 'insertion');
    assert.equal(factsOf('TECHNIQUE: Under ultrasound the median nerve was found; test 0.7 mA paresthesia, array 1 deployed. Integrated stimulator.\n').procedure?.value, 'insertion');
  });

  it('gives each nerve of a list that ends in "nerves" its name', () => {
    const facts = factsOf('PROCEDURE: Percutaneous integrated peripheral nerve stimulation, left upper extremity: median, ulnar and radial nerves, ultrasound guidance.\n\nTECHNIQUE: median nerve: array 1 deployed; ulnar nerve: array 2 deployed; radial nerve: array 3 deployed.\n');
    assert.equal(facts.nerve?.value, 'median');
  });

  it('does not read the side of a positioning abbreviation ("Rt lateral decubitus")', () => {
    const facts = factsOf('PROCEDURE: percutaneous placement of integrated PNS, left axillary nerve, ultrasound guided.\n\nDETAILS: Rt lateral decubitus, left side up. One array deployed.\n');
    assert.equal(facts.laterality?.value, 'left');
  });

  it('ends the history of a run-on dictation where today\'s procedure begins', () => {
    const facts = factsOf(
      'patient is a 41 year old woman with occipital neuralgia she did a 7 day trial last month with 70 percent relief so we are proceeding with the permanent percutaneous integrated stimulator today under ultrasound the right greater occipital nerve was found and we deployed the single integrated lead through the introducer\n',
    );
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.nerve?.value, 'greater occipital');
    assert.equal(facts.integrated?.value, true);
  });

  it('dates only the words near "in June 2025" in a run-on dictation', () => {
    const facts = factsOf('procedure removal of integrated peripheral nerve stimulator right ilioinguinal nerve the device was placed in june 2025 for neuralgia under ultrasound the array was located and withdrawn intact with gentle traction no new device was placed\n');
    assert.equal(facts.procedure?.value, 'removal');
    assert.equal(facts.nerve?.value, 'ilioinguinal');
    assert.equal(facts.laterality?.value, 'right');
  });

  it('reads a removal told as "withdrawn intact"', () => {
    const facts = factsOf('Indication: Integrated PNS array, right superficial peroneal nerve, implanted 05/2025.\n\nProcedure: Under ultrasound the array was located along the right superficial peroneal nerve. The skin anchor was released and the array was withdrawn intact with gentle traction. No new array was placed.\n');
    assert.equal(facts.procedure?.value, 'removal');
    assert.equal(facts.approach?.value, 'percutaneous');
  });

  it('knows a nerve or a guidance it cannot name from none at all, so those rules do not guess', () => {
    const unknown = factsOf('PROCEDURE: Percutaneous integrated peripheral nerve stimulator, right lateral antebrachial cutaneous nerve, needle tip followed with the probe; one array deployed.\n');
    assert.equal(unknown.nerve, null);
    assert.equal(unknown.nerveUnread, true);
    assert.equal(unknown.imaging.status, 'absent');
    assert.equal(unknown.imagingUnread, true);
    const silent = factsOf('PROCEDURE: Percutaneous integrated peripheral nerve stimulator, right forearm, under image guidance; one array deployed.\n');
    assert.equal(silent.nerveUnread, false);
    assert.equal(silent.imagingUnread, false);
  });

  it('reads numbered "Steps:" as the account of the procedure, and a named DRG over its epidural access', () => {
    const facts = factsOf('### Procedure\nDorsal root ganglion stimulator implant, LEFT L4 DRG, percutaneous lead with IPG.\n\nINDICATIONS: CRPS x 26 months; failed PT.\n\nSteps:\n1. Prone; fluoroscopy used throughout.\n2. Epidural access at L5-S1; lead steered into the left L4 foramen.\n3. Stimulation: paresthesia over the left shin at 0.4 mA.\n');
    assert.equal(facts.target?.value, 'dorsal-root-ganglion');
    assert.deepEqual(facts.imaging.modalities, ['fluoroscopy']);
    assert.equal(facts.testing.status, 'documented');
  });

  it('reads terse imaging and testing: "under US", "concordant tingling at 1.2 mA"', () => {
    const facts = factsOf('Proc: perc integrated PNS lt sural n., 1 array placed under US.\nPatient reported concordant tingling at 1.2 mA.\nFollow up with us in 1 week.\n');
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
    assert.equal(facts.testing.status, 'documented');
    assert.deepEqual(factsOf('Proc: perc integrated PNS lt sural n., 1 array placed. She will follow up with us.\n').imaging.modalities, []);
  });

  it('reads a Markdown table of procedure details row by row: a "None" in one row denies nothing in another', () => {
    const facts = factsOf('# PNS implant\n\n## Procedure details\n| Item | Value |\n| --- | --- |\n| Arrays placed | 1 |\n| Side | Left |\n| Guidance | Fluoroscopy |\n| System | Integrated PNS lead, receiver in lead |\n| Nerve | Saphenous nerve, medial knee |\n| Approach | Percutaneous |\n| Complications | None |\n');
    assert.equal(facts.imaging.status, 'documented');
    assert.deepEqual(facts.imaging.modalities, ['fluoroscopy']);
    assert.equal(facts.laterality?.value, 'left');
    assert.equal(facts.arrays?.value, 1);
    assert.equal(facts.nerve?.value, 'saphenous');
    assert.equal(facts.approach?.value, 'percutaneous');
  });

  it('reads the sections of an operative report quoted with ">" (a transfer summary)', () => {
    const facts = factsOf('TRANSFER SUMMARY\nReason for transfer: planned rehab admission.\n\nOperative note, quoted:\n> PROCEDURE: Percutaneous implantation of integrated peripheral nerve stimulator, right lateral femoral cutaneous nerve, ultrasound guided.\n> TECHNIQUE: One electrode array with its receiver built in was deployed; test stimulation gave concordant paresthesia.\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.laterality?.value, 'right');
    assert.equal(facts.nerve?.value, 'lateral femoral cutaneous');
  });

  it('does not count a model number as arrays, nor an array given up', () => {
    assert.equal(factsOf('PROCEDURE: Percutaneous integrated PNS, left femoral nerve, ultrasound.\nDevice: PX-8 octapolar lead with its receiver built in. The PX-8 lead was placed.\n').arrays?.value, 1);
    assert.equal(factsOf('PROCEDURE: Percutaneous integrated PNS, left sciatic nerve, ultrasound. One array deployed.\nSecond array (left femoral) aborted, not placed.\n').arrays?.value, 1);
  });

  it('does not take a trial told with its result for today\'s procedure', () => {
    const facts = factsOf('Procedure: percutaneous integrated PNS, left lateral femoral cutaneous nerve.\nMeralgia for 16 months. His 7-day trial produced 60% relief.\n\nOne integrated lead with built-in receiver was placed under ultrasound; test stimulation gave concordant paresthesia.\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.deepEqual(facts.codes, [{ code: '64596', units: 1 }]);
  });

  it('reads a note titled "... implant" as today\'s account, title included ("implant" is no plan)', () => {
    const facts = factsOf('# PNS implant\n\n## Procedure details\n| Nerve | Iliohypogastric nerve |\n| Approach | Percutaneous |\n| Side | Right |\n| Arrays placed | 1 |\n| System | Integrated, receiver in lead, external wearable |\n| Guidance | Ultrasound |\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.target?.value, 'peripheral-nerve');
    const titled = factsOf('# Peripheral nerve stimulator implant\nUnder ultrasound one integrated array was placed percutaneously beside the left sural nerve.\n');
    assert.equal(titled.procedure?.value, 'insertion');
    assert.equal(titled.laterality?.value, 'left');
  });
});
