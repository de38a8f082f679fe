import { BILATERAL_MODIFIER } from '../ruleSupport/modifiers';
import { modifierInfo } from '../ruleSupport/order';
import type { Rule } from '../linting/types';

/** The integrated-system codes whose bilateral indicator is unknown. */
const INTEGRATED_CODES = new Set(['64596', '64597']);

export const rule: Rule = {
  meta: {
    id: 'modifier-50-bilateral',
    description: 'Modifier 50 (bilateral) on 64596/64597: what 50 means for these codes is unverified; two sides or two nerves are usually one line each with LT/RT.',
    defaultSeverity: 'information',
    fixable: false,
    tags: ['claim', 'modifier', 'laterality', '64596'],
    appliesTo: ['claim'],
    docs: {
      what: 'A 64596 or 64597 line carries modifier 50.',
      why: 'Whether 64596 allows bilateral reporting with 50 depends on its MPFS bilateral indicator, which is data not available (64596 fact sheet §5, unverified). A session on two sides or two nerves is safest billed one line per array with its side: 64596-LT for the first array, 64597-RT for the one on the other side, so each line says where its array is. Information only: check the payer\'s bilateral rules before using 50.',
      fix: 'Bill each side on its own line with LT or RT (and 64597 for each additional array), unless the payer asks for 50.',
      sources: ['64596 fact sheet §5 (LT/RT anatomic modifiers; the 50 bilateral indicator for 64596 unverified)', 'IBX Medicare Advantage modifier policy (LT/RT)'],
      bad: 'payer: Medicare\n\ndx: G89.29\n64596-50 x1 ptr:A',
      good: 'payer: Medicare\n\ndx: G89.29\n64596-LT x1 ptr:A\n64597-RT x1 ptr:A',
    },
  },
  check({ knowledge, claim }, report) {
    if (!claim) return;
    const verified = modifierInfo(knowledge, BILATERAL_MODIFIER)?.verified === true;
    for (const line of claim.lines) {
      const bilateral = line.modifiers.find((modifier) => modifier.value === BILATERAL_MODIFIER);
      if (!bilateral || !INTEGRATED_CODES.has(line.code.value)) continue;
      report({
        span: bilateral.span,
        message: `What modifier 50 means for ${line.code.value} is ${verified ? 'payer-specific' : 'unverified'}: check; two sides are usually one line each with LT and RT.`,
      });
    }
  },
};
