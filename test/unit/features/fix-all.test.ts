import * as assert from 'node:assert/strict';
import { applySpanEdits, fixAllEdits } from '../../../server/src/core/features/codeActions';
import { fixAll, robustService } from '../../helpers/robustness';

type Finding = Parameters<typeof fixAllEdits>[0][number];
interface Edit {
  readonly span: { readonly start: number; readonly end: number };
  readonly newText: string;
}

/** A finding of `rule` whose preferred fix makes `edits`. */
function finding(rule: string, ...edits: Edit[]): Finding {
  return { rule: { id: rule }, fixes: [{ title: rule, isPreferred: true, edits }] } as unknown as Finding;
}

const insert = (at: number, newText: string): Edit => ({ span: { start: at, end: at }, newText });
const replace = (start: number, end: number, newText: string): Edit => ({ span: { start, end }, newText });

/** One fix-all round over `text`: the text after the edits fix-all keeps. */
function fixAllOnce(text: string, ...findings: Finding[]): string {
  return applySpanEdits(text, fixAllEdits(findings));
}

describe('fix-all: which fixes one round applies', () => {
  const TEXT = '64596 x2\n';

  it('applies fixes that do not touch each other, the ones next to each other included', () => {
    assert.equal(fixAllOnce(TEXT, finding('a', replace(0, 5, '64597')), finding('b', insert(5, '-LT'))), '64597-LT x2\n');
    assert.equal(fixAllOnce(TEXT, finding('a', replace(6, 8, 'x1')), finding('b', insert(0, '# '))), '# 64596 x1\n');
  });

  it('applies one of two insertions at the same offset (their order would be a guess)', () => {
    assert.equal(fixAllOnce(TEXT, finding('a', insert(5, '-LT')), finding('b', insert(5, '-RT'))), '64596-LT x2\n');
  });

  it('skips an insertion where a replacement it keeps starts, whichever comes first', () => {
    assert.equal(fixAllOnce(TEXT, finding('a', replace(6, 8, 'x1')), finding('b', insert(6, 'units '))), '64596 x1\n');
    assert.equal(fixAllOnce(TEXT, finding('b', insert(6, 'units ')), finding('a', replace(6, 8, 'x1'))), '64596 units x2\n');
  });

  it('skips an insertion inside a replaced span, and a replacement over an insertion', () => {
    assert.equal(fixAllOnce(TEXT, finding('a', replace(0, 5, '64597')), finding('b', insert(3, '!'))), '64597 x2\n');
    // Fixes are taken in document order of their first edit: b comes first.
    assert.equal(fixAllOnce(TEXT, finding('a', replace(2, 5, '597')), finding('b', insert(0, '# '), insert(3, '!'))), '# 645!96 x2\n');
  });

  it('skips overlapping replacements and keeps a shared fix once', () => {
    assert.equal(fixAllOnce(TEXT, finding('a', replace(0, 5, '64597')), finding('b', replace(4, 8, '7 x1'))), '64597 x2\n');
    const shared = finding('a', replace(6, 8, 'x1'));
    assert.equal(fixAllOnce(TEXT, shared, { ...shared, rule: { id: 'b' } } as unknown as Finding), '64596 x1\n');
  });
});

const LEFT_NOTE = `---
date: 2026-03-14
---

# Procedure
Percutaneous insertion of an integrated peripheral nerve stimulation system, left superficial
peroneal nerve, under ultrasound guidance.

# Description of procedure
Under ultrasound guidance the left superficial peroneal nerve was identified. Three electrode arrays
were deployed percutaneously along the nerve. Each array has an integrated receiver.
`;

/** The texts fix-all gives, run after run, until it changes nothing (at most `max` runs). */
function runs(text: string, max = 6): string[] {
  const { service } = robustService({ '/w/notes/left.opnote': LEFT_NOTE });
  const texts = [text];
  for (let run = 1; run <= max; run++) {
    const next = fixAll(service, { uri: '/w/a.claim', version: run, text: texts[texts.length - 1], kindHint: 'claim' }).text;
    if (next === texts[texts.length - 1]) break;
    texts.push(next);
  }
  return texts;
}

const CLAIM_HEAD = 'payer: Aetna\ndos: 2026-03-14\npos: 24\nnote: notes/left.opnote\nprior-auth: PA-1\n\ndx: G57.82\n';

// Inputs the fuzzer found that once needed a second fix-all.
describe('fix-all settles in one run', () => {
  it('when one fix makes a finding another fix handles (two lines of the same code)', () => {
    const texts = runs(`${CLAIM_HEAD}64596-LT x3 ptr:A\n64596-LT x3 ptr:A\n`);
    assert.ok(texts.length <= 2, `fix-all changed the text again on run ${texts.length - 1}:\n${texts.join('\n-----\n')}`);
  });

  it('on a claim line whose comment is glued to the code (`64596// note`)', () => {
    const texts = runs(`${CLAIM_HEAD}64596// checked\n`);
    assert.ok(texts.length <= 2, `still editing after ${texts.length - 1} runs: ${JSON.stringify(texts[texts.length - 1].split('\n').slice(-3))}`);
  });
});
