import { factLocation, isArrayLine } from '../ruleSupport/claim';
import { changesSide, modifierFix, SIDE_MODIFIERS, sideOfModifier } from '../ruleSupport/modifiers';
import type { Fix, Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'laterality-mismatch',
    description: 'LT/RT missing on a stimulator line while the linked note documents a side, or contradicting it.',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['claim', 'note', 'laterality', 'modifier', 'cross-document'],
    appliesTo: ['claim'],
    docs: {
      what: 'The side modifiers of the peripheral-nerve stimulation lines (64596, 64597, 64555 ...) are compared with the side the operative note named by `note:` documents. The rule fires when the note names one side and a line has no LT/RT, has the other side, or has 50; and when the note documents both sides and a line has none of LT, RT or 50. The diagnostic points at the words in the note that give the side.',
      why: 'LT and RT are the anatomic modifiers payers use to tell one nerve from the other; a missing side is a common reason to reject a line, and a side that contradicts the note fails review. 59 or an X modifier must never be used in place of LT/RT. The side must also match the ICD-10-CM laterality.',
      fix: 'Add or correct LT or RT from the note (quick fix). When the note documents both sides, mark each line with the side of its array (one quick fix per side, neither preferred).',
      sources: ['IBX Medicare Advantage modifier 59 policy (LT/RT anatomic modifiers; not replaced by 59)', '64596 fact sheet §5 and fact 9 (name the nerve and side, RT/LT)'],
      bad: '// the note documents the left superficial peroneal nerve\npayer: Medicare\nnote: left.opnote\n\ndx: G57.82\n64596 x1 ptr:A',
      good: '// the note documents the left superficial peroneal nerve\npayer: Medicare\nnote: left.opnote\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { claim, knowledge } = context;
    const note = claim?.note;
    const laterality = note?.facts.laterality;
    if (!claim || !note || !laterality) return;
    const side = laterality.value;
    const related = [factLocation(note, laterality, `The note documents the ${side === 'bilateral' ? 'procedure on both sides' : `${side} side`}.`)];
    for (const line of claim.lines) {
      if (!isArrayLine(knowledge, line)) continue;
      const sides = line.modifiers.filter((modifier) => sideOfModifier(modifier.value) !== undefined);
      if (side === 'bilateral') {
        if (sides.length > 0) continue;
        const fixes = Object.values(SIDE_MODIFIERS)
          .map((modifier) => modifierFix(knowledge, claim, line, (change) => change.kind === 'add' && change.modifier === modifier, { addSide: modifier }, false))
          .filter((fix): fix is Fix => fix !== undefined);
        report({
          span: line.code.span,
          message: `${line.code.value} has no LT or RT, and the note documents arrays on both sides: mark each line with the side of its array.`,
          detail: `A line without its side is rejected. Whether a payer wants modifier 50 on 64596 instead is unverified: check the payer policy.`,
          related,
          fixes,
        });
        continue;
      }
      const expected = claim.modifierPlan(line).expectedSide;
      if (!expected) continue;
      const wrong = sides.find((modifier) => sideOfModifier(modifier.value) !== side);
      if (!wrong && sides.some((modifier) => modifier.value === expected.modifier)) continue;
      const fix = modifierFix(knowledge, claim, line, changesSide);
      const says = wrong ? (sideOfModifier(wrong.value) === 'bilateral' ? 'both sides' : `the ${sideOfModifier(wrong.value)} side`) : '';
      report({
        span: wrong?.span ?? line.code.span,
        message: wrong
          ? `${wrong.value} on ${line.code.value} says ${says}, but the note documents the ${side} side (${expected.modifier}): correct the one that is wrong.`
          : `${line.code.value} has no side modifier, but the note documents the ${side} side: add ${expected.modifier}, or the line may be rejected.`,
        ...(wrong ? { detail: 'A side that contradicts the operative report fails review.' } : {}),
        related,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
