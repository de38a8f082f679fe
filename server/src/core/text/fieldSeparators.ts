/**
 * Exports write their fields without a colon: a pasted spreadsheet "Nerve<TAB>Ulnar", a print-out
 * with dot leaders "Nerve ........ Ulnar". The reader knows `Key: value` lines, so in a text with at
 * least MIN_ROWS such rows the separator after a short key reads as its colon (the tab, or the first
 * dot with the other dots as blanks; a long key's leader may be one dot, "Implanted Pulse Generator . None"):
 * one character for one character, every offset stays.
 */
const FIELD_ROW = /^([ \t]*[A-Za-z][A-Za-z0-9 /()'&-]{0,40}?)(\t|[ \t]*\.{3,}|[ \t]\.{1,2}(?=[ \t]))/gm;
const MIN_ROWS = 3;

export function separatorsAsColons(text: string): string {
  if (text.indexOf('\t') < 0 && text.indexOf('...') < 0) return text;
  const separators: { start: number; text: string }[] = [];
  for (const match of text.matchAll(FIELD_ROW)) {
    if (match[1].trim() === '') continue;
    const start = match.index + match[1].length;
    const separator = match[2];
    // "Nerve ...... Ulnar" → "Nerve:       Ulnar"; "Nerve<TAB>Ulnar" → "Nerve:Ulnar".
    separators.push({ start, text: separator === '\t' ? ':' : `:${' '.repeat(separator.length - 1)}` });
  }
  if (separators.length < MIN_ROWS) return text;
  let result = '';
  let at = 0;
  for (const separator of separators) {
    result += text.slice(at, separator.start) + separator.text;
    at = separator.start + separator.text.length;
  }
  return result + text.slice(at);
}
