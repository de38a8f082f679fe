// Span edits on claim drafts, shaped so that the fixes of different rules do not overlap (fix-all
// applies only non-overlapping fixes): modifier edits rewrite the code token (ruleSupport/modifiers.ts),
// unit edits touch the units item, new lines are inserted at the end of the line they follow, and a
// removed line takes its own line break with it.
import type { SpanEdit } from '../linting/types';
import type { DocumentModel, HeaderField, ServiceLine } from '../parse/model';

/** CMS-1500 item 24D holds four modifiers. */
export const MAX_MODIFIERS = 4;

/** Removes a whole line with its line break (the next line's start stays free for other edits). */
export function removeLineEdit(model: DocumentModel, line: number): SpanEdit {
  return removeLineRunEdit(model, line, line);
}

/**
 * Removes lines (0-based, any order), one edit per run of consecutive lines. Removing the last line
 * takes the line break before it, so two removals of neighbouring lines would overlap when one of them
 * is the last line: a run is removed as one edit.
 */
export function removeLinesEdits(model: DocumentModel, lines: readonly number[]): SpanEdit[] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const edits: SpanEdit[] = [];
  for (let first = 0; first < sorted.length; ) {
    let last = first;
    while (last + 1 < sorted.length && sorted[last + 1] === sorted[last] + 1) last++;
    edits.push(removeLineRunEdit(model, sorted[first], sorted[last]));
    first = last + 1;
  }
  return edits;
}

function removeLineRunEdit(model: DocumentModel, first: number, last: number): SpanEdit {
  const { lines } = model;
  if (last + 1 < lines.lineCount) return { span: { start: lines.lineStart(first), end: lines.lineStart(last + 1) }, newText: '' };
  if (first > 0) return { span: { start: lines.lineEnd(first - 1), end: lines.lineEnd(last) }, newText: '' };
  return { span: { start: lines.lineStart(first), end: lines.lineEnd(last) }, newText: '' };
}

/** Inserts a new line after `line`. */
export function insertLineAfterEdit(model: DocumentModel, line: number, text: string): SpanEdit {
  const at = model.lines.lineEnd(line);
  return { span: { start: at, end: at }, newText: `${model.lines.lineBreak}${text}` };
}

/** Sets a line's units: rewrites its `xN` item, or adds one after its last item. */
export function setUnitsEdit(line: ServiceLine, units: number): SpanEdit {
  if (line.units) return { span: line.units.span, newText: `x${units}` };
  const at = lastItemEnd(line);
  return { span: { start: at, end: at }, newText: ` x${units}` };
}

/** End of the last item of a service line (before any trailing comment). */
function lastItemEnd(line: ServiceLine): number {
  const ends = [line.code.span.end, ...line.modifiers.map((m) => m.span.end), line.units?.span.end, line.pointers?.span.end, line.charge?.span.end, line.pos?.span.end, line.dos?.span.end];
  return Math.max(...ends.filter((end): end is number => end !== undefined));
}

/** Sets a header field's value. */
export function setHeaderValueEdit(field: HeaderField, value: string): SpanEdit {
  return { span: field.valueSpan, newText: value };
}

/** Inserts `key: value` as the last line of the header (inside a front-matter block). */
export function appendHeaderFieldEdit(model: DocumentModel, text: string): SpanEdit | undefined {
  const last = model.header.fields[model.header.fields.length - 1];
  if (!last) return undefined;
  const at = model.lines.lineEnd(model.lines.lineAt(last.span.start));
  return { span: { start: at, end: at }, newText: `${model.lines.lineBreak}${text}` };
}

/** Inserts `key: value` as the first line of the header (inside a front-matter block). */
export function prependHeaderFieldEdit(model: DocumentModel, text: string): SpanEdit | undefined {
  const first = model.header.fields[0];
  if (!first) return undefined;
  const at = model.lines.lineStart(model.lines.lineAt(first.span.start));
  return { span: { start: at, end: at }, newText: `${text}${model.lines.lineBreak}` };
}

/** `64597-LT x2 ptr:A,B dos:2026-03-14`, the text of a new service line (its own date of service when given). */
export function serviceLineText(code: string, modifiers: readonly string[], units: number, pointers: readonly string[], dos?: string): string {
  return [`${[code, ...modifiers].join('-')}`, `x${units}`, ...(pointers.length ? [`ptr:${pointers.join(',')}`] : []), ...(dos ? [`dos:${dos}`] : [])].join(' ');
}
