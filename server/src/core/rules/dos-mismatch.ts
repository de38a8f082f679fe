import { isOwnSessionLine, isProcedureLine, noteDate, noteLocation, noteName } from '../ruleSupport/claim';
import { prependHeaderFieldEdit, setHeaderValueEdit } from '../ruleSupport/edits';
import type { Rule } from '../linting/types';
import { headerField } from '../parse/model';

export const rule: Rule = {
  meta: {
    id: 'dos-mismatch',
    description: 'The claim\'s date of service differs from the date of the linked operative note.',
    defaultSeverity: 'error',
    fixable: true,
    tags: ['claim', 'note', 'date', 'cross-document'],
    appliesTo: ['claim'],
    docs: {
      what: 'The claim\'s `dos:` header (or the `dos:` item of a stimulator service line) is not the date in the header of the operative note named by `note:`, or the claim has no date of service while the note has one. Dates are compared after normalisation, so 03/14/2026 and 2026-03-14 agree. A `dos:` that is not a real date is reported by `date-malformed`, not here.',
      why: 'The date of service ties the claim to the operative report, the prior authorization and the global period. A claim dated differently from the note is denied on review or matched to the wrong encounter, and a code effective from a given date (64596 from 2026, unverified) is judged by it.',
      fix: 'Set the date of service from the note (quick fix), or correct the note\'s date if the note is wrong; the claim is re-checked when the note changes.',
      sources: ['CMS-1500 item 24A (dates of service)', 'OpNote markup brief (docs/markup.md): note `date`, claim `dos`'],
      bad: '// the note is dated 2026-03-14\npayer: Medicare\ndos: 2026-03-15\nnote: well-documented.opnote\n\ndx: G57.82\n64596-LT x1 ptr:A',
      good: '// the note is dated 2026-03-14\npayer: Medicare\ndos: 2026-03-14\nnote: well-documented.opnote\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { claim } = context;
    const note = claim?.note;
    const date = note && noteDate(note);
    if (!claim || !note || !date) return;
    const { model, knowledge } = context;
    const related = [noteLocation(note, date.field.valueSpan, `The note is dated ${date.iso}.`)];
    const name = noteName(note);
    const dos = headerField(model, 'dos');
    if (dos?.isoDate && dos.isoDate !== date.iso) {
      report({
        span: dos.valueSpan,
        message: `The claim's date of service ${dos.isoDate} differs from the operative note's (${date.iso}): correct the one that is wrong.`,
        detail: `The payer matches the claim to the operative report (${name}) by date, so the claim is denied or tied to the wrong encounter.`,
        related,
        fixes: [{ title: `Set the date of service to ${date.iso} (from the note)`, edits: [setHeaderValueEdit(dos, date.iso)], isPreferred: true }],
      });
    } else if (!dos) {
      const noteField = headerField(model, 'note');
      const edit = prependHeaderFieldEdit(model, `dos: ${date.iso}`);
      report({
        span: noteField?.valueSpan ?? model.lines.lineSpan(0),
        message: `The claim has no date of service; its operative note is dated ${date.iso}: add \`dos:\`, or the claim is rejected.`,
        detail: `The operative note (${name}) gives the date of the procedure.`,
        related,
        ...(edit ? { fixes: [{ title: `Insert \`dos: ${date.iso}\` (from the note)`, edits: [edit], isPreferred: true }] } : {}),
      });
    }
    for (const line of claim.lines) {
      if (!line.dos || line.dos.value === date.iso || !isProcedureLine(knowledge, line) || isOwnSessionLine(knowledge, line, date.iso)) continue;
      // A line another fix removes (a 64597 the note does not support) keeps its date: fix-all removes it.
      const removed = claim.removedLines.has(line.line);
      report({
        span: line.dos.span,
        message: `The ${line.code.value} line is dated ${line.dos.value}, but the operative note is dated ${date.iso}: correct the one that is wrong.`,
        detail: `A line dated otherwise than its operative report (${name}) is denied or tied to the wrong encounter.`,
        related,
        ...(removed ? {} : { fixes: [{ title: `Set the line's date to ${date.iso} (from the note)`, edits: [{ span: line.dos.span, newText: date.iso }], isPreferred: true }] }),
      });
    }
  },
};
