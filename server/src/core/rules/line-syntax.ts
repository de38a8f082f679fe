import { reportParseProblems } from '../linting/parseProblems';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'line-syntax',
    description: 'A claim line, or part of one, cannot be read.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['claim', 'syntax'],
    appliesTo: ['claim'],
    docs: {
      what: 'Part of a claim line is not in the claim markup: an unknown item on a service line, a malformed modifier or pointer, a diagnosis that is not ICD-10-CM shaped, or a line that is neither a `dx:` list, a service line, a heading nor a comment. The diagnostic covers exactly the unreadable part; the rest of the file is still checked.',
      why: 'A line OpNote cannot read is a line it cannot check against the note or the payer, and a clearinghouse would reject it as well.',
      fix: 'Write service lines as `CODE[-MOD...] [xUNITS] [ptr:A,B] [$CHARGE] [pos:NN] [dos:YYYY-MM-DD]` and diagnoses as `dx: G89.29, G57.82`. Header fields (`payer:`, `dos:` ...) go at the top of the file, before the first blank line.',
      sources: ['OpNote markup brief (docs/markup.md)', 'CMS-1500 claim form items 21 and 24 (diagnosis letters A-L, four modifiers, four pointers)'],
      bad: '64596-22-LT x1 ptr:A,B $1450.00 urgent',
      good: '64596-22-LT x1 ptr:A,B $1450.00',
    },
  },
  check: reportParseProblems('line-syntax'),
};
