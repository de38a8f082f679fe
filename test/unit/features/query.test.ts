import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { QUERY_COMMAND } from '../../../server/src/core/features/codeActions';
import { draftQuery, type PhysicianQuery } from '../../../server/src/core/features/query';
import { QUERY_MARKDOWN_COMMAND } from '../../../server/src/protocol';
import type { RuleFinding } from '../../../server/src/core/linting/types';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE, FIXTURES, notesUnder } from '../../helpers/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const TODAY = new Date('2026-04-02T10:00:00Z');
const service = createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: DOCS_BASE, today: () => TODAY });

const HEAD = `---
patient: Q-0001
date: 2026-03-14
surgeon: Query Surgeon, MD
---

# Indications
Left superficial peroneal neuralgia for 14 months. Gabapentin and physical therapy failed. A 7-day trial in January gave 70% relief.

`;

const NOTES = {
  gaps: fs.readFileSync(path.join(FIXTURES, 'rules/note-64596-gaps.opnote'), 'utf8'),
  vague: fs.readFileSync(path.join(FIXTURES, 'rules/note-increased-vague.opnote'), 'utf8'),
  approach: `${HEAD}# Procedure\nPercutaneous insertion of an integrated peripheral nerve stimulator, left superficial peroneal nerve, one electrode array.\n\n# Description of procedure\nUnder ultrasound guidance a 3 cm incision was made and the nerve was exposed. Test stimulation produced concordant paresthesia. One electrode array with an integrated receiver was deployed.\n`,
  device: `${HEAD}# Procedure\nPercutaneous insertion of an integrated peripheral nerve stimulator, left superficial peroneal nerve, one electrode array.\n\n# Description of procedure\nUnder ultrasound guidance the introducer was advanced percutaneously. Test stimulation produced concordant paresthesia. One electrode array was deployed and connected to a pulse generator placed in a subcutaneous pocket.\n`,
  procedure: `${HEAD}# Procedure\nRevision of a peripheral nerve stimulator array, left superficial peroneal nerve.\n\n# Description of procedure\nUnder ultrasound guidance the introducer was advanced percutaneously. Test stimulation produced concordant paresthesia. A new electrode array with an integrated receiver was inserted.\n`,
  /** Says open and nothing else: documented, so nothing to ask. */
  openOnly: `${HEAD}# Procedure\nInsertion of a peripheral nerve stimulator array, left superficial peroneal nerve, one electrode array.\n\n# Description of procedure\nUnder ultrasound guidance a 3 cm incision was made and the nerve was exposed. Test stimulation produced concordant paresthesia. One electrode array with an integrated receiver was placed.\n`,
  /** Nothing in the indications but the complaint: no indicator of pain duration or a trial. */
  necessityOnly: `---\npatient: Q-0002\ndate: 2026-03-14\n---\n\n# Indications\nChronic foot pain.\n\n# Procedure\nPercutaneous insertion of an integrated peripheral nerve stimulator, left superficial peroneal nerve, one electrode array.\n\n# Description of procedure\nUnder ultrasound guidance the introducer was advanced percutaneously. Test stimulation produced concordant paresthesia. One electrode array with an integrated receiver was deployed.\n`,
};

const queriesOf = (text: string, uri = '/w/note.opnote') => service.queries({ uri, version: 1, text })!;
const topics = (text: string) => queriesOf(text).queries.map((query) => query.topic).sort();

/** Words and code patterns a compliant query never uses (ACDIS/AHIMA 2022): written here independently of the feature. */
const FORBIDDEN = [/\bcod(?:e|es|ing|ed)\b/i, /\bcpt\b/i, /\bhcpcs\b/i, /\bicd/i, /\bmodifier/i, /\bpay(?:er|ers|or|ment|ments|s|ing)?\b/i, /\bpaid\b/i, /\breimburs/i, /\bdenial|\bdenied|\bden(?:y|ies)\b/i, /\bquality\b/i, /\bclaims?\b/i, /\bbill/i, /\binsur/i, /\bmedicare|\bmedicaid/i, /\brevenue\b/i, /\b\d{4}[\dT]\b/, /\b[A-Z]\d{2}\.[\dA-Z]{1,4}\b/, /\b[A-V]\d{4}\b/];

function assertCompliant(query: PhysicianQuery, text: string, where: string): void {
  for (const indicator of query.indicators) {
    const lines = text.split(/(?<=\r\n|\r|\n)/);
    const offset = (position: { line: number; character: number }) => lines.slice(0, position.line).join('').length + position.character;
    assert.equal(text.slice(offset(indicator.range.start), offset(indicator.range.end)), indicator.text, `${where}: ${query.rule} indicator is verbatim`);
  }
  assert.ok(query.indicators.length > 0, `${where}: ${query.rule} has an indicator`);
  const written = [query.question, ...query.options, ...query.indicators.map((indicator) => indicator.text)].join('\n');
  for (const word of FORBIDDEN) assert.doesNotMatch(written, word, `${where}: ${query.rule}`);
  if (query.format === 'multiple-choice') {
    assert.ok(query.options.length >= 4, `${where}: ${query.rule} offers the reasonable options`);
    assert.deepEqual(query.options.slice(-2), ['Other (please specify)', 'Clinically undetermined']);
  }
  if (query.format === 'open-ended') assert.deepEqual(query.options, []);
  // Non-leading: the question names no answer of its own.
  for (const option of query.options.slice(0, -2)) if (option.length > 3) assert.ok(!query.question.toLowerCase().includes(option.toLowerCase()), `${where}: ${query.rule} question names "${option}"`);
}


describe('physician queries (core feature)', () => {
  it('asks about side, imaging, nerve, arrays and testing on a note with those gaps, with who and when', () => {
    const { queries } = queriesOf(NOTES.gaps);
    assert.deepEqual(queries.map((query) => query.topic).sort(), ['arrays', 'imaging', 'nerve', 'side', 'testing']);
    const side = queries.find((query) => query.topic === 'side')!;
    assert.equal(side.format, 'multiple-choice');
    assert.deepEqual(side.options, ['Left', 'Right', 'Bilateral', 'Other (please specify)', 'Clinically undetermined']);
    assert.equal(side.patient, 'FIX-1002');
    assert.equal(side.dateOfService, '2026-03-15');
    assert.equal(side.drafted, '2026-04-02');
    assert.match(side.indicators[0].text, /^Percutaneous insertion of an integrated peripheral nerve stimulator, foot\.$/);
    assert.deepEqual(queries.find((query) => query.topic === 'imaging')!.options.slice(0, 4), ['Ultrasound', 'Fluoroscopy', 'CT', 'No imaging guidance was used']);
    for (const topic of ['nerve', 'arrays', 'testing']) assert.equal(queries.find((query) => query.topic === topic)!.format, 'open-ended');
  });

  it('asks about increased procedural work with the vague statement as the indicator', () => {
    const [query] = queriesOf(NOTES.vague).queries;
    assert.equal(query.topic, 'increased-services');
    assert.equal(query.format, 'open-ended');
    assert.match(query.indicators[0].text, /difficult case because the patient is obese/);
  });

  it('asks about approach, device type and procedure type only when the note says two things', () => {
    assert.deepEqual(topics(NOTES.approach), ['approach']);
    assert.deepEqual(topics(NOTES.device), ['device-type']);
    assert.deepEqual(topics(NOTES.procedure), ['procedure-type']);
    const [approach] = queriesOf(NOTES.approach).queries;
    assert.equal(approach.indicators.length, 2, 'both statements are quoted');
    // Open and nothing else is documentation, not a question.
    const openOnly = service.analyze({ uri: '/w/open.opnote', version: 1, text: NOTES.openOnly });
    assert.ok(openOnly.diagnostics.some((diagnostic) => diagnostic.code === 'wrong-approach'));
    assert.deepEqual(topics(NOTES.openOnly), []);
  });

  it('asks a yes-no question only to resolve conflicting documentation (documentation-conflict)', () => {
    const text = NOTES.gaps;
    const analysis = service.analyze({ uri: '/w/conflict.opnote', version: 1, text });
    const first = text.indexOf('Percutaneous insertion');
    const second = text.indexOf('The introducer');
    const conflict = { rule: { id: 'documentation-conflict' }, severity: 'warning', span: { start: first, end: first + 10 }, message: 'm', data: { topic: 'side', evidence: [{ value: 'left', spans: [{ start: first, end: first + 10 }] }, { value: 'right', spans: [{ start: second, end: second + 5 }] }] } } as unknown as RuleFinding;
    const query = draftQuery({ model: analysis.model, facts: analysis.facts, findings: [conflict], today: TODAY }, conflict)!;
    assert.equal(query.format, 'yes-no');
    assert.equal(query.topic, 'side');
    assert.deepEqual(query.options, ['Yes', 'No', 'Clinically undetermined']);
    assert.equal(query.indicators.length, 2);
    assertCompliant(query, text, 'conflict');
    // The topic may be named by its facts field.
    const byField = { ...conflict, data: { topic: 'laterality', evidence: [{ value: 'right', spans: [{ start: second, end: second + 5 }] }] } } as unknown as RuleFinding;
    assert.equal(draftQuery({ model: analysis.model, facts: analysis.facts, findings: [byField], today: TODAY }, byField)?.topic, 'side');
    // Without the topic the finding cannot be asked about.
    const bare = { ...conflict, data: {} } as unknown as RuleFinding;
    assert.equal(draftQuery({ model: analysis.model, facts: analysis.facts, findings: [bare], today: TODAY }, bare), undefined);
  });

  it('never asks for medical-necessity elements that no indicator suggests', () => {
    const analysis = service.analyze({ uri: '/w/necessity.opnote', version: 1, text: NOTES.necessityOnly });
    assert.deepEqual(analysis.diagnostics.map((diagnostic) => diagnostic.code), ['necessity-incomplete']);
    assert.deepEqual(queriesOf(NOTES.necessityOnly).queries, []);
  });

  it('the code action runs the command the server and the VS Code client know by the same name', () => {
    assert.equal(QUERY_COMMAND, QUERY_MARKDOWN_COMMAND);
    assert.equal(QUERY_COMMAND, 'opnote.query.markdown');
  });

  it('drafts no query on a clean note, and says so in the Markdown', () => {
    for (const file of ['rules/note-64596-clean.opnote', 'rules/note-dictation-clean.opnote']) {
      const result = queriesOf(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), `/w/${path.basename(file)}`);
      assert.deepEqual(result.queries, [], file);
      assert.match(result.markdown, /Nothing in this note calls for a physician query/);
    }
    assert.deepEqual(queriesOf(fs.readFileSync(path.join(ROOT, 'examples/well-documented.opnote'), 'utf8')).queries, []);
  });

  it('prints one query per finding with the indicators, the question, the answers and who and when', () => {
    const { queries, markdown } = queriesOf(NOTES.gaps, '/w/gaps.opnote');
    assert.equal(markdown.match(/^# Physician query: /gm)?.length, queries.length);
    assert.match(markdown, /\| Patient \| FIX-1002 \|\n\| Date of service \| 2026-03-15 \|/);
    assert.match(markdown, /\| Drafted \| 2026-04-02 \|/);
    assert.match(markdown, /> Percutaneous insertion of an integrated peripheral nerve stimulator, foot\.\n\n\(gaps\.opnote, line 13\)/);
    assert.match(markdown, /- \[ \] Clinically undetermined/);
    assert.match(markdown, /signed and dated addendum/);
    assert.match(queriesOf(NOTES.approach).markdown, /\| To \| Query Surgeon, MD \|/);
    for (const word of FORBIDDEN) assert.doesNotMatch(markdown.replace(/FIX-1002/g, ''), word);
  });

  it('every query of every fixture, example and corpus note is verbatim, neutral and free of code and payment words', function () {
    this.timeout(120_000);
    const files = [...notesUnder(FIXTURES), ...notesUnder(path.join(ROOT, 'examples')), ...notesUnder(path.join(ROOT, 'test/corpus'))];
    let count = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const result = service.queries({ uri: file, version: 1, text, kindHint: 'opnote' });
      for (const query of result?.queries ?? []) {
        assertCompliant(query, text, path.relative(ROOT, file));
        count++;
      }
    }
    assert.ok(count > 20, `queries drafted: ${count}`);
  });
});
