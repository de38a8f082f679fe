import * as assert from 'node:assert/strict';
import { fixAll, robustService } from '../helpers/robustness';

/** Invariant breaks found by fuzzing, kept as regression tests once fixed. */

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

function runs(text: string, max = 6): string[] {
  const { service } = robustService(new Map([['/w/notes/left.opnote', LEFT_NOTE]]));
  const texts = [text];
  for (let run = 1; run <= max; run++) {
    const next = fixAll(service, { uri: '/w/a.claim', version: run, text: texts[texts.length - 1], kindHint: 'claim' }).text;
    if (next === texts[texts.length - 1]) break;
    texts.push(next);
  }
  return texts;
}

const CLAIM_HEAD = 'payer: Aetna\ndos: 2026-03-14\npos: 24\nnote: notes/left.opnote\nprior-auth: PA-1\n\ndx: G57.82\n';

describe('robustness: fix-all settles in one run (cases found by fuzzing)', () => {
  // Fuzzing found both breaking "fix-all twice equals fix-all once"; both are fixed and stay so.
  // test/helpers/fuzz.ts still counts the general case (a fix that leaves a finding another fix
  // handles) as a known issue: fix-all is one round of fixes, not a fixed point.
  it('when one fix makes a finding another fix handles (two lines of the same code)', () => {
    const texts = runs(`${CLAIM_HEAD}64596-LT x3 ptr:A\n64596-LT x3 ptr:A\n`);
    assert.ok(texts.length <= 2, `fix-all changed the text again on run ${texts.length - 1}:\n${texts.join('\n-----\n')}`);
  });

  it('on a claim line whose comment is glued to the code (`64596// note`)', () => {
    const texts = runs(`${CLAIM_HEAD}64596// checked\n`);
    assert.ok(texts.length <= 2, `still editing after ${texts.length - 1} runs: ${JSON.stringify(texts[texts.length - 1].split('\n').slice(-3))}`);
  });
});
