/**
 * An Aho-Corasick automaton over lists of literals, on ASCII folded to lower case: scan() reads a
 * stretch of text once and tells which lists have a literal in it, as a bit set over list ids.
 * Characters that occur in no literal (and anything beyond ASCII) are one symbol, so the table stays
 * small.
 */

export class AhoCorasick {
  /** ASCII code (folded) to symbol; 0 is every character no literal holds. */
  private readonly symbols = new Uint8Array(128);
  private readonly alphabet: number;
  /** Row + symbol to the next row (a row is state * alphabet), failure links folded in. */
  private readonly next: Int32Array;
  /** Per state, the list ids whose literal ends here (including through failure links). */
  private readonly outputs: (readonly number[] | undefined)[];
  /** Per row, 1 when its state has outputs: a typed array keeps the scan loop on one fast path. */
  private readonly accepting: Uint8Array;
  readonly words: number;
  private readonly none: Int32Array;

  /** `literalsOf[id]`: the literals (lower-case ASCII) that set bit `id` in scan() results. */
  constructor(literalsOf: readonly (readonly string[])[]) {
    this.words = Math.max(1, Math.ceil(literalsOf.length / 32));
    this.none = new Int32Array(this.words);
    let alphabet = 1;
    for (const literals of literalsOf) {
      for (const literal of literals) {
        for (let i = 0; i < literal.length; i++) {
          const code = literal.charCodeAt(i);
          if (this.symbols[code] === 0) this.symbols[code] = alphabet++;
        }
      }
    }
    for (let code = 65; code <= 90; code++) this.symbols[code] = this.symbols[code + 32];
    this.alphabet = alphabet;
    // The trie, as a dense table from the start: -1 is "no edge"; an edge holds its state's row
    // (state * alphabet), which scan() then adds the symbol to without a multiplication. Each state's
    // edges are also listed (symbol, row), for the failure links below.
    let next = new Int32Array(alphabet * 256).fill(-1);
    let states = 1;
    const ends: number[][] = [[]];
    const edges: number[][] = [[]];
    literalsOf.forEach((literals, id) => {
      for (const literal of literals) {
        let row = 0;
        for (let i = 0; i < literal.length; i++) {
          const symbol = this.symbols[literal.charCodeAt(i)];
          const at = row + symbol;
          if (next[at] < 0) {
            if ((states + 1) * alphabet > next.length) {
              const grown = new Int32Array(next.length * 2).fill(-1);
              grown.set(next);
              next = grown;
            }
            next[at] = states * alphabet;
            edges[row / alphabet].push(symbol, states * alphabet);
            states++;
            ends.push([]);
            edges.push([]);
          }
          row = next[at];
        }
        const state = row / alphabet;
        if (!ends[state].includes(id)) ends[state].push(id);
      }
    });
    // Failure links, breadth first, folded into the table so that scan() follows one edge per
    // character: a state's row is its failure state's row (built before it: a failure state is
    // shallower) with its own edges written over it.
    next = next.subarray(0, states * alphabet);
    const outputs: (readonly number[] | undefined)[] = new Array(states).fill(undefined);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    const rootEdges = edges[0];
    next.fill(0, 0, alphabet);
    for (let edge = 0; edge < rootEdges.length; edge += 2) {
      next[rootEdges[edge]] = rootEdges[edge + 1];
      queue.push(rootEdges[edge + 1] / alphabet);
    }
    outputs[0] = ends[0].length ? ends[0] : undefined;
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      const inherited = outputs[fail[state]];
      const own = ends[state];
      // A state without literals of its own shares the outputs of its failure state.
      outputs[state] = own.length === 0 ? inherited : inherited ? [...new Set([...own, ...inherited])] : own;
      const row = state * alphabet;
      const failRow = fail[state] * alphabet;
      next.copyWithin(row, failRow, failRow + alphabet);
      const stateEdges = edges[state];
      for (let edge = 0; edge < stateEdges.length; edge += 2) {
        const symbol = stateEdges[edge];
        const child = stateEdges[edge + 1] / alphabet;
        // The failure state of the child: where the failure state's row leads on the same symbol.
        fail[child] = next[failRow + symbol] / alphabet;
        next[row + symbol] = stateEdges[edge + 1];
        queue.push(child);
      }
    }
    this.next = next;
    this.outputs = outputs;
    this.accepting = new Uint8Array(next.length);
    outputs.forEach((ids, state) => (this.accepting[state * alphabet] = ids ? 1 : 0));
  }

  /** Whether any literal occurs inside text[start, end): the scan, stopped at the first one. */
  occursIn(text: string, start: number, end: number): boolean {
    return this.firstEnd(text, start, end) >= 0;
  }

  /** Where the first literal inside text[start, end) ends (the index just past it), or -1. */
  firstEnd(text: string, start: number, end: number): number {
    const { next, symbols, accepting } = this;
    let row = 0;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      row = next[row + (code < 128 ? symbols[code] : 0)];
      if (accepting[row] !== 0) return i + 1;
    }
    return -1;
  }

  /** Which lists have a literal inside text[start, end), as a bit set over their ids (shared when empty: do not write to it). */
  scan(text: string, start: number, end: number): Int32Array {
    const { next, symbols, accepting } = this;
    let found: Int32Array | undefined;
    let row = 0;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      row = next[row + (code < 128 ? symbols[code] : 0)];
      if (accepting[row] === 0) continue;
      found ??= new Int32Array(this.words);
      for (const id of this.outputs[row / this.alphabet]!) found[id >>> 5] |= 1 << (id & 31);
    }
    return found ?? this.none;
  }
}
