import { reportParseProblems } from '../linting/parseProblems';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'header-syntax',
    description: 'A front-matter header that is not closed, or a header line that is not `key: value`.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['header', 'syntax'],
    appliesTo: ['opnote', 'claim'],
    docs: {
      what: 'The header opened with `---` is never closed, or a line inside it is not a `key: value` pair.',
      why: 'Header fields carry the date of service, place of service and payer that the 64596 checks compare with the claim; a header OpNote cannot read leaves those checks blind.',
      fix: 'Close the front matter with a `---` line, and write each field as `key: value`.',
      sources: ['OpNote markup brief (docs/markup.md)'],
      bad: '---\npatient: 0042\ndate 2026-03-14\n---',
      good: '---\npatient: 0042\ndate: 2026-03-14\n---',
    },
  },
  check: reportParseProblems('header-syntax'),
};
