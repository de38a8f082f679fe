import * as assert from 'node:assert/strict';
import { factsOf } from '../../helpers/facts';

/** Forms of real notes read in session 5: answered field rows, passive run-ons, abbreviations, onsets and implied approaches. */
describe('facts of answered fields, run-ons and implied approaches', () => {
  const IMPLANT = 'Procedure: integrated PNS, left tibial nerve, ultrasound. One array deployed; concordant paresthesia at 0.8 mA.\n';

  it('reads "Modifier 22: No   Justification: N/A" as no increased services', () => {
    assert.equal(factsOf(`${IMPLANT}Modifier 22: No   Justification: N/A\n`).increasedServices.status, 'absent');
    assert.equal(factsOf(`${IMPLANT}Modifier 22: Yes   Justification: scar\n`).increasedServices.status, 'unquantified');
  });

  it('does not read "the introducer was removed the array was anchored" as a removal', () => {
    const facts = factsOf('using ultrasound the right greater occipital nerve was seen the introducer was passed and the electrode array which has its receiver built into it was deployed next to the nerve the introducer was removed the array was anchored to skin\n');
    assert.equal(facts.procedure?.value, 'insertion');
  });

  it('reads the side before an abbreviated nerve ("L lat fem cutaneous n.")', () => {
    assert.equal(factsOf('Proc: perc PNS implant, L lat fem cutaneous n., US guided. 1 integrated lead placed.\n').laterality?.value, 'left');
  });

  it('reads an onset in parentheses and a duration up to the trial, but not how long relief lasted', () => {
    const facts = factsOf(`date: 2026-08-10\n\n${IMPLANT}Trial result: 70% relief x 7 days.\nPain history: chronic L knee pain since L TKA (05/2024); 26 months before the trial.\n`);
    assert.equal(facts.necessity.painDuration?.months, 27);
    const reliefOnly = factsOf(`${IMPLANT}Trial result: 70% relief x 7 days.\n`);
    assert.equal(reliefOnly.necessity.painDuration, null);
    assert.equal(factsOf(`${IMPLANT}History: chronic knee pain after total knee arthroplasty 3 yrs ago.\n`).necessity.painDuration?.months, 36);
  });

  it('reads a lead placed along a nerve and tunnelled to an IPG as a conventional system', () => {
    const facts = factsOf('Procedure: Under fluoroscopy the lead was placed percutaneously along the right common peroneal nerve. A 4 cm incision was made and a pocket created. The lead was tunneled, connected to the extension and the rechargeable IPG.\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.integrated?.value, false);
  });

  it('takes a placement with no incision told of as percutaneous, and an incision as open', () => {
    assert.equal(factsOf('Procedure: Under ultrasound guidance one integrated array was placed along the left superior cluneal nerve. No IPG.\n').approach?.value, 'percutaneous');
    assert.equal(factsOf('Procedure: A 5 cm incision was made and the nerve was exposed; one integrated array was placed along the left sural nerve.\n').approach?.value, 'open');
    assert.equal(factsOf('Plan: discuss a stimulator at the next visit.\n').approach, null);
  });

  it('does not take "Percutaneous trial 05/2026 with 75% relief" for today\'s approach', () => {
    const facts = factsOf('INDICATIONS: Left ulnar pain, 4 years.\nPercutaneous trial 05/2026 with 75% relief.\nDESCRIPTION: A 6 cm incision was made over the elbow. A paddle electrode was laid beneath the ulnar nerve.\n');
    assert.equal(facts.approach?.value, 'open');
    assert.deepEqual(facts.conflicts.filter((conflict) => conflict.topic === 'approach'), []);
  });

  it('ends an inline Indication field at a line that ends its sentence, so the next line is the account', () => {
    const facts = factsOf('Today\'s procedure 08/17/2026:\nIndication: left meralgia for 18 months, failed gabapentin; trial successful (65%).\nPermanent integrated PNS lead placed, left lateral femoral cutaneous nerve, under ultrasound.\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.nerve?.value, 'lateral femoral cutaneous');
  });

  it('records no side conflict for another body part\'s problem, but does for the same site', () => {
    const other = factsOf('Procedure: perc integrated PNS lead, R ulnar n., proximal forearm. US guided. One array deployed.\nSeparately she mentioned new L shoulder pain after a fall; separate visit note.\n');
    assert.equal(other.laterality?.value, 'right');
    assert.deepEqual(other.conflicts.filter((conflict) => conflict.topic === 'side'), []);
    const same = factsOf('Procedure: perc integrated PNS lead, R ulnar n. US guided. One array deployed.\nThe L ulnar nerve was traced at the elbow.\n');
    assert.equal(same.conflicts.filter((conflict) => conflict.topic === 'side').length, 1);
  });

  it('counts the arrays placed, not those planned, swapped out or left from a trial', () => {
    const planned = factsOf('Procedure: Percutaneous PNS, left knee (genicular nerves)\n- Plan: 2 arrays (superomedial + inferomedial)\n- 1 integrated array deployed under ultrasound; concordant paresthesia\n- 2nd array NOT placed\n');
    assert.equal(planned.arrays?.value, 1);
    const swapped = factsOf('Procedure: Percutaneous insertion of integrated PNS, right ulnar nerve, ultrasound.\nFirst array deployed; impedance out of range, withdrawn and discarded. A second array from a new kit was deployed.\nFinal: one integrated array in place.\n');
    assert.equal(swapped.arrays?.value, 1);
    const conversion = factsOf('Carried forward from trial note: two temporary percutaneous leads placed under ultrasound.\n\nTODAY: one integrated array (receiver built in) was deployed along the left suprascapular nerve under ultrasound.\n');
    assert.equal(conversion.arrays?.value, 1);
  });

  it('reads misspelt sides, nerves and imaging, and shorthand "US →"', () => {
    const facts = factsOf('Proceedure: percutanous implantaton of integreated peripheral nerve stimulater, rigth superfical peroneal nerve.\nTechnique: Using ultrasonud guidance the nerve was found. One electrod array deployed.\n');
    assert.equal(facts.laterality?.value, 'right');
    assert.equal(facts.nerve?.value, 'superficial peroneal');
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
    assert.deepEqual(factsOf('perc PNS L ulnar n.\n• US → ulnar n. 6 cm prox to med epicondyle\n• 1 integrated lead deployed\n').imaging.modalities, ['ultrasound']);
  });

  it('ends an inline Indications field before a numbered step', () => {
    const facts = factsOf('Procedure: perc integrated PNS, left tibial nerve\nIndications: heel pain x 20 mo; trial 05/2026 70% relief.\n1. Prone; ultrasound identified the posterior tibial nerve.\n2. Introducer placed percutaneously; array deployed.\n');
    assert.equal(facts.imaging.status, 'documented');
    assert.equal(facts.procedure?.value, 'insertion');
  });

  it('reads a field answered "No - <reason>" as denied', () => {
    const facts = factsOf('Procedure: perc integrated PNS, right sural nerve. One array deployed.\nImaging guidance used: No - landmark technique, nerve palpable\n');
    assert.equal(facts.imaging.status, 'negated');
  });

  it('reads a treatment not tolerated as failed care, and the trial\'s own length in its parenthesis as no pain duration', () => {
    const facts = factsOf(`date: 2026-11-17\n\n${IMPLANT}Chronic groin pain since her open left inguinal hernia repair with mesh in 2023. She did not tolerate gabapentin or pregabalin, has done pelvic floor PT. Her percutaneous trial (left ilioinguinal, 8 days, September 2026) gave her 60% relief.\n`);
    assert.deepEqual(facts.necessity.conservativeCare?.treatments, ['gabapentin', 'pregabalin', 'pt']);
    assert.ok((facts.necessity.painDuration?.months ?? 0) > 24);
    const trialOnly = factsOf(`${IMPLANT}Her percutaneous trial (left ilioinguinal, 8 days, September 2026) gave her 60% relief.\n`);
    assert.equal(trialOnly.necessity.painDuration, null);
  });

  it('reads "ARRAYS PLACED: one. EBL: trace." as a count of one', () => {
    assert.equal(factsOf('OPERATION: Percutaneous insertion, integrated PNS, left superficial radial nerve, ultrasound.\nArray deployed.\n\nARRAYS PLACED: one. EBL: trace. COMPLICATIONS: none.\n').arrays?.value, 1);
  });

  it('lets an addendum that answers a query settle the device, and reads an external pulse generator as no implanted one', () => {
    const facts = factsOf('PROCEDURE: Percutaneous implantation of peripheral nerve stimulator lead and pulse generator, right lesser occipital nerve, fluoroscopy.\nOne array deployed. Pulse generator applied and paired.\n\nADDENDUM 09/24/2026\nQuery: "Please clarify the pulse generator documented in the procedure line: implanted / external / other." Response: External. The pulse generator is the external wearable unit. The array has its receiver built in. No pocket was made.\n');
    assert.equal(facts.integrated?.value, true);
    const trial = factsOf('PROCEDURE: PNS trial lead placement, right femoral nerve, ultrasound. A single trial lead was deployed and connected to a small external pulse generator worn on the thigh.\n');
    assert.equal(trial.integrated?.value, false);
  });

  it('reads a one-dot leader after a long key in a print-out as its colon', () => {
    const facts = factsOf('Procedure Name ............ Peripheral nerve stimulator implant, percutaneous\nLaterality ................ Right\nDevice Type ............... Integrated lead/receiver; external wearable transmitter\nImplanted Pulse Generator . None\nImaging Guidance .......... Ultrasound\nNumber of Arrays Placed ... 1\n');
    assert.equal(facts.integrated?.value, true);
  });

  it('reads a placement dated before today as history, so today\'s removal is a removal', () => {
    const facts = factsOf('date: 2026-10-01\n\nProcedure: Removal of integrated peripheral nerve stimulator lead, right sural nerve\nReason: exit-site cellulitis; device placed 03/2026.\nLead withdrawn with steady traction, intact. No new lead placed.\n');
    assert.equal(facts.procedure?.value, 'removal');
  });

  it('reads a trial told with its pain scores or dated before today as over, and its approach as the trial\'s', () => {
    const facts = factsOf('date: 2026-08-01\n\nPROCEDURE: Left axillary nerve PNS, integrated.\nPNS trial (5 days, May 2026): pain 8 -> 4 (50%).\nPatient lying on his right side. One array with integrated receiver was deployed under ultrasound.\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.laterality?.value, 'left');
    assert.deepEqual(facts.conflicts.filter((conflict) => conflict.topic === 'side'), []);
    const open = factsOf('date: 2026-08-01\n\nHPI: heel pain. Trial 4/2026 (7 days, perc): 60% relief.\nDESCRIPTION: A 4 cm curvilinear incision was made over the medial heel; the stimulator lead was laid alongside the right medial calcaneal nerve.\n');
    assert.equal(open.approach?.value, 'open');
    assert.deepEqual(open.conflicts.filter((conflict) => conflict.topic === 'approach'), []);
  });

  it('reads a trial lead removed today as no trial, positioning sides as no side, "US." as ultrasound and "(total 2)" as the count', () => {
    const facts = factsOf('Procedure: conversion to permanent integrated PNS, right superior cluneal nerve.\n1. Trial lead removed intact; tip inspected.\n2. Patient rolled to left lateral. Integrated array deployed under fluoroscopy.\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.laterality?.value, 'right');
    assert.deepEqual(facts.conflicts.filter((conflict) => conflict.topic === 'side'), []);
    assert.deepEqual(factsOf('Proc: perc PNS, integrated lead/rcvr. GON L + R. US.\nL: 1 array. R: 1 array.\n').imaging.modalities, ['ultrasound']);
    assert.equal(factsOf('Procedure: permanent integrated PNS, greater occipital nerves, bilateral, ultrasound.\nArrays placed: Left 1 / Right 1 (total 2)\n').arrays?.value, 2);
  });

  it('reads an intraoperative log line by line after its Indication, and a fax with 1 for l', () => {
    const log = factsOf('Indication: R saphenous neuralgia 19-month history; failed PT; trial 75%.\n08:05 US: saphenous n. next to the vein\n08:17 test stim 1.0 mA: no paresthesia\n08:19 retest 0.6 mA: concordant\n08:21 array 1 deployed (integrated, built-in receiver)\n08:24 array 2 not needed - coverage complete\n');
    assert.equal(log.procedure?.value, 'insertion');
    assert.equal(log.arrays?.value, 1);
    assert.equal(log.testing.status, 'documented');
    const fax = factsOf('PROCEDURE: Percutaneous placement of integrated peripheral nerve stimu1ator, left posterior tibia1 nerve.\nUnder ultrasound the nerve was identified above the medial malleo1us. Test stirnulation gave paresthesia at 0.6 rnA. The lead (one array, receiver integrated) was deployed.\n');
    assert.equal(fax.nerve?.value, 'tibial');
    assert.equal(fax.procedure?.value, 'insertion');
    assert.equal(fax.testing.status, 'documented');
  });

  it('reads "Ultrasound - Yes   Fluoro - No" label by label, and a placement the patient had before as history', () => {
    const form = factsOf('Procedure: Percutaneous PNS lead, permanent (integrated, externally powered), left sural nerve\nImaging: Ultrasound - Yes   Fluoro - No\nGenerator: integrated in lead / external wearable - Yes; implanted IPG - No\nLead deployed.\n');
    assert.deepEqual(form.imaging.modalities, ['ultrasound']);
    assert.equal(form.integrated?.value, true);
    const removal = factsOf('date: 2026-07-09\n\nprocedure is removal of the left saphenous nerve stimulator, the patient had a single integrated peripheral nerve stimulation lead placed percutaneously along the left saphenous nerve on February tenth of this year, so we are removing the device today, no new lead is being placed today\n');
    assert.equal(removal.procedure?.value, 'removal');
    const revision = factsOf('date: 2026-12-01\n\nProcedure: Revision (repositioning) of existing integrated PNS lead, left sural nerve.\nHx: Left sural integrated PNS placed 2026-08-11. The lead was withdrawn 1.5 cm and re-advanced along the nerve.\n');
    assert.equal(revision.procedure?.value, 'revision');
  });

  it('ends a field section at the next field line, so a procedure record reads as the account', () => {
    const facts = factsOf('REGIONAL PROCEDURE RECORD\nProcedure ............ Peripheral nerve stimulation, integrated lead, PERMANENT implant\nNerve / side ......... Suprascapular / RIGHT\nConsent .............. written; risks incl. infection\nProbe ................ linear 13-6 MHz, short axis\nNeedle/introducer .... PNS introducer, in-plane\nStim testing ......... 0.4 mA: deep shoulder paresthesia, concordant\nLead ................. 1 integrated lead (receiver in-lead) deployed\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.arrays?.value, 1);
    assert.equal(facts.testing.status, 'documented');
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
  });

  it('takes no side when the other side is told more often than a copied procedure title, and says so once', () => {
    const facts = factsOf('PROCEDURE: RIGHT sural nerve peripheral nerve stimulator implant, percutaneous, integrated system, US guidance\n\nDESCRIPTION: The left lower leg was prepped. The sural nerve was found on ultrasound. The lead was deployed. The transmitter was applied to the left calf.\n\nIMPLANT: 1 integrated PNS lead, L sural.\n');
    assert.equal(facts.laterality, null);
    assert.equal(facts.lateralityUnread, false);
    assert.equal(facts.conflicts.filter((conflict) => conflict.topic === 'side').length, 1);
  });

  it('reads British durations ("for 18/12")', () => {
    assert.equal(factsOf(`${IMPLANT}Occipital pain for 18/12 following a fall.\n`).necessity.painDuration?.months, 18);
  });

  it('reads trial relief told as a fraction, a cut, or pain scores out of 10', () => {
    const relief = (text: string) => factsOf(`${IMPLANT}${text}\n`).necessity.trialOutcome?.percentRelief;
    assert.equal(relief('TRIAL IN MARCH: PAIN REDUCED BY HALF AND HE STOPPED HIS OXYCODONE.'), 50);
    assert.equal(relief('Trial 12/2025 x 7 days: about two-thirds less pain.'), 67);
    assert.equal(relief('Trial: 06/2026, 10 days, relief ~3/4 of usual pain.'), 75);
    assert.equal(relief('Her one-week percutaneous trial cut her pain by 70 percent.'), 70);
    assert.equal(relief('His trial last month reduced his pain from 8/10 to about 2/10.'), 75);
    assert.equal(relief('Her 7-day trial brought her from 8 out of 10 to 4 out of 10.'), 50);
  });

  it('reads a side that ends the procedure line, and a replaced device\'s side told with its nerve', () => {
    assert.equal(factsOf('Procedure: perc PNS, integrated single lead, axillary nerve (quadrilateral space), LEFT\nUnder ultrasound one array deployed.\n').laterality?.value, 'left');
    const replaced = factsOf('# Replacement of integrated PNS lead, sural nerve\n\n## History\nHe had an integrated lead placed on the right sural nerve in 08/2025 after a 7-day trial.\n\n## Procedure\nThe old lead was withdrawn and a new integrated lead deployed along the sural nerve under ultrasound.\n');
    assert.equal(replaced.laterality?.value, 'right');
  });

  it('counts arrays from a total, each side, and an addendum that withdraws the header count', () => {
    assert.equal(factsOf('Proc: perc PNS B/L LFCN, US.\n- L: 1 array\n- R: 1 array\nTotal arrays 2 (one ea side). No IPG.\n').arrays?.value, 2);
    assert.equal(factsOf('Procedure: percutaneous PNS, superior cluneal nerves L + R, one integrated array each side (2 total), fluoro + US.\n').arrays?.value, 2);
    const addendum = factsOf('PROCEDURE: Percutaneous implantation, integrated PNS, right lateral femoral cutaneous nerve. Ultrasound.\nARRAYS PLACED: 2\n\nTECHNIQUE: An integrated array was deployed.\n\nADDENDUM (late entry):\nThe header line "ARRAYS PLACED: 2" is incorrect. One (1) array was implanted. The unused second lead was returned unopened.\n');
    assert.equal(addendum.arrays?.value, 1);
  });

  it('lets an addendum that corrects the side settle it, and reads "procedure started and discontinued"', () => {
    const corrected = factsOf('PROCEDURE: Percutaneous placement of integrated PNS, genitofemoral nerve, ultrasound guided.\nDESCRIPTION: The genital branch was identified on the right. The array was deployed.\n\nADDENDUM 2026-07-24\nCorrection: "identified on the right" is a dictation error. The procedure was performed on the LEFT, as marked.\n');
    assert.equal(corrected.laterality?.value, 'left');
    const stopped = factsOf('Planned procedure: percutaneous implantation of an integrated peripheral nerve stimulator, left lateral femoral cutaneous nerve.\nProcedure actually performed: procedure started and discontinued after induction of anesthesia; no electrode array was placed.\n');
    assert.equal(stopped.discontinued?.value, 'after-anesthesia');
    assert.equal(stopped.procedure?.value, 'insertion');
  });

  it('takes back a word said and corrected in dictation, and reads open placements written tersely', () => {
    const spoken = factsOf('Procedure: percutaneous, correction, open implantation of a peripheral nerve stimulator on the right median nerve. A three centimeter incision was made. Under fluoroscopy, strike that, under ultrasound guidance only, the array was deployed.\n');
    assert.equal(spoken.approach?.value, 'open');
    assert.deepEqual(spoken.conflicts.filter((conflict) => conflict.topic === 'approach'), []);
    assert.deepEqual(spoken.imaging.modalities, ['ultrasound']);
    const terse = factsOf('PROCEDURE: Right radial nerve peripheral nerve stimulater placement, open, at the spiral groove.\nPercutaneous trail 8/2026: 55% relief. A percutaneous approach was felt unsafe.\nThe array was laid on the nerve.\n');
    assert.equal(terse.approach?.value, 'open');
    assert.equal(factsOf('Procedure: integrated PNS, left sural nerve. Incision 4 cm on posterolateral calf. Dissection through subcutaneous tissue; the array was laid beside the nerve.\n').approach?.value, 'open');
  });

  it('reads a checked nerve box, a DRG stimulator, an "Array left in place" column and a terse "Hx:" line', () => {
    assert.equal(factsOf('Procedure: percutaneous integrated PNS, ultrasound. One array deployed.\nNerve:         ☒ Saphenous   ☐ Genicular   ☐ Sural\n').nerve?.value, 'saphenous');
    assert.equal(factsOf('Procedure: R L1 DRG stimulation, percutaneous via epidural, fluoroscopic guidance.\n- Lead steered into R L1 foramen.\n- Leads tunnelled to R flank, IPG implanted in subcutaneous pocket.\n').target?.value, 'dorsal-root-ganglion');
    assert.equal(factsOf('Procedure: Percutaneous integrated PNS, greater occipital nerves, bilateral\n\n| Side | Nerve | Guidance | Array left in place |\n|---|---|---|---|\n| Left | Greater occip. | US | 1 |\n| Right | Greater occip. | US | 1 |\n| Total | | | 2 |\n').arrays?.value, 2);
    const terse = factsOf('Brief op note\nProc: perc integrated PNS, R greater occipital n.\nHx: occipital neuralgia 3 yrs; GON blocks x3 w/ >80% temporary relief. Trial 3/2026 x 7d -> 70% relief.\nImaging: US\nLead x1 (single array, receiver built in). No IPG.\n');
    assert.equal(terse.procedure?.value, 'insertion');
  });

  it('reads pain dated from a month, a British "18/12 history", pain told after its length, and an injury so long ago', () => {
    const months = (text: string) => factsOf(`date: 2026-08-01\n\n${IMPLANT}${text}\n`).necessity.painDuration?.months;
    assert.equal(months('Shoulder pain after proximal humerus fracture; pain dated from 10/2024.'), 22);
    assert.equal(months('Meralgia paraesthetica, 18/12 history.'), 18);
    assert.equal(months('Integrated LFCN stimulator implanted 01/2026 (after 18 mo pain, failed meds).'), 18);
    assert.equal(months('Crush injury to the right knee 20 months ago, burning lateral leg pain.'), 20);
  });

  it('reads terse trial results ("trial 70%", "70% trial", "Trial relief (%) | 70")', () => {
    const relief = (text: string) => factsOf(`${IMPLANT}${text}\n`).necessity.trialOutcome?.percentRelief;
    assert.equal(relief('Failed PT/meds/blocks; trial 75%.'), 75);
    assert.equal(relief('PNS trial 6/26 x 7d: 60%, cut tramadol.'), 60);
    assert.equal(relief('Pain 3 yrs, failed meds, 70% trial.'), 70);
    assert.equal(relief('| Trial relief (%) | 70 |'), 70);
  });

  it('reads shorthand placements: "integrated lead (built-in receiver) x1 deployed", "1 arry deployed"', () => {
    assert.equal(factsOf('Today: perc PNS L sural n. c US guidance\n - integrated lead (built-in receiver) x1 deployed, introducer out\n').procedure?.value, 'insertion');
    assert.equal(factsOf('Procedue: perc integated PNS, left tibeal nerve\nNeedle introduced posterior to medial malleolus, 1 arry deployed, stim test concordant.\n').procedure?.value, 'insertion');
  });

  it('keeps a trigger inside a parenthesis from reaching back out of it, and reads positioning and "(L)" sides', () => {
    const imaging = factsOf('Procedure: Permanent percutaneous PNS, right suprascapular nerve\nGuidance: Fluoroscopy (ultrasound not used - body habitus, poor window)\nLead deployed.\n');
    assert.deepEqual(imaging.imaging.modalities, ['fluoroscopy']);
    assert.deepEqual(imaging.conflicts.filter((conflict) => conflict.topic === 'imaging'), []);
    const side = factsOf('PROCEDURE: perc integrated PNS, common peroneal nerve.\nTECHNIQUE: Lateral decubitus (R side down). US: CPN wrapping the (L) fibular neck. One array deployed.\n');
    assert.equal(side.laterality?.value, 'left');
    const separate = factsOf('Procedure: replacement of integrated PNS lead, left superficial peroneal nerve. One array deployed.\nNote: seen in clinic this morning for a separate complaint (new R knee pain after a fall).\n');
    assert.deepEqual(separate.conflicts.filter((conflict) => conflict.topic === 'side'), []);
  });

  it('reads a procedure stopped as it is said ("Procedure stopped at that point", "**Aborted.**", "ATTEMPTED - ABORTED")', () => {
    for (const text of ['Procedure: percutaneous integrated PNS, left ulnar nerve (not completed).\nWhat happened: local given; the patient asked us to stop. Procedure stopped at that point. No lead was deployed.\n', 'Attempted percutaneous placement of integrated PNS lead, right lateral femoral cutaneous nerve. **Aborted.**\n', 'Procedure planned: integrated PNS lead, left ilioinguinal nerve.\nProcedure performed: ATTEMPTED - ABORTED, no lead deployed\n']) {
      assert.notEqual(factsOf(text).discontinued, null, text);
    }
    assert.equal(factsOf('Procedure: removal of integrated PNS, right sural nerve. The implant stopped working in May. The lead was withdrawn intact.\n').discontinued, null);
  });

  it('reads text copied forward from an earlier note as history', () => {
    const facts = factsOf('Copied from 09/15/2026 (Procedure note, B. Achterberg):\n> Right superficial radial nerve PNS trial. Under ultrasound guidance a trial lead was placed.\n\nPermanent integrated PNS lead, right superficial radial nerve. The ultrasound unit was unavailable; no imaging guidance was used today. One array deployed.\n');
    assert.equal(facts.imaging.status, 'negated');
    assert.equal(facts.procedure?.value, 'insertion');
    const marked = factsOf('--- copied from procedure note 2026-09-29 ---\nPROCEDURE: Percutaneous PNS trial, right saphenous nerve, US guided. Temporary lead.\n--- end copied text ---\n\nTODAY: Permanent implant.\nTECHNIQUE: US-guided, the saphenous nerve located in the adductor canal; one permanent integrated array deployed.\n');
    assert.equal(marked.procedure?.value, 'insertion');
    assert.equal(marked.laterality?.value, 'right');
  });
});
