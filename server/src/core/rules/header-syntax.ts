import { reportParseProblems } from '../linting/parseProblems';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'header-syntax',
    description: 'A front-matter header that is not closed, a header line that is not `key: value`, or a `claim-type` / `bill-type` value OpNote cannot read.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['header', 'syntax'],
    appliesTo: ['opnote', 'claim'],
    docs: {
      what: 'The header opened with `---` is never closed, a line inside it is not a `key: value` pair, or a claim\'s `claim-type` names no claim form (it takes `professional`, `institutional`, `CMS-1500`, `837P`, `UB-04`, `837I`) or its `bill-type` is not a type of bill (3 digits, or 4 with a leading zero).',
      why: 'Header fields carry the date of service, place of service and payer that the 64596 checks compare with the claim; a header OpNote cannot read leaves those checks blind.',
      fix: 'Close the front matter with a `---` line, and write each field as `key: value`. Completion after `claim-type:` and `bill-type:` offers the values OpNote reads; an unreadable claim type is read as professional.',
      sources: ['OpNote markup brief (docs/markup.md)', 'formjuicer.com/ub04/field-4 (type of bill: facility type, classification, frequency)'],
      bad: '---\npatient: 0042\ndate 2026-03-14\n---',
      good: '---\npatient: 0042\ndate: 2026-03-14\n---',
    },
  },
  check: reportParseProblems('header-syntax'),
};
