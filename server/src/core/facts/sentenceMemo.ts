import type { TemplateSpan } from '../parse/template';

/**
 * What OpNote reads from a stretch of a note depends on its text alone: where its sentences are,
 * which lexicon patterns may match in each (the prefilter bits), and for each concept family the
 * matches with their context status. An editor re-checks the whole note on every keystroke, yet one
 * edit changes one region (the body of one section); every other region is found again by its text,
 * with its sentences, their patterns, matches and ConText, none of it computed again. Results are
 * the same as without the memo; offsets are relative.
 *
 * Memos live in two generations of bounded size: a lookup in the older one moves the memo to the
 * newer; when the newer is full it becomes the older and the older is dropped. Keys are copies, so
 * a memo never keeps a whole (possibly large, long closed) document alive.
 */

/** A match inside one sentence; offsets relative to the sentence start. */
export interface SentenceMatch {
  readonly pattern: number;
  readonly start: number;
  readonly end: number;
  readonly status: string;
  readonly text: string;
  readonly groups: readonly (string | undefined)[];
}

export interface SentenceMemo {
  /** Lexicon patterns that may match in the sentence (a LiteralPrefilter bit set). */
  readonly candidates: Int32Array;
  /** For a window of a long sentence: only matches starting before this offset are its own (see windows.ts). */
  readonly owned?: number;
  /**
   * Per concept family (a pattern list, or a single RegExp: module constants), the sentence's
   * matches, as [family, matches, family, matches, ...]: a sentence meets few families, and a Map
   * per sentence costs more than the search.
   */
  matches?: Array<object | readonly SentenceMatch[]>;
  /** The sentence's template spans (in sentence offsets), kept when they depend on its own lines alone. */
  template?: readonly TemplateSpan[];
}

export function memoMatches(memo: SentenceMemo, family: object): readonly SentenceMatch[] | undefined {
  const pairs = memo.matches;
  if (!pairs) return undefined;
  for (let at = 0; at < pairs.length; at += 2) if (pairs[at] === family) return pairs[at + 1] as readonly SentenceMatch[];
  return undefined;
}

export function rememberMatches(memo: SentenceMemo, family: object, matches: readonly SentenceMatch[]): void {
  (memo.matches ??= []).push(family, matches);
}

/** The sentences of one region: where each starts (relative to the region) and how long it is. */
export interface RegionMemo {
  /** Where the region starts and how long it is, inside the text it was found by. */
  readonly offset: number;
  readonly length: number;
  readonly starts: readonly number[];
  readonly lengths: readonly number[];
  readonly memos: readonly SentenceMemo[];
}

/** How much a RegionMemos remembers per generation; 0 regions remembers nothing. */
interface RegionMemoLimits {
  readonly regions: number;
  readonly characters: number;
}

/** Per generation; an editor with a few long notes open stays well inside. */
const EDITOR_MEMO_LIMITS: RegionMemoLimits = { regions: 8192, characters: 4_000_000 };

/**
 * A batch run that reads every note once (the CLI) gains nothing from the memo and saves its memory
 * and collection time.
 */
export const NO_MEMO: RegionMemoLimits = { regions: 0, characters: 0 };

/** A copy of `text` that does not keep the string it was sliced from alive. */
function detach(text: string): string {
  return ` ${text}`.slice(1);
}

export class RegionMemos {
  private newer = new Map<string, RegionMemo>();
  private older = new Map<string, RegionMemo>();
  private characters = 0;

  constructor(private readonly limits: RegionMemoLimits = EDITOR_MEMO_LIMITS) {}

  /**
   * The remembered memo of the region at [offset, offset + length) of `key`, the text its sentences
   * depend on, if it fits (a lookup in the older generation moves it to the newer).
   */
  find(key: string, offset: number, length: number): RegionMemo | undefined {
    const fits = (memo: RegionMemo | undefined) => memo !== undefined && memo.offset === offset && memo.length === length;
    if (this.limits.regions <= 0) return undefined;
    const found = this.newer.get(key);
    if (fits(found)) return found;
    const old = this.older.get(key);
    if (old) this.older.delete(key);
    return fits(old) ? this.keep(key, old!) : undefined;
  }

  /** Remembers the memo of a region of `key` (nothing when the limits say 0) and gives it back. */
  keep(key: string, memo: RegionMemo): RegionMemo {
    if (this.limits.regions <= 0) return memo;
    if (this.newer.size >= this.limits.regions || this.characters >= this.limits.characters) {
      this.older = this.newer;
      this.newer = new Map();
      this.characters = 0;
    }
    this.newer.set(detach(key), memo);
    this.characters += key.length;
    return memo;
  }
}
