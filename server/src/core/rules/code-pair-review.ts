import { cite, codeLabel } from '../ruleSupport/claim';
import { pairedInSession } from '../ruleSupport/sessions';
import type { ReviewEdit } from '../knowledge';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'code-pair-review',
    description: '64596 billed with the removal of a conventional array or generator (64585, 64595) in one session: legitimate for two devices, so check which device each line describes.',
    defaultSeverity: 'information',
    fixable: false,
    tags: ['claim', '64596', 'bundling', 'coding'],
    appliesTo: ['claim'],
    docs: {
      what: 'A claim bills 64596 with a code whose pairing with it depends on which device each line describes: removal of a conventional percutaneous array (64585) or of a separate generator (64595). The pairs are the `review` edits of the knowledge pack (`edits.json`).',
      why: 'A code conflict is about the same device. Removing an old conventional system and placing a new integrated one in the same session is two devices and can be billed; removing "the generator" of the integrated system that was just placed cannot. These pairs are for review, not denials: the operative note decides.',
      fix: 'Check the operative note: if it documents the removal of a different (conventional) device, keep both lines; if both lines describe the same integrated device, keep the code the note supports.',
      sources: ['coder/CDI review of the knowledge pack (2026-12): code conflicts are about the same device', 'case2code.codingahead.com 64590 (separate generator codes)'],
      bad: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A\n64595 x1 ptr:A',
      good: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { claim, knowledge } = context;
    if (!claim) return;
    const pairs = knowledge.edits.filter((edit): edit is ReviewEdit => edit.kind === 'review');
    for (const { edit, line } of pairedInSession(claim.sessionDates, claim.lines, pairs, (edit) => edit.otherCodes)) {
      report({
        span: line.code.span,
        message: `${line.code.value} with ${edit.code} in one session: check in the note that the two lines describe different devices.`,
        detail: `${codeLabel(knowledge, line.code.value)}. ${cite(edit, 'the operative note and the payer edits')}`,
      });
    }
  },
};
