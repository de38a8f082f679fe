import { reportParseProblems } from '../linting/parseProblems';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'unreadable-text',
    description: 'Binary data or characters from a bad text encoding.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['syntax'],
    appliesTo: ['opnote', 'claim'],
    docs: {
      what: 'Control characters or Unicode replacement characters, as left by pasting binary data or decoding a file with the wrong encoding. One diagnostic per affected line (at most 100 per document).',
      why: 'Words broken by junk characters are invisible to the checks: "fluoro\\u0000scopy" does not document imaging guidance.',
      fix: 'Re-export the note from the source system as UTF-8 text, or delete the junk characters.',
      sources: ['OpNote markup brief (docs/markup.md)'],
    },
  },
  check: reportParseProblems('unreadable-text'),
};
