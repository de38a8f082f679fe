import { cite } from '../ruleSupport/claim';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'addon-without-primary',
    description: '64597 (additional array) billed without 64596 on the claim.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['claim', '64597', 'add-on'],
    appliesTo: ['claim'],
    docs: {
      what: 'An add-on code is billed without its primary code for the same date of service: 64597 (each additional array) without 64596 (the first array). The pairs come from the knowledge pack (`edits.json`).',
      why: 'An add-on code is never billed alone: it reports extra work done with the primary procedure, so a claim with 64597 and no 64596 is likely denied outright. 64597 reports each additional array of the system placed under 64596. Its add-on (+, ZZZ) status is unverified: check the current CPT book.',
      fix: 'Add the 64596 line for the first array (and keep 64597 for each additional one), or, if only one array was placed, bill 64596 instead of 64597.',
      sources: ['payerpolicy.org Aetna CPB 0011 update (64596 and 64597)', 'lifewise.com (2019); legalclarity.org; findacode.com (add-on codes are never billed alone)', '64596 fact sheet §1 and fact 3 (64597 add-on status unverified)'],
      bad: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64597-LT x1 ptr:A',
      good: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A\n64597-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { claim } = context;
    if (!claim) return;
    for (const { edit, ownerOf } of claim.addOns) {
      for (const line of claim.lines) {
        if (line.code.value !== edit.addOnCode || ownerOf.has(line)) continue;
        report({
          span: line.code.span,
          message: `${line.code.value} is billed without ${edit.primaryCodes.join(' or ')} on the same date of service: an add-on code billed alone is likely denied.`,
          detail: `${edit.reason} ${cite(edit, 'the current CPT book')}`,
        });
      }
    }
  },
};
