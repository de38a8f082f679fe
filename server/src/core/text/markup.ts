/**
 * Markup that frames the words rather than tells anything reads as blanks, one character for one
 * character, so that every offset stays:
 * - Markdown's strong emphasis around a few words ("**Total arrays placed:** 2", "**Side:** left"):
 *   the key and its value are read as a plain `Key: value` line. A run of asterisks without words
 *   between ("***", an EHR phrase's blank) is left as it is.
 * - The quote marks of a forwarded message or a Markdown quote ("> PROCEDURE: ...", "> placed through
 *   the introducer"): a sentence quoted across lines reads on across them.
 */
const STRONG = /\*\*(?=[^\s*])([^*\n]{1,80}?)(?<=[^\s*])\*\*/g;
const QUOTE_MARKS = /^(?:[ \t]{0,3}>)+(?=[ \t]|$)/gm;

export function markupAsBlanks(text: string): string {
  const unquoted = text.includes('>') ? text.replace(QUOTE_MARKS, (marks) => ' '.repeat(marks.length)) : text;
  return unquoted.includes('**') ? unquoted.replace(STRONG, (_whole, inner: string) => `  ${inner}  `) : unquoted;
}
