import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'config-invalid',
    description: 'The `.opnoterc.json` in effect is not valid; OpNote falls back to defaults.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['configuration'],
    appliesTo: ['opnote', 'claim'],
    docs: {
      what: 'The nearest `.opnoterc.json` (or the file given with `--config`) is not valid JSON, does not follow the schema, or names rules that do not exist. The diagnostic sits on the first line of each checked document and names the file and the problem.',
      why: 'A configuration that silently fails to load would leave your team believing severities are set when they are not. OpNote never crashes on a bad file: it uses the defaults (or the valid part) and says so once.',
      fix: 'Open the named file; VS Code validates it against the shipped schema (`schemas/opnoterc.schema.json`). Rule severities are `error`, `warning`, `information`, `hint` or `off`.',
      sources: ['OpNote configuration reference (README, Configuration)'],
      bad: '{ "rules": { "imaging-undocumented": "loud" } }',
      good: '{ "rules": { "imaging-undocumented": "error" } }',
    },
  },
  check(context, report) {
    if (!context.configProblem) return;
    report({ span: context.model.lines.lineSpan(0), message: context.configProblem });
  },
};
