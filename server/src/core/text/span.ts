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

/**
 * A search for the first of `characters` at or after an offset, asked in increasing order: each
 * search resumes past the last one found, so the text is read once in all. -1 when none is left.
 */
export function nextOfCharacters(text: string, characters: readonly string[]): (from: number) => number {
  const found = characters.map(() => -2);
  return (from) => {
    let first = -1;
    characters.forEach((character, index) => {
      if (found[index] !== -1 && found[index] < from) found[index] = text.indexOf(character, from);
      if (found[index] >= 0 && (first < 0 || found[index] < first)) first = found[index];
    });
    return first;
  };
}
