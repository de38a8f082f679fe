import * as path from 'node:path';
import { factsReport } from '../core/facts';
import type { FileSystem } from '../core/service/fileSystem';
import { MAX_LINKED_NOTE_BYTES } from '../core/service/linkedNote';
import type { DocumentSettings, LanguageService } from '../core/service/languageService';
import { streamEach, type Output } from './checkStream';
import { diagnosticRecord } from './formatJson';
import { toCheckedFile } from './report';

/**
 * `opnote check --stdin`: JSON Lines in, one JSON line out per record, in input order, each written
 * before the next record is read (memory is bounded by the largest record, not by the input).
 *
 *   in:  {"id": "...", "kind": "opnote" | "claim", "text": "...", "noteText"?: "..."}
 *   out: {"id", "kind", "diagnostics": [...], "facts"?, "evidence"?}   (facts with --facts, notes only)
 *        {"id"?, "line", "error"}                                       (a line that is not such a record)
 */

/** A record is one line; a longer one is answered with an error and skipped without being held. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

interface StdinOptions {
  readonly settings: DocumentSettings;
  /** The workspace root: records are checked as if they were files there (its `.opnoterc.json` applies). */
  readonly root: string;
  readonly facts: boolean;
}

interface CheckRecord {
  readonly id: string | number;
  readonly kind: 'opnote' | 'claim';
  readonly text: string;
  readonly noteText?: string;
}

/** The lines of a byte stream as UTF-8 text (undefined for a line over `maxBytes`), read as they are asked for. */
async function* lines(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<string | undefined> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  const line = (): string | undefined => (tooLong ? undefined : Buffer.concat(parts).toString('utf8').replace(/\r$/, ''));
  const add = (piece: Buffer) => {
    if (tooLong) return;
    size += piece.length;
    if (size > maxBytes) {
      tooLong = true;
      parts = [];
    } else if (piece.length) parts.push(piece);
  };
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let start = 0;
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      add(chunk.subarray(start, end));
      yield line();
      parts = [];
      size = 0;
      tooLong = false;
      start = end + 1;
    }
    add(chunk.subarray(start));
  }
  if (size > 0) yield line();
}

/** The record a line holds, or why it holds none (fixed wording: never any of the line's content). */
function parseRecord(line: string): CheckRecord | { readonly id?: string | number; readonly error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : undefined;
  const withId = id === undefined ? {} : { id };
  if (id === undefined) return { error: '"id" must be a string or a number' };
  if (record.kind !== 'opnote' && record.kind !== 'claim') return { ...withId, error: '"kind" must be "opnote" or "claim"' };
  if (typeof record.text !== 'string') return { ...withId, error: '"text" must be a string' };
  if (record.noteText !== undefined && (typeof record.noteText !== 'string' || record.kind !== 'claim')) return { ...withId, error: '"noteText" must be a string, on a claim' };
  return { id, kind: record.kind, text: record.text, ...(typeof record.noteText === 'string' ? { noteText: record.noteText } : {}) };
}

/**
 * The reader a record is checked with: a claim's `note:` (the one file the service reads inside the
 * workspace, see `ReadOptions.insideWorkspace`) is answered by the record's `noteText` when it has
 * one, capped as a note on disk is; configuration and payer files come from disk.
 */
function recordFileSystem(base: FileSystem, noteText: () => string | undefined): FileSystem {
  return {
    readFile(file, options) {
      const note = options?.insideWorkspace ? noteText() : undefined;
      if (note === undefined) return base.readFile(file, options);
      return Buffer.byteLength(note) > (options?.maxBytes ?? MAX_LINKED_NOTE_BYTES) ? { refused: 'too-large' } : note;
    },
    ...(base.readDirectory ? { readDirectory: base.readDirectory.bind(base) } : {}),
  };
}

/**
 * Checks the records of `input` and writes one line per record to `output`. `createService` is given
 * the change to make to its reader (see recordFileSystem).
 */
export async function checkStdin(createService: (adaptReader: (reader: FileSystem) => FileSystem) => LanguageService, input: AsyncIterable<Buffer | string>, output: Output, options: StdinOptions): Promise<void> {
  let noteText: string | undefined;
  const service = createService((reader) => recordFileSystem(reader, () => noteText));
  let lineNumber = 0;
  const answer = (line: string | undefined): string => {
    lineNumber++;
    if (line === undefined) return `${JSON.stringify({ line: lineNumber, error: `record larger than ${MAX_RECORD_BYTES / (1024 * 1024)} MiB` })}\n`;
    if (line.trim() === '') return '';
    const record = parseRecord(line);
    if ('error' in record) return `${JSON.stringify({ ...('id' in record ? { id: record.id } : {}), line: lineNumber, error: record.error })}\n`;
    noteText = record.noteText;
    const uri = path.join(options.root, `stdin.${record.kind}`);
    const analysis = service.analyze({ uri, version: lineNumber, text: record.text, kindHint: record.kind }, options.settings);
    noteText = undefined;
    const checked = toCheckedFile(uri, analysis);
    const facts = options.facts && analysis.facts ? factsReport(analysis.facts, analysis.model.lines) : undefined;
    return `${JSON.stringify({ id: record.id, kind: checked.kind, diagnostics: checked.findings.map(diagnosticRecord), ...(facts ?? {}) })}\n`;
  };
  await streamEach(lines(input, MAX_RECORD_BYTES), answer, output);
}
