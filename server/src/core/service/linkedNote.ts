import type { NoteFacts } from '../facts/types';
import type { LinkedNote } from '../linting/types';
import { headerField, type DocumentModel } from '../parse/model';
import type { FileSystem } from './fileSystem';
import { dirname, pathToUri, resolvePath, uriToPath } from './paths';

export interface NoteLoader {
  /** Parses a note read from disk (cached by its text) and gives its facts. */
  (uri: string, text: string): { model: DocumentModel; facts: NoteFacts };
}

/** The note a claim names with `note:`, resolved against the claim's folder and read through the injected reader. */
export function resolveLinkedNote(claim: DocumentModel, fileSystem: FileSystem, load: NoteLoader): LinkedNote {
  const field = headerField(claim, 'note');
  if (!field || field.value.trim() === '') return { status: 'no-header' };
  const claimPath = uriToPath(claim.uri);
  if (claimPath === undefined) return { status: 'unresolvable' };
  const path = resolvePath(dirname(claimPath), field.value.trim());
  const text = fileSystem.readFile(path);
  if (text === undefined) return { status: 'not-found', path };
  const uri = claim.uri.startsWith('file://') ? pathToUri(path) : path;
  const { model, facts } = load(uri, text);
  return { status: 'found', uri, path, model, facts };
}
