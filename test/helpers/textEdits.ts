/**
 * LSP text edits on plain strings, written independently of the server's LineIndex so that the two
 * check each other: lines end at \r\n, \r or \n; a character past a line's end means the line's end.
 */

import type { Position, Range, TextEdit } from 'vscode-languageserver-types';

export type { Position, Range, TextEdit };

/** Start offset of every line and the offset just past its content (before its line break). */
export function lineTable(text: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  const pattern = /\r\n|\r|\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    ends.push(match.index);
    starts.push(match.index + match[0].length);
  }
  ends.push(text.length);
  return { starts, ends };
}

/** True when the position names a place in the text: an existing line, a character within it. */
export function positionInside(table: { starts: number[]; ends: number[] }, position: Position): boolean {
  const { line, character } = position;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return false;
  if (line >= table.starts.length) return false;
  return table.starts[line] + character <= table.ends[line];
}

export function rangeInside(table: { starts: number[]; ends: number[] }, range: Range): boolean {
  if (!positionInside(table, range.start) || !positionInside(table, range.end)) return false;
  return range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
}

export function offsetAt(table: { starts: number[]; ends: number[] }, position: Position): number {
  const line = Math.min(Math.max(position.line, 0), table.starts.length - 1);
  return Math.min(table.starts[line] + Math.max(position.character, 0), table.ends[line]);
}

/** Applies non-overlapping edits (as a client does: all against the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const table = lineTable(text);
  const spans = edits
    .map((edit, order) => ({ start: offsetAt(table, edit.range.start), end: offsetAt(table, edit.range.end), newText: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) throw new Error(`overlapping edits at offsets ${spans[i - 1].start}-${spans[i - 1].end} and ${spans[i].start}-${spans[i].end}`);
  }
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + span.newText;
    at = span.end;
  }
  return out + text.slice(at);
}
