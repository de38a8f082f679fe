import { isForbiddenOnLine, isOrdered, modifierFix, modifierInfo } from '../ruleSupport/modifiers';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'modifier-order',
    description: 'An informational modifier (LT, RT, 59, XS ...) comes before a pricing modifier (22, 50, 51 ...).',
    defaultSeverity: 'information',
    fixable: true,
    tags: ['claim', 'modifier'],
    appliesTo: ['claim'],
    docs: {
      what: 'On a service line, a modifier that only informs (LT, RT, 59, X modifiers, GA/GZ ...) is listed before one that changes the price (22, 50, 51, 52, 53, 73, 74, 78, PN). Which modifiers are pricing and which informational comes from `modifiers.json`.',
      why: 'Payers read the first modifier positions for pricing; a pricing modifier in a later position can be ignored, so 22 after LT may be paid at the normal fee. Listing pricing modifiers first is the common billing convention.',
      fix: 'Put pricing modifiers first and informational ones after them (quick fix; the relative order of the rest is kept).',
      sources: ['CMS-1500 item 24D (modifier positions)', '64596 fact sheet §5 (modifiers 22, 50, 51, 52/53, 73/74 affect payment)'],
      bad: 'payer: Medicare\nnote: quantified.opnote\n\ndx: G57.02\n64596-LT-22 x1 ptr:A',
      good: 'payer: Medicare\nnote: quantified.opnote\n\ndx: G57.02\n64596-22-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { claim, knowledge } = context;
    if (!claim) return;
    for (const line of claim.lines) {
      if (line.modifiers.some((modifier) => !modifierInfo(knowledge, modifier.value))) continue;
      // A modifier another rule removes (51 on an add-on) does not count for the order.
      const staying = line.modifiers.filter((modifier) => !isForbiddenOnLine(knowledge, line, modifier.value));
      if (isOrdered(knowledge, staying.map((modifier) => modifier.value))) continue;
      const pricing = staying.filter((modifier) => modifierInfo(knowledge, modifier.value)?.kind === 'pricing').map((modifier) => modifier.value);
      const fix = modifierFix(knowledge, claim, line, (change) => change.kind === 'reorder');
      report({
        span: { start: staying[0].span.start, end: staying[staying.length - 1].span.end },
        message: `On ${line.code.value}, put pricing modifier${pricing.length > 1 ? 's' : ''} ${pricing.join(', ')} before the informational ones.`,
        detail: 'Payers read the first positions for pricing, so a pricing modifier further back may be ignored.',
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
