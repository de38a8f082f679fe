import * as assert from 'node:assert/strict';
import { factsOf } from '../../helpers/facts';

/** Forms of real notes read in session 7: terse messages, device logs, label-per-line forms. */
describe('terse notes, device logs and one-word fields', () => {

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
  it('reads a checklist line that opens with a cross as denied ("✗ IPG   ✗ pocket", "✗ fluoro")', () => {
    const facts = factsOf('R GON PNS - implant checklist\n✔ US guidance (R suboccipital)\n✗ fluoro\n✔ 1 lead placed, rcvr built in\n✔ test 0.4mA concordant\n✗ IPG   ✗ pocket   ✗ extension\n');
    assert.equal(facts.integrated?.value, true);
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
  });

  it('reads a note titled by today\'s trial as today\'s, not the history of an earlier trial', () => {
    const facts = factsOf('# PNS - temporary trial\n- Today: perc TRIAL lead R femoral n., US-guided, 1 temporary lead\n- Connected to external trial stimulator\n');
    assert.equal(facts.procedure?.value, 'trial');
  });

  it('reads "performed the planned procedure: ..." as done, and a history "previously;" as ending at the semicolon', () => {
    assert.equal(factsOf('Dear Dr. Halloran,\n\nThank you for referring Mr. B. I saw him today and performed the planned procedure: percutaneous implantation of an integrated peripheral nerve stimulation array on his right radial nerve under ultrasound.\n').procedure?.value, 'insertion');
    const facts = factsOf('Template: PNS trial lead placement\nToday: trial completed previously; this is the PERMANENT implant. Integrated lead with receiver deployed under US.\n');
    assert.equal(facts.procedure?.value, 'insertion');
  });

  it('reads a bullet "array advanced back" and "the existing array was advanced" as a revision', () => {
    assert.equal(factsOf('**Indication**\n- Integrated LFCN array placed 2026-03-02, backed out 2 cm\n\n**Procedure**\n- Old anchor removed; array advanced back under US\n').procedure?.value, 'revision');
    assert.equal(factsOf('Original implant 2026-01-13 (integrated system).\nUnder fluoroscopy the existing array was advanced and redirected back along the nerve.\n').procedure?.value, 'revision');
  });

  it('tells a lead pulled and discarded in this session from a fractured lead replaced', () => {
    const swap = factsOf('PROCEDURE: integrated PNS array, LEFT suprascapular nerve, US.\n1. First lead advanced but gave deltoid capture only.\n2. That lead was removed and discarded.\n3. A new lead was placed through a second trajectory.\n');
    assert.equal(swap.procedure?.value, 'insertion');
    const replaced = factsOf('He had an integrated peroneal stimulator placed in 2025. The fractured lead was withdrawn and inspected. Under ultrasound the new integrated lead with its built in receiver was deployed along the nerve.\n');
    assert.equal(replaced.procedure?.value, 'replacement');
  });

  it('reads objective findings written as imaging results, misspellings and a block\'s pain scores', () => {
    const with_ = (history: string) => factsOf(`Indications: ${history}\nUS-guided integrated PNS lead placed along the left genitofemoral nerve.\n`).necessity.objectivePathology;
    assert.ok(with_('ultrasound showed perineural scarring.'));
    assert.ok(with_('Nueroma seen at the scar.'));
    assert.ok(with_('Genitofemoral block under ultrasound took him from 7/10 to 1/10.'));
    assert.equal(with_('US shows the array migrated 2 cm.'), null);
  });
  it('reads template boxes that follow their options, underline marks and a question answered no', () => {
    const implant = 'Procedure: percutaneous integrated PNS lead placed along the right suprascapular nerve.\n';
    assert.deepEqual(factsOf(`${implant}  Imaging: Ultrasound  [X]   Fluoroscopy  [ ]   CT  [ ]\n`).imaging.modalities, ['ultrasound']);
    assert.equal(factsOf(`${implant}  Imaging: Ultrasound  [ ]   Fluoroscopy  [ ]   CT  [ ]\n`).imaging.status, 'absent');
    assert.deepEqual(factsOf(`${implant}Imaging used: ultrasound _X_  fluoroscopy ___  CT ___\n`).imaging.modalities, ['ultrasound']);
    assert.deepEqual(factsOf(`${implant}Q: Ultrasound used? A: Yes\nQ: Fluoroscopy needed? A: No\n`).imaging.modalities, ['ultrasound']);
  });

  it('reads ultrasound written as "USS", a numbered "2) US (L12-4)" and a "US probe"', () => {
    const implant = 'Procedure: percutaneous integrated PNS electrode, L median nerve.\n';
    assert.deepEqual(factsOf(`${implant}Technique: USS guided.\n`).imaging.modalities, ['ultrasound']);
    assert.deepEqual(factsOf(`${implant}1) Prep.\n2) US (L12-4) over the cubital tunnel.\n`).imaging.modalities, ['ultrasound']);
    assert.deepEqual(factsOf(`${implant}08:10 prep/drape; US probe (linear) on the ASIS line\n`).imaging.modalities, ['ultrasound']);
  });
  it('reads a keyless line of boxes by its options, and a table answer "No / No"', () => {
    const facts = factsOf('☒ Perc  ☐ Open\n☒ R  ☐ L  ☐ Bilat\nNerve: axillary (quadrilateral space)\n☒ US  ☒ Fluoro  ☐ CT\n☒ Integrated lead/receiver + external wearable  ☐ IPG/pocket\n# arrays placed: 1\n');
    assert.equal(facts.laterality?.value, 'right');
    assert.deepEqual(facts.imaging.modalities, ['ultrasound', 'fluoroscopy']);
    const table = factsOf('| Field | Entry |\n|---|---|\n| Nerve | L and R greater occipital n. |\n| Generator | Integrated receiver in each array |\n| IPG / pocket | No / No |\n');
    assert.equal(table.integrated?.value, true);
  });

  it('denies a list of crossed or circled-minus items, but not crossed treatments that failed', () => {
    const implant = 'R deep peroneal PNS: 1 lead (integrated receiver) deployed under US, anchor ✓\n';
    assert.equal(factsOf(`${implant}IPG ✗ / pocket ✗ / extension ✗\n`).integrated?.value, true);
    assert.equal(factsOf(`${implant}• wearable external transmitter, paired; ⊖ IPG ⊖ pocket\n`).integrated?.value, true);
    assert.equal(factsOf(`${implant}IPG/pocket: N/A (integrated)\n`).integrated?.value, true);
    assert.ok(factsOf(`| Prior tx | PT ✗; orthotics ✗; gabapentin ✗ |\n${implant}`).necessity.conservativeCare);
    assert.equal(factsOf(`${implant}1 integrated lead (lead w/ receiver, ext power pod, w/o IPG).\n`).integrated?.value, true);
  });

  it('dates the pain from an onset field or a "since" past a slash and a bracket, and ignores zero days and follow-ups', () => {
    const dated = (line: string) => factsOf(`date: 2026-05-06\n\n${line}\nUS-guided integrated PNS lead placed along the left superficial peroneal nerve.\nClinic 2 weeks.\n`).necessity.painDuration?.months;
    assert.equal(dated('Onset:             08/2024 (inversion injury)'), 21);
    assert.equal(dated('INDICATIONS: pain dorsum of LEFT foot since blast injury / ankle ORIF Mar 2024. Opioid 0 days of 7.'), 26);
    assert.equal(dated('History: pain since a crush injury at work (logging) in June 2023.'), 35);
    assert.equal(dated('Groin pain ever since, a period of 20 months.'), 20);
    assert.equal(dated('Failed PT.'), undefined);
  });
  it('counts a bilateral session told side by side as two arrays, and one array restated as one', () => {
    const bilateral = factsOf('Dx: bilateral superior cluneal neuralgia, 3 years.\nProcedure: percutaneous PNS, one lead left superior cluneal and one lead right superior cluneal, both under ultrasound.\nLeads are the self-contained type with built-in receivers.\n');
    assert.equal(bilateral.arrays?.value, 2);
    const single = factsOf('PROCEDURE: integrated PNS, one array, right sural nerve, ultrasound.\nTECHNIQUE: one array deployed along the nerve.\n');
    assert.equal(single.arrays?.value, 1);
  });
  it('names the nerve of the procedure, not one a failed block was given to, nor the bare name of a specific one', () => {
    const blocked = factsOf('- 28 months of shoulder pain; failed PT, NSAIDs, duloxetine, suprascapular block\n- Procedure: percutaneous integrated PNS, R axillary nerve, ultrasound\n');
    assert.equal(blocked.nerve?.value, 'axillary');
    const labelled = factsOf('Proc: perc PNS / integrated / L; n: axillary (quadrilateral space); img: US; arrays: 1\nHx: failed PT / SSN+axillary blocks\n');
    assert.equal(labelled.nerve?.value, 'axillary');
    const specific = factsOf('Dx: G56.31 (lesion of radial nerve, right upper limb).\nUS-guided integrated PNS lead placed along the superficial radial nerve.\n');
    assert.equal(specific.nerve?.value, 'superficial radial');
  });
  it('reads a trial\'s outcome as a bracketed figure, scores with the scale after them, a fraction better and headache days', () => {
    const relief = (line: string) => factsOf(`Indications: foot pain x 2 yrs, failed PT. ${line}\nUS-guided integrated PNS lead placed along the right saphenous nerve.\n`).necessity.trialOutcome?.percentRelief;
    assert.equal(relief('\n\n| Item | Detail |\n| --- | --- |\n| Trial | 03/2026, 7 days: 4/10 from 8/10 (50%) |\n'), 50);
    assert.equal(relief('Trial 3/26: 8->3 NRS.'), 63);
    assert.equal(relief('trial July - pt says 3/4 better.'), 75);
    assert.equal(relief('trial 9/26 -> HA days 20 -> 6/mo.'), 70);
    assert.equal(relief('a week-long percutaneous trial in May took away about three quarters of the pain.'), 75);
    assert.equal(relief('Diagnostic block (80%).'), undefined);
  });
  it('reads imaging that looked for a finding as used, and "X-free" as denying only its own few words', () => {
    const implant = 'Procedure: percutaneous integrated PNS array placed along the left T6 intercostal nerve under fluoroscopy.\n';
    const looked = factsOf(`${implant}No pneumothorax on post-procedure ultrasound.\n`);
    assert.deepEqual(looked.imaging.modalities, ['fluoroscopy', 'ultrasound']);
    assert.equal(looked.conflicts.length, 0);
    const free = factsOf('Integrated PNS lead placed along the right saphenous nerve.\nFluoro confirmed both positions away from the TKA-free joint line.\n');
    assert.deepEqual(free.imaging.modalities, ['fluoroscopy']);
  });
  it('keeps the side of a separate problem under its own label, or of a side that is well, out of the procedure\'s side', () => {
    const implant = 'PROCEDURE: Percutaneous integrated PNS, right lateral femoral cutaneous nerve, US guidance.\n';
    assert.equal(factsOf(`${implant}SEPARATE PROBLEM:\nNew left hip pain with night pain and limping for two weeks.\n`).conflicts.length, 0);
    assert.equal(factsOf(`${implant}Hx L hip arthroscopy 2021 (resolved) - left hip is asymptomatic now.\n`).conflicts.length, 0);
    assert.equal(factsOf(`${implant}Technique: the left thigh was prepped.\n`).conflicts.length, 1);
  });
  it('reads key terms with one slip of the hand ("integreted", "Integerated", "reciever", "ulner", "sciactic") but not "simulation"', () => {
    const slipped = factsOf('PROCEDURE: Perc placment of integreted PNS, lft ulner nerve, flouroscopic guidence.\nOne lead placed. Reciever integral, ext. transmiter. Stim testing concordent at 1.1 mA.\n');
    assert.equal(slipped.integrated?.value, true);
    assert.equal(slipped.nerve?.value, 'ulnar');
    assert.equal(factsOf('Integerated lead (reciever in the lead, powered by external wearible) deployed along the sciactic nerve.\n').nerve?.value, 'sciatic');
    assert.equal(factsOf('Simulation lab training was reviewed with the patient.\n').procedure, null);
  });
  it('reads a lead deployed at a tested nerve as a stimulator note without the word, and a macro\'s options legend as no choice', () => {
    const dictated = factsOf('Chronic left heel pain for one year. Ultrasound used to identify the medial calcaneal branch. Repeat stim at 0.8 mA was concordant over the medial heel. The array was then deployed, it is the integrated kind with the receiver built into it. One array placed.\n');
    assert.equal(dictated.procedure?.value, 'insertion');
    assert.equal(dictated.integrated?.value, true);
    const macro = factsOf('*** PNS IMPLANT MACRO v3 (options: L / R / B/L ; US / fluoro / both) ***\nSide: R\nNerve: superficial peroneal\nImaging: US (fluoro not needed)\nDevice: integrated array w/ built-in receiver\nArrays: 1\n');
    assert.equal(macro.laterality?.value, 'right');
    assert.deepEqual(macro.imaging.modalities, ['ultrasound']);
  });
  it('reads a lone empty box with an instruction as no, and an external stimulator of an integrated lead as its power, not a trial', () => {
    const implant = 'Procedure: Percutaneous, US guided. One integrated lead placed along the left superficial radial nerve; paresthesia at 0.4 mA.\n';
    assert.equal(factsOf(`${implant}Modifier 22: ☐ (if checked, complete justification below)\n`).increasedServices.status, 'absent');
    assert.equal(factsOf(`${implant}Lead secured; external stimulator pod on wristband.\n`).procedure?.value, 'insertion');
    assert.equal(factsOf('Temporary lead placed along the left superficial radial nerve, connected to an external trial stimulator; paresthesia at 0.4 mA.\n').procedure?.value, 'trial');
  });
  it('reads an export that hyphenates its lines, a title naming only the device, and a tally "= 2"', () => {
    const hyphenated = factsOf('PROCEDURE: Percutaneous implan-\ntation of an integrated peripheral neu-\nrostimulation system, right superior clu-\nneal nerve, one electrode ar-\nray.\nTECHNIQUE: a single array with an integ-\nrated receiver was deployed. Stimu-\nlation at 1.4 mA gave concordant paresthesia.\n');
    assert.equal(hyphenated.nerve?.value, 'superior cluneal');
    assert.equal(hyphenated.laterality?.value, 'right');
    const terse = factsOf('Proc: perc integrated PNS, R common peroneal n. (fibular neck) + R tibial n. (popliteal fossa).\nImaging: US both nerves.\nArrays: CPN x1, tibial x1 = 2. Each tested, concordant (0.6 / 0.9 mA).\n');
    assert.equal(terse.procedure?.value, 'insertion');
    assert.equal(terse.arrays?.value, 2);
    const revision = factsOf('Procedure: Percutaneous integrated PNS, left superficial peroneal nerve - repositioning.\n');
    assert.equal(revision.procedure?.value, 'revision');
  });
  it('counts arrays labelled "array 1" / "array 2" at the end of their lines, and an array "laid on" the nerve', () => {
    const two = factsOf('Operative note - PNS, L groin\n- Procedure today (two sites):\n  - US-guided perc placement, L ilioinguinal n. - array 1\n  - US-guided perc placement, L iliohypogastric n. - array 2\n  - each array integrated (receiver on board), ext wearable\n  - test stim: concordant paresthesia for both\n');
    assert.equal(two.arrays?.value, 2);
    const open = factsOf('13:14 4 cm incision posterolateral R arm, dissection through the septum\n13:32 radial n. exposed\n13:40 integrated array (built-in receiver) laid on nerve, sutured to fascia x2\n13:46 stim test concordant 0.7 mA\n');
    assert.equal(open.procedure?.value, 'insertion');
    assert.equal(open.approach?.value, 'open');
  });
  it('reads a block told as positive or diagnostic after it as objective evidence, and "X declined, PT, ..." as declining X only', () => {
    const evidence = (history: string) => factsOf(`Indications: ${history}\nUS-guided integrated PNS lead placed along the right greater occipital nerve.\n`).necessity.objectivePathology;
    assert.ok(evidence('failed PT/TPI/botox x3. B/L GON blocks +ve.'));
    assert.ok(evidence('failed PT, NSAIDs, 3 cluneal blocks (diagnostic); trial 65%.'));
    assert.ok(evidence('two rounds of occipital nerve blocks, which confirmed the diagnosis.'));
    assert.ok(evidence('Failed: neurectomy consult declined, PT, gabapentin, 3 ilioinguinal blocks (temporary 90% relief).'));
    assert.equal(evidence('failed PT, gabapentin and blocks.'), null);
  });
  it('reads imaging named by its use: "US linear" in a table, "US at ...", "w/ US", "Ultrasaund", a planning CT and a CT table', () => {
    const implant = 'Procedure: percutaneous integrated PNS lead placed along the left pudendal nerve.\n';
    const modalities = (line: string) => factsOf(`${implant}${line}\n`).imaging.modalities;
    assert.deepEqual(modalities('| Imaging | US linear, iliac crest 7 cm lateral to midline |'), ['ultrasound']);
    assert.deepEqual(modalities('TECHNIQUE: Prone. US at subgluteal sciatic.'), ['ultrasound']);
    assert.deepEqual(modalities('Course: L sural n. identified w/ US posterior to lat malleolus.'), ['ultrasound']);
    assert.deepEqual(modalities('Technique: Ultrasaund used.'), ['ultrasound']);
    assert.deepEqual(modalities('1. Prone on CT table, MAC.\n2. Planning CT of the pelvis.'), ['ct']);
  });
  it('ends a statement where a writer broke a short line, not where a wrap or an indent goes on, and at a numbered label', () => {
    const message = factsOf('Dr. Ibarra 10:05 am 09/09/26\nPNS-2026-1114 done\nR suprascapular PNS, perc, fluoro guided\n1 lead, built-in receiver, wearable stim on shoulder strap\nmotor/sensory test good at 1.1 mA\nshoulder pain x 2 yrs, failed PT, 2 steroid inj, meds\n');
    assert.equal(message.necessity.painDuration?.months, 24);
    const log = factsOf('IMPLANT RECORD - 07/01/2026 - Dr. E. Lindqvist\nRow 1: NeuroVela PNS array, receiver integrated - L knee, superomedial genicular - implanted\nRow 2: NeuroVela array NV-40 LOT 4471C - opened, not used (wasted)\nArray perc under fluoro, stim-tested with knee paresthesia.\n');
    assert.equal(log.procedure?.value, 'insertion');
  });
  it('labels a row-keyed table\'s values by their row ("| Side | L | L |"), except in a column of another time', () => {
    const table = (rows: string) => factsOf(`Procedure: percutaneous integrated PNS, US guided.\n\n${rows}\n`);
    const keyed = table('| Item | Array 1 | Array 2 |\n| --- | --- | --- |\n| Nerve | suprascapular | axillary |\n| Side | L | L |\n| Device | integrated array, on-board receiver | integrated array, on-board receiver |');
    assert.equal(keyed.laterality?.value, 'left');
    const timed = table('| Item | Today | Prior (trial 04/2026) |\n| --- | --- | --- |\n| Procedure | Permanent implant | Temporary trial |\n| Nerve | Medial plantar | Medial + lateral plantar |\n| Side | Right | Right |\n| Leads | 1 integrated array | 2 trial leads (removed 04/21) |');
    assert.equal(timed.arrays?.value, 1);
  });
  it('reads a key that lists its options of several words, handedness as no side, a bold count and a run-on\'s "we" as a new clause', () => {
    const options = factsOf('Procedure: percutaneous PNS, right genitofemoral nerve, US.\nSystem type (integrated w/ external transmitter / conventional w/ IPG): integrated w/ external transmitter\n');
    assert.equal(options.integrated?.value, true);
    const handed = factsOf('The patient is a right hand dominant woman with dorsal thumb pain.\nToday, on the left forearm, under ultrasound, one electrode array with the receiver built into the lead was deployed along the superficial radial nerve.\n');
    assert.equal(handed.laterality?.value, 'left');
    assert.equal(factsOf('## Technique\nUltrasound. Each lead carries its own receiver.\n\nArrays placed today: **2** (one per nerve).\n').arrays?.value, 2);
    const runOn = factsOf(`right sciatic nerve stimulator placement ${'the patient tolerated positioning well and '.repeat(10)}test stimulation gave paresthesia no motor at that setting we deployed the single lead which has its receiver built into it\n`);
    assert.equal(runOn.procedure?.value, 'insertion');
  });
  it('lets "not available" deny only what stands right before it, and "not a" only a short noun phrase', () => {
    const implant = 'US-guided integrated PNS lead placed along the left T7 intercostal nerve.\n';
    assert.ok(factsOf(`${implant}Tried gabapentin, lidocaine patches, PT, cryo not available.\n`).necessity.conservativeCare);
    assert.deepEqual(factsOf(`${implant}Fluoroscopy was not available.\n`).imaging.modalities, ['ultrasound']);
    assert.equal(factsOf(`date: 2026-05-01\n\nIndications: R knee pain, not a TKA candidate (cardiac), pain > 5 years.\n${implant}`).necessity.painDuration?.months, 60);
  });
  it('reads an answer box\'s word as its answer only: "☐ No   Paresthesia at 0.6 mA" denies nothing, "[ ] No (separate IPG)" offers the IPG', () => {
    const implant = 'Procedure: percutaneous integrated PNS lead, left superficial peroneal nerve, US.\n';
    assert.equal(factsOf(`${implant}Intraop testing:  ☒ Yes  ☐ No   Paresthesia in dorsum of foot at 0.6 mA, no motor response\n`).testing.status, 'documented');
    assert.equal(factsOf(`${implant}Integrated system:     [X] Yes   [ ] No (separate IPG)\n`).integrated?.value, true);
  });
  it('reads template keys that carry their options ("Nerve (choose: ...): median", "Number of arrays placed (1/2): 1") and a checked "Not applicable"', () => {
    const form = factsOf('PNS IMPLANT TEMPLATE v3\nNerve (choose: median / ulnar / radial / other): median\nSide (left/right): left\nGuidance used (US/fluoro/CT): US\nNumber of arrays placed (1/2): 1\nSystem type (integrated / IPG): integrated - lead with built-in receiver\nStim test result: concordant paresthesia at 0.7 mA\n');
    assert.equal(form.nerve?.value, 'median');
    assert.equal(form.arrays?.value, 1);
    const boxes = factsOf('Nerve: intercostal (T7)\nSystem: ☒ Integrated (array + onboard receiver, external wearable)  ☐ Separate IPG with pocket\nNumber of arrays: one\nModifier 22 documentation: ☐ Applicable  ☒ Not applicable\n');
    assert.equal(boxes.increasedServices.status, 'absent');
  });
  it('reads a case "ABORTED before lead deployed", a separate generator told by its pocket, and a timeline after the indication as today\'s', () => {
    const aborted = factsOf('Proc planned: perc integrated PNS, L lat femoral cutaneous n., US\nDone: prep, local, US shows LFCN medial to ASIS. Introducer placed x1 -> pt severe anxiety.\nABORTED before lead deployed.\nNo device left in.\n');
    assert.ok(aborted.discontinued);
    assert.equal(aborted.procedure?.value, 'insertion');
    const pocket = factsOf('- US-guided percutaneous placement of 1 array along medial calcaneal n.\n- Test stim concordant heel paresthesia 0.6 mA\n- Small pocket made in medial calf; lead connected via extension to the receiver, receiver placed in pocket\n');
    assert.equal(pocket.integrated?.value, false);
    const timeline = factsOf('Indication: common peroneal neuropathic pain, x 16 mo; failed PT; trial with 60% relief.\n0818 US probe placed, common peroneal n. identified at fibular neck\n0829 Test stim: concordant paresthesia 1.0 mA\n0833 Integrated lead (on-board receiver) deployed\n');
    assert.deepEqual(timeline.imaging.modalities, ['ultrasound']);
    assert.equal(timeline.testing.status, 'documented');
  });
  it('names a nerve by its neuralgia or neuropathy, counts "L + R one array each" as two, and reads "permanent" near its word', () => {
    const dx = factsOf('* Dx: right saphenous neuralgia after varicose vein stripping; pain since 2024\n* Perc placement under fluoroscopy, adductor canal; paresthesia at 1.0 mA\n* ONE integrated lead (receiver in lead) deployed at final position\n');
    assert.equal(dx.nerve?.value, 'saphenous');
    assert.equal(factsOf('B/L greater occipital nn., perc integrated PNS, US guided, L + R one array each.\n').arrays?.value, 2);
    const runOn = factsOf(`this is a conversion ${'the patient tolerated it well and '.repeat(10)}the temporary trial lead was removed intact and the permanent lead which has its receiver built into it was deployed along the sural nerve with paresthesia at 0.5 milliamps she will follow up in one week\n`);
    assert.equal(runOn.procedure?.value, 'insertion');
  });
  it('reads "DPN" as the deep peroneal nerve and "its receiver is part of the lead" as an integrated device', () => {
    const facts = factsOf('IMPRESSION/PLAN: Successful perc placement, 1 integrated array, L deep peroneal n.\n\nDETAILS: Hockey-stick probe - DPN lateral to dorsalis pedis a. at the ankle. Introducer in-plane, one lead deployed; its receiver is part of the lead and it runs off an external wearable. Stim 0.3 mA: paresthesia 1st web space.\n');
    assert.equal(facts.nerve?.value, 'deep peroneal');
    assert.equal(facts.integrated?.value, true);
  });
  it('lets the procedure statement\'s implant settle a trial copied forward above it, but not a temporary lead\'s', () => {
    const copied = factsOf('HPI (carried forward from 02/10/2026 visit): [02/10/2026: temporary PNS trial lead placed R suprascapular n., connected to external trial stimulator.]\n\nPROCEDURE TODAY (08/25/2026): Percutaneous implantation of integrated peripheral nerve stimulation system - R suprascapular nerve.\nArray 1: suprascapular notch, deployed; test 0.6 mA concordant.\n');
    assert.equal(copied.procedure?.value, 'insertion');
    const temporary = factsOf('PROCEDURE: Percutaneous placement of temporary peripheral nerve stimulation lead, right axillary nerve, for 60-day treatment.\n\nTECHNIQUE: Under ultrasound the temporary lead was placed and connected to an external stimulator.\n\nPLAN: We will remove it at 60 days.\n');
    assert.equal(temporary.procedure?.value, 'trial');
  });
});
