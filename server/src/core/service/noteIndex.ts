// The operative notes of a folder tree by patient and date of service, so that a claim that names no
// note (an X12 CLM) finds the note whose `patient:` is its patient control number or member id and
// whose `date:` is its service date. Notes are read through the injected reader like a `note:` target.
import type { LinkedNote } from '../linting/types';
import { headerField } from '../parse/model';
import { parseOutline } from '../parse/parseDocument';
import { readText, type FileSystem } from './fileSystem';
import { MAX_LINKED_NOTE_BYTES, readNoteAt, type NoteLoader } from './linkedNote';

/** A folder tree is searched this deep and up to this many entries: a workspace of notes, not a disk. */
const MAX_DEPTH = 8;
const MAX_ENTRIES = 20_000;

export interface NoteIndex {
  /** The note of this patient (any of the ids) on this date (ISO), read and parsed; 'no-match' when there is none. */
  find(claimUri: string, patientIds: readonly string[], isoDate: string | undefined): LinkedNote;
}

const keyOf = (patient: string, isoDate: string) => `${patient.trim().toUpperCase()}\u0000${isoDate}`;

/** Indexes the `*.opnote` files under `root` on first use. */
export function noteIndex(root: string, fileSystem: FileSystem, load: NoteLoader): NoteIndex {
  let paths: Map<string, string> | undefined;
  const build = (): Map<string, string> => {
    const found = new Map<string, string>();
    let entries = 0;
    const visit = (folder: string, depth: number) => {
      for (const name of fileSystem.readDirectory?.(folder)?.sort() ?? []) {
        if (++entries > MAX_ENTRIES) return;
        if (name.startsWith('.') || name === 'node_modules') continue;
        const path = `${folder.replace(/\/$/, '')}/${name}`;
        if (!/\.opnote$/i.test(name)) {
          if (depth < MAX_DEPTH) visit(path, depth + 1);
          continue;
        }
        const read = readText(fileSystem, path, { maxBytes: MAX_LINKED_NOTE_BYTES, insideWorkspace: { defaultRoot: root } });
        if ('refused' in read) continue;
        // The header is all the index needs: the outline parse reads it without the rest of the note.
        const header = parseOutline({ uri: path, version: -1, text: read.text, kindHint: 'opnote' });
        const patient = headerField(header, 'patient')?.value ?? '';
        const date = headerField(header, 'date')?.isoDate;
        if (patient.trim() !== '' && date && !found.has(keyOf(patient, date))) found.set(keyOf(patient, date), path);
      }
    };
    visit(root, 0);
    return found;
  };
  return {
    find(claimUri, patientIds, isoDate) {
      if (!isoDate) return { status: 'no-match', dated: false };
      paths ??= build();
      for (const id of patientIds) {
        const path = id.trim() === '' ? undefined : paths.get(keyOf(id, isoDate));
        if (path) return readNoteAt(claimUri, path, root, fileSystem, load);
      }
      return { status: 'no-match', dated: true };
    },
  };
}
