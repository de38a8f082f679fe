/** A half-open range of UTF-16 offsets into a document's text. The core works in offsets; ranges are made at the edge. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function spanContains(outer: Span, offset: number): boolean {
  return offset >= outer.start && offset <= outer.end;
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The line holding offset `at`, without its line break (past the text's end: its last line). */
export function lineAt(text: string, at: number): Span {
  const start = at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', Math.max(0, at));
  return { start, end: newline < 0 ? text.length : newline };
}
