import { skipBlanks, trimBlanksEnd } from '../text/blanks';
import type { SectionStyle } from './model';
import { canonicalSectionId } from './sectionSynonyms';
import { isLoneEmptyBox } from './template';

export interface HeadingMatch {
  readonly style: SectionStyle;
  readonly level: number;
  readonly title: string;
  /** Offsets relative to the line start. */
  readonly titleStart: number;
  readonly titleEnd: number;
  /** Start of the heading: the first `#`, or the first character of a dictation heading. */
  readonly headingStart: number;
  /** End of the heading itself: the line end (Markdown) or just past the colon (dictation). */
  readonly headingEnd: number;
}

/** `#` to `###` after at most three blanks, then a blank: the opening of a Markdown heading. */
const MARKDOWN_OPENING = /^[ \t]{0,3}(#{1,3})[ \t]/;
// ALL-CAPS title before a colon, after an optional list number ("2. FINDINGS:").
const CAPS_TITLE = /^[A-Z][A-Z0-9 /&,()'.-]{0,58}$/;
// Title-case titles count only when the synonym table knows them ("Indications: ...").
const KNOWN_TITLE = /^[A-Z][A-Za-z0-9 /&,()'-]{0,58}$/;
// ... and a parenthesis may say when and by whom: "Procedure performed (2026-10-06, Dr. Brennan-Oyelaran)".
const KNOWN_TITLE_WITH_ASIDE = { test: (title: string) => KNOWN_TITLE.test(title.replace(/\([^()]*\)/g, '()')) } as RegExp;
const MAX_TITLE = 59;

/** The Markdown title: the rest of the line, without blanks and a closing run of `#` at its end. */
function markdownHeading(line: string): HeadingMatch | undefined {
  const opening = MARKDOWN_OPENING.exec(line);
  if (!opening) return undefined;
  const titleStart = skipBlanks(line, opening[0].length);
  let titleEnd = trimBlanksEnd(line, titleStart, line.length);
  let closing = titleEnd;
  while (closing > titleStart && line.charCodeAt(closing - 1) === 0x23 /* # */) closing--;
  if (closing < titleEnd) titleEnd = trimBlanksEnd(line, titleStart, closing);
  if (titleEnd === titleStart) return undefined;
  const headingStart = opening[0].length - 1 - opening[1].length;
  return { style: 'markdown', level: opening[1].length, title: line.slice(titleStart, titleEnd), titleStart, titleEnd, headingStart, headingEnd: line.length };
}

/**
 * The title of a dictation heading starting at `titleStart`: up to the first colon (which `//` must
 * not follow: HTTP:// is no heading), blanks before the colon trimmed, when `title` accepts it.
 */
function dictationTitle(line: string, titleStart: number, title: RegExp): { titleEnd: number; headingEnd: number } | undefined {
  const colon = line.indexOf(':', titleStart);
  if (colon < 0 || line.startsWith('//', colon + 1)) return undefined;
  const titleEnd = trimBlanksEnd(line, titleStart, colon);
  // A full stop inside is a sentence's end, not a title's: "INJECTIONS. MRI: ..." on a wrapped line of capitals.
  if (titleEnd - titleStart > MAX_TITLE || !title.test(line.slice(titleStart, titleEnd)) || SENTENCE_END_INSIDE.test(line.slice(titleStart, titleEnd))) return undefined;
  return { titleEnd, headingEnd: colon + 1 };
}

/** A full stop before a word: the end of a sentence ("PLANE. ONE ARRAY DEPLOYED. TEST STIMULATION"), not an abbreviation's ("DR. LEE" is rare in a title). */
const SENTENCE_END_INSIDE = /[a-z0-9]{2}\.\s+\S/i;

/** Past a list number such as "2. " or "10) " at `at`, blanks included; `at` itself when there is none. */
function afterListNumber(line: string, at: number): number {
  let digits = at;
  while (digits < line.length && digits - at < 3 && isDigit(line.charCodeAt(digits))) digits++;
  const marker = line.charAt(digits);
  const count = digits - at;
  if (count < 1 || count > 2 || (marker !== '.' && marker !== ')') || skipBlanks(line, digits + 1) === digits + 1) return at;
  return skipBlanks(line, digits + 1);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function wordCount(title: string): number {
  return title.split(/\s+/).filter(Boolean).length;
}

/** Past the `>` marks of a quoted line ("> PROCEDURE: ..." in a note that quotes the operative report). */
function afterQuoteMarks(line: string, from: number): number {
  let index = from;
  while (line.charCodeAt(index) === 62) index = skipBlanks(line, index + 1);
  return index;
}

/** At most this long, a line alone may be a title; a longer one is text. */
const MAX_BARE_TITLE = 40;
/** ... and its line, parenthesis included, at most this long. */
const MAX_BARE_TITLE_LINE = 72;
/**
 * The sections a title alone on its line may open. Not those whose titles are also what a line of a
 * list documents ("Fluoroscopy", "Device", "Testing"): alone, such a line is the fact, not a heading.
 */
const BARE_TITLE_SECTIONS = new Set(['procedure', 'technique', 'indications', 'diagnosis', 'preop-dx', 'postop-dx', 'findings', 'complications', 'disposition', 'impression', 'anesthesia', 'increased-services']);

/** The shape of a title written without its colon: capitalised words, four at most ("Intraop log", "DEVICE", "Plan"). */
const hasBareTitleShape = (title: string) => /^[A-Z][A-Za-z/ -]*$/.test(title) && wordCount(title) <= 4;

/** A known section title written alone on its line, capitalised, without punctuation ("Intraop log", "INDICATIONS"). */
function bareTitle(line: string): HeadingMatch | undefined {
  if (line.length > MAX_BARE_TITLE_LINE) return undefined;
  const titleStart = skipBlanks(line, 0);
  const title = line.trimEnd().slice(titleStart);
  // A parenthesis may name the modifier or the side: "INCREASED PROCEDURAL SERVICES (MODIFIER 22)".
  const plain = title.includes('(') ? title.replace(/\([^()]*\)/g, '').replace(/\s+/g, ' ').trim() : title;
  if (plain.length > MAX_BARE_TITLE || !hasBareTitleShape(plain)) return undefined;
  // In capitals alone on its line ("DEVICE"), any known title is a heading; in other case only those no list line is.
  const id = canonicalSectionId(title);
  if (id === undefined || !(BARE_TITLE_SECTIONS.has(id) || (plain.length >= 3 && /^[A-Z][A-Z/ -]*$/.test(plain)))) return undefined;
  const titleEnd = titleStart + title.length;
  return { style: 'dictation', level: 1, title, titleStart, titleEnd, headingStart: titleStart, headingEnd: titleEnd };
}

/**
 * A field a template answers on its line ("Modifier 22 requested: No", "Increased services: N/A")
 * tells that there is nothing to justify: it opens no section that would take the lines below it.
 */
const ANSWER_ONLY = /^(?:yes|no|none|n\/?a|not (?:requested|applicable|needed|required|used|done)|_+|-+)\.?$/i;
/** A fact's own title answered on its line ("Fluoroscopy: Yes (14 s)", "Testing: positive", "Modifier 22: [ ] Yes  [x] N/A"): a field, whose key is the fact. */
const ANSWER_FIRST = /^(?:\[[ xX]\]\s*|[☐☒☑]\s*)?(?:yes|no|none|n\/?a|positive|negative|done|performed|ok)\b/i;
const ANSWERED_SECTIONS = new Set(['increased-services', 'imaging', 'testing']);

function isAnsweredField(line: string, title: string, headingEnd: number): boolean {
  if (!ANSWERED_SECTIONS.has(canonicalSectionId(title) ?? '')) return false;
  // Options left unchecked are no answer: "[ ] Yes  [x] N/A" answers N/A.
  const value = line.slice(headingEnd).replace(/(?:\[ \]|☐)\s*[\w/]+/g, '').replace(/\[[xX]\]|[☒☑]/g, '').trim();
  return ANSWER_ONLY.test(value) || isLoneEmptyBox(value) || ANSWER_FIRST.test(line.slice(headingEnd).trim());
}

/** A capitalised label in a report's label column, its value after a gap: "INCREASED      SKIN-TO-SKIN 85 MINUTES". */
const COLUMN_LABEL = /^([A-Z][A-Z/&-]{1,30}(?: [A-Z/&-]{1,30}){0,2})[ \t]{2,}(?=\S)/;

/**
 * A fixed-width report wraps a long label inside its column: "INCREASED      SKIN-TO-SKIN 85 ..."
 * over "SERVICES:      (50 MINUTES MORE) ...". When the title on `line` is unknown alone and known
 * after the label above it, whose value starts in the same column, it is the whole label's heading.
 */
export function wrappedLabelHeading(previous: string, line: string, heading: HeadingMatch): HeadingMatch | undefined {
  if (heading.style !== 'dictation' || heading.titleStart !== 0 || canonicalSectionId(heading.title) !== undefined) return undefined;
  const label = COLUMN_LABEL.exec(previous);
  if (!label || skipBlanks(line, heading.headingEnd) !== label[0].length) return undefined;
  const title = `${label[1]} ${heading.title}`;
  if (canonicalSectionId(title) === undefined) return undefined;
  return { ...heading, title };
}

// A capitalised label of a few words that opens a paragraph ("Hospital course: Mr. T. is ...",
// "SAPHENOUS NERVE (right):" on its own line): the paragraph's own title, even one the synonym table
// does not know.
const PARAGRAPH_TITLE = /^[A-Z][A-Za-z'&-]*(?: [A-Za-z0-9'&/().-]+){0,4}$/;

/**
 * An HL7 v2 text observation exported line by line ("OBX|3|TX|PROC^Procedure||US-guided ...||||||F"):
 * the observation's name (the text after `^` in its identifier) titles the value that follows.
 */
const OBSERVATION = /^OBX\|\d{1,3}\|[A-Z]{2}\|[^|^]{0,20}\^([^|^]{1,59})[^|]{0,40}\|[^|]{0,20}\|/;

function observationHeading(line: string): HeadingMatch | undefined {
  const match = OBSERVATION.exec(line);
  if (!match) return undefined;
  const titleStart = match[0].indexOf('^') + 1;
  return { style: 'dictation', level: 1, title: match[1], titleStart, titleEnd: titleStart + match[1].length, headingStart: 0, headingEnd: match[0].length };
}

/** A known title in bold alone on its line, as a Markdown export writes it: "**Plan**". */
function boldTitle(line: string): HeadingMatch | undefined {
  const bold = /^([ \t]{0,3})\*\*([^*\n]{1,40})\*\*[ \t]*$/.exec(line);
  if (!bold) return undefined;
  const title = bold[2].trim();
  const titleStart = bold[1].length + 2 + (bold[2].length - bold[2].trimStart().length);
  if (!hasBareTitleShape(title) || canonicalSectionId(title) === undefined) return undefined;
  return { style: 'dictation', level: 1, title, titleStart, titleEnd: titleStart + title.length, headingStart: bold[1].length, headingEnd: line.trimEnd().length };
}

/** A known title that opens its paragraph with a full stop, as a letter or a dictation writes it: "Procedure. Under local anesthesia ...". */
function periodTitle(line: string, titleStart: number): HeadingMatch | undefined {
  const stop = line.indexOf('. ', titleStart);
  if (stop < 0 || stop - titleStart > MAX_BARE_TITLE) return undefined;
  const title = line.slice(titleStart, stop);
  if (!hasBareTitleShape(title) || !BARE_TITLE_SECTIONS.has(canonicalSectionId(title) ?? '')) return undefined;
  return { style: 'dictation', level: 1, title, titleStart, titleEnd: stop, headingStart: titleStart, headingEnd: stop + 1 };
}

/** `paragraphStart`: the line follows a blank line (or opens the body). */
export function matchHeading(line: string, paragraphStart = false): HeadingMatch | undefined {
  // Every heading has a `#` (Markdown) or a `:` (dictation), or is a known title alone on its line
  // (EHR exports: "Intraop log"); most lines are none of these.
  if (line.startsWith('OBX|')) return observationHeading(line);
  if (line.indexOf(':') < 0 && line.indexOf('#') < 0) return bareTitle(line) ?? boldTitle(line) ?? (paragraphStart ? periodTitle(line, skipBlanks(line, 0)) : undefined);
  const markdown = markdownHeading(line);
  if (markdown) return markdown;
  const lineStart = afterQuoteMarks(line, skipBlanks(line, 0));
  const capsStart = afterListNumber(line, lineStart);
  const caps = dictationTitle(line, capsStart, CAPS_TITLE);
  if (caps) {
    const title = line.slice(capsStart, caps.titleEnd);
    if (isAnsweredField(line, title, caps.headingEnd)) return undefined;
    if (/[A-Z]{2}/.test(title) && wordCount(title) <= 8) return { style: 'dictation', level: 1, title, titleStart: capsStart, titleEnd: caps.titleEnd, headingStart: line.search(/\S/), headingEnd: caps.headingEnd };
  }
  const known = dictationTitle(line, lineStart, KNOWN_TITLE_WITH_ASIDE);
  if (known) {
    const title = line.slice(lineStart, known.titleEnd);
    if (wordCount(title) <= 8 && canonicalSectionId(title) !== undefined && !isAnsweredField(line, title, known.headingEnd)) return { style: 'dictation', level: 1, title, titleStart: lineStart, titleEnd: known.titleEnd, headingStart: lineStart, headingEnd: known.headingEnd };
  }
  const dotted = paragraphStart ? periodTitle(line, lineStart) : undefined;
  if (dotted) return dotted;
  const labelled = paragraphStart ? dictationTitle(line, lineStart, PARAGRAPH_TITLE) : undefined;
  // A time ("at 10:30") is no label: the colon of a label has a blank after it.
  if (labelled && /^(?:[ \t]+\S|[ \t]*$)/.test(line.slice(labelled.headingEnd))) {
    const title = line.slice(lineStart, labelled.titleEnd);
    return { style: 'dictation', level: 1, title, titleStart: lineStart, titleEnd: labelled.titleEnd, headingStart: lineStart, headingEnd: labelled.headingEnd };
  }
  return undefined;
}
