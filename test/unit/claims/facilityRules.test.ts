import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/parse';
import { billTypeOf, claimTypeOf } from '../../../server/src/core/parse/headerKeys';
import { extractFacts } from '../../../server/src/core/facts';
import { claimService, findings, fixAll, ruleIds } from './helpers';

const IMPLANT = 'PROCEDURE: Percutaneous insertion of an integrated peripheral nerve stimulator, left sural nerve, one array.\n\n';

describe('facility, discontinued and staged claims', () => {
  it('reads the claim form, the type of bill and revenue codes as people write them', () => {
    assert.equal(claimTypeOf('Institutional (UB-04)'), 'institutional');
    assert.equal(claimTypeOf('UB 04'), 'institutional');
    assert.equal(claimTypeOf('CMS-1500 form'), 'professional');
    assert.equal(claimTypeOf('837P'), 'professional');
    assert.equal(claimTypeOf('UB-04 or CMS-1500'), undefined);
    assert.equal(claimTypeOf('hospital'), undefined);
    assert.equal(billTypeOf('0131'), '131');
    assert.equal(billTypeOf('13:A:1'), '131');
    assert.equal(billTypeOf('13'), undefined);
    const claim = parseDocument({ uri: '/w/a.claim', version: 1, text: 'claim-type: institutional\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 rev:360 ptr:A\n' });
    assert.equal(claim.claim?.lines[0].revenueCode?.value, '0360');
    assert.deepEqual(claim.problems, []);
  });

  it('imaging-bundled points its related location at the sentence that documents the imaging, never at one that says none was used', () => {
    const service = claimService({
      '/w/notes/us.opnote': `---\ndate: 2026-03-14\n---\n${IMPLANT}DESCRIPTION OF PROCEDURE: No fluoroscopy was used. Under ultrasound guidance the array was deployed percutaneously; the receiver is integrated.\n`,
      '/w/notes/none.opnote': `---\ndate: 2026-03-14\n---\n${IMPLANT}DESCRIPTION OF PROCEDURE: No fluoroscopy or other imaging was used. The array was deployed percutaneously; the receiver is integrated.\n`,
    });
    const claim = (note: string) => `payer: Medicare\ndos: 2026-03-14\npos: 24\nnote: notes/${note}\n\ndx: G57.72\n64596-LT x1 ptr:A\n77002 x1 ptr:A\n`;
    const documented = findings(service, claim('us.opnote')).find((finding) => finding.rule.id === 'imaging-bundled');
    assert.ok(documented?.related?.length, 'a related location');
    // Line 6 of the note (0-based 5) holds both sentences: the range starts at the ultrasound sentence.
    const noteText = `---\ndate: 2026-03-14\n---\n${IMPLANT}DESCRIPTION OF PROCEDURE: No fluoroscopy was used. Under ultrasound guidance the array was deployed percutaneously; the receiver is integrated.\n`;
    const start = documented.related[0].range.start;
    const line = noteText.split('\n')[start.line];
    assert.match(line.slice(start.character), /^Under ultrasound guidance/);
    const negated = findings(service, claim('none.opnote')).find((finding) => finding.rule.id === 'imaging-bundled');
    assert.ok(negated, 'the imaging line still fires');
    assert.equal(negated.related, undefined);
  });

  it('reads an aborted procedure as a typed fact, with the anesthesia timing that picks 73 or 74', () => {
    const facts = (text: string) => extractFacts(parseDocument({ uri: '/w/n.opnote', version: 1, text })).discontinued?.value ?? null;
    assert.equal(facts(`${IMPLANT}ANESTHESIA: MAC.\n\nDESCRIPTION: The needle was advanced; the procedure was aborted before the array was deployed.\n`), 'after-anesthesia');
    assert.equal(facts(`${IMPLANT}DESCRIPTION: The procedure was discontinued prior to induction of anesthesia.\n`), 'before-anesthesia');
    assert.equal(facts(`${IMPLANT}DESCRIPTION: The decision was made to abort the procedure.\n`), 'unspecified');
    assert.equal(facts(`${IMPLANT}DESCRIPTION: The array was deployed; the procedure was not aborted.\n`), null);
    assert.equal(facts(`${IMPLANT}DESCRIPTION: The array was deployed under ultrasound guidance.\n`), null);
    assert.equal(facts(`${IMPLANT}ANESTHESIA: Local lidocaine.\n\nDESCRIPTION: The nerve could not be seen, and we were unable to complete the procedure.\n`), 'after-anesthesia');
    assert.equal(facts(`${IMPLANT}DESCRIPTION: The case was cancelled in the room before sedation.\n`), 'before-anesthesia');
    const titled = (title: string) => facts(`PROCEDURE: ${title}\n\nDESCRIPTION: Under ultrasound the needle was advanced.\n`);
    assert.equal(titled('Attempted insertion of integrated PNS, left sural nerve, aborted.'), 'unspecified');
    assert.equal(titled('Left sural nerve integrated PNS placement (aborted).'), 'unspecified');
    assert.equal(titled('Left sural nerve integrated PNS implant - discontinued.'), 'unspecified');
    // An earlier attempt told in the indications is history, not this procedure.
    assert.equal(facts(`${IMPLANT}INDICATIONS: In 2025 the procedure was aborted because of anxiety.\n\nDESCRIPTION: The array was deployed under ultrasound.\n`), null);
    // A planned second array left out is no discontinued procedure.
    assert.equal(facts(`${IMPLANT}DESCRIPTION: The first array was deployed and covered the pain; the second array was not placed.\n`), null);
  });

  it('reads the implant record parts the note gives', () => {
    const record = (text: string) => extractFacts(parseDocument({ uri: '/w/n.opnote', version: 1, text })).implantRecord.parts;
    assert.deepEqual(record(`${IMPLANT}IMPLANTS: SPR Therapeutics SPRINT PNS, model SPR-1001, lot 48213.\n`), ['manufacturer', 'model', 'lot-serial']);
    assert.deepEqual(record(`${IMPLANT}IMPLANTS: integrated array, serial number A12345; S/N: 0045.\n`), ['lot-serial']);
    assert.deepEqual(record(`${IMPLANT}DESCRIPTION: A lot of local anesthetic was used.\n`), []);
    assert.deepEqual(record(`${IMPLANT}IMPLANTS: Manufacturer: Demo Neuro; Model #: DN-100; Lot #: 4471.\n`), ['manufacturer', 'model', 'lot-serial']);
    assert.deepEqual(record(`${IMPLANT}IMPLANTS: integrated array, UDI: (01)00843997012345.\n`), ['lot-serial']);
    assert.deepEqual(record(`${IMPLANT}IMPLANTS: integrated array, lot ______.\n`), []);
  });

  it('staged-procedure-modifier needs a trial date inside the trial code\'s global period', () => {
    const service = claimService();
    const claim = (trial: string, line: string) => `payer: Medicare\npos: 24\n${trial}\ndx: G89.29\n${line}\n`;
    assert.ok(ruleIds(service, claim('trial-date: 2026-03-06\n', '64596-LT x1 ptr:A dos:2026-03-16')).includes('staged-procedure-modifier'), '10 days after');
    assert.ok(!ruleIds(service, claim('trial-date: 2026-03-06\n', '64596-LT x1 ptr:A dos:2026-03-17')).includes('staged-procedure-modifier'), '11 days after');
    assert.ok(!ruleIds(service, claim('', '64596-LT x1 ptr:A dos:2026-03-10')).includes('staged-procedure-modifier'), 'no trial date');
    assert.ok(ruleIds(service, claim('', '64555-LT x1 ptr:A dos:2026-03-06\n64596-LT x1 ptr:A dos:2026-03-12')).includes('staged-procedure-modifier'), 'the trial line on the claim');
    assert.ok(!ruleIds(service, claim('trial-date: 2026-03-06\nclaim-type: institutional\nbill-type: 131\n', '64596-LT x1 ptr:A rev:0360 dos:2026-03-10')).includes('staged-procedure-modifier'), 'institutional');
  });

  it('a trial billed on its own earlier date is its own session, not the implant note\'s', () => {
    const service = claimService({ '/w/notes/implant.opnote': `---\ndate: 2026-11-10\n---\n${IMPLANT}TECHNIQUE: Integrated array (built-in receiver) deployed under ultrasound; test stimulation concordant.\n` });
    const claim = (lines: string) => `payer: Aetna\nprior-auth: PA-1\ndos: 2026-11-10\npos: 22\ntrial-date: 2026-11-02\nnote: notes/implant.opnote\n\ndx: G89.29\n${lines}\n`;
    const staged = ruleIds(service, claim('64555-LT x1 ptr:A dos:2026-11-02\n64596-58-LT x1 ptr:A'));
    for (const id of ['code-conflict', 'dos-mismatch', 'procedure-code-mismatch']) assert.ok(!staged.includes(id), id);
    // The same trial code on the implant's date is the conflict it always was.
    assert.ok(ruleIds(service, claim('64555-LT x1 ptr:A\n64596-58-LT x1 ptr:A')).includes('code-conflict'));
  });

  it('pos-atypical reads professional claims only; an institutional POS is information that it is not used', () => {
    const service = claimService();
    const professional = ruleIds(service, 'payer: Medicare\npos: 11\n\ndx: G89.29\n64596-LT x1 ptr:A\n');
    assert.ok(professional.includes('pos-atypical') && !professional.includes('pos-institutional'));
    const institutional = ruleIds(service, 'claim-type: institutional\nbill-type: 131\npos: 11\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 rev:0360 ptr:A\nC1778 x1 rev:0278\n');
    assert.ok(!institutional.includes('pos-atypical') && institutional.includes('pos-institutional'));
  });

  it('a new 64597 line from units-exceed keeps its primary\'s date, so a second fix-all has nothing to do (fuzzer counterexample)', () => {
    const service = claimService();
    const claim = 'payer: Medicare\ndos: 2026-05-11\n\n64596 x1 dos:2026-03-14\n64596 dos:2026-03-14\n99213\n';
    const once = fixAll(service, claim);
    assert.match(once, /^64597 x1 dos:2026-03-14$/m);
    assert.equal(fixAll(service, once), once);
    assert.ok(!ruleIds(service, once).includes('addon-without-primary'));
    // With a note, the date is the one dos-mismatch writes: the note's.
    const withNote = 'payer: Medicare\nnote: notes/left-peroneal-three-arrays.opnote\n\n64596 dos:2026-03-14\n';
    const fixed = fixAll(service, withNote);
    assert.equal(fixAll(service, fixed), fixed);
  });
});
