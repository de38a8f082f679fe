import * as assert from 'node:assert/strict';
import { factsOf } from '../../helpers/facts';
import { parseDocument } from '../../../server/src/core/parse';

/** Forms of real notes read in session 6: numbers in words, full dates of onset, misspelt responses. */
describe('facts written in words, dates and misspellings', () => {
  const IMPLANT = 'Procedure: integrated PNS, right sural nerve, ultrasound. One array deployed.\n';

  it('reads extra time written in words as quantified increased services', () => {
    const facts = factsOf(`${IMPLANT}MODIFIER 22 JUSTIFICATION: The procedure took seventy-five minutes against our typical thirty-five minutes, because of dense scar.\n`);
    assert.equal(facts.increasedServices.status, 'quantified');
    assert.equal(factsOf(`${IMPLANT}MODIFIER 22 JUSTIFICATION: dense scar made it long.\n`).increasedServices.status, 'unquantified');
  });

  it('dates the pain from a full date after "since", not from how long a block helped', () => {
    const facts = factsOf(`date: 2026-05-28\n\n${IMPLANT}Burning foot pain since her fall on 02/27/2025; a sural block helped for a day.\n`);
    assert.equal(facts.necessity.painDuration?.months, 15);
  });

  it('reads a misspelt paresthesia and a current in words as stimulation testing', () => {
    assert.equal(factsOf(`${IMPLANT}On stimulation she had parasthesia down to the fifth toe.\n`).testing.status, 'documented');
    assert.equal(factsOf(`${IMPLANT}Stimulated at one milliamp with a response over the lateral foot.\n`).testing.status, 'documented');
  });

  it('reads pain scores in words as the trial outcome', () => {
    const facts = factsOf(`${IMPLANT}The trial stimulator took her from ten to four on the pain scale over eight days.\n`);
    assert.equal(facts.necessity.trialOutcome?.percentRelief, 60);
    assert.equal(factsOf(`${IMPLANT}The trial went from ten to four visits.\n`).necessity.trialOutcome, null);
  });

  it('reads a wrapped line that ends in a label on into its value ("... relief. Trial 03/2026:" / "70% relief")', () => {
    const facts = factsOf(`${IMPLANT}INDICATION: 22 months of ankle pain after a release, failed PT and gabapentin. Tibial block 90% relief. Trial 03/2026:\n70% relief, able to walk 2 miles.\n`);
    assert.equal(facts.necessity.trialOutcome?.percentRelief, 70);
    assert.equal(factsOf(`${IMPLANT}Trial result:\n70% relief.\n`).necessity.trialOutcome?.percentRelief, 70);
  });

  it('reads an HL7 text export: each observation is a section under its name, and "\\.br\\" breaks the text', () => {
    const text = [
      'OBX|1|TX|HX^History||Left chest wall pain for one year.\\.br\\No relief from PT. Trial 07/2026 60% relief.||||||F',
      'OBX|2|TX|SOCHX^Social/Family history||Husband has a spinal cord stimulator with an implanted battery.||||||F',
      'OBX|3|TX|PROC^Procedure||US-guided percutaneous implantation of integrated PNS, left T7 intercostal nerve||||||F',
      'OBX|4|TX|TECH^Technique||Stim 1.0 mA concordant.\\.br\\One integrated array deployed.||||||F',
    ].join('\n');
    const model = parseDocument({ uri: 'note.opnote', version: 1, text });
    assert.deepEqual(model.sections.map((section) => section.title), ['History', 'Social/Family history', 'Procedure', 'Technique']);
    const facts = factsOf(text);
    assert.equal(facts.laterality?.value, 'left');
    assert.equal(facts.nerve?.value, 'intercostal');
    assert.equal(facts.necessity.painDuration?.months, 12);
  });

  it('dates the pain from "since May 1, 2026", and reads "blocks x2; 5 day trial" as the trial\'s days', () => {
    const facts = factsOf(`date: 2026-12-01\n\n${IMPLANT}Indications: pain since May 1, 2026 after bunionectomy; failed gabapentin, PT and blocks x2; 5 day trial NRS 8 -> 2 (75%).\n`);
    assert.equal(facts.necessity.painDuration?.months, 7);
    assert.equal(factsOf(`${IMPLANT}Indications: failed PT and blocks x2; 5 day trial NRS 8 -> 2 (75%).\n`).necessity.painDuration, null);
  });

  it('counts one array when a parenthesis describes the lead ("Lead (electrodes + receiver in one implant) deployed")', () => {
    assert.equal(factsOf('Proc: perc integrated PNS, right intercostal nerve, US.\n- Lead (electrodes + receiver in one implant) deployed\n').arrays?.value, 1);
    assert.equal(factsOf('Proc: perc integrated PNS, right intercostal nerve, US.\n- Leads (receiver in each) deployed\n').arrays, null);
  });

  it('takes the side told once with the pain in the indication when the note tells no other side', () => {
    const procedure = 'Procedure: Percutaneous placement of integrated peripheral nerve stimulator, posterior tibial nerve, single lead, ultrasound.\n';
    assert.equal(factsOf(`Indications: 47F with left plantar neuropathic pain x 26 months.\n\n${procedure}`).laterality?.value, 'left');
    assert.equal(factsOf(`Indications: left plantar neuropathic pain x 26 months; right knee replaced 2020.\n\n${procedure}`).laterality, null);
    assert.equal(factsOf(`Indications: plantar neuropathic pain x 26 months, left TKA 2019.\n\n${procedure}`).laterality, null);
  });

  it('reads "pain 18/12" as eighteen months, and an indented line as the rest of a terse field', () => {
    assert.equal(factsOf(`${IMPLANT}Indication: neuropathic lateral leg pain 18/12. Failed physio.\n`).necessity.painDuration?.months, 18);
    const facts = factsOf(`${IMPLANT}Indic: P x 26 mo. Failed: meds, PT. 7-day trial\n  09/2026 -> 70% relief, walks 2 -> 6 blocks.\n`);
    assert.equal(facts.necessity.trialOutcome?.percentRelief, 70);
  });

  it('reads the checked option of a field of boxes as its value ("Nerve: [ ] GON [x] Tibial")', () => {
    const text = 'PNS IMPLANT - QUICK TEMPLATE\nSide: [ ] L [x] R\nNerve: [ ] GON [ ] SPN [x] Tibial (posterior, at tarsal tunnel) [ ] Other ____\nGuidance: [x] US [ ] Fluoro [ ] CT\nSystem: [x] Integrated (receiver in lead, external power) [ ] IPG w/ pocket\nArrays placed: [x] 1 [ ] 2 [ ] 3\nNecessity: [x] Pain since 01/2025 [x] Trial >=50% (70%)\n';
    const facts = factsOf(text);
    assert.equal(facts.nerve?.value, 'tibial');
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
    assert.equal(facts.arrays?.value, 1);
    assert.equal(facts.integrated?.value, true);
    assert.equal(facts.necessity.trialOutcome?.percentRelief, 70);
    assert.equal(factsOf(text.replace('[ ] SPN [x] Tibial', '[x] SPN [ ] Tibial')).nerve?.value, 'superficial peroneal');
  });

  it('reads history fields, bulleted or not, as history: their sides are not the procedure\'s', () => {
    const text = 'Pre-procedure\n- H&P update: shoulder pain x 3 yrs.\n- PMH: ESRD (L arm AV fistula), CRT-D (left chest), hearing aids bilat.\n- PSH: L TKA 2016, R toe amputation 2024.\nTime-out: right shoulder, axillary nerve, integrated PNS.\nMD summary: percutaneous implantation of integrated peripheral nerve stimulator, right axillary nerve, one array, US.\n';
    assert.equal(factsOf(text).laterality?.value, 'right');
  });

  it('reads the side of a code modifier ("64596-RT x1") and, with no side in words, of the diagnosis code', () => {
    assert.equal(factsOf('Procedure: perc implant integrated PNS, common peroneal n. - 64596-RT x1\nUS guided, one array.\n').laterality?.value, 'right');
    const coded = 'ASSESSMENT: G57.82 lesion of superficial peroneal nerve; pain x 23 months.\nProcedure: percutaneous implantation of integrated peripheral nerve stimulator, superficial peroneal n., single lead, US.\n';
    assert.equal(factsOf(coded).laterality?.value, 'left');
    assert.equal(factsOf(coded.replace('G57.82', 'G57.82, G57.81')).laterality, null);
  });

  it('dates the pain against a date of service the body states when the header has none', () => {
    const facts = factsOf('PNS-2026-1123 dos 11/20/2026 Dr. Moreau this is a brief dictation for the left lesser occipital nerve stimulator the headaches began february 2025 and her seven day trial took her from seven out of ten down to two so today one integrated lead was deployed under ultrasound\n');
    assert.equal(facts.necessity.painDuration?.months, 21);
    assert.equal(facts.necessity.trialOutcome?.percentRelief, 71);
  });

  it('reads the time and reason of modifier 22 in the sentences after its request', () => {
    const text = `${IMPLANT}\nADDENDUM - INCREASED PROCEDURAL SERVICES (modifier 22), 11/18/2026: Skin-to-skin time was 95 minutes against 35 minutes for my typical placement. The extra 60 minutes were spent dissecting the fragment free of dense scar under ultrasound.\n`;
    assert.equal(factsOf(text).increasedServices.status, 'quantified');
    assert.equal(factsOf(text.replace('free of dense scar', 'slowly')).increasedServices.status, 'unquantified');
  });

  it('takes a known title that opens its paragraph with a full stop for a heading ("Procedure. Under local ...")', () => {
    const text = 'Dear Dr. Amaranth,\n\nHer other history is unchanged: asthma, iron deficiency. Medications: lamotrigine.\n\nProcedure. Under ultrasound I traced the right lesser occipital nerve and deployed one integrated lead; test stimulation at 0.6 mA was concordant.\n';
    const model = parseDocument({ uri: 'note.opnote', version: 1, text });
    assert.deepEqual(model.sections.map((section) => section.id), ['other', 'procedure']);
    assert.equal(factsOf(text).nerve?.value, 'lesser occipital');
  });

  it('reads "Summary:" as the account of the procedure, and nerves written "ulnar n (" or "IH nerve"', () => {
    const facts = factsOf('CPT: 64596-RT, 64597-RT x1\nDevice: integrated PNS arrays x2 (on-board receiver, ext wearable)\nSummary: 2 arrays perc R ulnar n (one at cubital tunnel, one mid-forearm), US guided, both tested concordant.\n');
    assert.equal(facts.nerve?.value, 'ulnar');
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
    assert.equal(facts.testing.status, 'documented');
    assert.equal(factsOf('Steps:\n1) Ultrasound, hockey-stick probe, IH nerve between IO and TA.\n2) One integrated PNS array deployed perc, left side.\n').nerve?.value, 'iliohypogastric');
  });

  it('does not take "bilateral hearing aids" for a bilateral procedure', () => {
    const text = 'Procedure: percutaneous integrated PNS, right tibial nerve, one lead, ultrasound.\nHe wears bilateral hearing aids; the right tibial nerve was identified and one lead deployed.\n';
    assert.equal(factsOf(text).laterality?.value, 'right');
    assert.equal(factsOf(text.replace('bilateral hearing aids', 'bilateral foot pain')).laterality?.value, 'bilateral');
  });

  it('takes a known title in capitals alone on its line for a heading ("DEVICE"), but not "Device" in a list', () => {
    const text = 'INDICATIONS\nFoot pain x 14 mo.\n\nDEVICE\nSystem: integrated lead (receiver built into array), external wearable.\n\nTECHNIQUE\nOne array deployed under US at the left superficial peroneal nerve.\n';
    assert.deepEqual(parseDocument({ uri: 'note.opnote', version: 1, text }).sections.map((section) => section.id), ['indications', 'implants', 'technique']);
    assert.equal(factsOf(text).integrated?.value, true);
    assert.deepEqual(parseDocument({ uri: 'note.opnote', version: 1, text: 'Implants:\nDevice\nLead x1\n' }).sections.map((section) => section.id), ['implants']);
  });

  it('reads a header line of a key it does not know as the note\'s text, under its key\'s role', () => {
    const text = 'PATIENT: PNS-2026-1203\nDATE: 2026-11-05\nPLANNED: BILATERAL GREATER OCCIPITAL PNS, INTEGRATED LEADS.\nPERFORMED: RIGHT GREATER OCCIPITAL PNS, ONE INTEGRATED LEAD. LEFT SIDE NOT PERFORMED.\nHX: OCCIPITAL NEURALGIA BILAT X 4 YRS.\nRIGHT: US GUIDED, GON AT C2 LEVEL, TEST 0.6 MA CONCORDANT, LEAD DEPLOYED.\n';
    const facts = factsOf(text);
    assert.equal(facts.laterality?.value, 'right');
    assert.equal(facts.nerve?.value, 'greater occipital');
    assert.equal(facts.arrays?.value, 1);
  });

  it('reads a 24-hour log ("0745 incision ...") as today\'s account, and an old generator taken out as no part of the new system', () => {
    const text = 'Indications: L occipital neuralgia for 6 years. Conventional stimulator with IPG placed 2021; IPG now at end of life. Her 2021 trial gave 70% relief.\n0745 left infraclavicular incision over old IPG, IPG freed from pocket and removed\n0815 US: left greater occipital n.; perc introducer in plane\n0819 test 0.5 mA concordant\n0822 integrated lead (receiver in lead; external wearable) deployed\n';
    const facts = factsOf(text);
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.integrated?.value, true);
    assert.equal(facts.nerve?.value, 'greater occipital');
  });

  it('reads "existing lead freed, advanced ... back" as a revision', () => {
    const facts = factsOf('Body: L saphenous integrated lead implanted 2026-06-30. Lead backed out 2 cm. Today: existing lead freed, advanced under US 2 cm back to the target, test stim 0.6 mA concordant. Re-anchored. No new lead used.\n');
    assert.equal(facts.procedure?.value, 'revision');
  });

  it('reads a misspelt trial ("trail lead") as a trial, and a permanent implant still to be discussed as no implant', () => {
    const text = 'Procedure: Percutanous temporary trail lead, right greator occiptal nerve.\nUnder ultrasound the right greater occipital nerve was identified. Trail lead inserted through the introducer, stimulation 0.7 mA concordant. Lead conected to the external trail stimulater for a 7 day trail.\nPermanant implant to be discused if > 50% releif.\n';
    const facts = factsOf(text);
    assert.equal(facts.procedure?.value, 'trial');
    assert.equal(facts.nerve?.value, 'greater occipital');
    assert.equal(factsOf(text.replace('Permanant implant to be discused if > 50% releif.', 'Permanant implant placed today.')).procedure?.value === 'trial', false);
  });

  it('reads the trial lead removed before the permanent one as part of the implant, and the side told with a part the nerve serves', () => {
    const text = 'INDICATIONS: Left posterior thigh and buttock crease pain x 20 months. Her percutaneous trial ended 2026-06-02 with 72% relief.\n\nDESCRIPTION: The trial was completed on 06/02 and that lead was removed that day. Today the permanent integrated lead was placed. Ultrasound showed the posterior femoral cutaneous nerve. Permanent integrated lead deployed. One lead.\n';
    const facts = factsOf(text);
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.laterality?.value, 'left');
  });

  it('codes the old conventional system taken out beside a new integrated implant: 64585 for its lead, 64595 for its generator', () => {
    const text = 'Indications: L occipital neuralgia for 6 years. Conventional stimulator with IPG placed 2021.\n0745 left infraclavicular incision over old IPG, IPG freed from pocket and removed\n0758 extension and old lead freed at the anchor and removed intact\n0815 US: left greater occipital n.; perc introducer in plane\n0819 test 0.5 mA concordant\n0822 integrated lead (receiver in lead; external wearable) deployed\n';
    assert.deepEqual(factsOf(text).codes.map((code) => code.code), ['64596', '64585', '64595']);
    const leadOnly = 'Indications: a conventional lead with an implanted pulse generator was placed in 2022; the generator was explanted in 2024.\nTechnique: Under ultrasound the retained conventional lead was freed and removed intact. Through a separate entry one integrated lead (receiver built in) was deployed at the left ilioinguinal nerve.\n';
    assert.deepEqual(factsOf(leadOnly).codes.map((code) => code.code), ['64596', '64585']);
    assert.deepEqual(factsOf('Technique: one integrated lead (receiver built in) deployed at the left ilioinguinal nerve under ultrasound; the introducer was removed.\n').codes.map((code) => code.code), ['64596']);
  });

  it('reads a placement dated "here on January 8 2026" as earlier, and a repositioning of the existing array as a revision', () => {
    const text = 'date: 2026-03-23\n\nthe patient had a right greater occipital nerve integrated peripheral nerve stimulator placed here on January 8 2026 for occipital neuralgia, the array migrated, so today he is here for repositioning of that existing array, no new array is being placed, under fluoroscopy the array was withdrawn partway and then re-advanced along the nerve, test stimulation concordant at 0.7 milliamps\n';
    assert.equal(factsOf(text).procedure?.value, 'revision');
  });

  it('reads "Integrated lead/receiver deployed x1" as the placement', () => {
    const facts = factsOf('Today: US id\'d sural n. posterior to lat malleolus. Introducer placed, test stim concordant. Integrated lead/receiver deployed x1. Ext wearable transmitter applied.\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.arrays?.value, 1);
  });

  it('counts arrays numbered as they are placed ("array 1 deployed ... array 2 deployed", "Leads = 2 total")', () => {
    assert.equal(factsOf('Sciatic nerve: stim concordant; array 1 deployed. Femoral nerve: stim concordant; array 2 deployed. Receivers built in.\n').arrays?.value, 2);
    assert.equal(factsOf('Proc: integrated PNS, B/L LFCN, US.\n - R: 1 lead, paresthesia lat thigh\n - L: 1 lead deployed\n - Leads = 2 total. Each has on-board receiver.\n').arrays?.value, 2);
    assert.equal(factsOf('Sciatic nerve: stim concordant; array 1 deployed. Array 2: not placed, coverage complete. Receivers built in.\n').arrays?.value, 1);
  });

  it('infers no count from a lone device word when the fax says pages are missing, but reads "1 x ... lead"', () => {
    const note = 'PROCEDURE NOTE  Page 1 of 3\nIntegrated PNS, right ilioinguinal nerve, under ultrasound; the lead was deployed.\n';
    assert.equal(factsOf(note).arrays?.value, 1);
    assert.equal(factsOf(`${note}*** PAGES 002 AND 003 NOT RECEIVED - PLEASE RESEND ***\n`).arrays, null);
    assert.equal(factsOf(`${note}*** PAGE 2 OF 3 NOT RECEIVED ***\nIMPLANTS: 1 x Kestrel SL integrated lead (receiver in lead body)\n`).arrays?.value, 1);
  });

  it('does not take a wrapped line of capitals with a full stop before its colon for a heading ("PLANE. ONE ARRAY DEPLOYED. TEST STIMULATION:")', () => {
    const text = 'PROCEDURE: PERCUTANEOUS IMPLANTATION OF INTEGRATED PERIPHERAL NERVE STIMULATOR, RIGHT AXILLARY NERVE.\nDESCRIPTION: ULTRASOUND OVER THE POSTERIOR SHOULDER. INTRODUCER ADVANCED IN\nPLANE. ONE ARRAY DEPLOYED. TEST STIMULATION: DELTOID REGION PARESTHESIA AT 0.9 MA, CONCORDANT.\n';
    const model = parseDocument({ uri: 'note.opnote', version: 1, text });
    assert.deepEqual(model.sections.map((section) => section.id), ['procedure', 'technique']);
    assert.equal(factsOf(text).testing.status, 'documented');
  });

  it('ends an unchecked option at a column gap ("☐ motor   threshold 0.4 mA, paresthesia concordant")', () => {
    const facts = factsOf(`${IMPLANT}Intraop testing: ☒ sensory ☐ motor   threshold 0.4 mA, plantar paresthesia concordant\n`);
    assert.equal(facts.testing.status, 'documented');
    assert.equal(factsOf(`${IMPLANT}Imaging: ☐ Fluoroscopy   ☒ Ultrasound\n`).imaging.modalities.join(), 'ultrasound');
  });

  it('reads each field of a line of fields: "Fluoro: N/A" and "Fluoroscopy: No" deny fluoroscopy, "fluoroscopy - N" too', () => {
    for (const line of ['Airway: NC 2 L | Fluoro: N/A | EBL: <5 mL', 'Type: MAC | Fluoroscopy: No | EBL 2 mL', 'Imaging guidance: ultrasound - Y   fluoroscopy - N   CT - N', 'Imaging: ultrasound   Fluoroscopy time: ____']) {
      assert.deepEqual(factsOf(`${IMPLANT}${line}\n`).imaging.modalities, ['ultrasound'], line);
    }
    assert.deepEqual(factsOf(`${IMPLANT}Airway: NC 2 L | Fluoro: 12 s | EBL: <5 mL\n`).imaging.modalities, ['ultrasound', 'fluoroscopy']);
  });

  it('reads durations ended by a full stop, told of the surgery before "ago", or after a table\'s "Pain onset |"', () => {
    assert.equal(factsOf(`${IMPLANT}rt saphenous n. neuralgia post TKA, 3 yrs. failed PT/meds/RFA.\n`).necessity.painDuration?.months, 36);
    assert.equal(factsOf(`${IMPLANT}Hx: De Quervain release 14 months ago (neuroma on exam, Tinel +).\n`).necessity.painDuration?.months, 14);
    assert.equal(factsOf(`date: 2026-08-10\n\n${IMPLANT}| Pain onset | August 2024 (post-concussion) |\n`).necessity.painDuration?.months, 24);
    assert.equal(factsOf(`${IMPLANT}Hx: trial 2 weeks ago gave 60% relief.\n`).necessity.painDuration, null);
  });

  it('reads trial outcomes as real notes give them: "per cent", "TRIAL 60 PERCENT", a "Trial relief (%)" row, "pain from eight to three", "NRS 8 baseline -> 2", "headache days reduced by 55%"', () => {
    const outcome = (line: string) => factsOf(`${IMPLANT}${line}\n`).necessity.trialOutcome?.percentRelief;
    assert.equal(outcome('Trial of PNS over 7 days: 60 per cent relief, using less Palexia.'), 60);
    assert.equal(outcome('FAILED PT AND BLOCKS, TRIAL 60 PERCENT. GOOD RELIEF.'), 60);
    assert.equal(outcome('| Trial relief (%)              | 70                  |'), 70);
    assert.equal(outcome('her seven day trial with the temporary lead brought her pain from eight to three so today we proceed'), 63);
    assert.equal(outcome('Trial 05/2026: NRS 8 baseline -> 2 on day 6.'), 75);
    assert.equal(outcome('Trial stimulation for 7 days in April: headache days reduced by 55%, patient very satisfied.'), 55);
    assert.equal(outcome('Trial: pain from eight to three weeks of use.'), undefined);
  });

  it('reads abbreviated nerves: "sup radial n.", "sup. peroneal n.", "medial calcaneal br."', () => {
    const nerve = (line: string) => factsOf(`Today: perc integrated PNS, ${line}, US guided, one array deployed.\n`).nerve?.value;
    assert.equal(nerve('L sup radial n., distal forearm'), 'superficial radial');
    assert.equal(nerve('B/L sup. peroneal n. (L + R)'), 'superficial peroneal');
    assert.equal(nerve('lt medial calcaneal br. (heel)'), 'calcaneal');
  });

  it('takes the nerve a field names over one the narrative passes, and reads a heading that states the procedure', () => {
    const table = '| Nerve            | Medial calcaneal                           |\n| Device           | integrated, external wearable |\n\n## Procedure\nUnder ultrasound the introducer was advanced posterior to the tibial nerve bifurcation; one integrated array deployed.\n';
    assert.equal(factsOf(table).nerve?.value, 'calcaneal');
    const heading = '## Procedure: permanent PNS, medial calcaneal nerve (integrated system)\n- Ultrasound: tibial nerve followed to the origin of the medial calcaneal branch; one array deployed.\n';
    assert.equal(factsOf(heading).nerve?.value, 'calcaneal');
  });

  it('reads a replacement told with a comma or a table row of the old lead, and an old conventional system taken out beside a new integrated one as an insertion', () => {
    assert.equal(factsOf('PROCEDURE: Replacement, integrated peripheral nerve stimulation lead - left greater occipital nerve, ultrasound.\n| Old lead | Removed intact by gentle traction under US |\n| New lead | deployed, concordant at 0.6 mA |\n').procedure?.value, 'replacement');
    assert.equal(factsOf('Removed failed integrated array L superficial peroneal; placed new integrated array under US.\n').procedure?.value, 'replacement');
    const conventional = 'Technique: Under ultrasound the retained conventional lead was freed and removed intact. Through a separate entry one integrated lead (receiver built in) was deployed at the left ilioinguinal nerve.\n';
    assert.equal(factsOf(conventional).procedure?.value, 'insertion');
    assert.equal(factsOf('Today the existing lead was withdrawn 2 cm and re-advanced along the nerve under US; no new lead.\n').procedure?.value === 'removal', false);
  });

  it('reads an empty lone box after a key as "no", and a table row answered "No" under "Implanted?" as not done', () => {
    assert.equal(factsOf(`${IMPLANT}System: [x] integrated (built-in receiver; external wearable power unit)\nIPG / pocket created: [ ]\n`).integrated?.value, true);
    assert.equal(factsOf(`${IMPLANT}IPG / pocket created: [x]\n`).integrated?.value, false);
    const table = '| Component | Description | Implanted? |\n|---|---|---|\n| Electrode array x2 | lead with integrated receiver | Yes |\n| Pulse generator / pocket | none | No |\n';
    assert.equal(factsOf(`${IMPLANT}${table}`).integrated?.value, true);
    assert.equal(factsOf(`${IMPLANT}${table.replace('| none | No |', '| buttock pocket | Yes |')}`).integrated?.value, false);
  });

  it('lets a generator told three times over outweigh one word "integrated"', () => {
    const text = 'PROCEDURE: PERCUTANEOUS IMPLANTATION OF INTEGRATED PERIPHERAL NERVE STIMULATOR, LEFT LATERAL FEMORAL CUTANEOUS NERVE.\nA SUBCUTANEOUS POCKET WAS DEVELOPED, THE LEAD TUNNELED TO THE POCKET AND CONNECTED TO THE PULSE GENERATOR.\nIMPLANTS: LEAD X1, IPG X1.\n';
    const facts = factsOf(text);
    assert.equal(facts.integrated?.value, false);
    assert.equal(facts.conflicts.some((conflict) => conflict.topic === 'device'), false);
    const once = factsOf('PROCEDURE: Percutaneous implantation of integrated peripheral nerve stimulator, left LFCN; one lead deployed. Implants: IPG x1.\n');
    assert.equal(once.conflicts.some((conflict) => conflict.topic === 'device'), true);
  });

  it('takes an EHR phrase\'s "***" left in a coding field for a blank, not elsewhere', () => {
    const blanks = (text: string) => parseDocument({ uri: 'note.opnote', version: 1, text }).placeholders.length;
    assert.equal(blanks('Side: ***\nNerve: superficial peroneal\n'), 1);
    assert.equal(blanks('Specimens: ***\n*** FAX *** page 2 ***\n'), 0);
  });

  it('reads history rows of a table as history, and the side told with a nerve\'s body part in capitals shorthand ("R tarsal tunnel")', () => {
    const text = '| Field | Entry |\n|---|---|\n| PSH | bilateral bunionectomy 2015; R total knee 2023 |\n\nProcedure: permanent integrated PNS, medial calcaneal nerve, left heel, one array, US.\n';
    assert.equal(factsOf(text).laterality?.value, 'left');
    assert.equal(factsOf('Dx: R tarsal tunnel s/p release 2024, neuropathic heel pain x 19 mo\nProc: perc PNS implant, tibial n., US. Device: integrated lead, 1 array.\n').laterality?.value, 'right');
  });

  it('reads "2½ years", and not how long a radiofrequency treatment helped', () => {
    assert.equal(factsOf(`${IMPLANT}Indication: Chronic R shoulder pain for 2½ years. Failed physio, pulsed RF 2025 (6 wks).\n`).necessity.painDuration?.months, 30);
    assert.equal(factsOf(`${IMPLANT}Indication: Failed physio, pulsed RF 2025 (6 wks).\n`).necessity.painDuration, null);
  });

  it('reads a procedure line ending "-- ABORTED" as a procedure stopped', () => {
    const facts = factsOf('Proc: perc integrated PNS rt common peroneal n. -- ABORTED\nUS: nerve identified, introducer advanced 2 cm. Pt refused to continue. NO lead placed.\n');
    assert.ok(facts.discontinued);
    assert.equal(facts.procedure?.value, 'insertion');
  });

  it('does not take "Ultrasound used by anesthesia: No" for a denial of the implant\'s imaging', () => {
    const facts = factsOf(`Regional block by anesthesia: No   Ultrasound used by anesthesia: No\n${IMPLANT}`);
    assert.equal(facts.conflicts.some((conflict) => conflict.topic === 'imaging'), false);
    assert.equal(factsOf(`Ultrasound used: No\n${IMPLANT}`).conflicts.some((conflict) => conflict.topic === 'imaging'), true);
  });

  it('leaves the side of another procedure of the session (a block on the other side) to that procedure', () => {
    const text = 'Procedure(s): (a) PNS implant R GON, perc, US; (b) L GON block (64405-LT)\n(a) Prone. R GON identified. 1 integrated array placed.\n(b) L GON: US-guided, 3 mL 0.5% bupivacaine around L GON.\n';
    assert.equal(factsOf(text).laterality?.value, 'right');
  });

  it('reads sides written RUE / LLE and before head and face nerves ("R auriculotemporal n.")', () => {
    assert.equal(factsOf('# Procedure\nPercutaneous placement of integrated peripheral nerve stimulator, radial nerve at spiral groove, RUE.\n').laterality?.value, 'right');
    assert.equal(factsOf('Proc: perc PNS implant R auriculotemporal n. (ATN), pre-auricular, US. One integrated array.\n').laterality?.value, 'right');
  });

  it('reads "PLAN / PROCEDURE TODAY:" as the account of today\'s procedure, and "intercostal nn."', () => {
    const facts = factsOf('PLAN / PROCEDURE TODAY: perc integrated PNS x2 arrays, L T8 + T9 intercostal nn., US guided.\n\nASSESSMENT: Post-thoracotomy pain syndrome.\n');
    assert.equal(facts.nerve?.value, 'intercostal');
    assert.equal(parseDocument({ uri: 'note.opnote', version: 1, text: 'PLAN / PROCEDURE TODAY: perc integrated PNS.\n' }).sections[0].id, 'procedure');
  });

  it('reads the option a pointer marks as chosen and the others as not ("SIDE (select): ► Left   Right   Bilateral")', () => {
    const facts = factsOf('PROCEDURE (select one): ► Permanent implant   Trial   Revision   Removal\nSIDE (select): ► Left   Right   Bilateral\nNERVE: genitofemoral n., genital branch\nGUIDANCE (select all): ► Ultrasound   Fluoroscopy   CT\nARRAYS PLACED: 1\nTECHNIQUE: Integrated array (receiver in lead; external wearable driver) deployed.\n');
    assert.equal(facts.laterality?.value, 'left');
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
    assert.equal(facts.procedure?.value, 'insertion');
  });

  it('reads "cut pain in half", "six tenths relief" and a terse "Test +."', () => {
    assert.equal(factsOf(`${IMPLANT}S: 10-day trial 06/2026 cut pain in half.\n`).necessity.trialOutcome?.percentRelief, 50);
    assert.equal(factsOf(`${IMPLANT}She did a 5 day trial in February and reported about six tenths relief.\n`).necessity.trialOutcome?.percentRelief, 60);
    assert.equal(factsOf('Proc: perc integrated PNS, R common peroneal n. Fluoro + US. 1 array. Test +.\n').testing.status, 'documented');
  });

  it('reads a line of ticks and crosses as a checklist ("US ✓ / fluoro ✗", "IPG ✗"), not a timeline of crosses alone', () => {
    const facts = factsOf('Today: perm PNS L saphenous\nUS ✓ / fluoro ✗ → saphenous n. distal adductor canal → array x1 deployed → test 0.5mA ✓ concordant\nIntegrated ✓ (receiver in lead) | IPG ✗ | pocket ✗\n');
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
    assert.equal(facts.integrated?.value, true);
    const timeline = factsOf(`${IMPLANT}Timeline: L knee pain x 22mo → PT ✗ → gabapentin ✗ → trial 60% ↓\n`);
    assert.ok(timeline.necessity.conservativeCare?.treatments.length);
  });

  it('reads a bold "**Plan**" as a heading, "perm PNS" as permanent, a first array discarded and "One array remains in place"', () => {
    assert.equal(factsOf('- 1 integrated array placed at the left ilioinguinal nerve under US\n**Plan**\n- 2nd array to L iliohypogastric n. at f/u if coverage incomplete\n').arrays?.value, 1);
    assert.equal(factsOf('S: presents for perm PNS. 7d PNS trial ended 2026-05-30: 65% relief. Trial lead site healed.\nProcedure: US, 1 array (receiver integrated, external wearable power) deployed at the left superior cluneal nerve.\n').procedure?.value, 'insertion');
    assert.equal(factsOf('TECHNIQUE: A first array was deployed, but it dislodged when the introducer was withdrawn and it was removed and discarded. A second array was then deployed at the right ulnar nerve under ultrasound. One array remains in place.\n').arrays?.value, 1);
  });

  it('does not count a side told of a separate problem or of a body part the nerve does not serve', () => {
    const text = 'Before we started she mentioned a new, unrelated low back pain radiating to the right buttock for three weeks.\nIn the procedure room I used ultrasound to find the left lateral femoral cutaneous nerve; one integrated electrode array was deployed.\n';
    assert.equal(factsOf(text).laterality?.value, 'left');
  });

  it('reads "integral receiver", "US over ...", and an incision at the nerve\'s fascial exit point as open', () => {
    assert.equal(factsOf('Procedure: Single electrode with integral receiver deployed at the right ilioinguinal nerve under ultrasound.\n').integrated?.value, true);
    assert.deepEqual(factsOf('- Today: sitting, US over posterior border of SCM; LON seen; introducer placed, integrated lead deployed.\n').imaging.modalities, ['ultrasound']);
    assert.equal(factsOf('Procedure in detail: A 4 cm longitudinal incision was made over the SPN at the fascial exit point. Lead with integrated receiver laid alongside the nerve.\n').approach?.value, 'open');
  });

  it('reads "lead withdrawn 2.5 cm ... and re-advanced" and a repositioning of an existing stimulator lead as a revision, and a lead tunnelled to a generator as placed', () => {
    const revision = factsOf('EXAM: FLUOROSCOPY GUIDED REPOSITIONING OF EXISTING PERIPHERAL NERVE STIMULATOR LEAD, RIGHT\nPROCEDURE: Existing lead identified. Anchor released, lead withdrawn 2.5 cm under fluoroscopy and re-advanced along the original tract; no new lead opened.\n');
    assert.equal(revision.procedure?.value, 'revision');
    const conventional = factsOf('Perc 8-contact stimulator lead along R tibial n., fluoro.\nLead tunneled to R lat thigh; subQ pocket created, extension connected to IPG.\n');
    assert.equal(conventional.procedure?.value, 'insertion');
    assert.equal(conventional.integrated?.value, false);
  });
});
