import { cite, codeEntry, codeLabel, noteLocation } from '../ruleSupport/claim';
import { billTypeEntry } from '../ruleSupport/facility';
import { sentenceAt } from '../ruleSupport/noteAnchors';
import { removeLineEdit } from '../ruleSupport/edits';
import { firstInSession } from '../ruleSupport/sessions';
import type { BundledEdit } from '../knowledge';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'imaging-bundled',
    description: 'An imaging guidance code (76942, 77002, 77003, 76000, 77011, 77012) billed with 64596, which includes imaging guidance.',
    defaultSeverity: 'error',
    fixable: true,
    tags: ['claim', '64596', 'imaging', 'bundling'],
    appliesTo: ['claim'],
    docs: {
      what: 'A service line bills ultrasound, fluoroscopic or CT guidance in the same session as a code whose descriptor already includes imaging guidance (64596; the Category III integrated tibial codes). The codes and pairs come from the knowledge pack (`edits.json`), not from this rule.',
      why: 'The 64596 descriptor includes the imaging used to place the array. Billing 76942, 77002/77003, 76000 or 77011/77012 on top of it duplicates payment: payers deny the line or recoup it later, and a pattern of unbundling draws audits. The 64596-specific NCCI pair list is not available to OpNote (unverified), so check the current NCCI edits; the rule is a documentation prompt, not a payer edit.',
      fix: 'Remove the imaging line (quick fix). If the imaging was for a different, separately reportable procedure on another date or site, give that line its own `dos:` and document why.',
      sources: [
        'openpayer.com CPT 64596 descriptor (imaging guidance included)',
        'healthtoinsurance.com/peripheral-nerve-stem-coding (imaging packaged with 64555 in the ASC, by analogy)',
        '64596 fact sheet §2 and fact 2 (the 64596 NCCI pair list is unverified)',
      ],
      bad: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A\n76942 x1 ptr:A',
      good: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { model, knowledge, claim } = context;
    if (!claim) return;
    const { lines, note } = claim;
    // Only text that documents the imaging: a note that says none was used has no such sentence.
    const imaging = note?.facts.imaging.status === 'documented' ? note.facts.imaging.evidence.find((evidence) => evidence.status === 'affirmed') : undefined;
    // An institutional claim has no place of service: an ASC type of bill is the ASC setting (24).
    const institutionalPos = claim.claimType === 'institutional' ? (billTypeEntry(knowledge, claim)?.setting === 'asc' ? '24' : undefined) : undefined;
    const bundles = knowledge.edits
      .filter((edit): edit is BundledEdit => edit.kind === 'bundled')
      .map((edit) => ({ edit, primaryInSession: firstInSession(claim.sessionDates, lines.filter((other) => edit.primaryCodes.includes(other.code.value))) }));
    for (const line of lines) {
      if (codeEntry(knowledge, line.code.value)?.family !== 'imaging-guidance') continue;
      for (const { edit, primaryInSession } of bundles) {
        if (!edit.bundledCodes.includes(line.code.value)) continue;
        const primary = primaryInSession(line);
        if (!primary) continue;
        const pos = claim.claimType === 'institutional' ? institutionalPos : (line.pos?.value ?? primary.pos?.value ?? claim.headerPos?.value);
        if (edit.placesOfService && (!pos || !edit.placesOfService.includes(pos))) continue;
        report({
          span: line.code.span,
          message: `${line.code.value} is billed with ${primary.code.value} in the same session, which includes imaging guidance: remove the ${line.code.value} line.`,
          detail:
            `${codeLabel(knowledge, line.code.value)}. ${edit.reason} The line would likely be denied or recouped. ` +
            cite(edit, 'the current CPT book and NCCI edits'),
          unnecessary: true,
          fixes: [{ title: `Remove the ${line.code.value} line (included in ${primary.code.value})`, edits: [removeLineEdit(model, line.line)], isPreferred: true }],
          ...(note && imaging ? { related: [noteLocation(note, sentenceAt(note.model, imaging.span.start), `The note documents the imaging as part of the ${primary.code.value} procedure.`)] } : {}),
        });
        break;
      }
    }
  },
};
