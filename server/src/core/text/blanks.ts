/**
 * Spaces and tabs ("blanks"), the padding that header and heading syntax allows around keys, titles
 * and values. Trimmed by walking the string: a pattern such as `(.*?)[ \t]*$` re-reads a run of
 * blanks once per character before it, so a long run took seconds.
 */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** The first offset at or after `from` (and before `to`) that is not a blank. */
export function skipBlanks(text: string, from: number, to = text.length): number {
  let at = from;
  while (at < to && isBlank(text.charCodeAt(at))) at++;
  return at;
}

/** `to`, moved back over the blanks that end text[from, to). */
export function trimBlanksEnd(text: string, from: number, to: number): number {
  let at = to;
  while (at > from && isBlank(text.charCodeAt(at - 1))) at--;
  return at;
}
