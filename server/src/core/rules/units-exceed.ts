import { addOnLines, addOnLineText, noteAddOnUnits, requiresPrimaryEdits } from '../claims/addon';
import { cite, serviceLines, unitsOf } from '../claims/claim';
import { insertLineAfterEdit, removeLineEdit, setUnitsEdit } from '../claims/edits';
import type { Rule, SpanEdit } from '../linting/types';

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
      why: '64596 covers the first or only electrode array; each additional array is reported with 64597, one unit per array. Extra units of 64596 are denied (a medically unlikely count for a first-array code), and the additional arrays go unpaid. The add-on status of 64597 and the MUE of 64596 are unverified: check the current CPT book and the CMS MUE file.',
      fix: 'Bill 64596 x1 and put the other arrays on 64597 (quick fix: sets 64596 to one unit and moves the rest to a 64597 line, or to the count the linked note documents).',
      sources: ['openpayer.com CPT 64596 descriptor (first or only array)', 'payerpolicy.org Aetna CPB 0011 update (64596 and 64597)', '64596 fact sheet fact 3 (units = arrays − 1; 64597 add-on status unverified)'],
      bad: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x3 ptr:A',
      good: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A\n64597-LT x2 ptr:A',
    },
  },
  check(context, report) {
    const { model } = context;
    for (const edit of requiresPrimaryEdits(context.knowledge)) {
      for (const line of serviceLines(model)) {
        if (!edit.primaryCodes.includes(line.code.value) || unitsOf(line) <= 1 || !line.units) continue;
        const extra = unitsOf(line) - 1;
        const fromNote = noteAddOnUnits(context, line.code.value, edit.addOnCode);
        const existing = addOnLines(model, line, edit.addOnCode);
        const target = fromNote ? fromNote.units : existing.reduce((sum, other) => sum + unitsOf(other), 0) + extra;
        const edits: SpanEdit[] = [setUnitsEdit(line, 1)];
        if (existing.length > 0 && target === 0) {
          edits.push(...existing.map((other) => removeLineEdit(model, other.line)));
        } else if (existing.length > 0) {
          // The first add-on line takes the count; further add-on lines are folded into it.
          if (existing.length > 1 || unitsOf(existing[0]) !== target) edits.push(setUnitsEdit(existing[0], target), ...existing.slice(1).map((other) => removeLineEdit(model, other.line)));
        } else if (target > 0) {
          edits.push(insertLineAfterEdit(model, line.line, addOnLineText(context, line, edit.addOnCode, target)));
        }
        const reason = fromNote ? ` (the note documents ${fromNote.arrays} array${fromNote.arrays === 1 ? '' : 's'})` : '';
        const rest = target > 0 ? ` and bill ${target} unit${target === 1 ? '' : 's'} of ${edit.addOnCode}` : existing.length > 0 ? ` and remove the ${edit.addOnCode} line` : '';
        const title = `Set ${line.code.value} to 1 unit${rest}${reason}`;
        report({
          span: line.units.span,
          message:
            `${line.code.value} is billed with ${unitsOf(line)} units, but it covers only the first (or only) electrode array: each additional array is reported with ${edit.addOnCode}, one unit per array. ` +
            `Extra units of ${line.code.value} are denied. ${cite(edit, 'the current CPT book and the CMS MUE file')}`,
          fixes: [{ title, edits, isPreferred: true }],
        });
      }
    }
  },
};
