import { modifierInfo } from '../ruleSupport/modifiers';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'modifier-unknown',
    description: 'A modifier OpNote does not know.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['claim', 'modifier'],
    appliesTo: ['claim'],
    docs: {
      what: 'A service line carries a modifier that is not in OpNote\'s modifier list (`modifiers.json`): the modifiers that matter for 64596 claims (22, 50, 51, 52, 53, 59, XE/XS/XP/XU, 73, 74, 76-79, GA/GX/GY/GZ, KX, LT/RT, PN/PO and the ones 59 must not replace). Often a typo (`TL` for `LT`, `XX`).',
      why: 'An invalid modifier makes the clearinghouse reject the line, and a valid modifier OpNote does not know is one it cannot check (against add-on status, laterality, payer rules). The modifier list is OpNote\'s own selection, so a real modifier outside it is reported too, as information to check; a known modifier with its letters swapped (`TL` for `LT`) is an error.',
      fix: 'Correct the modifier. If it is a valid modifier your payer expects, keep it and disable the rule for the line with `// opnote-disable-line modifier-unknown` (or for your organisation in `.opnoterc.json`).',
      sources: ['CMS-1500 item 24D (up to four modifiers per line)', '64596 fact sheet §5 (modifiers)'],
      bad: 'payer: Medicare\n\ndx: G57.82\n64596-TL x1 ptr:A',
      good: 'payer: Medicare\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check({ knowledge, claim }, report) {
    for (const line of claim?.lines ?? []) {
      for (const modifier of line.modifiers) {
        if (modifierInfo(knowledge, modifier.value)) continue;
        // "TL" for "LT" is a typo; "26" or "TC" may be a real modifier outside OpNote's selection: information, to check.
        const swapped = modifier.value.length === 2 ? modifier.value[1] + modifier.value[0] : '';
        const typo = swapped !== modifier.value && modifierInfo(knowledge, swapped) !== undefined;
        report({
          span: modifier.span,
          message: typo
            ? `\`${modifier.value}\` is not a modifier; \`${swapped}\` is: correct it, or the clearinghouse rejects the line.`
            : `OpNote does not know modifier \`${modifier.value}\`: check that it is a real CPT/HCPCS modifier (a typo is rejected by the clearinghouse) and that the payer accepts it on ${line.code.value}.`,
          unsure: !typo,
        });
      }
    }
  },
};
