// The language service's answers for X12 837 files: the analysis (cached per version, and again
// checked against the text of the notes it linked), hover, outline and folding.
import type { DocumentSymbol, FoldingRange, Hover, Position } from 'vscode-languageserver-types';
import { x12Hover } from '../features/x12Hover';
import { x12FoldingRanges, x12Symbols } from '../features/x12Outline';
import type { ParseProblem } from '../parse/model';
import type { SourceDocument } from '../parse/parseDocument';
import { claimDocument } from '../parse/x12/claimModel';
import { readInterchange } from '../parse/x12/interchange';
import { readOutline, segmentLines } from '../parse/x12/outline';
import { readDelimiters, segmentAt } from '../parse/x12/segments';
import { LineIndex } from '../text/lineIndex';
import { spanContains } from '../text/span';
import { readText } from './fileSystem';
import { MAX_LINKED_NOTE_BYTES } from './linkedNote';
import { VersionedCache } from './modelCache';
import { noteIndex } from './noteIndex';
import { analyzeX12, linkedNoteOf, notesFolderOf, type X12Analysis, type X12CheckSettings, type X12Dependencies } from './x12Analysis';

interface X12Service {
  /** `key` names everything else the result depends on (settings, configuration, payer files). */
  analyze(document: SourceDocument, settings: X12CheckSettings, key: string): X12Analysis;
  hover(document: SourceDocument, position: Position, notesFolder: string | undefined): Hover | null;
  documentSymbols(document: SourceDocument): DocumentSymbol[];
  foldingRanges(document: SourceDocument): FoldingRange[];
  forget(uri: string): void;
  clear(): void;
}

/** Notes of more claims than this are not read again to validate a cached analysis; the editor re-checks on a note change. */
const MAX_VALIDATED_NOTES = 50;

export function createX12Service(deps: X12Dependencies, cacheSize: number): X12Service {
  const results = new VersionedCache<{ key: string; result: X12Analysis; notes: ReadonlyMap<string, string> }>(cacheSize);

  const notesUnchanged = (notes: ReadonlyMap<string, string>, folder: string) =>
    notes.size > MAX_VALIDATED_NOTES ||
    [...notes].every(([path, text]) => {
      const read = readText(deps.fileSystem, path, { maxBytes: MAX_LINKED_NOTE_BYTES, insideWorkspace: { defaultRoot: folder } });
      return 'text' in read && read.text === text;
    });

  return {
    analyze(document, settings, key) {
      const cached = results.get(document.uri, document.version, document.text);
      const folder = notesFolderOf(document.uri, settings.notesFolder) ?? '';
      if (cached && cached.key === key && notesUnchanged(cached.notes, folder)) return cached.result;
      const result = analyzeX12(document, settings, deps);
      results.set(document.uri, document.version, document.text, { key, result, notes: result.notes });
      return result;
    },
    hover(document, position, notesFolder) {
      const lines = new LineIndex(document.text);
      const offset = lines.offsetAt(position);
      const delimiters = readDelimiters(document.text, []);
      const segment = segmentAt(document.text, delimiters, offset);
      if (!segment) return null;
      const claimNote = segment.id === 'CLM' ? linkedNoteSentence(document, segment.span.start, notesFolder) : undefined;
      return x12Hover(segment, offset, { knowledge: deps.knowledge, delimiters, lines, text: document.text, ...(claimNote ? { claimNote } : {}) });
    },
    documentSymbols: (document) => x12Symbols(new LineIndex(document.text), readOutline(document.uri, document.text)),
    foldingRanges: (document) => x12FoldingRanges(new LineIndex(document.text), readOutline(document.uri, document.text)),
    forget: (uri) => results.delete(uri),
    clear: () => results.clear(),
  };

  /** Which note the claim whose CLM starts at `clmStart` is linked to, as the hover says it. */
  function linkedNoteSentence(document: SourceDocument, clmStart: number, notesFolder: string | undefined): string {
    const problems: ParseProblem[] = [];
    const delimiters = readDelimiters(document.text, problems);
    const segmented = segmentLines(document.text, delimiters);
    const source = { uri: document.uri, version: document.version, text: segmented, lines: new LineIndex(segmented), delimiters };
    const folder = notesFolderOf(document.uri, notesFolder);
    const index = folder === undefined ? undefined : noteIndex(folder, deps.fileSystem, deps.loadNote);
    let sentence = 'No operative note found for this claim.';
    readInterchange(document.text, delimiters, problems, {
      claim(claim) {
        if (!spanContains(claim.segments[0].span, clmStart)) return claim.span.start < clmStart;
        const mapped = claimDocument(source, claim, problems);
        const note = linkedNoteOf(index, document.uri, mapped);
        const date = mapped.serviceDate ?? 'no service date';
        sentence =
          note.status === 'found'
            ? `Linked note: \`${note.path}\` (its \`patient:\` and \`date:\` match this claim's patient and ${date}).`
            : `No operative note in ${folder ?? 'the workspace'} has this claim's patient (CLM01 or member id) and date of service (${date}).`;
        return false;
      },
    });
    return sentence;
  }
}
