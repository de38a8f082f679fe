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
