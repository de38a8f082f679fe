import type { Rule } from '../linting/types';
import { headerField } from '../parse/model';

export const rule: Rule = {
  meta: {
    id: 'payer-file-invalid',
    description: 'An organisation payer file (`.opnote/payers/*.json`) is not valid; its valid payers and the built-in payers still apply.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['claim', 'payer', 'configuration'],
    appliesTo: ['claim'],
    docs: {
      what: 'A payer file in the `.opnote/payers/` folder that applies to this claim is not valid JSON or does not follow the payer schema (`schemas/payers.schema.json`). Each bad file gets one diagnostic on the first line of the claim\'s header, naming the file, the JSON path and the line and column of the first problem, and how many problems there are; it never quotes the file\'s content (no key names, no values).',
      why: 'Payer files carry your organisation\'s coverage and prior-authorization rules. A file that silently failed to load would leave coders believing a payer is checked when it is not. OpNote keeps the payers of the file that are valid, drops the invalid ones, and the built-in payers keep working.',
      fix: 'Open the named file: VS Code validates `.opnote/payers/*.json` against the shipped schema and underlines the problem. Every payer needs `id`, `name`, `aliases`, `coverage`, `priorAuthorization`, `criteria`, `policies`, `notes`, `sources` and `verified`.',
      sources: ['OpNote payer files (README, Payer files)', 'schemas/payers.schema.json (generated from the zod schema in server/src/core/knowledge/schema.ts)'],
      bad: '{ "payers": [ { "id": "Acme Health", "name": "Acme" } ] }',
      good: '{ "payers": [ { "id": "acme-health", "name": "Acme Health", "aliases": ["Acme"], "coverage": "covered-with-criteria", "priorAuthorization": { "value": "required", "verified": true, "sources": ["Acme provider manual 2026"] }, "criteria": [], "policies": [], "notes": [], "sources": ["Acme provider manual 2026"], "verified": true } ] }',
    },
  },
  check(context, report) {
    const files = context.payerFiles;
    if (!files || files.problems.length === 0) return;
    const { model } = context;
    const anchor = headerField(model, 'payer')?.span ?? model.header.fields[0]?.span ?? model.lines.lineSpan(0);
    for (const problem of files.problems) {
      const more = problem.count > 1 ? ` (and ${problem.count - 1} more problem${problem.count > 2 ? 's' : ''})` : '';
      report({
        span: anchor,
        message: `The payer file ${problem.path} is not valid at ${problem.jsonPath}${problem.position ? ` (${problem.position})` : ''}: ${problem.message}${more}. Its valid payers are used and the built-in payers still apply; fix the file to use the rest.`,
      });
    }
  },
};
