import { cite, unitsOf } from '../ruleSupport/claim';
import { setUnitsEdit } from '../ruleSupport/edits';
import type { AddOnPlan, Fix, Rule } from '../linting/types';
import type { ServiceLine } from '../parse/model';

export const rule: Rule = {
  meta: {
    id: 'units-exceed',
    description: '64596 billed with more than 1 unit; additional arrays go on 64597.',
    defaultSeverity: 'error',
    fixable: true,
    tags: ['claim', '64596', '64597', 'units', 'arrays'],
    appliesTo: ['claim'],
    docs: {
      what: 'A 64596 line has more than one unit. The pairing of 64596 with its companion code (64597) comes from the knowledge pack (`edits.json`).',
      why: '64596 covers the first or only electrode array; each additional array is reported with 64597, one unit per array. Extra units of 64596 are likely denied (a medically unlikely count for a first-array code), and the additional arrays go unpaid. The add-on status of 64597 and the MUE of 64596 are unverified: check the current CPT book and the CMS MUE file.',
      fix: 'Bill 64596 x1 and put the other arrays on 64597 (quick fix: sets 64596 to one unit and moves the rest to a 64597 line, or to the count the linked note documents).',
      sources: ['openpayer.com CPT 64596 descriptor (first or only array)', 'payerpolicy.org Aetna CPB 0011 update (64596 and 64597)', '64596 fact sheet fact 3 (units = arrays − 1; 64597 add-on status unverified)'],
      bad: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x3 ptr:A',
      good: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A\n64597-LT x2 ptr:A',
    },
  },
  check(context, report) {
    // One fix for the whole session (the first line keeps one unit, the other primary lines go, the
    // rest moves to the add-on line), so fix-all settles the session whichever finding it takes.
    for (const { group, plan } of context.claim?.unitsExceed ?? []) {
      const fix = sessionFix(group, plan);
      const [first, ...repeated] = group;
      if (unitsOf(first) > 1) {
        report({
          span: first.units!.span,
          message: `${first.code.value} has ${unitsOf(first)} units but covers only the first array: bill it once and each additional array as one unit of ${plan.edit.addOnCode}.`,
          detail: `Extra units of ${first.code.value} are likely denied. ${cite(plan.edit, 'the current CPT book and the CMS MUE file')}`,
          fixes: [fix],
        });
      }
      for (const line of repeated) {
        report({
          span: line.units?.span ?? line.code.span,
          message: `${line.code.value} is billed again in this session (line ${first.line + 1} has it): bill it once and each additional array as ${plan.edit.addOnCode}.`,
          detail: `${line.code.value} covers only the first electrode array, once per session. ${cite(plan.edit, 'the current CPT book and the CMS MUE file')}`,
          fixes: [fix],
        });
      }
    }
  },
};

function sessionFix(group: readonly ServiceLine[], plan: AddOnPlan): Fix {
  const { edit, anchor, target, fromNote, existing } = plan;
  const reason = fromNote ? ` (the note documents ${fromNote.arrays} array${fromNote.arrays === 1 ? '' : 's'})` : '';
  const rest = target > 0 ? ` and bill ${target} unit${target === 1 ? '' : 's'} of ${edit.addOnCode}` : existing.length > 0 ? ` and remove the ${edit.addOnCode} line` : '';
  const single = group.length > 1 ? `Keep one ${anchor.code.value} line at 1 unit` : `Set ${anchor.code.value} to 1 unit`;
  const anchorEdits = unitsOf(anchor) > 1 ? [setUnitsEdit(anchor, 1)] : [];
  return { title: `${single}${rest}${reason}`, edits: [...anchorEdits, ...plan.edits], isPreferred: true };
}
