import type { Rule } from '../linting/types';
import { headerField } from '../parse/model';

/** What a claim loses without its note. */
const NOTE_CHECKS = 'Without the note, the note ↔ claim checks (code, array count, side, date of service, modifier 22) cannot run.';

export const rule: Rule = {
  meta: {
    id: 'note-missing',
    description: 'The operative note named by `note:` does not exist or cannot be read.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['claim', 'note', 'cross-document'],
    appliesTo: ['claim'],
    docs: {
      what: 'The claim names its operative note with `note:` (a path relative to the claim file), but no file is there, or what is there is not a note OpNote reads (a directory, a device, a pipe, a file larger than 1 MB, a file that cannot be read), or the claim is not saved to disk so the path cannot be resolved; or the claim has no `note:` header at all, so it is checked on its own. An X12 837 or FHIR claim names no file: its note is the one whose `patient:` equals the claim\'s patient control number or member id and whose date equals the service date, in the claim file\'s folder tree (or the folder `--notes` names); the rule fires when none matches.',
      why: 'The checks that catch most denials for device procedures compare the claim with the note: the code the note supports, the number of arrays (64597 units), the side (LT/RT), the date of service, the modifier 22 statement. Without the note none of them can run, and the claim may say something the operative report does not support.',
      fix: 'Correct the path in `note:` (relative to the claim\'s folder, e.g. `note: ../notes/2026-03-14-left-spn.opnote`), or save the claim next to its note.',
      sources: ['OpNote markup brief (docs/markup.md): `note` is the path of the operative note, relative to the claim file', '64596 fact sheet §6 (documentation elements the claim depends on)'],
      bad: 'payer: Medicare\nnote: no-such-note.opnote\n\ndx: G57.82\n64596-LT x1 ptr:A',
      good: 'payer: Medicare\nnote: well-documented.opnote\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check({ model, linkedNote }, report) {
    const field = headerField(model, 'note');
    if (!linkedNote) return;
    if (linkedNote.status === 'no-match') {
      // An X12 or FHIR claim names no file: its note is the one of its patient and date of service.
      report({
        span: headerField(model, 'patient')?.valueSpan ?? model.header.fields[0]?.span ?? model.lines.lineSpan(0),
        message: linkedNote.dated
          ? "No operative note in the folder matches this claim's patient and date of service: put the note beside the file, or name its folder (--notes)."
          : 'This claim has no date of service, so its operative note cannot be found by patient and date: add the service date (DTP*472).',
        detail: NOTE_CHECKS,
      });
      return;
    }
    if (!field || linkedNote.status === 'no-header') {
      const anchor = model.header.fields[0]?.span ?? model.lines.lineSpan(0);
      report({ span: anchor, message: 'This claim names no operative note: add a `note:` header so that the claim is checked against it.', detail: NOTE_CHECKS });
      return;
    }
    if (linkedNote.status === 'not-found') {
      report({
        span: field.valueSpan,
        message: `The operative note named by \`note:\` was not found: correct the path (relative to the claim).`,
        detail: `Looked for ${linkedNote.path}. ${NOTE_CHECKS}`,
      });
    } else if (linkedNote.status === 'unreadable') {
      report({
        span: field.valueSpan,
        message: `The operative note named by \`note:\` was not read: ${linkedNote.why}.`,
        detail: NOTE_CHECKS,
      });
    } else if (linkedNote.status === 'unresolvable') {
      report({
        span: field.valueSpan,
        message: 'The claim is not saved as a file, so the path in `note:` cannot be resolved: save the claim to run the note ↔ claim checks.',
      });
    }
  },
};
