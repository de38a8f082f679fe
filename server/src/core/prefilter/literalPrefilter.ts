import { AhoCorasick } from './ahoCorasick';
import { literalReader } from './regexLiterals';

interface Built {
  /** Pattern to its bit; a pattern without required literals has none. */
  readonly ids: ReadonlyMap<RegExp, number>;
  readonly automaton: AhoCorasick;
}

/**
 * A prefilter for many patterns: which of them have a required literal (regexLiterals.ts) in a
 * stretch of text, found by one Aho-Corasick pass (ahoCorasick.ts) as a bit set over pattern ids.
 * A pattern without one there cannot match there; a pattern the reader does not understand has no id
 * and always runs. Built on first use, so that starting a process that never reads a note costs
 * nothing; immutable after that.
 */
export class LiteralPrefilter {
  private built: Built | undefined;

  constructor(private readonly patterns: readonly RegExp[]) {}

  private build(): Built {
    if (this.built) return this.built;
    const ids = new Map<RegExp, number>();
    const literalsOf: string[][] = [];
    const requiredLiterals = literalReader();
    for (const pattern of this.patterns) {
      if (ids.has(pattern)) continue;
      const literals = requiredLiterals(pattern);
      if (!literals) continue;
      ids.set(pattern, literalsOf.length);
      literalsOf.push([...literals]);
    }
    return (this.built = { ids, automaton: new AhoCorasick(literalsOf) });
  }

  /** The bit of `pattern` in scan() results, or -1 when the pattern has no prefilter (always run it). */
  idOf(pattern: RegExp): number {
    return this.build().ids.get(pattern) ?? -1;
  }

  /** Which patterns have a literal inside text[start, end). The result is shared when empty: do not write to it. */
  scan(text: string, start: number, end: number): Int32Array {
    return this.build().automaton.scan(text, start, end);
  }

  /** Whether one of the patterns may match somewhere in text[start, end): the scan, stopped at the first literal found. */
  mayMatchIn(text: string, start: number, end: number): boolean {
    const { ids, automaton } = this.build();
    return ids.size < new Set(this.patterns).size || automaton.occursIn(text, start, end);
  }

  /** Where the first literal of any pattern inside text[start, end) ends, or -1; `start` when a pattern has no literal (it may match anywhere). */
  firstHit(text: string, start: number, end: number): number {
    const { ids, automaton } = this.build();
    return ids.size < new Set(this.patterns).size ? start : automaton.firstEnd(text, start, end);
  }

  /** Whether pattern `id` (from idOf) may match where scan() gave `bits`. */
  static has(bits: Int32Array, id: number): boolean {
    return id < 0 || (bits[id >>> 5] & (1 << (id & 31))) !== 0;
  }

  /**
   * The bits of `patterns` as one mask, for mayAny(): null when one of them has no prefilter (it must
   * always run).
   */
  maskOf(patterns: readonly RegExp[]): Int32Array | null {
    const ids = patterns.map((pattern) => this.idOf(pattern));
    if (ids.some((id) => id < 0)) return null;
    const mask = new Int32Array(this.build().automaton.words);
    for (const id of ids) mask[id >>> 5] |= 1 << (id & 31);
    return mask;
  }

  /** Whether any pattern of `mask` (from maskOf) may match where scan() gave `bits`: one AND per 32 patterns. */
  static mayAny(bits: Int32Array, mask: Int32Array | null): boolean {
    if (mask === null) return true;
    for (let word = 0; word < mask.length; word++) if ((bits[word] & mask[word]) !== 0) return true;
    return false;
  }
}
