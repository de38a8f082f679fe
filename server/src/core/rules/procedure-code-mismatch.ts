import { cite, codeEntry, isAddOn, isProcedureLine, noteDate, noteLocation } from '../ruleSupport/claim';
import { supportReason } from '../ruleSupport/support';
import { pairedInSession } from '../ruleSupport/sessions';
import type { ConflictEdit, ReviewEdit } from '../knowledge';
import type { Rule } from '../linting/types';
import type { ServiceLine } from '../parse/model';

export const rule: Rule = {
  meta: {
    id: 'procedure-code-mismatch',
    description: 'The linked note supports a different procedure code than the one billed (e.g. a revision billed as 64596).',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['claim', 'note', '64596', 'coding', 'cross-document'],
    appliesTo: ['claim'],
    docs: {
      what: 'The procedure codes billed for peripheral nerve stimulation are compared with the codes the operative note named by `note:` supports. The note\'s facts (approach, integrated device, target, insertion vs revision or removal, trial) select the code: 64596 for a percutaneous integrated system, 64575 for an open approach, 64555 + 64590 for a separate generator, 64598 for revision or removal, 64555 for a trial, the Category III codes for integrated tibial-nerve systems for the bladder. The diagnostic points at the sentence of the note that decides it. A line another rule speaks for is left to it: a code that conflicts with the supported one (`code-conflict`), a removal of a conventional array or generator billed beside it (`code-pair-review`), and a line of another session (a staged trial on its own date).',
      why: 'A claim code the operative report does not support is the most common reason for a denial or a recoupment on review: the payer reads the note, not the claim. 64596 applies only to the percutaneous insertion or replacement of an integrated system; a revision or removal is 64598 (its descriptor is unverified: check the current CPT book).',
      fix: 'Bill the code the note supports, or, if the note is incomplete or wrong, correct the note (the claim is re-checked when the note changes).',
      sources: ['openpayer.com CPT 64596 descriptor', 'case2code.codingahead.com 64555 and 64590; openpayer.com 64575', '64596 fact sheet facts 1 and 4 (64598 unverified)'],
      bad: '// the note documents a revision of the lead\npayer: Medicare\nnote: revision.opnote\n\ndx: G56.01\n64596-RT x1 ptr:A',
      good: '// the note documents a revision of the lead\npayer: Medicare\nnote: revision.opnote\n\ndx: G56.01\n64598-RT x1 ptr:A',
    },
  },
  check(context, report) {
    const { claim } = context;
    const note = claim?.note;
    if (!claim || !note) return;
    const { facts } = note;
    const supported = facts.codes.map((code) => code.code);
    if (supported.length === 0) return;
    const { knowledge } = context;
    const reason = supportReason(facts, context.knowledge);
    // A code billed beside the supported code it conflicts with is code-conflict's finding already.
    const conflicts = knowledge.edits.filter((edit): edit is ConflictEdit => edit.kind === 'conflict' && supported.includes(edit.code));
    const spokenFor = new Set(pairedInSession(claim.sessionDates, claim.lines, conflicts, (edit) => edit.conflictsWith).map(({ line }) => line));
    // A removal billed beside the implant may be another device's (an old conventional lead taken out): code-pair-review asks to check it.
    const reviews = knowledge.edits.filter((edit): edit is ReviewEdit => edit.kind === 'review' && supported.includes(edit.code));
    for (const { line } of pairedInSession(claim.sessionDates, claim.lines, reviews, (edit) => edit.otherCodes)) spokenFor.add(line);
    // A line of another session (the staged trial on its own date) is not the note's to support.
    const noteIso = noteDate(note)?.iso;
    const otherSession = (line: ServiceLine) => noteIso !== undefined && claim.sessionDates.get(line) !== undefined && claim.sessionDates.get(line) !== noteIso;
    for (const line of claim.lines) {
      const code = line.code.value;
      if (!isProcedureLine(knowledge, line) || isAddOn(knowledge, code) || supported.includes(code) || spokenFor.has(line) || otherSession(line)) continue;
      const primaries = supported.filter((candidate) => !isAddOn(knowledge, candidate));
      const alternative = codeEntry(knowledge, code)?.useInsteadWhen.find((entry) => entry.codes.some((candidate) => primaries.includes(candidate)));
      const entry = codeEntry(knowledge, primaries[0] ?? code);
      report({
        span: line.code.span,
        message: `The note ${reason.text}: it supports ${primaries.join(' + ') || supported.join(' + ')}, not ${code}.`,
        detail:
          `A code the operative report does not support is denied or recouped on review.` +
          `${alternative ? ` ${alternative.codes.join(' + ')} instead of ${code} when ${alternative.when}.` : ''}` +
          `${entry && !entry.verified ? ` ${cite(entry, 'the current CPT book')}` : ''}`,
        ...(reason.evidence ? { related: [noteLocation(note, reason.evidence.span, `The note ${reason.text}.`)] } : {}),
      });
    }
  },
};
