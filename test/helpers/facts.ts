import { extractFacts, type NoteFacts } from '../../server/src/core/facts';
import { parseDocument } from '../../server/src/core/parse';

/** The facts the reader takes from a note's text, parsed as one version of one document. */
export function factsOf(text: string): NoteFacts {
  return extractFacts(parseDocument({ uri: 'note.opnote', version: 1, text }));
}
