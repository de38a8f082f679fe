import type { DocumentModel } from '../parse/model';
import { canonicalSectionId } from '../parse/sectionSynonyms';
import { lineAt, nextOfCharacters, type Span } from '../text/span';

/**
 * What a stretch of the note speaks about. `current` is the procedure done in this note; history and
 * indications describe the past (the trial, failed treatments); the plan describes the future;
 * diagnosis sections name the nerve and side of the condition.
 */
export type RegionRole = 'current' | 'history' | 'plan' | 'diagnosis' | 'increased';

export interface Region {
  readonly span: Span;
  readonly role: RegionRole;
}

const ROLE_BY_SECTION: Readonly<Record<string, RegionRole>> = {
  indications: 'history',
  consent: 'history',
  'preop-dx': 'diagnosis',
  'postop-dx': 'diagnosis',
  diagnosis: 'diagnosis',
  disposition: 'plan',
  impression: 'plan',
  'increased-services': 'increased',
};

function roleOfOther(title: string): RegionRole {
  if (/histor|\bhpi\b|complaint|medication|allerg|review of systems|subjective|\b(?:prior|previous|past|earlier|why|background)\b/i.test(title)) return 'history';
  // "Trial" titles the earlier trial's story, unless the title names today's procedure: "PNS - temporary trial", "Trial lead placement".
  if (/\btrial\b/i.test(title) && !/\b(?:PNS|stimulat\w*|leads?|placement|implant\w*|procedure|op(?:erative)? note)\b/i.test(title)) return 'history';
  // A word, not a part of one: "Stimulator implant" is no plan.
  if (/\bplan(?:s|ned|ning)?\b|\brecommend|\bfollow/i.test(title)) return 'plan';
  if (/diagnos/i.test(title)) return 'diagnosis';
  return 'current';
}

/** The role of a field's text by its key: a known section's, or what the key's words say. */
function roleOfField(key: string): RegionRole {
  const id = canonicalSectionId(key);
  return id === undefined || id === 'other' ? roleOfOther(key) : (ROLE_BY_SECTION[id] ?? 'current');
}

/** A heading's title that goes on past a colon to say something. */
const TITLE_WITH_CONTENT = /:[ \t]*\S/;

/** Where a section's text to read starts: at its title when that says something itself, else at its body. */
export function textStart(section: DocumentModel['sections'][number]): number {
  return section.id === 'other' || TITLE_WITH_CONTENT.test(section.title) ? section.titleSpan.start : section.bodySpan.start;
}

/** The note's body split into regions: the text before the first heading is `current`. */
export function regionsOf(model: DocumentModel): Region[] {
  const bodyStart = model.header.span.end;
  const regions: Region[] = [];
  const first = model.sections[0];
  const read = model.readText ?? model.text;
  const preambleEnd = first ? first.span.start : read.length;
  // A header line of a key OpNote does not know is the note's own text ("PERFORMED: RIGHT GREATER
  // OCCIPITAL PNS, ONE INTEGRATED LEAD" above the body): it is read as a field under its key.
  if (model.kind === 'opnote') {
    for (const field of model.header.fields) if (!field.known) regions.push({ span: field.span, role: roleOfField(field.rawKey) });
  }
  if (preambleEnd > bodyStart) regions.push({ span: { start: bodyStart, end: preambleEnd }, role: 'current' });
  for (const section of model.sections) {
    const role = section.id === 'other' ? roleOfOther(section.title) : (ROLE_BY_SECTION[section.id] ?? 'current');
    // A heading OpNote does not know is read with its text: a field key ("US: SRN under brachioradialis")
    // with its value, a note's title ("# PNS implant") with what it names.
    // So is a heading that states more than its label: "## Procedure: permanent PNS, medial calcaneal nerve".
    const start = textStart(section);
    const { end } = section.bodySpan;
    // "Dx: sural neuralgia" is a field: its value is the line. What follows it, under no heading of its own, is the note's account.
    // So is "Indication: groin pain ..." with its paragraph, and any field up to the next field line ("Consent: written" over "Position: sitting").
    const lineEnd = read.indexOf('\n', start);
    const inline = lineEnd > start && lineEnd < end && read.slice(start, lineEnd).trim() !== '';
    const fieldEnd = !inline || role === 'current' ? -1 : role === 'diagnosis' || TERSE_LABEL.test(section.title.trim()) ? indentedEnd(read, lineEnd, end) : fieldValueEnd(read, lineEnd, end, role === 'history' && section.id === 'indications' ? paragraphEnd(read, start, end) : end);
    if (fieldEnd > 0 && fieldEnd < end && read.slice(fieldEnd, end).trim() !== '') {
      regions.push({ span: { start, end: fieldEnd }, role });
      regions.push({ span: { start: fieldEnd, end }, role: 'current' });
    } else regions.push({ span: { start, end }, role });
  }
  return withCopiedHistory(regions, [...copiedBlocks(read), ...historyFieldLines(read)].sort((a, b) => a.start - b.start));
}

/**
 * Text copied forward from an earlier note ("Copied from 09/15/2026 (Procedure note):", "*** Carried
 * forward from trial note ... ***", "[Prior note 2026-08-10, copied]: ...") tells of that earlier
 * procedure: up to its end marker, else its paragraph, it is history.
 */
function copiedBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  COPY_MARKER.lastIndex = 0;
  let marker = COPY_MARKER.exec(text);
  if (!marker) return blocks;
  // The end markers, found in one pass: each block takes the first one after its opening line.
  const ends = [...text.matchAll(COPY_END)].map((found) => found.index);
  let endAt = 0;
  for (; marker; marker = COPY_MARKER.exec(text)) {
    const start = marker.index;
    const lineEnd = text.indexOf('\n', start);
    const afterMarker = lineEnd < 0 ? text.length : lineEnd;
    while (endAt < ends.length && ends[endAt] < afterMarker) endAt++;
    // An end marker closes the block when it stands within MAX_COPIED characters (before the paragraph's end, or a few paragraphs on).
    const endMarker = endAt < ends.length && ends[endAt] - afterMarker < MAX_COPIED ? ends[endAt] : undefined;
    BLANK_LINE.lastIndex = afterMarker;
    const blank = endMarker === undefined ? BLANK_LINE.exec(text) : null;
    const end = endMarker !== undefined ? lineAt(text, endMarker).end : blank ? blank.index : text.length;
    blocks.push({ start, end });
    COPY_MARKER.lastIndex = Math.max(afterMarker, end);
  }
  return blocks;
}

/** A line that says what follows was copied from an earlier note (not from a template: that is today's). */
const COPY_MARKER = /^[ \t]{0,8}(?:[*\-=>[(]{1,8}[ \t]{0,3})?(?:(?:copied|carried|copy)(?:[ \t-]+forward)?[ \t]+from\b(?![ \t]+(?:a |the )?template)|(?:prior|previous|earlier) note\b|\[?[ \t]*prior note\b[^\]\n]{0,40}\bcopied\b)/gim;
/** The line that closes a copied block: "*** end carried-forward text ***", "--- end copied ---". */
const COPY_END = /^[ \t]{0,8}[*\-=[(]{0,8}[ \t]{0,3}end\b[^\n]{0,40}\b(?:cop|carried|forward|previous|prior)/gim;
/** How far an end marker may stand after its opening line. */
const MAX_COPIED = 4000;
const BLANK_LINE = /\n[ \t]*\n/g;

/**
 * The lines of a history field wherever they stand, a bullet of a list or a table row included ("- PMH: ESRD (L arm
 * AV fistula), CRT-D (left chest)", "PSH: L TKA 2016", "FHx: brother had a DRG stimulator"): each
 * tells of the patient's past or of others, never of today's procedure, up to its line's end and the
 * indented lines that continue it.
 */
function historyFieldLines(text: string): Span[] {
  const lines: Span[] = [];
  // Only a line with a colon (or a table row's bar) can open a field: from one such line to the next.
  const nextMark = nextOfCharacters(text, [':', '|']);
  for (let mark = nextMark(0); mark >= 0; ) {
    const start = text.lastIndexOf('\n', mark - 1) + 1;
    const lineEnd = text.indexOf('\n', mark);
    HISTORY_FIELD.lastIndex = start;
    const opens = HISTORY_FIELD.test(text);
    const end = opens ? indentedEnd(text, lineEnd < 0 ? text.length : lineEnd, text.length) : lineEnd < 0 ? text.length : lineEnd;
    if (opens) lines.push({ start, end });
    mark = end >= text.length ? -1 : nextMark(end + 1);
  }
  return lines;
}

/** A line that opens a history field: past medical, surgical, family or social history, medications, allergies, review of systems. */
const HISTORY_FIELD = /[ \t]{0,8}(?:[-*•][ \t]{1,3}|\|[ \t]{0,3})?(?:PMH|PSH|PMHx|PSHx|FHx?|SHx?|ROS|Past (?:medical|surgical) (?:history|hx)|Family (?:history|hx)|Social (?:history|hx)|Review of systems|Meds|Medications|Allergies)\b[^:|\n]{0,20}[:|]/iy;

/** The regions with the copied blocks in them turned history. */
function withCopiedHistory(regions: Region[], blocks: readonly Span[]): Region[] {
  if (blocks.length === 0) return regions;
  const result: Region[] = [];
  // Both lists run in document order: a block that ends before a region ends before every later one.
  let first = 0;
  for (const region of regions) {
    let at = region.span.start;
    while (first < blocks.length && blocks[first].end <= at) first++;
    for (let index = first; index < blocks.length && blocks[index].start < region.span.end; index++) {
      const block = blocks[index];
      if (block.end <= at) continue;
      if (block.start > at) result.push({ span: { start: at, end: block.start }, role: region.role });
      const end = Math.min(block.end, region.span.end);
      result.push({ span: { start: Math.max(at, block.start), end }, role: 'history' });
      at = end;
    }
    if (at < region.span.end) result.push({ span: { start: at, end: region.span.end }, role: region.role });
  }
  return result;
}

/** Shorthand labels of a terse note ("Hx: ...", "Dx: ...") hold their line; the lines below are the note's own. */
const TERSE_LABEL = /^(?:hx|h\/o|ind|indic)\.?$/i;

/** The end of a line's value with the indented lines that continue it ("Indic: ... 7-day trial" over "  09/2026 -> 70% relief"). */
function indentedEnd(text: string, lineEnd: number, end: number): number {
  let at = lineEnd;
  while (at >= 0 && at < end && INDENTED_TEXT.test(text.slice(at + 1, Math.min(end, at + 1 + MAX_FIELD_LABEL)))) {
    const next = text.indexOf('\n', at + 1);
    at = next < 0 || next > end ? end : next;
  }
  return at;
}

/** A continuation line: indented text that opens no field of its own. */
const INDENTED_TEXT = /^[ \t]+(?![A-Z][A-Za-z0-9 /()#&'-]{0,40}:(?:[ \t]|$))[^\s]/;

/**
 * Where a field's value ends: at the next line that opens a field of its own ("Consent: written ...",
 * then "Monitors: ...", "Position: ..."), or at `limit`. Its continuation lines (indented, or a sentence
 * that runs on) are its value.
 */
function fieldValueEnd(text: string, lineEnd: number, end: number, limit: number): number {
  const stop = Math.min(end, limit);
  for (let newline = lineEnd; newline >= 0 && newline < stop; newline = text.indexOf('\n', newline + 1)) {
    if (FIELD_LINE.test(text.slice(newline + 1, Math.min(stop, newline + 1 + MAX_FIELD_LABEL)))) return newline;
  }
  return limit;
}

/** A line that opens a field: a capitalised label of up to 40 characters and its colon. */
const FIELD_LINE = /^[ \t]{0,3}[A-Z][A-Za-z0-9 /()#&'-]{0,40}:(?:[ \t]|$)/;
const MAX_FIELD_LABEL = 46;

// A log's time stamp opens a new statement after any line: "... trial 07/2026 60% relief" over "0712 time out L tibial n".
const PARAGRAPH_BREAK = /\n[ \t]*\n|[.!?%)][ \t]{0,20}\n(?=[ \t]{0,20}(?:[A-Z]|\d{1,2}[.)][ \t]|\d{1,2}:\d{2}\b|(?:[01]\d|2[0-3])[0-5]\d[ \t]+[A-Za-z]|[-*•][ \t]))|\n(?=[ \t]{0,3}(?:\d{1,2}:\d{2}[ \t]+[A-Za-z]|(?:[01]\d|2[0-3])[0-5]\d[ \t]+[a-z]))/;

/**
 * The end of the paragraph that starts at `start`: its first blank line, or `end`. A line that ends its
 * sentence before a capitalised line, a list item or a time stamp ends it too: dictation wraps mid-sentence, a new line of its own is a new statement.
 */
function paragraphEnd(text: string, start: number, end: number): number {
  const found = PARAGRAPH_BREAK.exec(text.slice(start, end));
  if (!found) return end;
  // A blank line ends the paragraph at its first line break; a sentence mark ends it after the mark.
  return start + found.index + (found[0].startsWith('\n') ? 0 : 1);
}

/** The note text as read (`readText`), with comment lines blanked out (same length, so every offset still holds). */
export function textWithoutComments(model: DocumentModel): string {
  const read = model.readText ?? model.text;
  if (model.comments.length === 0) return read;
  let text = '';
  let at = 0;
  for (const comment of model.comments) {
    text += read.slice(at, comment.span.start) + ' '.repeat(comment.span.end - comment.span.start);
    at = comment.span.end;
  }
  return text + read.slice(at);
}
