import { cite, codeLabel } from '../ruleSupport/claim';
import { pairedInSession } from '../ruleSupport/sessions';
import type { ConflictEdit } from '../knowledge';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'code-conflict',
    description: '64596 billed with a code that cannot apply to the same device in the same session (64555, 64575, 64590, 64598, the tibial Category III codes).',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['claim', '64596', 'bundling', 'coding'],
    appliesTo: ['claim'],
    docs: {
      what: 'A claim bills 64596 together with a code that describes another way of doing the same thing for the same date of service: a conventional percutaneous array (64555) or an open implant (64575) of the same array, a separate generator insertion (64590), revision or removal of the integrated system (64598), or an integrated tibial-nerve code (0587T, 0816T, 0817T, 0988T). The pairs come from the knowledge pack (`edits.json`). Removal of a conventional array or generator (64585, 64595) with 64596 can be two devices: `code-pair-review` asks to check it instead.',
      why: 'An integrated system has its generator or receiver built into the array: no pocket is made and nothing is connected, so a separate generator insertion (64590) does not apply to it, and one array takes one insertion code. Billing both is duplicate billing for one device; payers deny the pair and may audit. These pairs are inferred from the code descriptors (the 64596 NCCI pairs are unverified): check the current CPT book and NCCI edits.',
      fix: 'Keep the code the operative note supports and remove the other. If the two codes really describe different devices or sessions, give the line its own `dos:` or document the distinct site.',
      sources: ['openpayer.com CPT 64596 descriptor', 'case2code.codingahead.com 64590', 'iframe.ai 64555; openpayer.com 64575', '64596 fact sheet §1 (codes 64596 is distinguished from) and fact 1'],
      bad: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A\n64590 x1 ptr:A',
      good: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { claim, knowledge } = context;
    if (!claim) return;
    const conflicts = knowledge.edits.filter((edit): edit is ConflictEdit => edit.kind === 'conflict');
    for (const { edit, line } of pairedInSession(claim.sessionDates, claim.lines, conflicts, (edit) => edit.conflictsWith)) {
      report({
        span: line.code.span,
        message: `${line.code.value} and ${edit.code} likely cannot both be billed for the same device in one session: keep the code the note supports.`,
        detail: `${codeLabel(knowledge, line.code.value)}. ${edit.reason} ${cite(edit, 'the current CPT book and NCCI edits')}`,
      });
    }
  },
};
