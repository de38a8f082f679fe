import { cite, factLocation } from '../ruleSupport/claim';
import type { Rule } from '../linting/types';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const rule: Rule = {
  meta: {
    id: 'addon-count-mismatch',
    description: '64597 units differ from the number of additional arrays the linked note documents.',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['claim', 'note', '64597', 'units', 'arrays', 'cross-document'],
    appliesTo: ['claim'],
    docs: {
      what: 'The claim\'s 64597 units are compared with the operative note named by `note:`: with N arrays placed in an integrated percutaneous insertion, 64597 should carry N − 1 units. The rule fires when the units differ, or when the note documents more than one array and the claim has no 64597 line. While 64596 itself carries extra units, `units-exceed` reports the line instead (its fix moves them to 64597), so the two never ask for the same correction twice. The diagnostic points at the sentence of the note that gives the array count.',
      why: 'Each additional array is paid only on 64597; too few units leave work unpaid, too many are overbilling that an audit of the operative note will find. The count must match what the surgeon documented. The add-on status of 64597 is unverified: check the current CPT book.',
      fix: 'Set the 64597 units to the number of arrays minus one, add the 64597 line, or remove it when only one array was placed (quick fix). If the note is wrong, correct the note: the claim is re-checked when the note changes.',
      sources: ['payerpolicy.org Aetna CPB 0011 update (64596 and 64597)', '64596 fact sheet fact 3 (units = arrays − 1) and §6 (number of arrays drives 64597 units)'],
      bad: '// the note documents three arrays\npayer: Medicare\nnote: three-arrays.opnote\n\ndx: G57.22\n64596-LT x1 ptr:A\n64597-LT x1 ptr:A',
      good: '// the note documents three arrays\npayer: Medicare\nnote: three-arrays.opnote\n\ndx: G57.22\n64596-LT x1 ptr:A\n64597-LT x2 ptr:A',
    },
  },
  check(context, report) {
    for (const plan of context.claim?.addOnCount ?? []) {
      const { edit, anchor: primary, existing, billed, target, fromNote } = plan;
      if (!fromNote) continue;
      const { note } = fromNote;
      const related = [factLocation(note, note.facts.arrays, `The note documents ${plural(fromNote.arrays, 'array')}.`)];
      const documented = `the note documents ${plural(fromNote.arrays, 'array')}`;
      const why = `${primary.code.value} covers the first array, and each additional array is one unit of ${edit.addOnCode}. ${cite(edit, 'the current CPT book')}`;
      if (existing.length === 0) {
        report({
          span: primary.code.span,
          message: `The claim has no ${edit.addOnCode} line, but ${documented}: add ${edit.addOnCode} x${target}, or the additional array${target === 1 ? ' goes' : 's go'} unpaid.`,
          detail: why,
          related,
          fixes: [{ title: `Add ${edit.addOnCode} x${target} after ${primary.code.value} (from the note)`, edits: [...plan.edits], isPreferred: true }],
        });
        continue;
      }
      const first = existing[0];
      const title = target === 0 ? `Remove the ${edit.addOnCode} line (the note documents one array)` : `Set ${edit.addOnCode} to ${target} unit${target === 1 ? '' : 's'} (from the note)`;
      report({
        span: first.units?.span ?? first.code.span,
        message:
          target === 0
            ? `${edit.addOnCode} is billed, but ${documented}: remove the ${edit.addOnCode} line.`
            : `${edit.addOnCode} has ${plural(billed, 'unit')}, but ${documented}: bill ${plural(target, 'unit')} (one per array after the first).`,
        detail: `${why} ${billed > target ? 'Units beyond the documented arrays are overbilling.' : 'Arrays not billed go unpaid.'}`,
        related,
        fixes: [{ title, edits: [...plan.edits], isPreferred: true }],
      });
    }
  },
};
