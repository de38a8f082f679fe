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
 *   ("lNDlCATlONS", "PR0CEDURE"); in a lower-case word of three letters or more, `1` is `l`
 *   ("stimu1ator", "tibia1") and `0` inside it is `o` ("neur0pathy").
 * - A word broken across a line end is joined, its line break moved after it ("intro-\nducer" reads
 *   "introducer\n "): the characters of the word's tail move by two, nothing else does.
 *
 * Only a text that shows at least MIN_SIGNS such tokens or capitalised words broken at a line end,
 * besides a lone `l` (which a terse note may write for "left"), is repaired: one slip is a typo, not a scan. The passes look for the confusions
 * themselves (a digit beside `l` or `O`, a capital beside `l` or `0`) and read only the tokens around them.
 */
const NUMBER_SITE = /\d[lO]|[lO]\d|O\.\d/g;
const CAPS_SITE = /[A-Z]{2}[l0]|[l0][A-Z]{2}|[A-Z][l0][A-Z]/g;
/** The confusions no clean text has ("O2", "H2O" and "SpO2" are oxygen, not scans): two of them make a scan. */
const STRONG_SITE = /\dl|l\d|\dO\d|\dO%|\dO(?!\w)|O\.\d|[A-Z]{2}[l0]|[l0][A-Z]{2}|[A-Z][l0][A-Z]/g;
/** A `1` for an `l` in a lower-case word ("stimu1ator", "tibia1", "malleo1us"), a `0` for an `o` inside one ("neur0pathy"). Led by the literal, so a text is scanned fast. */
const LOWER_SITE = /1(?:(?<=[a-z]1)(?=[a-z])|(?<=[a-z]{2}1)(?!\w))|0(?<=[a-z]0)(?=[a-z])/g;
const LONE_L = /(?<![\w.])l(?![\w])/g;
/** A word broken across a line end: "intro-\nducer", "de-\nployed", "STIM-\nULATOR". */
const BROKEN_WORD = /(?<=[a-z])-\n([a-z]+)|(?<=[A-Z]{2})-\n([A-Z]{2,})/g;
/** A capitalised word broken across a line end ("FLUORO-\nSCOPY"): typed notes do not hyphenate capitals, scans of printed reports do. */
const BROKEN_CAPS = /[A-Z]{2}-\n[A-Z]{2}/g;
const MIN_SIGNS = 2;
/** One or two words broken at a line end may be a hyphenated compound; three are a hyphenating export. */
const MIN_BROKEN_WORDS = 3;

const NUMBER_CHARS = new Set('0123456789lO.,/%:-');
const isNumberChar = (char: string | undefined) => char !== undefined && NUMBER_CHARS.has(char);
const isCapsChar = (char: string | undefined) => char !== undefined && ((char >= 'A' && char <= 'Z') || char === '0' || char === 'l');
const isLowerChar = (char: string | undefined) => char !== undefined && ((char >= 'a' && char <= 'z') || char === '1' || char === '0');
const isWordChar = (char: string | undefined) => char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9') || char === '_');

interface Repair {
  readonly start: number;
  readonly text: string;
}

/** The token of `isPart` characters around `at`, when it stands alone (no word character touches it). */
function tokenAround(text: string, at: number, isPart: (char: string | undefined) => boolean): { start: number; end: number } | undefined {
  let start = at;
  let end = at;
  while (isPart(text[start - 1])) start--;
  while (isPart(text[end])) end++;
  if (isWordChar(text[start - 1]) || isWordChar(text[end])) return undefined;
  return { start, end };
}

function repairNumber(token: string): string | undefined {
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

/** Repairs of the tokens around each confusion site, each token once. */
function repairsAt(text: string, sites: RegExp, isPart: (char: string | undefined) => boolean, repair: (token: string) => string | undefined): Repair[] {
  const repairs: Repair[] = [];
  let lastEnd = -1;
  sites.lastIndex = 0;
  for (let site = sites.exec(text); site; site = sites.exec(text)) {
    const token = tokenAround(text, site.index, isPart);
    if (!token || token.start < lastEnd) continue;
    lastEnd = token.end;
    const repaired = repair(text.slice(token.start, token.end));
    if (repaired !== undefined) repairs.push({ start: token.start, text: repaired });
  }
  return repairs;
}

const repairLower = (word: string) => (word.replace(/[10]/g, '').length >= 3 ? word.replace(/1/g, 'l').replace(/0/g, 'o') : undefined);

const repairCaps = (word: string) => (word.length >= 3 && word.replace(/[l0]/g, '').length >= 2 && /[A-Z]/.test(word) ? word.replace(/l/g, 'I').replace(/0/g, 'O') : undefined);

/** The text with its OCR confusions repaired (same length), or the text itself when it shows no scan. */
export function repairOcr(text: string): string {
  // A PDF export that hyphenates its lines ("implan-\ntation", "neu-\nrostimulation") is read joined, scan or not.
  const hyphenated = brokenWordsAtLeast(text, MIN_BROKEN_WORDS) >= MIN_BROKEN_WORDS;
  // Most notes show none of the confusions: one search, stopped at the second, settles them.
  if (signsAtLeast(text, 2) < 2) return hyphenated ? joinedWords(text) : text;
  const numbers = repairsAt(text, NUMBER_SITE, isNumberChar, repairNumber);
  const words = [...repairsAt(text, CAPS_SITE, isCapsChar, repairCaps), ...repairsAt(text, LOWER_SITE, isLowerChar, repairLower)];
  BROKEN_CAPS.lastIndex = 0;
  const brokenCaps = BROKEN_CAPS.test(text) ? 1 : 0;
  if (numbers.length + words.length + brokenCaps < MIN_SIGNS) return hyphenated ? joinedWords(text) : text;
  const lone = [...text.matchAll(LONE_L)].map((match) => ({ start: match.index, text: '1' }));
  return joinedWords(applied(text, [...numbers, ...words, ...lone]));
}

/** The words broken across line ends joined, each line break moved after its word. */
const joinedWords = (text: string) => applied(text, [...text.matchAll(BROKEN_WORD)].map((match) => ({ start: match.index, text: `${match[1] ?? match[2]}\n ` })));

/** How many words the text breaks across a line end, counting up to `enough`: found by their "-\n", a literal search. */
function brokenWordsAtLeast(text: string, enough: number): number {
  let found = 0;
  for (let at = text.indexOf('-\n'); at > 0 && found < enough; at = text.indexOf('-\n', at + 2)) {
    if (isLetter(text[at - 1]) && isLetter(text[at + 2])) found++;
  }
  return found;
}

const isLetter = (char: string | undefined) => char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));

/** How many strong signs of a scan the text shows, counting up to `enough`. */
function signsAtLeast(text: string, enough: number): number {
  let found = 0;
  for (const sites of [STRONG_SITE, LOWER_SITE, BROKEN_CAPS]) {
    sites.lastIndex = 0;
    while (found < enough && sites.test(text)) found++;
  }
  return found;
}

/** `text` with each repair (same length as what it replaces, not overlapping) written in. */
function applied(text: string, repairs: Repair[]): string {
  if (repairs.length === 0) return text;
  const ordered = [...repairs].sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const repair of ordered) {
    if (repair.start < at) continue;
    result += text.slice(at, repair.start) + repair.text;
    at = repair.start + repair.text.length;
  }
  return result + text.slice(at);
}
