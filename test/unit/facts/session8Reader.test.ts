import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/parse';
import { factsOf } from '../../helpers/facts';

/** Forms of real notes read in session 8: exported reports, necessity told by its events, rates. */
describe('exported reports and necessity told by events', () => {

  it('reads a dictation system\'s banner in brackets and bars as a record, not a choice left to fill', () => {
    const banner = parseDocument({ uri: 'n.opnote', version: 1, text: '[VoiceScribe 7.2 | job 55317 | dictated 08/11/2026 15:02 | status: FINAL]\nUS-guided integrated PNS lead placed along the left sural nerve.\n' });
    assert.deepEqual(banner.placeholders, []);
    // A choice is still one.
    const choice = parseDocument({ uri: 'n.opnote', version: 1, text: 'Side: [left | right]\n' });
    assert.deepEqual(choice.placeholders.map((placeholder) => placeholder.options), [['left', 'right']]);
  });

  it('joins a label wrapped in a fixed-width report\'s column, so the modifier 22 statement under it is read', () => {
    const facts = factsOf(
      'TECHNIQUE:     ULTRASOUND GUIDED. ONE INTEGRATED ARRAY DEPLOYED ALONG THE LEFT FEMORAL NERVE.\n' +
        'INCREASED      SKIN-TO-SKIN 85 MINUTES AGAINST ABOUT 35 MINUTES FOR OUR TYPICAL IMPLANT\n' +
        'SERVICES:      (50 MINUTES MORE), BECAUSE THE BYPASS GRAFT AND SCAR REQUIRED MAPPING.\n' +
        '               MODIFIER 22 REQUESTED.\n',
    );
    assert.equal(facts.increasedServices.status, 'quantified');
    // A label whose value starts in another column is no wrapped title.
    const model = parseDocument({ uri: 'n.opnote', version: 1, text: 'INCREASED COST WAS DISCUSSED\nSERVICES: none.\n' });
    assert.deepEqual(model.sections.map((section) => section.id), ['other']);
  });

  const IMPLANT = 'PROCEDURE: US-guided integrated PNS lead placed along the nerve.\n';

  it('does not take an x-ray of the implant for evidence of the nerve\'s pathology', () => {
    const revision = factsOf('Indications: lead migration. X-ray shows the lead has migrated 2 cm distally.\nUnder fluoroscopy the integrated lead was repositioned along the right tibial nerve.\n');
    assert.equal(revision.necessity.objectivePathology, null);
    assert.ok(factsOf('Indications: ankle pain for 2 years; x-ray shows an old fibular fracture; failed PT.\n' + IMPLANT).necessity.objectivePathology);
  });

  it('reads relief told before the blocks it came from, and a pain score pair without "/10", as a diagnostic block', () => {
    assert.ok(factsOf('Indications: 4 years of buttock pain with complete temporary relief from two ultrasound-guided superior cluneal blocks.\n' + IMPLANT).necessity.objectivePathology);
    assert.ok(factsOf('Hx: 2 LFCN blocks (NRS 8 -> 1 for 1 day each). Failed PT.\n' + IMPLANT).necessity.objectivePathology);
  });

  it('dates "since the accident" by the injury the note dated before it, and gives no number when it did not', () => {
    const dated = factsOf('Date: 2026-01-22\n\nINDICATIONS: crush injury to the right ankle at work on 01/22/2025. Since the accident he has had burning plantar pain. Failed PT and gabapentin.\n' + IMPLANT);
    assert.equal(dated.necessity.painDuration?.months, 12);
    const amputation = factsOf('Date: 2026-05-05\n\nINDICATIONS: left transtibial amputation 02/05/2024 after a crash. Residual limb pain since the amputation.\n' + IMPLANT);
    assert.equal(amputation.necessity.painDuration?.months, 27);
    const undated = factsOf('Date: 2026-05-05\n\nINDICATIONS: residual limb pain since the amputation, failed gabapentin.\n' + IMPLANT);
    assert.equal(undated.necessity.painDuration?.months, null);
  });

  it('reads "four tablets a day" and "3 hours a day" as rates, not as the pain\'s duration', () => {
    const facts = factsOf('Date: 2026-05-05\n\nINDICATIONS: foot pain limiting standing to 3 hours a day, on hydrocodone four tablets a day.\n' + IMPLANT);
    assert.equal(facts.necessity.painDuration, null);
    assert.equal(factsOf('INDICATIONS: pain for a year, failed PT.\n' + IMPLANT).necessity.painDuration?.months, 12);
  });

  it('reads a note typed in lower case throughout: its "us" is the ultrasound, not the pronoun', () => {
    const phone = factsOf('saphenous n pns placed today under us at adductor canal\nintegrated lead 1 array, wearable pulse unit, nothing implanted except the lead\nstim good medial knee n medial leg at .7ma\npain 14 mo after knee scope failed pt, meds, steroid inj\ntrial 5 days 55% better, tolerated well no comps\n');
    assert.deepEqual(phone.imaging.modalities, ['ultrasound']);
    // In a capitalised note "us" stays the pronoun.
    const prose = factsOf('The patient came to see us for an integrated PNS lead along the left sural nerve. Under fluoroscopy the lead was placed with us watching.\n');
    assert.deepEqual(prose.imaging.modalities, ['fluoroscopy']);
  });

  it('reads British "nil" and the shorthand "Ø" as none, and no further than the word they stand by', () => {
    const british = factsOf('USS-guided perc insertion R saphenous n. stimulator\n- single integrated electrode (receiver on lead), external wearable; nil implanted pulse generator\n- 1 array\n');
    assert.equal(british.integrated?.value, true);
    assert.equal(factsOf('Today: L sural n. perc PNS, US guided\n  integrated lead w/ embedded rcvr + ext pod; Ø IPG, no pocket\n').integrated?.value, true);
    // "EBL nil" denies the blood loss, not the count before it.
    assert.equal(factsOf('US-guided integrated PNS arrays placed at the left suprascapular and axillary nerves.\nTotal arrays placed: 2. EBL nil. Complications: none.\n').arrays?.value, 2);
  });

  it('reads a table row of a percutaneous lead at a nerve ("L sciatic n.") with a pulse generator as a conventional stimulator', () => {
    const facts = factsOf('IMPLANT RECORD\nComponent\tDetail\tSite\nLead\t8-contact percutaneous lead\tL sciatic n., popliteal fossa, US + fluoro\nExtension\t40 cm, tunneled\tL thigh\nIPG\trechargeable pulse generator\tL upper buttock pocket\n');
    assert.equal(facts.nerve?.value, 'sciatic');
    assert.equal(facts.integrated?.value, false);
  });

  it('reads a terse removal without its verb ("lead removed intact", "lead out today")', () => {
    assert.equal(factsOf('lt ilioinguinal pns lead out today (integrated lead no ipg), red + drainage at exit site\nlead removed intact w gentle traction\n').procedure?.value, 'removal');
  });

  it('dates a pain by the event or the date its line began with: "since the stroke", "since TKA", "09/14/2024 onset", "pain since"', () => {
    const dated = (indications: string) => factsOf(`Date: 2026-05-20\n\n${indications}\n${IMPLANT}`).necessity.painDuration?.months;
    assert.equal(dated('HPI: ischemic stroke in Nov 2024, R shoulder pain since the stroke. Failed OT/PT.'), 18);
    assert.equal(dated('Pre-op dx: R knee pain s/p R TKA (03/2025). Indications: pain since TKA, failed PT.'), 14);
    assert.equal(dated('09/14/2024 onset: fall from ladder, L buttock/post thigh pain since\n11/2024 - 03/2025 PT: no lasting benefit'), 20);
    assert.equal(dated('Ind.: chronic neuropathic pain R medial ankle, since 03.2024'), 26);
    assert.equal(dated('Hx: R saphenous neuralgia post R TKR (01/2025). Sx 20/12.'), 20);
    assert.equal(dated('Indications: right cubital tunnel pain, 16 monthes, failed OT.'), 16);
  });

  it('reads "N/A - aborted before lead placement" as a field answered not applicable', () => {
    const facts = factsOf('Procedure status: [ ] Completed  [x] Discontinued\nIntroducer advanced under ultrasound toward the right sciatic nerve, procedure terminated. No lead was deployed.\nStimulation testing: N/A - aborted before lead placement\n');
    assert.notEqual(facts.testing.status, 'documented');
  });

  it('counts no array a note planned and dropped ("the second planned array was dropped")', () => {
    const facts = factsOf('Two integrated arrays planned at the left popliteal fossa.\n- Array 1: under US, lead (built-in receiver) deployed along the sciatic nerve, test stim 0.8 mA concordant.\n- Array 2: Array 1 covered the painful area, so the second planned array was dropped.\n1 array placed, left sciatic.\n');
    assert.equal(facts.arrays?.value, 1);
  });

  it('ends a denial at a new subject in a note without punctuation ("no foot drop ... pt had pain 2 yrs")', () => {
    const facts = factsOf('rt common peroneal pns today us guided 1 lead placed integrated w built in receiver\nstim ok .5ma tingling lat leg, no foot drop twitch\npt had pain 2 yrs since knee dislocation failed pt meds\n');
    assert.equal(facts.necessity.painDuration?.months, 24);
  });

  it('reads a revision dictated without full stops: the denial of a new array ends at its verb', () => {
    const facts = factsOf('back today for the left suprascapular lead that migrated, xray showed the tip moved lateral under fluoro the existing integrated array was withdrawn\n2 cm and re advanced into the suprascapular notch no new array was placed stim now gives paresthesia over posterior shoulder again\n');
    assert.equal(facts.procedure?.value, 'revision');
    assert.equal(facts.testing.status, 'documented');
  });

  it('takes "in the correct plane" for no correction of the count', () => {
    const facts = factsOf('PROCEDURE: integrated PNS, left and right greater occipital nerves, ultrasound guided.\nOn the left, three needle passes were needed before the introducer lay in the correct plane; one array was then deployed. On the right, one array was deployed. Two arrays in total were implanted.\n');
    assert.equal(facts.arrays?.value, 2);
  });

  it('reads Latin sides ("N. occipitalis major dext.") and misspelt nerve names ("rt suprascaplar nerv")', () => {
    assert.equal(factsOf('Proc: perc implantation integrated PNS N. occipitalis major dext., sono-guided (ultrasound). 1 lead.\n').laterality?.value, 'right');
    assert.equal(factsOf('PROCEDURE: Replacment of percutanous integerated periferal nerve stimulater, rt suprascaplar nerv\n').nerve?.value, 'suprascapular');
  });

  it('reads "image intensifier not req\'d" as no fluoroscopy', () => {
    assert.deepEqual(factsOf('USS-guided perc insertion L superior cluneal n. stimulator, integrated lead. Image intensifier not req\'d.\n').imaging.modalities, ['ultrasound']);
  });

  it('reads a template\'s menu and the option picked after its arrow ("A / B / C -> A") as that option only', () => {
    const facts = factsOf('System: Integrated (receiver in array) / Conventional with IPG -> Integrated\nImaging used: Ultrasound / Fluoroscopy / CT -> Ultrasound (Clarius L7)\nNerve: common peroneal, left. PNS array deployed, tested.\n');
    assert.equal(facts.integrated?.value, true);
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
    // Prose with a slash and an arrow is no menu.
    assert.equal(factsOf('Hx: B/L buttock / iliac crest pain 2 yrs. Failed PT. Trial 03/2026 x 7d -> 60% relief.\n' + IMPLANT).necessity.painDuration?.months, 24);
  });

  it('reads "the array with its built-in receiver was deployed" as today\'s insertion, and a trial "completed October 2026" as over', () => {
    assert.equal(factsOf('Under ultrasound the introducer was advanced along the right sural nerve and the Tenora integrated array with its built-in receiver was deployed.\n').procedure?.value, 'insertion');
    const brief = factsOf('Date: 2026-11-04\n\nProcedure: Percutaneous placement, integrated peripheral nerve stimulator, left ulnar nerve\nImaging: ultrasound\nIndications: pain 16 months. Percutaneous trial completed October 2026; patient wishes to proceed with permanent system.\n');
    assert.equal(brief.procedure?.value, 'insertion');
  });

  it('does not take the anaesthetist\'s "difficult IV access" for an increased service, nor an array "discussed" for one placed', () => {
    assert.equal(factsOf('Integrated PNS array deployed along the left sural nerve under ultrasound.\nANESTHESIA RECORD: MAC. Note: difficult IV access, 3 attempts, 22G L hand.\n').increasedServices.status, 'absent');
    const discussed = factsOf('We discussed placing a second array toward the deep peroneal territory, but given good coverage we placed only one. Under ultrasound the right superficial peroneal nerve was found; the array with its integrated receiver was deployed.\n');
    assert.equal(discussed.arrays?.value, 1);
    assert.equal(discussed.nerve?.value, 'superficial peroneal');
  });

  it('reads a key in Markdown bold ("**Total arrays placed:** 2") as the key', () => {
    assert.equal(factsOf('**Procedure:** integrated PNS arrays, left ilioinguinal and iliohypogastric nerves, US guided.\n**Total arrays placed:** 2\n').arrays?.value, 2);
  });

  it('reads imaging a template or a sentence sets aside: "(fluoroscopy: N/A)", an option list left under "(delete those not used)", a C-arm "in the room but not used"', () => {
    const modalities = (text: string) => factsOf(`Integrated PNS lead placed along the left ilioinguinal nerve.\n${text}\n`).imaging.modalities;
    assert.deepEqual(modalities('Guidance ............. Ultrasound  (fluoroscopy: N/A)'), ['ultrasound']);
    assert.deepEqual(modalities('Imaging (delete those not used): ultrasound / fluoroscopy / CT\nThe nerve was found with ultrasound.'), ['ultrasound']);
    assert.deepEqual(modalities('A C-arm was in the room but was not used; the nerve was localized with ultrasound.'), ['ultrasound']);
  });

  it('reads "US" by what the scanner did: "US to confirm vessels", "US for depth", "AND US USED TO TARGET", "then US (linear)"', () => {
    const modalities = (line: string) => factsOf(`Percutaneous integrated PNS, right genicular nerves.\n${line}\n`).imaging.modalities;
    assert.deepEqual(modalities('- Fluoroscopy AP/lateral to mark targets, US to confirm vessels'), ['fluoroscopy', 'ultrasound']);
    assert.deepEqual(modalities('- Fluoro used for iliac crest landmarks; US for depth'), ['fluoroscopy', 'ultrasound']);
    assert.deepEqual(modalities('TECHNIQUE: FLUORO (AP + LATERAL, C-ARM) AND US USED TO TARGET THE JUNCTION.'), ['fluoroscopy', 'ultrasound']);
    // The pronoun stays one.
    assert.deepEqual(modalities('The patient asked us to proceed. Fluoroscopy confirmed the introducer.'), ['fluoroscopy']);
  });

  it('leaves the anaesthetist\'s ultrasound-guided block for analgesia out of the implant\'s imaging', () => {
    const facts = factsOf('Block: RIGHT axillary brachial plexus block, ULTRASOUND GUIDED, 20 mL 0.5% ropivacaine, by anesthesia for post-op analgesia.\nPROCEDURE: integrated PNS lead placed along the right median nerve by landmarks; no image guidance was used for the lead.\n');
    assert.deepEqual(facts.imaging.modalities, []);
  });

  it('reads a removal of a device told placed before on a current line ("s/p integrated PNS L superficial peroneal n. (implanted 04/2026)")', () => {
    const facts = factsOf('Date: 2026-10-01\n\ns/p integrated PNS L superficial peroneal n. (implanted 04/2026)\nc/o less benefit since 08/2026 + skin irritation @ exit site\nToday: explant only, lead removed intact under fluoro, tip seen intact\nNo new lead placed.\n');
    assert.equal(facts.procedure?.value, 'removal');
    assert.equal(facts.nerve?.value, 'superficial peroneal');
    assert.equal(facts.laterality?.value, 'left');
  });

  it('lets "none" deny only the few words before it, not the line above ("... receiver built into each array / Δ none, EBL <5 mL")', () => {
    const facts = factsOf('Today: perc PNS b/l GON @ C2 level w/ fluoro\n  L array placed, stim: paresthesia occiput L\n  R array placed, stim: paresthesia occiput R\nArrays x2 total (1 each side), receiver built into each array, ext. transmitter on skin\nΔ none, EBL <5 mL, no comps\n');
    assert.equal(facts.integrated?.value, true);
    assert.equal(factsOf('US-guided integrated PNS lead along the left sural nerve.\nIPG: none\n').integrated?.value, true);
  });

  it('reads British and Australian shorthand: "R) suprascapular n.", "Mod 22:" as the modifier\'s section, "C-arm not requested"', () => {
    assert.equal(factsOf('Op: USS-guided perc insertion PNS lead, R) suprascapular n. at suprascapular notch. 1 lead, receiver integral to lead.\n').laterality?.value, 'right');
    const mod22 = factsOf('Proc: perc integrated PNS, L tibial n., 1 array, fluoro + US\nMod 22: 85 min skin-to-skin vs ~35 min typical for this case; BMI 54 with 6 cm of edematous tissue above the nerve\n');
    assert.equal(mod22.increasedServices.status, 'quantified');
    assert.deepEqual(factsOf('13:12 RN  Equipment: C-arm not requested.\n13:40 SURG One integrated array placed along the left median nerve by landmarks.\n').imaging.modalities, []);
  });

  it('reads a scan\'s "2O months", "neur0pathy" and "18 rnonths"', () => {
    const scanned = factsOf('Date: 2026-03-25\n\nIndications: L ulnar-sided hand pain 2O months after distal ulnar nerve repair.\nFailed OT, splinting, gabapentin. NCS: L ulnar sensory neur0pathy.\n' + IMPLANT);
    assert.equal(scanned.necessity.painDuration?.months, 20);
    assert.equal(factsOf('INDICATI0NS: 47 y/o with 1eft lateral foot neuropathic pain x 18 rnonths after fixation. Fai1ed gabapentin.\n' + IMPLANT).necessity.painDuration?.months, 18);
  });

  it('reads a forwarded message\'s quoted lines on across their quote marks, and "aray" for array', () => {
    const forwarded = factsOf('> PROCEDURE: Percutaneous implantation of integrated peripheral nerve\n> stimulator, right superficial peroneal nerve. Array with integrated receiver\n> placed through the introducer; stim at 0.9 mA gave dorsal foot paresthesia.\n');
    assert.equal(forwarded.arrays?.value, 1);
    assert.equal(factsOf('PROCEDURE: Percutanous implant of intergrated PNS, left superficial perroneal nerve.\nTECHNIQUE: Under ultrasond the nerve was found. Introducer placed, single electrode aray deployed.\n').arrays?.value, 1);
  });

  it('reads an old conventional system out and an integrated one in, told as a numbered list', () => {
    const facts = factsOf('Hx: pain since 01/2024. Conventional lead + IPG (L calf pocket) placed 2024 - battery/lead failure 2026.\nProcedure:\n 1. Removal of conventional PNS: IPG explanted from L calf pocket, lead removed intact, pocket closed.\n 2. Perc placement integrated PNS (receiver-in-lead, ext wearable), L deep peroneal n. at ankle, fluoro guided.\nArrays (new): 1\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.integrated?.value, true);
    assert.deepEqual(facts.codes.map((code) => code.code), ['64596', '64585', '64595']);
  });

  it('reads a lead "withdrawn 2 cm back to its original position" as a revision, and "array #2 LON" as a second array', () => {
    assert.equal(factsOf('- Integrated PNS, L posterior femoral cutaneous n., implanted 2026-04-14\n- Exit site opened, lead withdrawn 2 cm back to its original position along the nerve under fluoro\n- No new lead placed\n').procedure?.value, 'revision');
    assert.equal(factsOf('Summary: R greater occipital + R lesser occipital nerve PNS, perc, integrated.\nTech: US at nuchal line. Array #1 GON, array #2 LON, each via own introducer.\n').arrays?.value, 2);
  });

  it('reads a pain duration with a word or two of the pain\'s kind before "pain", and an ISO month a timeline starts with', () => {
    const months = (text: string) => factsOf(`Date: 2026-09-10\n\n${text}\n${IMPLANT}`).necessity.painDuration?.months;
    assert.equal(months('Indication: 2.5 yrs post-op shoulder pain, failed PT, NSAIDs.'), 30);
    assert.equal(months('She has had about two and a half years of dorsal foot pain.'), 30);
    assert.equal(months('2024-06 L thigh burning starts → dx L meralgia\n→ PT x 10 wks ✗ / gabapentin ✗'), 27);
    // A therapy's length stays the therapy's.
    assert.equal(months('Indication: 6 weeks of PT for pain, no help.'), undefined);
  });

  it('reads a conventional system told in prose ("a percutaneous octapolar lead was advanced alongside it ... tunneled to a pocket ... pulse generator")', () => {
    const facts = factsOf('Procedure: Under MAC, the left sciatic nerve was identified in the popliteal fossa on ultrasound and a percutaneous octapolar lead\nwas advanced alongside it under ultrasound. Test stimulation gave paresthesia in the foot at 1.0 mA.\nThe lead was tunneled subcutaneously to a pocket in the left lateral thigh, where it was connected to a rechargeable implantable pulse generator.\n');
    assert.equal(facts.nerve?.value, 'sciatic');
    assert.equal(facts.integrated?.value, false);
    assert.deepEqual(facts.codes.map((code) => code.code), ['64555', '64590']);
  });

  it('dates pain that "began immediately after surgery" by the operation told before it with an ISO date', () => {
    const facts = factsOf('Date: 2026-06-15\n\nHISTORY: Left total knee arthroplasty 2024-09-10; medial knee burning began immediately\nafter surgery and has persisted since then. PT, gabapentin failed.\n' + IMPLANT);
    assert.equal(facts.necessity.painDuration?.months, 21);
  });

  it('reads "rcvr" for receiver in every receiver pattern ("1 integ lead (rcvr in lead) placed")', () => {
    assert.equal(factsOf('PNS perm - lt knee\nToday: US (linear) IPBSN medial to tibial tuberosity; perc introducer; test 0.5 mA concordant\n1 integ lead (rcvr in lead) placed; ext transmitter on\n').integrated?.value, true);
  });

  it('does not count a clock time\'s minutes as arrays ("09:06 lead deployed, 1 array only")', () => {
    const facts = factsOf('08:52 US: R LFCN identified medial to ASIS\n09:01 intro pass 1 too deep, redirected; pass 2 ok\n09:06 lead (integrated receiver) deployed, 1 array only\n09:08 stim 1.5 mA -> lat thigh paresthesia\n');
    assert.equal(facts.arrays?.value, 1);
  });

  it('reads a revision told with arrows ("lead withdrawn 2 cm → re-advanced") and a multi-contact lead in a table as a stimulator\'s', () => {
    assert.equal(factsOf('s/p perm PNS L sup cluneal 2026-03-10 (integrated, ext power)\nToday: revision L sup cluneal lead\n US ✓ lead withdrawn 2 cm → re-advanced → anchored in place\n').procedure?.value, 'revision');
    const table = factsOf('| step | detail |\n|---|---|\n| lead | perc, fluoro, 1 x 8-contact lead along L PFCN |\n| generator | rechargeable IPG connected via extension, placed in pocket |\n');
    assert.equal(table.integrated?.value, false);
  });

  it('reads a device "placed 2026-01" as an earlier one, and "#2 lead ... NOT placed" as no second array', () => {
    const removal = factsOf('Date: 2026-09-20\n\n14:05 PNS explant, R ilioinguinal, integrated lead placed 2026-01 (no longer needed)\n14:14 gentle traction, lead removed intact, tip checked\n14:16 no new lead placed.\n');
    assert.equal(removal.procedure?.value, 'removal');
    const one = factsOf('Today: R sup-med genicular n. perm PNS\n fluoro + US | 1 lead w/ built-in receiver | stim 0.8 mA\n #2 lead (inf-med) considered → NOT placed, coverage adequate w/ #1\n');
    assert.equal(one.arrays?.value, 1);
  });

  it('reads a revision of the device already there, whatever a coding note says ("the same lead was withdrawn 2 cm and redirected", "It was partially withdrawn to its original depth")', () => {
    const same = factsOf('TECHNIQUE: Under fluoroscopy, the existing lead was located. The same lead was withdrawn 2 cm and redirected proximally toward the fibular neck. No new lead was opened.\nCODING NOTE: coded as 64596 because the lead was placed percutaneously under imaging with an integrated receiver.\n');
    assert.equal(same.procedure?.value, 'revision');
    const pronoun = factsOf('DESCRIPTION: Under fluoroscopy the existing integrated lead was seen about 3 cm distal to its original position. It was partially withdrawn to its original depth and re-secured with a new anchor. No new electrode array was inserted.\n');
    assert.equal(pronoun.procedure?.value, 'revision');
  });

  it('reads a procedure log under an indication line: its time-stamped lines are today\'s account', () => {
    const facts = factsOf('PROCEDURE LOG  PNS-2026-0970  2026-08-05  ASC OR 2\nIndication: L tarsal tunnel neuralgia 26 mo, NCS + tibial neuropathy, failed PT; trial 07/2026 60% relief\n0712 time out L tibial n, consent ok\n0720 US: tibial n posterior to med malleolus identified\n0731 array deployed x1 (integrated, receiver built in); ext wearable paired\n');
    assert.equal(facts.procedure?.value, 'insertion');
    assert.equal(facts.nerve?.value, 'tibial');
    const revision = factsOf('Dx: R superficial radial neuralgia x 2 yrs, s/p trial 04/2026 (70%), integrated PNS placed 2026-06-12\n1402 pt in room; array migrated on xray\n1413 same array withdrawn partially + re-advanced under fluoro, no new array\n');
    assert.equal(revision.procedure?.value, 'revision');
  });

  it('reads terse and phone notes: "no USS or II used" denies no more than its line, a retest after "no response" is testing, an id is no writer\'s capital, "insertion PNS"', () => {
    const uk = factsOf('Op: perc insertion PNS L GON, landmark technique, no USS or II used\n1 array, integrated, ext transmitter\nStim: paraesthesia L occiput, good\n');
    assert.equal(uk.procedure?.value, 'insertion');
    assert.equal(uk.arrays?.value, 1);
    const phone = factsOf('2026-05-08 PNS-2026-0933 rt sural pns\nankle fx orif 2023 then burning lat foot ever since so about 2.5 yrs failed pt tcas gabapentin compound cream, trial 04/2026 65% relief\nus visualized sural n next to ssv perc introducer advanced first test no response redirected 1cm second test good paresthesia lat foot\ndeployed one lead self contained receiver powered by external wearable\nno ipg no pocket\n');
    assert.deepEqual(phone.imaging.modalities, ['ultrasound']);
    assert.equal(phone.testing.status, 'documented');
  });

  it('dates a header line of fields set in columns by its first field ("DATE: 2026-03-23   MRN: PNS-2026-0655"), with no malformed date', () => {
    const model = parseDocument({ uri: 'n.opnote', version: 1, text: 'EXAM: US GUIDED PERIPHERAL NERVE STIMULATOR PLACEMENT, RIGHT\nDATE: 2026-03-23   MRN: PNS-2026-0655   ACCESSION: IR26-11873\n\nFINDINGS: one integrated lead placed.\n' });
    assert.equal(model.header.fields.find((field) => field.key === 'date')?.isoDate, '2026-03-23');
    assert.deepEqual(model.problems.filter((problem) => problem.rule === 'date-malformed'), []);
  });

  it('names a stimulator by a trial lead placed today, an external trial stimulator, or a percutaneous lead placed under fluoroscopy', () => {
    const trial = factsOf('rt sural trial lead placed perc w us today\nlead taped + hooked to ext trial stim, pt to wear 7d\n');
    assert.equal(trial.procedure?.value, 'trial');
    assert.equal(trial.nerve?.value, 'sural');
    const table = factsOf('| step | detail |\n|---|---|\n| nerve | L common peroneal at fibular head |\n| lead | 1 perc lead under fluoro |\n| IPG | lead tunnelled to L buttock, pocket made, IPG connected |\n');
    assert.equal(table.integrated?.value, false);
  });

  it('reads "Total arrays placed 06/10: two (2)" by its count, not the date\'s month, and "perc w us" in a phone note as ultrasound', () => {
    assert.equal(factsOf('After the suprascapular array, a second integrated array was placed under US at the quadrilateral space.\nTotal arrays placed 06/10: two (2).\n').arrays?.value, 2);
    assert.deepEqual(factsOf('rt sural trial lead placed perc w us today\nlead taped + hooked to ext trial stim, pt to wear 7d\npain 2 yrs s/p achilles repair failed meds and physical therapy and injections\nrtc 1 wk for lead pull + review of the diary\nif more than half better will book permanent integrated pns\n').imaging.modalities, ['ultrasound']);
  });

  it('lets a field answered "none" in its own column deny its key, not the column beside it (a two-column export)', () => {
    const facts = factsOf('Procedure: percutaneous             Device: Vantis-PN integrated lead, greater occipital nerve\nTechnique: prone, fluoroscopic      Complications: none\n');
    assert.deepEqual(facts.imaging.modalities, ['fluoroscopy']);
  });
});
