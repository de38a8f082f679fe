import * as assert from 'node:assert/strict';
import type { Fix } from '../../../server/src/core/linting/types';
import { applySpanEdits } from '../../../server/src/core/features/codeActions';
import { automaticallyFixable, claimService, findings, fixAll, ruleIds } from './helpers';

const service = claimService();

function only(text: string, rule: string) {
  const matches = findings(service, text).filter((finding) => finding.rule.id === rule);
  assert.equal(matches.length, 1, `one ${rule} finding, got ${matches.length}: ${ruleIds(service, text).join(', ')}`);
  return matches[0];
}

function apply(text: string, fix: Fix): string {
  return applySpanEdits(text, fix.edits);
}

/** Applies the rule's single preferred fix and checks the rule is then quiet. */
function fixed(text: string, rule: string, title?: RegExp): string {
  const finding = only(text, rule);
  const fixes = finding.fixes ?? [];
  assert.equal(fixes.length, 1, `${rule} offers one fix`);
  assert.equal(fixes[0].isPreferred, true, `${rule}'s fix is preferred`);
  if (title) assert.match(fixes[0].title, title);
  const result = apply(text, fixes[0]);
  assert.ok(!ruleIds(service, result).includes(rule), `${rule} is quiet after its fix:\n${result}`);
  return result;
}

const LEFT = 'payer: Medicare\ndos: 2026-03-14\npos: 24\nnote: notes/left-spn-one-array.opnote\n\ndx: G57.82\n';
const THREE = 'payer: Aetna\ndos: 2026-04-20\npos: 22\nnote: notes/left-peroneal-three-arrays.opnote\nprior-auth: PA-1\n\ndx: G57.32\n';
const BILATERAL = 'payer: Medicare\ndos: 2026-05-20\npos: 22\nnote: notes/bilateral-occipital-two-arrays.opnote\n\ndx: M54.81\n';

describe('claim quick fixes (each computed statelessly as RuleReport.fixes)', () => {
  it('imaging-bundled: removes the bundled imaging line', () => {
    assert.equal(fixed(`${LEFT}64596-LT x1 ptr:A\n76942 x1 ptr:A\n`, 'imaging-bundled', /Remove the 76942 line/), `${LEFT}64596-LT x1 ptr:A\n`);
    assert.equal(fixed(`${LEFT}76942 x1 ptr:A\n64596-LT x1 ptr:A`, 'imaging-bundled'), `${LEFT}64596-LT x1 ptr:A`);
    assert.equal(only(`${LEFT}64596-LT x1 ptr:A\n76942 x1 ptr:A\n`, 'imaging-bundled').unnecessary, true);
  });

  it('dx-sequence: points to the pain code first, offered but never applied by fix-all', () => {
    const text = 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82, G89.29, M79.2\n64596-LT x1 ptr:A,C,B\n';
    const fixes = only(text, 'dx-sequence').fixes ?? [];
    assert.equal(fixes.length, 1);
    assert.match(fixes[0].title, /Point to G89\.29 first \(ptr:B,A,C\)/);
    const result = apply(text, fixes[0]);
    assert.equal(result, 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82, G89.29, M79.2\n64596-LT x1 ptr:B,A,C\n');
    assert.ok(!ruleIds(service, result).includes('dx-sequence'));
    // The guideline has an exception (an encounter for the condition itself): fix-all leaves the order.
    assert.ok(!automaticallyFixable(service, text).includes('dx-sequence'));
  });

  it('units-exceed: sets 64596 to 1 unit and moves the rest to a 64597 line', () => {
    const noNote = 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n';
    assert.equal(fixed(`${noNote}64596-LT x3 ptr:A $1450.00\n`, 'units-exceed', /bill 2 units of 64597/), `${noNote}64596-LT x1 ptr:A $1450.00\n64597-LT x2 ptr:A\n`);
    // An existing 64597 line takes the rest.
    assert.equal(fixed(`${noNote}64596-LT x2 ptr:A\n64597-LT x1 ptr:A\n`, 'units-exceed'), `${noNote}64596-LT x1 ptr:A\n64597-LT x2 ptr:A\n`);
    // With the note, the count comes from the note (three arrays → 64597 x2), whatever the units were.
    const fromNote = fixed(`${THREE}64596-LT x2 ptr:A\n`, 'units-exceed', /the note documents 3 arrays/);
    assert.equal(fromNote, `${THREE}64596-LT x1 ptr:A\n64597-LT x2 ptr:A\n`);
    assert.ok(!ruleIds(service, fromNote).includes('addon-count-mismatch'));
  });

  it('addon-count-mismatch: adds or corrects the 64597 line from the note\'s array count', () => {
    assert.equal(fixed(`${THREE}64596-LT x1 ptr:A\n`, 'addon-count-mismatch', /Add 64597 x2/), `${THREE}64596-LT x1 ptr:A\n64597-LT x2 ptr:A\n`);
    assert.equal(fixed(`${THREE}64596-LT x1 ptr:A\n64597-LT x1 ptr:A\n`, 'addon-count-mismatch', /Set 64597 to 2 units/), `${THREE}64596-LT x1 ptr:A\n64597-LT x2 ptr:A\n`);
    assert.equal(fixed(`${THREE}64596-LT x1 ptr:A\n64597-LT ptr:A\n`, 'addon-count-mismatch'), `${THREE}64596-LT x1 ptr:A\n64597-LT ptr:A x2\n`);
    assert.equal(fixed(`${THREE}64596-LT x1 ptr:A\n64597-LT x1 ptr:A\n64597-LT x3 ptr:A\n`, 'addon-count-mismatch'), `${THREE}64596-LT x1 ptr:A\n64597-LT x2 ptr:A\n`);
    assert.equal(fixed(`${LEFT}64596-LT x1 ptr:A\n64597-LT x1 ptr:A\n`, 'addon-count-mismatch', /Remove the 64597 line/), `${LEFT}64596-LT x1 ptr:A\n`);
    // Bilateral, one array each side: the new 64597 line takes the other side.
    assert.equal(fixed(`${BILATERAL}64596-LT x1 ptr:A\n`, 'addon-count-mismatch'), `${BILATERAL}64596-LT x1 ptr:A\n64597-RT x1 ptr:A\n`);
  });

  it('laterality-mismatch: adds or corrects LT/RT from the note', () => {
    assert.equal(fixed(`${LEFT}64596 x1 ptr:A\n`, 'laterality-mismatch', /^Add LT on 64596$/), `${LEFT}64596-LT x1 ptr:A\n`);
    assert.equal(fixed(`${LEFT}64596-RT x1 ptr:A\n`, 'laterality-mismatch', /^Replace RT with LT on 64596$/), `${LEFT}64596-LT x1 ptr:A\n`);
    assert.equal(fixed(`${LEFT}64596-50 x1 ptr:A\n`, 'laterality-mismatch', /Replace 50 with LT/), `${LEFT}64596-LT x1 ptr:A\n`);
    assert.equal(fixed(`${LEFT}64596-22 x1 ptr:A\n`, 'laterality-mismatch'), `${LEFT}64596-22-LT x1 ptr:A\n`);
    // Bilateral note: one fix per side, neither preferred (the coder knows which array the line is).
    const finding = only(`${BILATERAL}64596 x1 ptr:A\n64597-RT x1 ptr:A\n`, 'laterality-mismatch');
    assert.deepEqual(finding.fixes!.map((fix) => [fix.title, fix.isPreferred ?? false]), [['Add LT on 64596', false], ['Add RT on 64596', false]]);
    assert.equal(apply(`${BILATERAL}64596 x1 ptr:A\n64597-RT x1 ptr:A\n`, finding.fixes![0]), `${BILATERAL}64596-LT x1 ptr:A\n64597-RT x1 ptr:A\n`);
  });

  it('modifier-51-addon: removes 51 from the add-on line', () => {
    assert.equal(fixed(`${THREE}64596-LT x1 ptr:A\n64597-51-LT x2 ptr:A\n`, 'modifier-51-addon', /^Remove 51 on 64597$/), `${THREE}64596-LT x1 ptr:A\n64597-LT x2 ptr:A\n`);
    assert.equal(fixed(`${THREE}64596-LT x1 ptr:A\n64597-LT-51 x2 ptr:A\n`, 'modifier-51-addon'), `${THREE}64596-LT x1 ptr:A\n64597-LT x2 ptr:A\n`);
    // The same edit also adds the side the note documents, and says so.
    const both = only(`${THREE}64596-LT x1 ptr:A\n64597-51 x2 ptr:A\n`, 'modifier-51-addon');
    assert.equal(both.fixes![0].title, 'Remove 51 on 64597 (also add LT)');
  });

  it('modifier-59-prefer-x: one fix per X modifier, none preferred', () => {
    const text = `${LEFT}64596-LT x1 ptr:A\n95970-59 x1 ptr:A\n`;
    const finding = only(text, 'modifier-59-prefer-x');
    assert.deepEqual(
      finding.fixes!.map((fix) => fix.title),
      ['Replace 59 with XE (separate encounter) on 95970', 'Replace 59 with XP (separate practitioner) on 95970', 'Replace 59 with XS (separate structure) on 95970', 'Replace 59 with XU (unusual non-overlapping service) on 95970'],
    );
    assert.ok(finding.fixes!.every((fix) => !fix.isPreferred));
    const xs = apply(text, finding.fixes![2]);
    assert.equal(xs, `${LEFT}64596-LT x1 ptr:A\n95970-XS x1 ptr:A\n`);
    assert.ok(!ruleIds(service, xs).includes('modifier-59-prefer-x'));
    assert.ok(!automaticallyFixable(service, text).includes('modifier-59-prefer-x'), 'fix-all never picks an X modifier');
  });

  it('modifier-order: puts pricing modifiers before informational ones', () => {
    const quantified = 'payer: Medicare\ndos: 2026-06-01\npos: 22\nnote: notes/left-sciatic-quantified-increased.opnote\n\ndx: G57.02\n';
    assert.equal(fixed(`${quantified}64596-LT-22 x1 ptr:A\n`, 'modifier-order', /^Put pricing modifiers first on 64596$/), `${quantified}64596-22-LT x1 ptr:A\n`);
    assert.equal(fixed(`${quantified}64596-LT-GA-22 x1 ptr:A\n`, 'modifier-order'), `${quantified}64596-22-LT-GA x1 ptr:A\n`);
  });

  it('dos-mismatch: sets the date of service from the note', () => {
    assert.equal(fixed(LEFT.replace('2026-03-14', '03/15/2026') + '64596-LT x1 ptr:A\n', 'dos-mismatch', /Set the date of service to 2026-03-14/), `${LEFT}64596-LT x1 ptr:A\n`);
    assert.equal(fixed(`${LEFT}64596-LT x1 ptr:A dos:2026-03-16\n`, 'dos-mismatch'), `${LEFT}64596-LT x1 ptr:A dos:2026-03-14\n`);
    const noDos = LEFT.replace('dos: 2026-03-14\n', '');
    assert.equal(fixed(`${noDos}64596-LT x1 ptr:A\n`, 'dos-mismatch', /Insert `dos: 2026-03-14`/), `dos: 2026-03-14\n${noDos}64596-LT x1 ptr:A\n`);
    const frontMatter = '---\npayer: Medicare\nnote: notes/left-spn-one-array.opnote\n---\n\ndx: G57.82\n64596-LT x1 ptr:A\n';
    assert.equal(fixed(frontMatter, 'dos-mismatch'), '---\ndos: 2026-03-14\npayer: Medicare\nnote: notes/left-spn-one-array.opnote\n---\n\ndx: G57.82\n64596-LT x1 ptr:A\n');
  });

  it('prior-auth-missing: inserts a prior-auth: header', () => {
    const text = 'payer: Priority Health\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A\n';
    const finding = only(text, 'prior-auth-missing');
    assert.equal(finding.fixes!.length, 1);
    const result = apply(text, finding.fixes![0]);
    assert.equal(result, 'payer: Priority Health\ndos: 2026-03-14\nprior-auth:\n\ndx: G57.82\n64596-LT x1 ptr:A\n');
    // Still reported until the number is filled in, but with nothing left to fix automatically.
    assert.deepEqual(only(result, 'prior-auth-missing').fixes, undefined);
    assert.ok(!ruleIds(service, result.replace('prior-auth:', 'prior-auth: PH-1')).includes('prior-auth-missing'));
  });

  it('dx-invalid: offers the billable codes of a header, none preferred', () => {
    const finding = only('payer: Medicare\n\ndx: G57.8\n64596-LT x1 ptr:A\n', 'dx-invalid');
    assert.deepEqual(finding.fixes!.map((fix) => fix.title), ['Replace G57.8 with G57.80', 'Replace G57.8 with G57.81', 'Replace G57.8 with G57.82', 'Replace G57.8 with G57.83']);
    assert.ok(finding.fixes!.every((fix) => !fix.isPreferred));
  });

  it('keep CRLF line ends in inserted lines', () => {
    const crlf = `${THREE}64596-LT x1 ptr:A\n`.replace(/\n/g, '\r\n');
    assert.equal(fixed(crlf, 'addon-count-mismatch'), `${THREE}64596-LT x1 ptr:A\n64597-LT x2 ptr:A\n`.replace(/\n/g, '\r\n'));
  });
});

describe('claim fix-all: one pass fixes everything fixable and a second pass changes nothing', () => {
  const flawed: Record<string, { text: string; after: string; left: string[] }> = {
    'note with three arrays, wrong side, misordered 22, bundled imaging, 51 on the add-on, wrong date, no prior auth': {
      text:
        'payer: Priority Health\ndos: 2026-04-21\npos: 22\nnote: notes/left-peroneal-three-arrays.opnote\n\ndx: G57.32\n' +
        '64596-RT-22 x1 ptr:A $1450.00\n76942 x1 ptr:A\n64597-51 x1 ptr:A\n',
      after:
        'payer: Priority Health\ndos: 2026-04-20\npos: 22\nnote: notes/left-peroneal-three-arrays.opnote\nprior-auth:\n\ndx: G57.32\n' +
        '64596-22-LT x1 ptr:A $1450.00\n64597-LT x2 ptr:A\n',
      left: ['modifier-22-unsupported', 'prior-auth-missing'],
    },
    'no note: 64596 x3, bundled fluoroscopy, 59 on programming': {
      text: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x3 ptr:A\n95970-59 x1 ptr:A\n77002 x1\n',
      after: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A\n64597-LT x2 ptr:A\n95970-59 x1 ptr:A\n',
      left: ['modifier-59-prefer-x', 'note-missing'],
    },
    'bilateral note: missing date, missing 64597, imaging right after the primary line': {
      text: 'payer: Medicare\npos: 22\nnote: notes/bilateral-occipital-two-arrays.opnote\n\ndx: M54.81\n64596-LT x1 ptr:A\n77002 x1 ptr:A\n',
      after: 'dos: 2026-05-20\npayer: Medicare\npos: 22\nnote: notes/bilateral-occipital-two-arrays.opnote\n\ndx: M54.81\n64596-LT x1 ptr:A\n64597-RT x1 ptr:A\n',
      left: [],
    },
    'note with one array: code-only line, 64597 to remove, RT to correct': {
      text: 'payer: Medicare\ndos: 2026-03-14\npos: 24\nnote: notes/left-spn-one-array.opnote\n\ndx: G57.82\n64596\n64597-RT-51 x1\n',
      after: 'payer: Medicare\ndos: 2026-03-14\npos: 24\nnote: notes/left-spn-one-array.opnote\n\ndx: G57.82\n64596-LT\n',
      left: [],
    },
    'two 64596 lines of one session with extra units, and a 64597 line before them': {
      text: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64597-LT x1 ptr:A\n64596-LT x3 ptr:A\n64596-LT x2 ptr:A\n',
      after: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64597-LT x5 ptr:A\n64596-LT x1 ptr:A\n',
      left: ['note-missing'],
    },
    'a line date the note corrects, which puts a 64597 line the note does not support into the session': {
      text: 'payer: Medicare\nnote: notes/left-spn-one-array.opnote\n\ndx: G57.82\n64597-RT dos:2026-05-20\n64596 x2\n',
      after: 'dos: 2026-03-14\npayer: Medicare\nnote: notes/left-spn-one-array.opnote\n\ndx: G57.82\n64596-LT x1\n',
      left: [],
    },
    'a comment glued to the code: the token is left alone': {
      text: 'payer: Medicare\ndos: 2026-03-14\nnote: notes/left-spn-one-array.opnote\n\ndx: G57.82\n64596// checked\n76942 x1\n',
      after: 'payer: Medicare\ndos: 2026-03-14\nnote: notes/left-spn-one-array.opnote\n\ndx: G57.82\n64596// checked\n',
      left: ['laterality-mismatch', 'line-syntax'],
    },
  };

  for (const [name, { text, after, left }] of Object.entries(flawed)) {
    it(name, () => {
      assert.ok(automaticallyFixable(service, text).length >= 1, 'automatic fixes to start with');
      const once = fixAll(service, text);
      assert.equal(once, after);
      assert.deepEqual(automaticallyFixable(service, once), [], 'nothing automatically fixable is left');
      assert.equal(fixAll(service, once), once, 'a second fix-all changes nothing');
      assert.deepEqual([...new Set(ruleIds(service, once))].sort(), left);
    });
  }

  it('the service\'s source.fixAll action gives the same edit', () => {
    const { text, after } = flawed['note with three arrays, wrong side, misordered 22, bundled imaging, 51 on the add-on, wrong date, no prior auth'];
    const document = { uri: '/w/a.claim', version: 1, text };
    const [action] = service.codeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { only: ['source.fixAll.opnote'] });
    assert.equal(action.kind, 'source.fixAll.opnote');
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
    const edits = action.edit!.changes!['/w/a.claim'].map((edit) => ({ span: { start: offset(edit.range.start), end: offset(edit.range.end) }, newText: edit.newText }));
    assert.equal(applySpanEdits(text, edits), after);
  });
});
