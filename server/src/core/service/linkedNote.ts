import type { NoteFacts } from '../facts/types';
import type { LinkedNote } from '../linting/types';
import { headerField, type DocumentModel } from '../parse/model';
import { describeRefusal, readText, type FileSystem } from './fileSystem';
import { dirname, pathToUri, resolvePath, uriToPath } from './paths';

/** An operative note is a few pages; a bigger file named by `note:` is not read (it would cost seconds to check). */
export const MAX_LINKED_NOTE_BYTES = 1024 * 1024;

export interface NoteLoader {
  /** Parses a note read from disk (cached by its text) and gives its facts. */
  (uri: string, text: string): { model: DocumentModel; facts: NoteFacts };
}

/**
 * The note a claim names with `note:`, resolved against the claim's folder and read through the
 * injected reader, only inside the workspace (the claim's own folder when the editor names none).
 */
export function resolveLinkedNote(claim: DocumentModel, fileSystem: FileSystem, load: NoteLoader): LinkedNote {
  const field = headerField(claim, 'note');
  if (!field || field.value.trim() === '') return { status: 'no-header' };
  const claimPath = uriToPath(claim.uri);
  if (claimPath === undefined) return { status: 'unresolvable' };
  const claimFolder = dirname(claimPath);
  return readNoteAt(claim.uri, resolvePath(claimFolder, field.value.trim()), claimFolder, fileSystem, load);
}

/** Reads and parses the note at `path` (inside the workspace, `defaultRoot` when the editor names none). */
export function readNoteAt(claimUri: string, path: string, defaultRoot: string, fileSystem: FileSystem, load: NoteLoader): LinkedNote {
  const read = readText(fileSystem, path, { maxBytes: MAX_LINKED_NOTE_BYTES, insideWorkspace: { defaultRoot } });
  if ('refused' in read) {
    if (read.refused === 'missing') return { status: 'not-found', path };
    if (read.refused === 'outside-workspace') return { status: 'outside-workspace', path };
    return { status: 'unreadable', path, why: describeRefusal(read.refused, MAX_LINKED_NOTE_BYTES) };
  }
  const uri = claimUri.startsWith('file://') ? pathToUri(path) : path;
  const { model, facts } = load(uri, read.text);
  return { status: 'found', uri, path, model, facts };
}
