import type { Rule } from '../linting/types';
import { MAX_DIRECTIVE_RULES } from '../parse/directives';

export const rule: Rule = {
  meta: {
    id: 'directive-unknown-rule',
    description: 'An `opnote-disable` / `opnote-enable` directive names a rule that does not exist, or more rule ids than OpNote reads.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['directive'],
    appliesTo: ['opnote', 'claim'],
    docs: {
      what: `A directive comment names a rule id that OpNote does not have (often a typo), or names more than ${MAX_DIRECTIVE_RULES} rule ids: the ids after the first ${MAX_DIRECTIVE_RULES} are not read.`,
      why: 'A misspelt id disables nothing, so the diagnostic the author meant to silence keeps coming back, or worse, the author believes a check is off when it is not.',
      fix: 'Use the rule id shown in the diagnostic (its `code`), e.g. `// opnote-disable-next-line imaging-undocumented`.',
      sources: ['OpNote markup brief (docs/markup.md): directives'],
      bad: '// opnote-disable-next-line imaging-undocumentd',
      good: '// opnote-disable-next-line imaging-undocumented',
    },
  },
  check(context, report) {
    for (const directive of context.model.directives) {
      for (const rule of directive.rules) {
        if (!context.ruleIds.has(rule.id)) report({ span: rule.span, message: `\`${rule.id}\` is not an OpNote rule id, so this directive disables nothing for it.` });
      }
      if (directive.ignored) {
        report({
          span: directive.ignored,
          message: `This directive names more than ${MAX_DIRECTIVE_RULES} rule ids: OpNote reads the first ${MAX_DIRECTIVE_RULES} and ignores the rest, from here on. Name fewer rules, or none to cover every rule.`,
        });
      }
    }
  },
};
