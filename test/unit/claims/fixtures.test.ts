import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actualFindings, checkFixtureSnapshot, expectedFindings, FIXTURES, fixtureService, sourceOf } from '../../helpers/fixtures';

export const CLAIM_FIXTURES = path.join(FIXTURES, 'claims');

/** Every claim draft under test/fixtures/claims (the notes they link to live in notes/). */
export function claimFixtures(dir = CLAIM_FIXTURES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? claimFixtures(full) : entry.name.endsWith('.claim') ? [full] : [];
  });
}

/** Rules that compare a claim with its note: their findings carry a related location in the note. */
const CROSS_DOCUMENT = new Set(['addon-count-mismatch', 'procedure-code-mismatch', 'modifier-22-unsupported', 'laterality-mismatch', 'dos-mismatch']);

describe('claim fixtures: the right rules fire and the others stay quiet (expected findings marked inline, the rest in snapshots)', () => {
  const service = fixtureService();
  const files = claimFixtures();

  it('cover every claim rule with a firing fixture', () => {
    const fired = new Set(files.flatMap((file) => expectedFindings(fs.readFileSync(file, 'utf8')).map((entry) => entry.split(':')[1])));
    const claimRules = service.rules.filter((rule) => rule.meta.appliesTo.length === 1 && rule.meta.appliesTo[0] === 'claim').map((rule) => rule.meta.id);
    // line-syntax and payer-missing have their fixtures in test/fixtures/rules; payer-file-invalid needs a payer folder (payer-files.test.ts);
    // x12-syntax reads X12 files (test/fixtures/x12, test/unit/x12).
    const elsewhere = new Set(['line-syntax', 'payer-missing', 'payer-file-invalid', 'x12-syntax']);
    assert.deepEqual(claimRules.filter((id) => !fired.has(id) && !elsewhere.has(id)), []);
  });

  for (const file of files) {
    it(path.relative(CLAIM_FIXTURES, file), () => {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(actualFindings(service, file, text), expectedFindings(text));
      checkFixtureSnapshot(service, file, text);
    });
  }

  it('cross-document findings point at the note span that contradicts the claim line', () => {
    let checked = 0;
    for (const file of files) {
      const analysis = service.analyze(sourceOf(file));
      for (const finding of analysis.findings.filter((candidate) => CROSS_DOCUMENT.has(candidate.rule.id))) {
        assert.ok(finding.related && finding.related.length > 0, `${path.basename(file)}: ${finding.rule.id} has related information`);
        const related = finding.related[0];
        assert.match(related.uri, /\/notes\/[^/]+\.opnote$/);
        const noteText = fs.readFileSync(related.uri, 'utf8');
        const lines = noteText.split('\n');
        assert.ok(related.range.start.line < lines.length, 'the range lies inside the note');
        assert.ok(related.message.length > 10);
        checked++;
      }
      // The diagnostic itself stays on the claim.
      for (const diagnostic of analysis.diagnostics) assert.ok(diagnostic.range.start.line < analysis.model.lines.lineCount);
    }
    assert.ok(checked >= 10, `checked ${checked} cross-document findings`);
  });

  it('the related location quotes the fact: the array count, the side, the date, the revision', () => {
    const related = (name: string, rule: string) => {
      const analysis = service.analyze(sourceOf(path.join(CLAIM_FIXTURES, name)));
      const finding = analysis.findings.find((candidate) => candidate.rule.id === rule)!;
      const location = finding.related![0];
      const note = fs.readFileSync(location.uri, 'utf8').split('\n');
      return note[location.range.start.line].slice(location.range.start.character, location.range.start.line === location.range.end.line ? location.range.end.character : undefined);
    };
    assert.equal(related('addon-count-too-few.claim', 'addon-count-mismatch'), 'Three electrode');
    assert.equal(related('laterality-contradicts.claim', 'laterality-mismatch'), 'left');
    assert.equal(related('dos-mismatch.claim', 'dos-mismatch'), '2026-03-14');
    assert.match(related('procedure-revision.claim', 'procedure-code-mismatch'), /^Revision/);
    assert.equal(related('modifier-22-vague.claim', 'modifier-22-unsupported'), 'modifier 22');
  });

  it('the note itself shows none of the claim rules', () => {
    const claimRules = new Set(service.rules.filter((rule) => !rule.meta.appliesTo.includes('opnote')).map((rule) => rule.meta.id));
    for (const note of fs.readdirSync(path.join(CLAIM_FIXTURES, 'notes'))) {
      const analysis = service.analyze(sourceOf(path.join(CLAIM_FIXTURES, 'notes', note)));
      assert.deepEqual(analysis.findings.filter((finding) => claimRules.has(finding.rule.id)), []);
    }
  });

  it('messages of rules built on unverified facts say so and cite a source', () => {
    for (const file of files) {
      for (const finding of service.analyze(sourceOf(file)).findings) {
        if (/Unverified/.test(finding.message)) assert.match(finding.message, /Unverified: check [^()]+ \(source: .+\)/, finding.message);
      }
    }
  });
});
