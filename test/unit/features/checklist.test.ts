import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE, FIXTURES } from '../../helpers/fixtures';

const service = createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: DOCS_BASE });
const CLEAN = fs.readFileSync(path.join(FIXTURES, 'rules', 'note-64596-clean.opnote'), 'utf8');
const TRIAL = 'A 7-day trial in January gave 70% relief.';
const INSERTION = 'Percutaneous insertion of an integrated peripheral nerve stimulator';
const DEPLOYED = 'One electrode array with an\nintegrated receiver was deployed';

let version = 0;
function check(text: string) {
  const document = { uri: '/w/note.opnote', version: ++version, text };
  const necessity = service.checklist(document)!.items.find((item) => item.id === 'necessity')!;
  const necessityFinding = service.analyze(document).findings.some((finding) => finding.rule.id === 'necessity-incomplete');
  return { mark: necessity.mark, finding: necessity.finding, necessityFinding };
}

describe('64596 checklist: medical necessity', () => {
  it('a first implant with duration, failed care and a trial outcome is complete', () => {
    assert.ok(CLEAN.includes(TRIAL) && CLEAN.includes(INSERTION) && CLEAN.includes(DEPLOYED));
    const complete = check(CLEAN);
    assert.deepEqual({ mark: complete.mark, necessityFinding: complete.necessityFinding }, { mark: '✓', necessityFinding: false });
    assert.match(complete.finding, /pain 14 months; failed: .*; trial 70% relief over 7 days/);
  });

  it('a first implant without the trial outcome misses it, as the diagnostics say', () => {
    const missing = check(CLEAN.replace(TRIAL, ''));
    assert.deepEqual({ mark: missing.mark, necessityFinding: missing.necessityFinding }, { mark: '!', necessityFinding: true });
    assert.match(missing.finding, /document the trial outcome/);
  });

  it('a replacement needs no new trial', () => {
    const replacement = CLEAN.replace(TRIAL, '')
      .replace(INSERTION, 'Replacement of the integrated peripheral nerve stimulator')
      .replace(DEPLOYED, `The old array was removed through its exit site. ${DEPLOYED.replace('One', 'One new')}`);
    assert.notEqual(replacement, CLEAN.replace(TRIAL, ''));
    const replaced = check(replacement);
    assert.deepEqual({ mark: replaced.mark, necessityFinding: replaced.necessityFinding }, { mark: '✓', necessityFinding: false });
    assert.doesNotMatch(replaced.finding, /trial/);
  });
});

describe('64596 checklist: evidence excerpts', () => {
  // A dictation line runs to hundreds of characters; the supporting words sit far along it.
  const padding = 'The patient tolerated positioning well and the skin was prepped and draped in the usual sterile fashion with chlorhexidine, ';
  const dictated = CLEAN.replace('nerve, one electrode array, ultrasound guidance.', `nerve, one electrode array, ${padding.repeat(3)}and ultrasound guidance was used throughout.`);

  it('centres the excerpt on the supporting words of a long line and marks them', () => {
    assert.notEqual(dictated, CLEAN);
    const imaging = service.checklist({ uri: '/w/long.opnote', version: ++version, text: dictated })!.items.find((item) => item.id === 'imaging')!;
    const evidence = imaging.evidence!;
    assert.equal(imaging.status, 'documented');
    assert.ok(evidence.text.startsWith('…'), `cut before the words: ${evidence.text}`);
    assert.ok(evidence.text.length <= 102, `${evidence.text.length} characters`);
    const marked = evidence.text.slice(evidence.highlight.start, evidence.highlight.end);
    assert.match(marked, /ultrasound/i);
    const middle = (evidence.highlight.start + evidence.highlight.end) / 2;
    assert.ok(middle > evidence.text.length / 4 && middle < (evidence.text.length * 3) / 4, `the words sit near the middle (${middle} of ${evidence.text.length})`);
    // The range points at the same words in the note, for the editor to reveal.
    const lines = dictated.split('\n');
    const { start, end } = evidence.range;
    assert.equal(start.line + 1, evidence.line);
    assert.equal(lines[start.line].slice(start.character, end.line === start.line ? end.character : undefined).replace(/\s+/g, ' ').slice(0, marked.length), marked);
  });

  it('shows a short line whole, without cuts', () => {
    const imaging = service.checklist({ uri: '/w/short.opnote', version: ++version, text: CLEAN })!.items.find((item) => item.id === 'imaging')!;
    const line = CLEAN.split('\n')[imaging.evidence!.line - 1].trim();
    assert.ok(line.length <= 100);
    assert.equal(imaging.evidence!.text, line.replace(/\s+/g, ' '));
  });
});
