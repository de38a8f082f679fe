/**
 * Reads a regular expression's source for the literal strings a match must contain (one of them,
 * ignoring ASCII case): `\bfail(?:ed|ure\s+of)\b|\bdespite\b` needs "fail" or "despite". It only
 * ever says "needs one of these" when that is certain, and says nothing (null) for anything it does
 * not understand. `literalPrefilter.ts` turns the answers into a quick test over a text.
 */

/** One of these strings (lower-case ASCII) occurs in every match; null: nothing is known. */
type RequiredLiterals = readonly string[] | null;

interface Info {
  /** Every string the node can match, when that set is small and known; may hold ''. */
  readonly exact: readonly string[] | null;
  /** Every match contains one of these; null: unknown. Always as usable() leaves it (no '', nothing redundant). */
  readonly match: readonly string[] | null;
}

const MAX_EXACT = 16;
const MAX_CLASS = 6;
const EMPTY: Info = { exact: [''], match: null };
const UNKNOWN: Info = { exact: null, match: null };

class Unsupported extends Error {}

/** Characters with a meaning of their own at term level (non-Unicode syntax). */
const SPECIAL = '^$\\.*+?()[]{}|';
const BRACES = /\{(\d+)(,(\d*))?\}/y;

/** A non-capturing group of plain words (see SourceReader.wordAlternation). */
const WORD_ALTERNATION = /\(\?:([A-Za-z]+(?:\|[A-Za-z]+)*)\)/y;

const dedupe = <T>(items: readonly T[]): T[] => [...new Set(items)];

function cross(left: readonly string[], right: readonly string[]): string[] | null {
  if (left.length * right.length > MAX_EXACT) return null;
  const out: string[] = [];
  for (const a of left) for (const b of right) out.push(a + b);
  return out;
}

/** A requirement worth having: no empty string (that is no requirement at all), no redundant members. */
function usable(strings: readonly string[] | null): string[] | null {
  if (!strings || strings.length === 0 || strings.includes('')) return null;
  // "months" needs nothing "month" does not: keep the shorter one.
  const sorted = dedupe(strings).sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  const keptSet = new Set<string>();
  for (const candidate of sorted) {
    if (!holdsOneOf(candidate, kept, keptSet)) {
      kept.push(candidate);
      keptSet.add(candidate);
    }
  }
  return kept;
}

/**
 * Whether `candidate` contains one of `kept` (all no longer than it, none equal to it): by its
 * substrings when it has fewer of them than there are kept strings, else by a search for each.
 */
function holdsOneOf(candidate: string, kept: readonly string[], keptSet: ReadonlySet<string>): boolean {
  const length = candidate.length;
  if (kept.length <= (length * (length + 1)) / 2) return kept.some((shorter) => candidate.includes(shorter));
  for (let from = 0; from < length; from++) for (let to = from + 1; to <= length; to++) if (keptSet.has(candidate.slice(from, to))) return true;
  return false;
}

/** Expected hits per character of text, roughly; lower is better. */
function cost(strings: readonly string[] | null): number {
  if (!strings) return Infinity;
  return strings.reduce((sum, s) => sum + 27 ** -s.length, 0);
}

function required(info: Info): readonly string[] | null {
  return usable(info.exact) ?? info.match;
}

function sequence(terms: readonly Info[]): Info {
  let whole: string[] | null = [''];
  let run: string[] = [''];
  let best: readonly string[] | null = null;
  let bestCost = Infinity;
  // The cheaper of the best so far and `candidate` (a usable() requirement); the best when they cost the same.
  const better = (candidate: readonly string[] | null) => {
    const candidateCost = cost(candidate);
    if (!(bestCost <= candidateCost)) {
      best = candidate;
      bestCost = candidateCost;
    }
  };
  for (const term of terms) {
    if (term.exact) {
      const grown = cross(run, term.exact);
      if (grown) run = grown;
      else {
        better(usable(run));
        run = [...term.exact];
      }
      whole = whole && cross(whole, term.exact);
    } else {
      better(usable(run));
      better(term.match);
      run = [''];
      whole = null;
    }
  }
  better(usable(run));
  return { exact: whole, match: best };
}

function alternation(branches: readonly Info[]): Info {
  if (branches.length === 1) return branches[0];
  const exact = branches.every((branch) => branch.exact) ? branches.flatMap((branch) => branch.exact!) : null;
  const requirements = branches.map(required);
  return {
    exact: exact && exact.length <= MAX_EXACT ? exact : null,
    match: requirements.every((r) => r !== null) ? usable(requirements.flat() as string[]) : null,
  };
}

function powers(strings: readonly string[], min: number, max: number): string[] | null {
  let out: string[] = [];
  let power: string[] | null = [''];
  for (let k = 0; k <= max; k++) {
    if (k >= min) out = out.concat(power!);
    if (k === max) break;
    power = cross(power!, strings);
    if (!power) return null;
  }
  return out.length <= MAX_EXACT ? out : null;
}

function quantified(atom: Info, min: number, max: number): Info {
  const exact = atom.exact && max <= 3 ? powers(atom.exact, min, max) : null;
  return { exact, match: min >= 1 ? required(atom) : null };
}

/** Reads a pattern's source (non-Unicode syntax) into what its matches must contain. */
class SourceReader {
  private pos = 0;
  /** Inside a lookaround: read to its end, but nothing there is part of a match. */
  private skipping = 0;

  /**
   * Letters are folded whether or not the pattern ignores case: a superset of candidates is still
   * exact. `words`, `groups`: the word groups and the groups read so far (see wordAlternation, group).
   */
  constructor(
    private readonly source: string,
    private readonly words: Map<string, Info>,
    private readonly groups: Map<string, Info>,
  ) {}

  /** Per `(` of the source, the index just past its `)` (0 where none). */
  private ends: Int32Array | undefined;

  read(): Info {
    const info = this.disjunction();
    if (this.pos !== this.source.length) throw new Unsupported();
    return info;
  }

  private peek(offset = 0): string {
    return this.source.charAt(this.pos + offset);
  }

  private disjunction(): Info {
    const branches = [this.alternative()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.alternative());
    }
    return this.skipping ? EMPTY : alternation(branches);
  }

  private alternative(): Info {
    const terms: Info[] = [];
    while (this.pos < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const run = this.plainRun();
      terms.push(run === '' ? this.term() : { exact: [run], match: [run] });
    }
    return this.skipping ? EMPTY : sequence(terms);
  }

  private term(): Info {
    const ch = this.peek();
    if (ch === '^' || ch === '$') {
      this.pos++;
      return EMPTY;
    }
    if (ch === '\\' && (this.peek(1) === 'b' || this.peek(1) === 'B')) {
      this.pos += 2;
      return EMPTY;
    }
    let atom: Info;
    if (ch === '(') atom = this.group();
    else if (ch === '[') atom = this.characterClass();
    else if (ch === '.') {
      this.pos++;
      atom = UNKNOWN;
    } else if (ch === '\\') atom = this.atomEscape();
    else {
      this.pos++;
      atom = this.literal(ch.charCodeAt(0));
    }
    return this.quantifier(atom);
  }

  /**
   * Plain ASCII characters up to the next special one, read at once (folded); a character that a
   * quantifier follows is left for term().
   */
  private plainRun(): string {
    let end = this.pos;
    while (end < this.source.length) {
      const code = this.source.charCodeAt(end);
      if (code === 0 || code >= 0x80 || SPECIAL.includes(this.source.charAt(end))) break;
      const after = this.source.charAt(end + 1);
      if (after === '*' || after === '+' || after === '?' || after === '{') break;
      end++;
    }
    const run = this.source.slice(this.pos, end).toLowerCase();
    this.pos = end;
    return run;
  }

  /**
   * A group, read once per reader: what a group's text makes depends on that text alone (and on
   * whether it stands in a lookaround), and the lexicon repeats its building blocks (the anatomy words,
   * the device nouns) in many patterns.
   */
  private group(): Info {
    const words = this.wordAlternation();
    if (words) return words;
    const start = this.pos;
    const end = (this.ends ??= groupEnds(this.source))[start];
    const key = end > 0 ? (this.skipping ? '!' : '') + this.source.slice(start, end) : undefined;
    const known = key === undefined ? undefined : this.groups.get(key);
    if (known) {
      this.pos = end;
      return known;
    }
    const info = this.readGroup();
    if (key !== undefined && this.pos === end) this.groups.set(key, info);
    return info;
  }

  private readGroup(): Info {
    const rest = this.source.slice(this.pos, this.pos + 4);
    let lookaround = false;
    if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.pos += 3;
      lookaround = true;
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.pos += 4;
      lookaround = true;
    } else if (rest.startsWith('(?:')) this.pos += 3;
    else if (rest.startsWith('(?<')) {
      const close = this.source.indexOf('>', this.pos);
      if (close < 0) throw new Unsupported();
      this.pos = close + 1;
    } else if (rest.startsWith('(?')) throw new Unsupported(); // modifiers or anything newer
    else this.pos++;
    if (lookaround) this.skipping++;
    const inner = this.disjunction();
    if (lookaround) this.skipping--;
    if (this.peek() !== ')') throw new Unsupported();
    this.pos++;
    // A lookaround matches no characters of its own.
    return lookaround ? EMPTY : inner;
  }

  /**
   * A group of plain words, `(?:electrode|electorde|elcetrode)` (a key word and its misspellings,
   * lexicon.ts), read at once: what alternation() makes of its words, kept for the same group in
   * the other patterns the reader reads.
   */
  private wordAlternation(): Info | undefined {
    WORD_ALTERNATION.lastIndex = this.pos;
    const group = WORD_ALTERNATION.exec(this.source);
    if (!group) return undefined;
    this.pos += group[0].length;
    if (this.skipping) return EMPTY;
    let info = this.words.get(group[0]);
    if (!info) {
      const words = group[1].toLowerCase().split('|');
      info = words.length === 1 ? { exact: words, match: words } : { exact: words.length <= MAX_EXACT ? words : null, match: usable(words) };
      this.words.set(group[0], info);
    }
    return info;
  }

  private quantifier(atom: Info): Info {
    if (this.skipping) {
      this.quantifierBounds();
      return EMPTY;
    }
    const bounds = this.quantifierBounds();
    return bounds ? quantified(atom, bounds[0], bounds[1]) : atom;
  }

  /** Reads `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}` and a lazy `?`, if there. */
  private quantifierBounds(): readonly [number, number] | undefined {
    const ch = this.peek();
    let min: number;
    let max: number;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.pos++;
      [min, max] = ch === '*' ? [0, Infinity] : ch === '+' ? [1, Infinity] : [0, 1];
    } else if (ch === '{') {
      BRACES.lastIndex = this.pos;
      const braces = BRACES.exec(this.source);
      if (!braces) return undefined; // a literal "{" (non-Unicode syntax): read as an atom next time
      this.pos += braces[0].length;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
    } else return undefined;
    if (this.peek() === '?') this.pos++; // lazy: the same strings, another order
    return [min, max];
  }

  private literal(code: number): Info {
    // Only ASCII is folded here; anything else is "one character, unknown".
    if (code === 0 || code >= 0x80) return UNKNOWN;
    const ch = String.fromCharCode(code).toLowerCase();
    return { exact: [ch], match: [ch] };
  }

  /** `\d`, `\w`, back references and friends are unknown; character escapes are literals. */
  private atomEscape(): Info {
    const code = this.escapedCharacter(false);
    return code === undefined ? UNKNOWN : this.literal(code);
  }

  /** The character an escape stands for, or undefined for a class escape or a back reference. */
  private escapedCharacter(inClass: boolean): number | undefined {
    this.pos++; // the backslash
    const ch = this.peek();
    this.pos++;
    switch (ch) {
      case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
        return undefined;
      case 'b':
        return inClass ? 8 : undefined;
      case 'n': return 10;
      case 'r': return 13;
      case 't': return 9;
      case 'v': return 11;
      case 'f': return 12;
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.source.slice(this.pos));
        if (!hex) return 'x'.charCodeAt(0);
        this.pos += 2;
        return parseInt(hex[0], 16);
      }
      case 'u': {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.source.slice(this.pos));
        if (!hex) return 'u'.charCodeAt(0);
        this.pos += 4;
        return parseInt(hex[0], 16);
      }
      case 'c':
      case 'k':
      case 'p':
      case 'P':
        throw new Unsupported();
      default:
        // \0-\9: a back reference or an octal escape; either way nothing to rely on.
        if (ch >= '0' && ch <= '9') {
          while (this.peek() >= '0' && this.peek() <= '9') this.pos++;
          return undefined;
        }
        return ch.charCodeAt(0);
    }
  }

  private characterClass(): Info {
    this.pos++; // [
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const chars = new Set<string>();
    let tooMany = false;
    const add = (code: number) => {
      if (code === 0 || code >= 0x80) tooMany = true;
      else chars.add(String.fromCharCode(code).toLowerCase());
    };
    while (this.peek() !== ']') {
      if (this.pos >= this.source.length) throw new Unsupported();
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.pos++;
        const to = this.classAtom();
        if (from === undefined || to === undefined || to - from >= MAX_CLASS) tooMany = true;
        else for (let code = from; code <= to; code++) add(code);
      } else if (from === undefined) tooMany = true;
      else add(from);
    }
    this.pos++; // ]
    if (negated || tooMany || chars.size > MAX_CLASS) return UNKNOWN;
    if (chars.size === 0) return UNKNOWN; // [] never matches; nothing to say
    const exact = [...chars];
    return { exact, match: exact };
  }

  private classAtom(): number | undefined {
    if (this.peek() === '\\') return this.escapedCharacter(true);
    const code = this.source.charCodeAt(this.pos);
    this.pos++;
    return code;
  }
}

/** Where each group of a pattern's source ends (see SourceReader.ends): escapes and character classes hold no group. */
function groupEnds(source: string): Int32Array {
  const ends = new Int32Array(source.length);
  const open: number[] = [];
  let inClass = false;
  for (let at = 0; at < source.length; at++) {
    const code = source.charCodeAt(at);
    if (code === 0x5c) at++; // a backslash and the character it escapes
    else if (inClass) inClass = code !== 0x5d;
    else if (code === 0x5b) inClass = true;
    else if (code === 0x28) open.push(at);
    else if (code === 0x29 && open.length > 0) ends[open.pop()!] = at + 1;
  }
  return ends;
}

/** Reads patterns for their required literals (see requiredLiterals); a group of words read in one pattern is not read again in the next. */
export function literalReader(): (pattern: RegExp) => RequiredLiterals {
  const words = new Map<string, Info>();
  const groups = new Map<string, Info>();
  return (pattern) => {
    if (pattern.unicode || /[uv]/.test(pattern.flags)) return null;
    try {
      return required(new SourceReader(pattern.source, words, groups).read());
    } catch (error) {
      if (error instanceof Unsupported) return null;
      throw error;
    }
  };
}

/**
 * The literals one of which every match of `pattern` contains (lower-case ASCII), or null when the
 * pattern is not understood or can match without any.
 */
export function requiredLiterals(pattern: RegExp): RequiredLiterals {
  return literalReader()(pattern);
}
