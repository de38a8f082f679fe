import { codeEntry, cite, isAddOn } from '../ruleSupport/claim';
import { modifierFix, modifierInfo } from '../ruleSupport/modifiers';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'modifier-51-addon',
    description: 'Modifier 51 (multiple procedures) on an add-on code such as 64597.',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['claim', 'modifier', 'add-on', '64597'],
    appliesTo: ['claim'],
    docs: {
      what: 'A service line of an add-on code carries a modifier that is never used on add-on codes (51). Which modifiers are never used on add-ons and which codes are add-ons come from the knowledge pack (`modifiers.json`, `codes.json`).',
      why: 'Add-on codes are already priced as additional work and are exempt from the multiple-procedure reduction; 51 on an add-on is an error that gets the line rejected or reduced. 64597 (each additional array) is treated as an add-on; its add-on status is unverified: check the current CPT book.',
      fix: 'Remove 51 from the add-on line (quick fix).',
      sources: ['lifewise.com (2019); legalclarity.org; findacode.com; Regence MA modifier 51 policy (never on add-on codes)', '64596 fact sheet §2 (add-on rules) and §5'],
      bad: 'payer: Medicare\n\ndx: G57.82\n64596-LT x1 ptr:A\n64597-51-LT x1 ptr:A',
      good: 'payer: Medicare\n\ndx: G57.82\n64596-LT x1 ptr:A\n64597-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { claim, knowledge } = context;
    if (!claim) return;
    for (const line of claim.lines) {
      if (!isAddOn(knowledge, line.code.value)) continue;
      const addOn = codeEntry(knowledge, line.code.value)!.addOn;
      for (const modifier of line.modifiers) {
        if (modifierInfo(knowledge, modifier.value)?.rules.neverOnAddOn !== true) continue;
        const fix = modifierFix(knowledge, claim, line, (change) => change.kind === 'remove' && change.modifier === modifier.value);
        report({
          span: modifier.span,
          message: `Modifier ${modifier.value} is never used on an add-on code such as ${line.code.value}: remove it.`,
          detail: `Add-ons (each additional array, billed with its primary code) are exempt from the multiple-procedure reduction; with ${modifier.value} the line is rejected or cut. ${cite(addOn, 'the current CPT book')}`,
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
    }
  },
};
