import { createAssertionEngine, splitSentences, type AssertionEngine } from '../assertion';
import { DEFAULT_TRIGGERS, type Trigger } from '../assertion/triggers';
import type { TableCell } from '../parse/tables';
import { templateSpans, type TemplateMark, type TemplateSpan } from '../parse/template';
import type { Span } from '../text/span';
import type { Steps } from '../text/steps';
import * as lexicon from './lexicon';
import type { ConceptPattern } from './lexicon';
import { LiteralPrefilter } from '../prefilter/literalPrefilter';
import { lazy } from '../knowledge/builtinData';
import { memoMatches, rememberMatches, type RegionMemo, type RegionMemos, type SentenceMatch, type SentenceMemo } from './sentenceMemo';
import type { Region, RegionRole } from './regions';
import type { EvidenceStatus } from './types';
import { windowsOf } from './windows';

/** One sentence of the note with where it sits. */
export interface Sentence {
  readonly text: string;
  /** Offset of `text` in the document. */
  readonly start: number;
  readonly role: RegionRole;
  /** What is known of this text already: the patterns that may match in it, the matches found so far. */
  readonly memo: SentenceMemo;
  /** The ConText engine's reading of the sentence during this analysis (see AssertionEngine.assess). */
  context?: unknown;
  /** Template spans (unchecked options, fields answered "No", "N/A" or blank), in sentence offsets. */
  readonly template?: readonly TemplateSpan[];
  /** What the engine reads of a template line with unchosen options, made on first use (see engineView). */
  templateView?: { readonly text: string; readonly slot: SentenceSlot };
  /** The reading this sentence belongs to: the whole list, with its candidate index on a long note. */
  readonly reading: Reading;
  /** For a cell of a header table, its column's header: the cell is read as the field "label: text". */
  readonly label?: string;
  /** For a cell of a table row told as not done ("planned, not placed"), what is read in any of its cells is only planned. */
  readonly rowNotDone?: boolean;
}

/** One reading of a note: its sentences and, for a long note, which of them each pattern may match in. */
interface Reading {
  readonly sentences: readonly Sentence[];
  /** Per prefilter id, the positions of the sentences that may match it. */
  byPattern?: Int32Array[];
}

export interface Match<T extends string = string> {
  readonly value: T;
  readonly span: Span;
  readonly status: EvidenceStatus;
  readonly role: RegionRole;
  /** The matched text, for values read out of it (counts, durations). */
  readonly text: string;
  readonly groups: readonly (string | undefined)[];
}

const AVAILABILITY_WINDOW = 3;

/**
 * Availability is not use: "ultrasound was unavailable" does not document ultrasound guidance. What is
 * unavailable stands right before ("the C-arm was down"), not the list before it ("Tried gabapentin, PT, cryo not available").
 */
const AVAILABILITY: readonly Trigger[] = ['unavailable', 'not available', 'was down', 'malfunctioned', 'malfunctioning', 'out of service'].map((phrase) => ({ phrase, kind: 'post-negation', maxWords: AVAILABILITY_WINDOW }));

const engine: AssertionEngine = createAssertionEngine([...DEFAULT_TRIGGERS, ...AVAILABILITY]);

/** Every concept family the lexicon exports, as findMatches is given it: each list of concept patterns, each pattern alone (also in a record of them). */
function lexiconFamilies(): (readonly ConceptPattern[])[] {
  const families: (readonly ConceptPattern[])[] = [];
  const isFamily = (value: unknown): value is readonly ConceptPattern[] => Array.isArray(value) && value.length > 0 && value.every((item) => item?.pattern instanceof RegExp);
  for (const value of Object.values(lexicon)) {
    if (value instanceof RegExp) families.push([{ value: 'match', pattern: value }]);
    else if (isFamily(value)) families.push(value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const member of Object.values(value)) if (member instanceof RegExp) families.push([{ value: 'match', pattern: member }]);
    }
  }
  return families;
}

const FAMILIES = lexiconFamilies();

/**
 * Immutable once built (on first use): the same lexicon gives the same automaton, so every service
 * instance shares it; what a service remembers of the text it read is its own RegionMemos.
 */
const prefilter = new LiteralPrefilter(FAMILIES.flatMap((family) => family.map(({ pattern }) => pattern)));

/**
 * The sentences of the regions, found through `memos` where the same text was read before; a step
 * after each sentence (or window of a long one) read anew, and after each one placed in the note.
 */
export function* readSentences(text: string, regions: readonly Region[], memos: RegionMemos, tableCells: readonly TableCell[] = []): Steps<Sentence[]> {
  const sentences: Sentence[] = [];
  const reading: Reading = { sentences };
  let cellAt = 0;
  for (const region of regions) {
    const { start, end } = region.span;
    // Splitting reads the region, the start of its first line and one character past its end.
    const from = start === 0 ? 0 : Math.min(start, text.lastIndexOf('\n', start - 1) + 1);
    const key = text.slice(from, Math.min(text.length, end + 1));
    const memo = memos.find(key, start - from, end - start) ?? memos.keep(key, { offset: start - from, length: end - start, ...(yield* readRegion(text, start, end)) });
    for (let i = 0; i < memo.starts.length; i++) {
      const at = start + memo.starts[i];
      const sentenceText = text.slice(at, at + memo.lengths[i]);
      while (cellAt < tableCells.length && tableCells[cellAt].span.start < at) cellAt++;
      const pieces = cellPieces(text, at, at + sentenceText.length, tableCells, cellAt);
      if (pieces) {
        for (const piece of pieces) sentences.push('label' in piece ? cellSentence(text, piece, region.role, reading) : pieceSentence(text, piece, region.role, reading));
        yield;
        continue;
      }
      const template = memoTemplate(memo.memos[i], text, at, at + sentenceText.length);
      sentences.push({ text: sentenceText, start: at, role: region.role, memo: memo.memos[i], reading, ...(template.length ? { template } : {}) });
      yield;
    }
  }
  if (sentences.length >= INDEXED_SENTENCES) reading.byPattern = candidateIndex(sentences);
  return sentences;
}

/**
 * A sentence that holds cells of a header table, in pieces: each cell, and the text between them that
 * is more than cell separators (the header row, when the splitter joined it to the rows). Undefined
 * when the sentence holds no cell.
 */
function cellPieces(text: string, start: number, end: number, cells: readonly TableCell[], from: number): (TableCell | Span)[] | undefined {
  const pieces: (TableCell | Span)[] = [];
  let at = start;
  const between = (to: number, header?: Span) => {
    const gap = text.slice(at, to);
    const piece = { start: at + (gap.length - gap.trimStart().length), end: at + gap.trimEnd().length };
    // The header row names the columns; it tells nothing itself.
    if (!BETWEEN_CELLS.test(gap) && !(header && header.start <= piece.start && piece.end <= header.end)) pieces.push(piece);
  };
  for (let index = from; index < cells.length && cells[index].span.end <= end; index++) {
    between(cells[index].span.start, cells[index].header);
    pieces.push(cells[index]);
    at = cells[index].span.end;
  }
  if (at === start) return undefined;
  between(end);
  return pieces;
}

const BETWEEN_CELLS = /^[\s|]*$/;

function pieceSentence(text: string, piece: Span, role: RegionRole, reading: Reading): Sentence {
  const template = templateOf(text, piece.start, piece.end);
  return { text: text.slice(piece.start, piece.end), start: piece.start, role, memo: { candidates: prefilter.scan(text, piece.start, piece.end) }, reading, ...(template.length ? { template } : {}) };
}

function cellSentence(text: string, cell: TableCell, role: RegionRole, reading: Reading): Sentence {
  const labelled = `${cell.label}: ${text.slice(cell.span.start, cell.span.end)}`;
  const template = templateOf(text, cell.span.start, cell.span.end);
  return {
    text: text.slice(cell.span.start, cell.span.end),
    start: cell.span.start,
    role,
    memo: { candidates: prefilter.scan(labelled, 0, labelled.length) },
    reading,
    label: cell.label,
    ...(cell.declined || ROW_NOT_DONE.test(text.slice(cell.row.start, cell.row.end)) ? { rowNotDone: true } : {}),
    ...(template.length ? { template } : {}),
  };
}

const ROW_NOT_DONE = /\b(?:not (?:placed|done|performed|deployed|inserted)|planned|aborted|abandoned|declined|deferred|cancell?ed)\b/i;

/** The sentence's template spans, from its memo when its lines alone gave them (a region read before). */
function memoTemplate(memo: SentenceMemo, text: string, start: number, end: number): readonly TemplateSpan[] {
  if (memo.template) return memo.template;
  let readAbove = false;
  const template = templateOf(text, start, end, () => (readAbove = true));
  if (!readAbove) memo.template = template;
  return template;
}

/** The template spans of the sentence's lines that overlap it, in sentence offsets. */
function templateOf(text: string, start: number, end: number, readAbove?: () => void): TemplateSpan[] {
  return templateSpans(text, start, end, readAbove)
    .map((span) => ({ start: Math.max(span.start, start) - start, end: Math.min(span.end, end) - start, mark: span.mark }))
    .filter((span) => span.start < span.end);
}

/** An unchecked option, a blank field or a placeholder left to fill is no fact (not even a plan); a field answered "No" is denied. */
const TEMPLATE_STATUS: Readonly<Record<TemplateMark, EvidenceStatus>> = { unchosen: 'unchosen', 'not-applicable': 'unchosen', declined: 'negated' };

function* readRegion(text: string, start: number, end: number): Steps<Omit<RegionMemo, 'offset' | 'length'>> {
  const starts: number[] = [];
  const lengths: number[] = [];
  const memos: SentenceMemo[] = [];
  for (const span of splitSentences(text, start, end)) {
    for (const window of windowsOf(text, span.start, span.end)) {
      starts.push(window.start - start);
      lengths.push(window.end - window.start);
      const candidates = prefilter.scan(text, window.start, window.end);
      memos.push(window.owned < window.end - window.start ? { candidates, owned: window.owned } : { candidates });
      yield;
    }
  }
  return { starts, lengths, memos };
}

/** Below this many sentences a family looks at every sentence's bits; above, an index saves the walk. */
const INDEXED_SENTENCES = 256;

/**
 * For the sentence list of a note, which sentences may match each pattern (by prefilter id): a
 * family then visits only its candidate sentences, not all of a long note's thousands.
 */
function candidateIndex(sentences: readonly Sentence[]): Int32Array[] {
  const words = sentences[0]?.memo.candidates.length ?? 0;
  const counts = new Int32Array(words * 32);
  const each = (visit: (id: number, sentence: number) => void) =>
    sentences.forEach((sentence, at) => {
      const bits = sentence.memo.candidates;
      for (let word = 0; word < words; word++) {
        for (let rest = bits[word]; rest !== 0; rest &= rest - 1) visit(word * 32 + (31 - Math.clz32(rest & -rest)), at);
      }
    });
  each((id) => counts[id]++);
  const lists = Array.from(counts, (count) => new Int32Array(count));
  counts.fill(0);
  each((id, at) => (lists[id][counts[id]++] = at));
  return lists;
}

/** The sentences of a family, in order: from the note's candidate index when there is one. */
function candidates(sentences: readonly Sentence[], ids: readonly number[], mask: Int32Array | null): Iterable<Sentence> {
  // Only the whole list of a reading has an index; a part of it (one role's sentences) is walked.
  const index = mask === null || sentences[0]?.reading.sentences !== sentences ? undefined : sentences[0].reading.byPattern;
  if (!index) return sentences.filter((sentence) => LiteralPrefilter.mayAny(sentence.memo.candidates, mask));
  if (ids.length === 1) return Array.from(index[ids[0]] ?? [], (at) => sentences[at]);
  const marked = new Uint8Array(sentences.length);
  for (const id of ids) for (const at of index[id] ?? []) marked[at] = 1;
  const found: Sentence[] = [];
  for (let at = 0; at < marked.length; at++) if (marked[at] === 1) found.push(sentences[at]);
  return found;
}

/** Where the engine keeps what it read of a sentence. */
type SentenceSlot = { context?: unknown };

/** What the engine reads of a template line: an unchosen option is no text ("☒ Ultrasound ☐ None" does not deny the ultrasound). */
function engineView(sentence: Sentence): { readonly text: string; readonly slot: SentenceSlot } {
  const unchosen = sentence.template?.filter((span) => span.mark === 'unchosen');
  if (!unchosen?.length) return { text: sentence.text, slot: sentence };
  if (!sentence.templateView) {
    let text = sentence.text;
    for (const span of unchosen) text = text.slice(0, span.start) + ' '.repeat(span.end - span.start) + text.slice(span.end);
    sentence.templateView = { text, slot: {} };
  }
  return sentence.templateView;
}

function statusOf(sentence: Sentence, start: number, end: number): EvidenceStatus {
  const template = sentence.template?.find((span) => span.start <= start && end <= span.end);
  if (template) return TEMPLATE_STATUS[template.mark];
  // A word taken back as it is said ("under fluoroscopy, strike that, under ultrasound") is no fact.
  if (SPOKEN_CORRECTION.test(sentence.text.slice(end, end + SPOKEN_CORRECTION_REACH))) return 'unchosen';
  // The sentence record (not its memo) keeps the tokens: they are only needed while it is read.
  const view = engineView(sentence);
  const context = engine.assess(view.text, start, end, view.slot);
  if (context.experiencer === 'other') return 'other-experiencer';
  if (context.negated) return 'negated';
  if (context.hypothetical) return 'hypothetical';
  if (context.historical) return 'historical';
  return 'affirmed';
}

const SPOKEN_CORRECTION = /^[\s,;:–—-]{0,3}(?:[\w-]+[\s,]{1,3}){0,2}?(?:correction|strike that|scratch that|delete that|i mean)\b/i;
const SPOKEN_CORRECTION_REACH = 48;

/**
 * Every match of a concept family in the sentences, with its context status. Patterns earlier in the
 * list win where matches overlap ("superficial peroneal nerve" is not also "peroneal nerve").
 */
export function findMatches<T extends string>(sentences: readonly Sentence[], patterns: readonly ConceptPattern<T>[]): Match<T>[] {
  const found: Match<T>[] = [];
  const { ids, mask, family } = planOf(patterns);
  // The end of the matches so far: a window of a long sentence skips what the window before it found.
  let reach = 0;
  for (const sentence of candidates(sentences, ids, mask)) {
    const matches = memoMatches(sentence.memo, family) ?? matchAndRemember(sentence, patterns, ids, family);
    const floor = reach;
    for (const match of matches) {
      if (sentence.start + match.start < floor) continue;
      reach = Math.max(reach, sentence.start + match.end);
      found.push({
        value: patterns[match.pattern].value,
        span: { start: sentence.start + match.start, end: sentence.start + match.end },
        status: match.status as EvidenceStatus,
        role: sentence.role,
        text: match.text,
        groups: match.groups,
      });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

interface Plan {
  readonly ids: number[];
  readonly mask: Int32Array | null;
  readonly family: object;
}

/** How a family is matched: its patterns' prefilter ids and mask, and the key of its matches in a sentence memo. */
function planOf(patterns: readonly ConceptPattern[]): Plan {
  // The family's matches depend on its patterns alone (not on the values they stand for).
  const family = patterns.length === 1 ? patterns[0].pattern : patterns;
  return PLANS().get(family) ?? newPlan(patterns, family);
}

function newPlan(patterns: readonly ConceptPattern[], family: object): Plan {
  return { ids: patterns.map(({ pattern }) => prefilter.idOf(pattern)), mask: prefilter.maskOf(patterns.map(({ pattern }) => pattern)), family };
}

/**
 * The plan of every lexicon family, made once: findMatches runs tens of times per note. Made on
 * first use, with the prefilter they need: a process that reads no note (`opnote --version`, a
 * server before its first document) does not build it.
 */
const PLANS: () => ReadonlyMap<object, Plan> = lazy(
  () =>
    new Map(
      FAMILIES.map((patterns) => {
        const family = patterns.length === 1 ? patterns[0].pattern : patterns;
        return [family, newPlan(patterns, family)] as const;
      }),
    ),
);

function matchAndRemember(sentence: Sentence, patterns: readonly ConceptPattern[], ids: readonly number[], family: object): readonly SentenceMatch[] {
  const matches = matchSentence(sentence, patterns, ids);
  rememberMatches(sentence.memo, family, matches);
  return matches;
}

/**
 * Matches every lexicon family in the sentences ahead of the facts derivation and keeps the matches
 * in the sentence memos, a step after each sentence matched: on a long note this is most of the
 * checking time, and the language server spreads it over slices; the derivation that follows finds
 * every match in the memos. The matches are the ones findMatches would find: only their time moves.
 */
export function* matchAhead(sentences: readonly Sentence[]): Steps<void> {
  // A pattern without the g flag is a plain test (ACCESSORY_INCISION), never a family to match.
  for (const patterns of FAMILIES.filter((family) => family.every(({ pattern }) => pattern.global))) {
    const { ids, mask, family } = planOf(patterns);
    for (const sentence of candidates(sentences, ids, mask)) {
      if (memoMatches(sentence.memo, family)) continue;
      matchAndRemember(sentence, patterns, ids, family);
      yield;
    }
  }
}

/** One sentence's matches of a family, in pattern order; earlier patterns win where matches overlap. */
function matchSentence(sentence: Sentence, patterns: readonly ConceptPattern[], ids: readonly number[]): SentenceMatch[] {
  const matches: SentenceMatch[] = [];
  const taken: Span[] = [];
  // A table cell is read under its column's header ("Side: R"); offsets stay the cell's own.
  const read = sentence.label === undefined ? sentence.text : `${sentence.label}: ${sentence.text}`;
  const shift = read.length - sentence.text.length;
  const owned = shift + (sentence.memo.owned ?? sentence.text.length);
  for (let index = 0; index < patterns.length; index++) {
    // A pattern with none of its literals in the sentence cannot match there.
    if (!LiteralPrefilter.has(sentence.memo.candidates, ids[index])) continue;
    const { pattern } = patterns[index];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(read); match && match.index < owned; match = pattern.exec(read)) {
      if (match[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      const inHeader = match.index + match[0].length <= shift;
      // The header names a thing the cell answers: "IPG" over "No" denies an IPG, over "Yes" affirms it.
      const answer = inHeader ? cellAnswer(sentence.text) : undefined;
      if (inHeader && answer === undefined) continue;
      const start = inHeader ? 0 : Math.max(0, match.index - shift);
      const end = inHeader ? sentence.text.length : match.index + match[0].length - shift;
      if (taken.some((span) => start < span.end && span.start < end)) continue;
      taken.push({ start, end });
      matches.push({ pattern: index, start, end, status: answer ?? (sentence.rowNotDone ? 'hypothetical' : statusOf(sentence, start, end)), text: inHeader ? match[0] : read.slice(start + shift, end + shift), groups: match.slice(1) });
    }
  }
  return matches;
}

/** A cell that answers its column's header, alone or before its detail: "No", "none - landmark technique", "yes 1.0 mA". */
function cellAnswer(cell: string): EvidenceStatus | undefined {
  const word = CELL_ANSWER_WORD.exec(cell);
  return word ? CELL_ANSWER[word[1].toLowerCase()] : undefined;
}

const CELL_ANSWER_WORD = /^\s*(yes|no|none|n\/a|na|y|n)(?=$|[\s,;:(–—-])/i;
const CELL_ANSWER: Readonly<Record<string, EvidenceStatus>> = { yes: 'affirmed', y: 'affirmed', no: 'negated', n: 'negated', none: 'negated', 'n/a': 'unchosen', na: 'unchosen' };

export function findPattern(sentences: readonly Sentence[], pattern: RegExp, value = 'match'): Match[] {
  return findMatches(sentences, [{ value, pattern }]);
}

/** Matches about the procedure of this note: affirmed, in a current-procedure region. */
export function current<T extends string>(matches: readonly Match<T>[]): Match<T>[] {
  return matches.filter((match) => match.status === 'affirmed' && (match.role === 'current' || match.role === 'increased'));
}
