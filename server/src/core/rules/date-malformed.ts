import { reportParseProblems } from '../linting/parseProblems';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'date-malformed',
    description: 'A date of service that is not a real calendar date in YYYY-MM-DD or MM/DD/YYYY.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['header', 'claim'],
    appliesTo: ['opnote', 'claim'],
    docs: {
      what: 'The `date:` of a note, the `dos:` of a claim or a `dos:` line override is not a valid date (February 30th, a two-digit year, words).',
      why: 'The date of service decides which CPT year applies (64596 exists for dates of service from its effective date on) and must match between note and claim.',
      fix: 'Write the date as YYYY-MM-DD (2026-03-14); MM/DD/YYYY (03/14/2026) is accepted and normalised.',
      sources: ['OpNote markup brief (docs/markup.md)'],
      bad: 'dos: 2026-02-30',
      good: 'dos: 2026-02-27',
    },
  },
  check: reportParseProblems('date-malformed'),
};
