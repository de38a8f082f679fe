// The X12 segment tokenizer: delimiters from the ISA, then segments and their elements as offsets into
// the original text, so that every finding lands on the segment or element it is about. Never throws.
import type { Span } from '../../text/span';
import type { ParseProblem } from '../model';

export interface X12Delimiters {
  readonly element: string;
  readonly component: string;
  /** ISA11 in version 00501 and later; undefined when ISA11 is the 00401 standards identifier `U`. */
  readonly repetition?: string;
  readonly segment: string;
}

export interface X12Segment {
  /** The segment id as written (`CLM`, `SV1`); may be malformed, see `validSegmentId`. */
  readonly id: string;
  /** The segment without its terminator. */
  readonly span: Span;
  /** Element spans; index 0 is the id, so `elements[1]` is CLM01. */
  readonly elements: readonly Span[];
}

/** The ISA is 16 elements; its last one (ISA16) is the component separator, followed by the segment terminator. */
const ISA_ELEMENTS = 16;
const DEFAULT_DELIMITERS: X12Delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };
const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

function validSegmentId(id: string): boolean {
  return SEGMENT_ID.test(id);
}

/** Where the first segment starts: past a byte-order mark and white space. */
function firstSegmentStart(text: string): number {
  let at = 0;
  while (at < text.length && /[\uFEFF\s]/.test(text[at])) at++;
  return at;
}

/** True when the text starts with an ISA segment (after a byte-order mark and white space). */
export function startsWithIsa(text: string): boolean {
  const at = firstSegmentStart(text);
  return text.startsWith('ISA', at) && at + 3 < text.length && !/[A-Za-z0-9\s]/.test(text[at + 3]);
}

/**
 * The delimiters the ISA declares: the element separator right after `ISA`, the component separator
 * (ISA16) after the sixteenth element separator, the segment terminator after it. Without a usable
 * ISA the common delimiters (`*`, `:`, `^`, `~`) are assumed and one problem says so.
 */
export function readDelimiters(text: string, problems: ParseProblem[]): X12Delimiters {
  const start = firstSegmentStart(text);
  const head = { start, end: Math.min(text.length, start + 3) };
  if (!startsWithIsa(text)) {
    problems.push({ rule: 'x12-syntax', span: head, message: 'An X12 file starts with an ISA segment, which declares the delimiters; none was found, so `*`, `:`, `^` and `~` are assumed.' });
    return DEFAULT_DELIMITERS;
  }
  const element = text[start + 3];
  const separators: number[] = [];
  // A lenient reader: the ISA is fixed-length in the standard, but padding mistakes are common.
  for (let at = start + 3; at < text.length && separators.length < ISA_ELEMENTS && at < start + 200; at++) {
    if (text[at] === element) separators.push(at);
  }
  const last = separators[ISA_ELEMENTS - 1];
  const component = last === undefined ? undefined : text[last + 1];
  const segment = last === undefined ? undefined : text[last + 2];
  if (last === undefined || component === undefined || segment === undefined || new Set([element, component, segment]).size < 3 || /[A-Za-z0-9 ]/.test(component + segment)) {
    const end = last === undefined ? Math.min(text.length, start + 106) : Math.min(text.length, last + 3);
    problems.push({ rule: 'x12-syntax', span: { start, end }, message: 'The ISA segment does not declare its delimiters as X12 requires (16 elements, then the component separator and the segment terminator); `*`, `:`, `^` and `~` are assumed.' });
    return { ...DEFAULT_DELIMITERS, element: /[A-Za-z0-9\s]/.test(element) ? '*' : element };
  }
  const isa11 = text.slice(separators[10] + 1, separators[11]);
  const repetition = isa11.length === 1 && !/[A-Za-z0-9 ]/.test(isa11) && isa11 !== component && isa11 !== segment ? isa11 : undefined;
  return { element, component, segment, ...(repetition ? { repetition } : {}) };
}

/**
 * Calls `visit` for each segment in order. Segments may sit on one line or many (white space and line
 * breaks between segments are skipped); a last segment without its terminator is still read, with a problem.
 */
export function forEachSegment(text: string, delimiters: X12Delimiters, problems: ParseProblem[], visit: (segment: X12Segment) => void): void {
  const { segment: terminator, element } = delimiters;
  let at = firstSegmentStart(text);
  while (at < text.length) {
    while (at < text.length && isBlank(text.charCodeAt(at)) && text[at] !== terminator) at++;
    if (at >= text.length) return;
    const found = text.indexOf(terminator, at);
    let end = found < 0 ? text.length : found;
    // With a line-break terminator, the \r of a CRLF file belongs to the break, not the segment.
    while (end > at && isBlank(text.charCodeAt(end - 1))) end--;
    if (end > at) {
      const segment = splitSegment(text, at, end, element);
      if (found < 0) problems.push({ rule: 'x12-syntax', span: segment.span, message: `This segment has no segment terminator (\`${printable(terminator)}\`, declared by the ISA): the file may be cut short.` });
      if (!validSegmentId(segment.id)) problems.push({ rule: 'x12-syntax', span: segment.elements[0].end > segment.elements[0].start ? segment.elements[0] : segment.span, message: 'This is not an X12 segment: a segment starts with its id (two or three capital letters or digits, e.g. `CLM`, `SV1`) and the element separator.' });
      visit(segment);
    }
    if (found < 0) return;
    at = found + terminator.length;
  }
}

function splitSegment(text: string, start: number, end: number, element: string): X12Segment {
  const elements = splitSpan(text, { start, end }, element);
  return { id: text.slice(elements[0].start, elements[0].end), span: { start, end }, elements };
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** A delimiter as a message shows it (line breaks and control characters by name, never file content). */
function printable(delimiter: string): string {
  if (delimiter === '\n') return '\\n';
  if (delimiter === '\r') return '\\r';
  const code = delimiter.charCodeAt(0);
  return code < 32 || code === 127 ? `0x${code.toString(16).padStart(2, '0')}` : delimiter;
}

/** The parts of an element split at a separator (components or repetitions), as spans. */
export function splitSpan(text: string, span: Span, separator: string | undefined): Span[] {
  if (!separator) return [span];
  // A loop bounded by the span, not indexOf: a separator missing from the rest of a large file must not cost a scan per segment.
  const code = separator.charCodeAt(0);
  const parts: Span[] = [];
  let from = span.start;
  for (let at = span.start; at < span.end; at++) {
    if (text.charCodeAt(at) !== code) continue;
    parts.push({ start: from, end: at });
    from = at + 1;
  }
  parts.push({ start: from, end: span.end });
  return parts;
}

/** The segment the offset lies in (its terminator included), or undefined between segments. */
export function segmentAt(text: string, delimiters: X12Delimiters, offset: number): X12Segment | undefined {
  const terminator = delimiters.segment;
  const before = offset > 0 ? text.lastIndexOf(terminator, offset - 1) : -1;
  let start = before < 0 ? firstSegmentStart(text) : before + terminator.length;
  while (start < text.length && isBlank(text.charCodeAt(start)) && text[start] !== terminator) start++;
  const found = text.indexOf(terminator, start);
  let end = found < 0 ? text.length : found;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  if (end <= start || offset < start || offset > end) return undefined;
  return splitSegment(text, start, end, delimiters.element);
}
