import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'placeholder-unfilled',
    description: 'A template placeholder (`[left | right]`, `[__]`) is left in the note to fill in.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['note', 'template'],
    appliesTo: ['opnote'],
    docs: {
      what: 'A template placeholder left in an operative note: a choice in brackets with its options separated by bars (`Side: [left | right]`, `Imaging guidance: [ultrasound | fluoroscopy | CT | none]`) or a blank of two or more underscores in brackets (`[__]`, `[__ minutes]`). The quick fixes of the note rules insert these for the author to fill; checkboxes (`[x]`, `[ ]`) are not placeholders.',
      why: 'A placeholder documents nothing: OpNote reads the options inside it as options not chosen, so `Side: [left | right]` gives the note no side. Only the author of the note can say what was done, so OpNote never fills a placeholder with a value of its own.',
      fix: 'Replace the placeholder with what was done (`Side: left`), or delete the line if it does not apply.',
      sources: ['ACDIS/AHIMA Guidelines for Achieving a Compliant Query Practice (2022 update): only the provider documents clinical facts', 'docs/queries.md (roles and placeholders)'],
      bad: 'DESCRIPTION OF PROCEDURE: Side: [left | right]',
      good: 'DESCRIPTION OF PROCEDURE: Side: left',
    },
  },
  check({ model }, report) {
    for (const placeholder of model.placeholders) {
      report({
        span: placeholder.span,
        message: placeholder.options.length > 0 ? 'A template placeholder is left to fill in: replace it with the option that applies, or delete the line.' : 'A template blank is left to fill in: write the value, or delete the line.',
      });
    }
  },
};
