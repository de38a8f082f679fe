import { reportParseProblems } from '../linting/parseProblems';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'header-unknown-key',
    description: 'A header key OpNote does not know for this kind of document.',
    defaultSeverity: 'information',
    fixable: false,
    tags: ['header'],
    appliesTo: ['opnote', 'claim'],
    docs: {
      what: 'A header key that is neither a known key nor one of its aliases for this kind of document. The field is kept, not dropped.',
      why: 'A misspelt key (`payr:`, `dte:`) silently hides the value from every check that needs it.',
      fix: 'Use one of the documented keys: notes take `patient`, `date`, `surgeon`, `facility`, `pos`, `payer`; claims take `payer`, `patient`, `dos`, `pos`, `note`, `prior-auth`, `npi`. If the key is meant to stay, disable the rule for the line.',
      sources: ['OpNote markup brief (docs/markup.md)'],
      bad: 'payr: Aetna',
      good: 'payer: Aetna',
    },
  },
  check: reportParseProblems('header-unknown-key'),
};
