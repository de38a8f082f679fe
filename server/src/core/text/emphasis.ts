/**
 * Markdown's strong emphasis around a few words ("**Total arrays placed:** 2", "**Side:** left")
 * reads as blanks, one character for one character, so that every offset stays: the key and its
 * value are read as a plain `Key: value` line. A run of asterisks without words between ("***", an
 * EHR phrase's blank) is left as it is.
 */
const STRONG = /\*\*(?=[^\s*])([^*\n]{1,80}?)(?<=[^\s*])\*\*/g;

export function emphasisAsBlanks(text: string): string {
  if (!text.includes('**')) return text;
  return text.replace(STRONG, (_whole, inner: string) => `  ${inner}  `);
}
