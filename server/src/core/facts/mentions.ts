import { createContextEngine, splitSentences, type ContextEngine } from '../context';
import { DEFAULT_TRIGGERS, type Trigger } from '../context/triggers';
import type { Span } from '../text/span';
import * as lexicon from './lexicon';
import type { ConceptPattern } from './lexicon';
import { LiteralPrefilter } from './prefilter';
import type { Region, RegionRole } from './regions';
import type { EvidenceStatus } from './types';

/** One sentence of the note with where it sits. */
export interface Sentence {
  readonly text: string;
  /** Offset of `text` in the document. */
  readonly start: number;
  readonly role: RegionRole;
  /** Lexicon patterns that may match in `text` (a LiteralPrefilter bit set); the others are not run. */
  readonly candidates: Uint32Array;
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

/** Availability is not use: "ultrasound was unavailable" does not document ultrasound guidance. */
const AVAILABILITY: readonly Trigger[] = ['unavailable', 'not available', 'was down', 'malfunctioned', 'malfunctioning', 'out of service'].map((phrase) => ({ phrase, kind: 'post-negation' }));

const engine: ContextEngine = createContextEngine([...DEFAULT_TRIGGERS, ...AVAILABILITY]);

const MAX_SENTENCE = 2000;

/** Every pattern the lexicon exports, alone, in a list of concept patterns or in a record of them. */
function lexiconPatterns(): RegExp[] {
  const patterns: RegExp[] = [];
  const add = (value: unknown, depth: number): void => {
    if (value instanceof RegExp) patterns.push(value);
    else if (depth > 0 && Array.isArray(value)) value.forEach((item) => add(item, depth - 1));
    else if (depth > 0 && value && typeof value === 'object') Object.values(value).forEach((item) => add(item, depth - 1));
  };
  add(lexicon, 3);
  return patterns;
}

const prefilter = new LiteralPrefilter(lexiconPatterns());

export function sentencesOf(text: string, regions: readonly Region[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const region of regions) {
    for (const span of splitSentences(text, region.span.start, region.span.end)) {
      // Very long "sentences" (tables, junk) are read in slices so matching stays linear.
      for (let at = span.start; at < span.end; at += MAX_SENTENCE) {
        const end = Math.min(span.end, at + MAX_SENTENCE);
        sentences.push({ text: text.slice(at, end), start: at, role: region.role, candidates: prefilter.scan(text, at, end) });
      }
    }
  }
  return sentences;
}

function statusOf(sentence: Sentence, start: number, end: number): EvidenceStatus {
  const context = engine.assess(sentence.text, start, end);
  if (context.experiencer === 'other') return 'other-experiencer';
  if (context.negated) return 'negated';
  if (context.hypothetical) return 'hypothetical';
  if (context.historical) return 'historical';
  return 'affirmed';
}

/**
 * Every match of a concept family in the sentences, with its context status. Patterns earlier in the
 * list win where matches overlap ("superficial peroneal nerve" is not also "peroneal nerve").
 */
export function findMatches<T extends string>(sentences: readonly Sentence[], patterns: readonly ConceptPattern<T>[]): Match<T>[] {
  const found: Match<T>[] = [];
  const ids = patterns.map(({ pattern }) => prefilter.idOf(pattern));
  for (const sentence of sentences) {
    const taken: Span[] = [];
    for (let index = 0; index < patterns.length; index++) {
      // A pattern with none of its literals in the sentence cannot match there.
      if (!LiteralPrefilter.has(sentence.candidates, ids[index])) continue;
      const { value, pattern } = patterns[index];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(sentence.text); match; match = pattern.exec(sentence.text)) {
        if (match[0] === '') {
          pattern.lastIndex++;
          continue;
        }
        const start = match.index;
        const end = start + match[0].length;
        if (taken.some((span) => start < span.end && span.start < end)) continue;
        taken.push({ start, end });
        found.push({
          value,
          span: { start: sentence.start + start, end: sentence.start + end },
          status: statusOf(sentence, start, end),
          role: sentence.role,
          text: match[0],
          groups: match.slice(1),
        });
      }
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

export function findPattern(sentences: readonly Sentence[], pattern: RegExp, value = 'match'): Match[] {
  return findMatches(sentences, [{ value, pattern }]);
}

/** Matches about the procedure of this note: affirmed, in a current-procedure region. */
export function current<T extends string>(matches: readonly Match<T>[]): Match<T>[] {
  return matches.filter((match) => match.status === 'affirmed' && (match.role === 'current' || match.role === 'increased'));
}
