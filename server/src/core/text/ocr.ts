/**
 * Scanned notes come back from OCR with letters for digits and digits for letters: "0l/2026",
 * "6O% relief", "O.8 mA", "l8 months", "lNDlCATlONS:". A coder reads through them; so does OpNote,
 * by repairing the two confusions that are unambiguous in their context, one character for one
 * character, so that every offset into the repaired text is an offset into the original.
 *
 * - In a number-like token (digits, `l`, `O`, `.`, `/`, `%`, `:`, `-`, with at least one digit, or a
 *   lone `l`), `l` is 1 and `O` is 0. `O2` (oxygen) is left alone: an `O` needs a digit before it or
 *   a decimal point after it.
 * - In a capitalised word whose only lower-case letters are `l`, `l` is `I` and `0` is `O`
 *   ("lNDlCATlONS", "PR0CEDURE").
 * - A word broken across a line end is joined, its line break moved after it ("intro-\nducer" reads
 *   "introducer\n "): the characters of the word's tail move by two, nothing else does.
 *
 * Only a text that shows at least MIN_SIGNS such tokens, besides a lone `l` (which a terse note may
 * write for "left"), is repaired: one slip is a typo, not a scan.
 */
const NUMBER_LIKE = /(?<![\w.])[0-9lO][0-9lO.,/%:-]*(?![\w])/g;
const CAPS_WORD = /\b[A-Z0l]{3,}\b/g;
/** A word broken across a line end: "intro-\nducer", "de-\nployed". */
const BROKEN_WORD = /(?<=[a-z])-\n([a-z]+)/g;
const MIN_SIGNS = 2;

function repairNumber(token: string): string | undefined {
  if (token === 'l') return '1';
  if (!/\d/.test(token) || !/[lO]/.test(token)) return undefined;
  let repaired = '';
  for (let index = 0; index < token.length; index++) {
    const char = token[index];
    const before = token[index - 1];
    const after = token[index + 1];
    if (char === 'l') repaired += '1';
    else if (char === 'O' && ((before !== undefined && /\d/.test(before)) || (after === '.' && /\d/.test(token[index + 2] ?? '')))) repaired += '0';
    else repaired += char;
  }
  return repaired === token ? undefined : repaired;
}

/** The text with its OCR confusions repaired (same length), or the text itself when it shows no scan. */
export function repairOcr(text: string): string {
  const repairs: { start: number; text: string }[] = [];
  let signs = 0;
  for (const match of text.matchAll(NUMBER_LIKE)) {
    const repaired = repairNumber(match[0]);
    if (repaired === undefined) continue;
    repairs.push({ start: match.index, text: repaired });
    if (match[0] !== 'l') signs++;
  }
  for (const match of text.matchAll(CAPS_WORD)) {
    if (!/[l0]/.test(match[0]) || match[0].replace(/[l0]/g, '').length < 2) continue;
    repairs.push({ start: match.index, text: match[0].replace(/l/g, 'I').replace(/0/g, 'O') });
    signs++;
  }
  if (signs < MIN_SIGNS) return text;
  const repaired = applied(text, repairs);
  return applied(repaired, [...repaired.matchAll(BROKEN_WORD)].map((match) => ({ start: match.index, text: `${match[1]}\n ` })));
}

/** `text` with each repair (same length as what it replaces, in any order, not overlapping) written in. */
function applied(text: string, repairs: { start: number; text: string }[]): string {
  if (repairs.length === 0) return text;
  repairs.sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const repair of repairs) {
    result += text.slice(at, repair.start) + repair.text;
    at = repair.start + repair.text.length;
  }
  return result + text.slice(at);
}
