import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractFacts } from '../../../server/src/core/facts';
import { loadKnowledge } from '../../../server/src/core/knowledge';
import type { ClaimFacts } from '../../../server/src/core/linting/types';
import { parseDocument } from '../../../server/src/core/parse/parseDocument';
import { claimFacts } from '../../../server/src/core/ruleSupport/claimFacts';
import { FIXTURES } from '../../helpers/fixtures';

const knowledge = loadKnowledge();

/** The claim facts of a claim whose `note:` is the fixture note `noteName` (three arrays, left side). */
function factsOf(text: string, noteName?: string): ClaimFacts {
  const model = parseDocument({ uri: 'file:///w/a.claim', version: 1, text, kindHint: 'claim' });
  if (!noteName) return claimFacts({ model, knowledge, findPayer: knowledge.findPayer });
  const notePath = path.join(FIXTURES, 'claims', 'notes', noteName);
  const noteModel = parseDocument({ uri: `file://${notePath}`, version: -1, text: fs.readFileSync(notePath, 'utf8'), kindHint: 'opnote' });
  const linkedNote = { status: 'found' as const, uri: `file://${notePath}`, path: notePath, model: noteModel, facts: extractFacts(noteModel) };
  return claimFacts({ model, knowledge, findPayer: knowledge.findPayer, linkedNote });
}

describe('claim facts (read once per check by every claim rule)', () => {
  it('plans the add-on units from the note and states each modifier change as a value', () => {
    const claim = factsOf('payer: Medicare\nnote: notes/left-peroneal-three-arrays.opnote\n\ndx: G57.32\n64596-LT x1 ptr:A\n64597-RT-51 x1 ptr:A\n', 'left-peroneal-three-arrays.opnote');
    const [primary, addOn] = claim.lines;
    assert.equal(claim.addOns[0].ownerOf.get(addOn), primary);
    assert.deepEqual(
      claim.addOnCount.map((plan) => ({ billed: plan.billed, target: plan.target, arrays: plan.fromNote?.arrays, removed: plan.removed })),
      [{ billed: 1, target: 2, arrays: 3, removed: [] }],
    );
    const planned = claim.modifierPlan(addOn);
    assert.deepEqual(planned.changes, [
      { kind: 'remove', modifier: '51' },
      { kind: 'replace', from: 'RT', to: 'LT' },
    ]);
    assert.deepEqual(planned.modifiers, ['LT']);
    assert.equal(planned.rewritable, true);
    assert.equal(claim.payer?.field.value, 'Medicare');
    assert.equal(claim.sessionDates.get(primary), '2026-04-20');
  });

  it('puts an add-on line whose date is unknown in one session only: that of the nearest primary above it', () => {
    const claim = factsOf('payer: Medicare\n\ndx: G57.32\n64596-LT x1 dos:2026-04-20\n64596-LT x1 dos:2026-05-01\n64597-LT x1\n');
    const [, second, addOn] = claim.lines;
    const sessions = [...claim.addOns[0].sessions.values()];
    assert.deepEqual(
      sessions.map((session) => ({ key: session.key, addOns: session.addOns.length })),
      [
        { key: '2026-04-20', addOns: 0 },
        { key: '2026-05-01', addOns: 1 },
      ],
    );
    assert.equal(claim.addOns[0].ownerOf.get(addOn), second);
  });

  it('marks the lines an add-on plan removes, and gives them no modifier rewrite', () => {
    const claim = factsOf('payer: Medicare\nnote: notes/left-spn-one-array.opnote\n\ndx: G57.32\n64596-LT x1 ptr:A\n64597-51 x1 ptr:A\n', 'left-spn-one-array.opnote');
    const addOn = claim.lines[1];
    assert.deepEqual([...claim.removedLines], [addOn.line]);
    assert.equal(claim.modifierPlan(addOn).rewritable, false);
  });
});
