import { diagnoses } from '../ruleSupport/claim';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'dx-pointer',
    description: 'A diagnosis pointer to a letter that has no diagnosis.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['claim', 'diagnosis', 'pointer'],
    appliesTo: ['claim'],
    docs: {
      what: 'A service line points (`ptr:`) to a diagnosis letter beyond the diagnoses listed in the `dx:` lines (A is the first diagnosis, B the second ...). Checked when the claim lists at least one diagnosis.',
      why: 'Each service line must point to the diagnoses that justify it (CMS-1500 item 24E); a pointer to an empty slot is rejected by the clearinghouse, and the 64596 line then has no diagnosis for the medical-necessity review.',
      fix: 'Point to a listed diagnosis, or add the missing diagnosis to the `dx:` list in the right position.',
      sources: ['CMS-1500 items 21 (diagnoses A-L) and 24E (diagnosis pointer)', 'OpNote markup brief (docs/markup.md)'],
      bad: 'payer: Medicare\n\ndx: G57.82\n64596-LT x1 ptr:A,B',
      good: 'payer: Medicare\n\ndx: G89.29, G57.82\n64596-LT x1 ptr:A,B',
    },
  },
  check({ model, claim }, report) {
    if (!claim) return;
    const listed = diagnoses(model);
    if (listed.length === 0) {
      for (const line of claim.lines) {
        const span = line.pointers?.letters[0]?.span ?? line.code.span;
        report({ span, message: `${line.code.value} points to diagnosis ${line.pointers?.letters[0]?.value ?? 'A (the default)'}, but the claim lists no diagnoses: add a \`dx:\` line with the one that justifies it.`, detail: 'The diagnoses are CMS-1500 item 21; a line without one is rejected.' });
      }
      return;
    }
    const letters = new Set(listed.map((entry) => entry.letter));
    const last = listed[listed.length - 1].letter;
    for (const line of claim.lines) {
      for (const pointer of line.pointers?.letters ?? []) {
        if (letters.has(pointer.value)) continue;
        report({
          span: pointer.span,
          message: `${line.code.value} points to diagnosis ${pointer.value}, but the claim lists diagnoses A${last === 'A' ? '' : `-${last}`} only: point to the diagnosis that justifies the line.`,
          detail: 'The clearinghouse rejects a pointer to an empty slot, and the line loses the diagnosis that justifies it.',
        });
      }
    }
  },
};
