import { isPeripheralImplant } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'additional-arrays',
    description: 'More than one array placed: 64597 for each additional array.',
    defaultSeverity: 'information',
    fixable: false,
    tags: ['64596', 'note', 'arrays', '64597'],
    appliesTo: ['opnote'],
    docs: {
      what: 'The note documents more than one electrode array placed in this procedure. OpNote tells the coder how to build the claim lines.',
      why: '64596 covers the first or only array; each additional array is reported with 64597 (units = arrays − 1), never as extra units on 64596. 64597 is a companion code that is never billed alone and never takes modifier 51 (its add-on status is unverified: check the current CPT book).',
      fix: 'Nothing to fix in the note. On the claim: 64596 x1 and 64597 x(arrays − 1).',
      sources: ['64596 fact sheet §1, §2 and fact 3', 'payerpolicy.org Aetna CPB 0011 update (64596 and 64597)'],
      good: 'Two electrode arrays were deployed along the nerve.',
    },
  },
  check({ facts }, report) {
    if (!isPeripheralImplant(facts) || facts.arrays === null || facts.arrays.value < 2) return;
    const first = facts.arrays.evidence[0];
    if (!first) return;
    const extra = facts.arrays.value - 1;
    report({
      span: first.span,
      message: `${facts.arrays.value} arrays placed: report 64596 x1 for the first and 64597 x${extra} for the additional array${extra > 1 ? 's' : ''} (64597 add-on status unverified: check the current CPT book).`,
    });
  },
};
