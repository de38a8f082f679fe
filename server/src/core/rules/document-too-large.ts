import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'document-too-large',
    description: 'The document is larger than the size limit, so it is not checked.',
    defaultSeverity: 'information',
    fixable: false,
    tags: ['performance'],
    appliesTo: ['opnote', 'claim'],
    docs: {
      what: 'The document is longer than `opnote.maxDocumentSize` (default 8,388,608 characters). OpNote reads only its beginning for the outline and hovers and runs no other rule.',
      why: 'An operative note is a few pages; a file this size is usually an export of many notes or not a note at all. Checking it would keep the editor busy without helping anyone.',
      fix: 'Split the file into one note per procedure, or raise `opnote.maxDocumentSize` if this really is one document.',
      sources: ['OpNote performance notes (docs/performance.md)'],
    },
  },
  check(context, report) {
    const limit = context.model.truncatedAt;
    if (limit === undefined) return;
    report({ span: context.model.lines.lineSpan(0), message: `This document is longer than ${limit.toLocaleString('en-US')} characters, the size limit; OpNote does not check it (setting opnote.maxDocumentSize).` });
  },
};
