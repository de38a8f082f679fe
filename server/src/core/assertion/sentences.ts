import { isSpace } from '../text/chars';

/** A sentence as UTF-16 offsets into the text it came from, trimmed of surrounding whitespace. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Abbreviations whose period never ends a sentence ("Dr. Smith", "e.g. Lidocaine"). Any other
 * period before a space ends one unless a lower-case word follows a short word (an abbreviation):
 * "5 mL. was given" goes on, "5 mL. The lead" and "was placed. the lead" end.
 */
const NEVER_FINAL = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'vs', 'e.g', 'i.e', 'eg', 'ie', 'approx', 'cf', 'viz', 'fig', 'ca',
]);

/** Abbreviations of four letters or more that are written with a period inside a sentence. */
const LONG_ABBREVIATIONS = new Set(['mins', 'secs', 'cont', 'temp', 'prep', 'dept', 'corp', 'appt', 'tabs', 'caps', 'admin', 'post', 'poss', 'prox', 'dist']);

const MAX_ABBREVIATION = 8;
/** A heading or label ("DESCRIPTION OF PROCEDURE:", "Complications:") is at most this long. */
const MAX_LABEL = 60;

/**
 * Splits dictated text into sentences in one pass. Ends: ".", "!" or "?" before a space (unless an
 * abbreviation, decimal or list number), an ALL-CAPS heading's ":", a blank line, and a line break
 * before a list item or label or after a heading. A line wrap inside a running sentence is no end.
 */
export function splitSentences(text: string, start = 0, end = text.length): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const boundaries = dictatesPunctuation(text, start, end) ? SPOKEN_BOUNDARY_CANDIDATE : BOUNDARY_CANDIDATE;
  let sentenceStart = start;
  let lastListNumber = 0;
  // Letters of the current sentence, counted only as far as a ":" needs them (up to `counted`): a
  // heading's colon ends a sentence of at least two letters with no lower-case one.
  let counted = start;
  let letters = 0;
  let lowercase = false;

  const cut = (at: number): void => {
    const span = trim(text, sentenceStart, at);
    if (span) spans.push(span);
    sentenceStart = at;
    counted = at;
    letters = 0;
    lowercase = false;
  };

  // Only line breaks, colons and sentence marks can end a sentence: jump from one to the next.
  let index = start;
  while (index < end) {
    boundaries.lastIndex = index;
    const found = boundaries.exec(text);
    if (!found || found.index >= end) break;
    index = found.index;
    if (found[0].length > 1) {
      index += found[0].length; // a spoken "period" or "new paragraph" ends its sentence
      cut(index);
      continue;
    }
    const code = text.charCodeAt(index);
    if (code === 10) {
      const next = nextVisible(text, index + 1, end);
      if (lineBreakEnds(text, index, next, end)) cut(index);
      index = next; // the whitespace up to the next line's text is read once
      continue;
    }
    if (code === 58 /* : */) {
      // A field answered "none" in its own column after a gap ("prone, fluoroscopic      Complications: none")
      // is a sentence of its own: the answer denies its key, not the column beside it.
      const column = columnedKeyStart(text, sentenceStart, index);
      if (column > sentenceStart && DENYING_ANSWER.test(text.slice(index + 1, index + 1 + MAX_ANSWER))) cut(column);
      for (; !lowercase && counted < index; counted++) {
        const letter = text.charCodeAt(counted);
        if (!isLetter(letter)) continue;
        letters++;
        if (isLower(letter)) lowercase = true;
      }
      // "LATERALITY: Right" is a field, read whole; "DESCRIPTION OF PROCEDURE: The patient ..." a heading and its text.
      if (letters >= 2 && !lowercase && endsLabel(text, index, end) && !shortValueFollows(text, index + 1, end)) cut(index + 1);
      index++;
      continue;
    }

    const after = skipClosers(text, index + 1, end);
    // "0.5", "e.g.", "file.txt"; but HL7's escaped line break ("done.\\.br\\Next") is a space.
    if (after < end && !isSpace(text.charCodeAt(after)) && !text.startsWith(HL7_LINE_BREAK, after)) {
      index++;
      continue;
    }
    if (code !== 46) {
      cut(after);
      index = after;
      continue;
    }
    const number = listNumberBefore(text, index, start);
    if (number !== undefined) {
      const before = previousVisible(text, number.start, start);
      // After a colon only a list's first number opens it: "Arrays placed: 2. Complications: none" ends a field's value.
      if (number.start === nextVisible(text, sentenceStart, end) || (before === 58 /* : */ && number.value === 1)) {
        lastListNumber = number.value; // "1. The lead...", "Indications: 1. Pain" open an item
        index++;
        continue;
      }
      if (lastListNumber > 0 && number.value === lastListNumber + 1 && isLetter(before)) {
        cut(number.start); // "1. Pain 2. Lead placement": the next item starts here
        lastListNumber = number.value;
        index++;
        continue;
      }
    }
    if (periodEnds(text, index, after, end, start)) {
      cut(after);
      index = after;
    } else index++;
  }
  cut(end);
  return spans;
}

/** Where a sentence may end: a line break, a colon, or ".", "!", "?". */
const BOUNDARY_CANDIDATE = /[\n:.!?]/g;
/** The same in speech-recognition text, where the dictated marks are words. */
const SPOKEN_BOUNDARY_CANDIDATE = /[\n:.!?]|\b(?:period|full stop|new paragraph|next paragraph)\b/gi;
/** Words that are only ever dictated punctuation; two of them mark text whose "period" is a full stop. */
const SPOKEN_MARK = /\b(?:comma|new paragraph|next paragraph|full stop)\b/gi;

/** Whether text[start, end) is speech recognition with its punctuation spoken ("... comma ... period"). */
function dictatesPunctuation(text: string, start: number, end: number): boolean {
  // Searched in the range's own text: a search of the whole text from `start` would read to its end each time.
  const range = start === 0 && end === text.length ? text : text.slice(start, end);
  SPOKEN_MARK.lastIndex = 0;
  return SPOKEN_MARK.test(range) && SPOKEN_MARK.test(range);
}

/** Where a key set after a gap of three blanks or more starts, its colon at `colon` (a short capitalised key), or -1. */
function columnedKeyStart(text: string, from: number, colon: number): number {
  let keyStart = colon;
  while (keyStart > from && colon - keyStart <= MAX_COLUMN_KEY && text.charCodeAt(keyStart - 1) !== 10 && !(text.charCodeAt(keyStart - 1) === 32 && text.charCodeAt(keyStart - 2) === 32)) keyStart--;
  if (keyStart <= from || colon - keyStart > MAX_COLUMN_KEY || !isUpper(text.charCodeAt(keyStart))) return -1;
  let gap = keyStart;
  while (gap > from && isSpace(text.charCodeAt(gap - 1)) && text.charCodeAt(gap - 1) !== 10) gap--;
  return keyStart - gap >= MIN_COLUMN_GAP && gap > from && text.charCodeAt(gap - 1) !== 10 ? keyStart : -1;
}

const MAX_COLUMN_KEY = 30;
const DENYING_ANSWER = /^[ \t]*(?:none|no|nil|n\/?a|negative|denied)\b/i;
const MAX_ANSWER = 12;
const MIN_COLUMN_GAP = 3;

function periodEnds(text: string, period: number, after: number, end: number, start: number): boolean {
  const next = nextVisible(text, after, end);
  if (next >= end) return true;
  const nextCode = text.charCodeAt(next);
  const word = wordBefore(text, period, start);
  if (NEVER_FINAL.has(word)) return false;
  if (word === 'no' && isDigit(nextCode)) return false; // "No. 2"
  if (word.length === 1 && isUpper(text.charCodeAt(period - 1))) return false; // an initial: "John A. Smith"
  return !isLower(nextCode) || endsWord(text, period, start);
}

/** Whether a word of four letters or more, no abbreviation, ends at `period`: "was placed. the lead". */
function endsWord(text: string, period: number, start: number): boolean {
  let from = period;
  while (from > start && isLetter(text.charCodeAt(from - 1))) from--;
  if (period - from < 4 || (from > start && text.charCodeAt(from - 1) === 46)) return false;
  return !LONG_ABBREVIATIONS.has(text.slice(from, period).toLowerCase());
}

/** Letters and inner dots just before `period`, lower-cased: "Dr" → "dr", "p.m" → "p.m". */
function wordBefore(text: string, period: number, start: number): string {
  let from = period;
  while (from > start && period - from < MAX_ABBREVIATION) {
    const code = text.charCodeAt(from - 1);
    if (!isLetter(code) && code !== 46) break;
    from--;
  }
  if (from > start && isLetter(text.charCodeAt(from - 1))) return ''; // longer than any abbreviation
  return text.slice(from, period).replace(/^\.+/, '').toLowerCase();
}

interface ListNumber {
  start: number;
  value: number;
}

/** A list number (one or two digits after a space or line start) ending at `period`. */
function listNumberBefore(text: string, period: number, start: number): ListNumber | undefined {
  let from = period;
  while (from > start && period - from < 2 && isDigit(text.charCodeAt(from - 1))) from--;
  if (from === period || (from > start && !isSpace(text.charCodeAt(from - 1)))) return undefined;
  return { start: from, value: Number(text.slice(from, period)) };
}

/** Code of the last visible character before `position`, or -1. */
function previousVisible(text: string, position: number, start: number): number {
  let index = position;
  while (index > start && isSpace(text.charCodeAt(index - 1))) index--;
  return index > start ? text.charCodeAt(index - 1) : -1;
}

/** A label's short value is at most this many characters. */
const MAX_SHORT_VALUE = 40;
/** At most this many words after a label, to the line end, are the label's value. */
const MAX_FIELD_VALUE_WORDS = 3;

/** Whether a short value (one to three words) fills the rest of the line, or of its sentence, after a label's colon ("ARRAYS PLACED: one. EBL: trace."). */
function shortValueFollows(text: string, from: number, end: number): boolean {
  const newline = text.indexOf('\n', from);
  const lineEnd = newline < 0 || newline > end ? end : newline;
  // A short value lies in the line's first few dozen characters: only those are read.
  const line = text.slice(from, Math.min(lineEnd, from + MAX_SHORT_VALUE + 2));
  // A list item's number ("FINDINGS: 1. Lead intact") is no full stop.
  const mark = /^\s*\d{1,2}[.)]\s/.test(line) ? -1 : line.search(/[.;](?:\s|$)/);
  if (mark < 0 && from + line.length < lineEnd) return false;
  const value = (mark < 0 ? line : line.slice(0, mark)).trim();
  return value !== '' && value.length <= MAX_SHORT_VALUE && value.split(/\s+/).length <= MAX_FIELD_VALUE_WORDS;
}

/** A heading colon ends a sentence unless it sits inside a time such as "1:12"; an export's "Key:::value" ends it too. */
function endsLabel(text: string, colon: number, end: number): boolean {
  return colon + 1 >= end || isSpace(text.charCodeAt(colon + 1)) || text.startsWith('::', colon);
}

/** Does the line break at `index`, followed by text at `next`, end the sentence? */
function lineBreakEnds(text: string, index: number, next: number, end: number): boolean {
  if (next >= end) return true;
  for (let scan = index + 1; scan < next; scan++) {
    if (text.charCodeAt(scan) === 10) return true; // a blank line
  }
  const lineStart = lineStartBefore(text, index);
  const previousEnd = lastVisibleBefore(text, index, lineStart);
  // "Findings:" on its own line; a wrapped run-on's "... 90% relief. Trial 03/2026:" goes on into its value.
  if (previousEnd >= lineStart && text.charCodeAt(previousEnd) === 58 && !labelEndsRunOn(text, lineStart, previousEnd)) return true;
  if (startsListItem(text, next, end) || startsLabel(text, next, end) || startsTimeStamp(text, next, end)) return true;
  // A template line is a sentence of its own: "(no separate IPG)? Yes [x]" denies nothing on the next
  // line, and the line before it ("Pain duration: 6 years") is not read into it.
  if (CHECKBOX.test(text.slice(lineStart, index))) return true;
  const nextLineEnd = text.indexOf('\n', next);
  if (CHECKBOX.test(text.slice(next, nextLineEnd < 0 || nextLineEnd > end ? end : nextLineEnd))) return true;
  // So is a form row of fields set in columns: "Arrays planned: 3   Arrays placed: 2" plans nothing on the next line.
  if (COLUMNED_FIELDS.test(text.slice(lineStart, index)) || COLUMNED_FIELDS.test(text.slice(next, nextLineEnd < 0 || nextLineEnd > end ? end : nextLineEnd))) return true;
  // So is a table row: "| Complications | None |" denies nothing in the row above.
  if (text.charCodeAt(next) === PIPE || text.charCodeAt(nextVisible(text, lineStart, index)) === PIPE) return true;
  if (brokenEarly(text, lineStart, index, next, nextLineEnd < 0 || nextLineEnd > end ? end : nextLineEnd)) return true;
  return isCapsLine(text, lineStart, index) && hasLowercaseInFirstWord(text, next, end);
}

/** A line this short is one a writer ends, not one the width wraps, whatever follows. */
const MIN_WRAP_WIDTH = 40;

/**
 * Whether the writer broke the line where it ends rather than the width wrapping it: the next line's
 * first word would have fitted on it ("1 lead, built-in receiver, wearable stim on shoulder strap" /
 * "motor/sensory test good at 1.1 mA" / "shoulder pain x 2 yrs, failed PT"), as a text message or a
 * terse note writes its lines. A wrapped dictation fills its lines up to the width.
 */
function brokenEarly(text: string, lineStart: number, lineEnd: number, next: number, nextLineEnd: number): boolean {
  // An indented line goes on with the one above ("7-day trial" / "  09/2026 -> 70% relief"); so does a line left on a word that needs its next ("pain for" / "26 months").
  if (next > lineEnd + 1 || OPEN_ENDED.test(text.slice(Math.max(lineStart, lineEnd - MAX_OPEN_WORD), lineEnd))) return false;
  const length = lineEnd - lineStart;
  // The width is the longest of this line, the one before and the one after.
  const previousLength = lineStart > 0 ? lineStart - 1 - lineStartBefore(text, lineStart - 1) : 0;
  const width = Math.max(length, previousLength, nextLineEnd - next, MIN_WRAP_WIDTH);
  let word = next;
  while (word < nextLineEnd && !isSpace(text.charCodeAt(word))) word++;
  // Typed lines wrap raggedly: the line must stop well short of the width, not just short of it.
  return length + 1 + (word - next) < width * EARLY_BREAK_SHARE;
}

const EARLY_BREAK_SHARE = 0.75;
/** A line's last word that cannot end a statement: a preposition, an article, a conjunction, "x". */
const OPEN_ENDED = /(?:^|[^A-Za-z])(?:for|of|to|in|on|at|by|with|from|the|a|an|and|or|but|x|was|were|is|are|has|had|his|her|after|before|under|over|into)[ \t]*$/i;
const MAX_OPEN_WORD = 8;

/** Whether a line's closing label comes after a sentence mark within the line, where the line is prose wrapped mid-sentence. */
function labelEndsRunOn(text: string, lineStart: number, colon: number): boolean {
  const line = text.slice(lineStart, colon);
  return line.length > MAX_LABEL && /[.;]\s+\S/.test(line);
}

/** The escape an HL7 v2 text value writes for a line break. */
const HL7_LINE_BREAK = '\\.br\\';
/** Four digits of a 24-hour clock, a blank and a lower-case word: "0745 left ..." (a year, "2021 MRI", is followed by a capital). */
const CLOCK_TIME = /^(?:[01]\d|2[0-3])[0-5]\d[ \t]+[a-z]/;

const PIPE = 124;

/** A label's value, a gap of three blanks or a tab, and another label: fields laid out in columns. */
const COLUMNED_FIELDS = /:[\t\x20]{0,3}[^\s:][^:\t\n]{0,80}?(?:\t|\x20{3})[\t\x20]{0,20}[A-Za-z][A-Za-z /()-]{0,30}:/;

/** A checkbox, checked or not: the mark of an EHR template line. */
const CHECKBOX = /[\u2610\u2611\u2612]|\[[ xX]\]/;

function startsListItem(text: string, position: number, end: number): boolean {
  if ('-*\u2022\u2013'.includes(text.charAt(position))) return isSpace(text.charCodeAt(position + 1)); // a bullet
  let index = position;
  while (index < end && index - position < 2 && isDigit(text.charCodeAt(index))) index++;
  if (index === position || index + 1 >= end) return false;
  const marker = text.charCodeAt(index);
  return (marker === 46 || marker === 41) && isSpace(text.charCodeAt(index + 1)); // "2. " or "2) "
}

/** A log line's time stamp: "08:21 array 1 deployed", "14:05 -", or a 24-hour clock's "0745 incision over ...". */
function startsTimeStamp(text: string, position: number, end: number): boolean {
  if (CLOCK_TIME.test(text.slice(position, Math.min(end, position + 8)))) return true;
  let index = position;
  while (index < end && index - position < 2 && isDigit(text.charCodeAt(index))) index++;
  if (index === position || text.charCodeAt(index) !== 58 /* : */) return false;
  return isDigit(text.charCodeAt(index + 1)) && isDigit(text.charCodeAt(index + 2)) && !isDigit(text.charCodeAt(index + 3));
}

/** A capitalised label of a few words and a colon: "Complications: none", "DESCRIPTION OF PROCEDURE:". */
function startsLabel(text: string, position: number, end: number): boolean {
  if (!isUpper(text.charCodeAt(position))) return false;
  for (let index = position + 1; index < end && index - position <= MAX_LABEL; index++) {
    const code = text.charCodeAt(index);
    if (code === 58) return endsLabel(text, index, end);
    // A numbered label: "Row 1:", "Array 2:", "Lead #1:".
    if (!isLetter(code) && !' -/()'.includes(text.charAt(index)) && !((isDigit(code) || code === 35) && text.charCodeAt(index - 1) === 32) && !(isDigit(code) && isDigit(text.charCodeAt(index - 1)))) return false;
  }
  return false;
}

function isCapsLine(text: string, from: number, to: number): boolean {
  let letters = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (isLower(code)) return false;
    if (isLetter(code)) letters++;
  }
  return letters >= 2;
}

function hasLowercaseInFirstWord(text: string, position: number, end: number): boolean {
  for (let index = position; index < end && !isSpace(text.charCodeAt(index)); index++) {
    if (isLower(text.charCodeAt(index))) return true;
  }
  return false;
}

function trim(text: string, from: number, to: number): SentenceSpan | undefined {
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return start < end ? { start, end } : undefined;
}

/** Past closing quotes and brackets after a full stop: `placed.")`. */
function skipClosers(text: string, from: number, end: number): number {
  let index = from;
  while (index < end && ')]}"\'\u201d\u2019'.includes(text.charAt(index))) index++;
  return index;
}

function nextVisible(text: string, from: number, end: number): number {
  let index = from;
  while (index < end && isSpace(text.charCodeAt(index))) index++;
  return index;
}

function lastVisibleBefore(text: string, index: number, lineStart: number): number {
  let scan = index - 1;
  while (scan >= lineStart && isSpace(text.charCodeAt(scan))) scan--;
  return scan;
}

function lineStartBefore(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

function isLower(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
}

function isLetter(code: number): boolean {
  return isUpper(code) || isLower(code);
}
