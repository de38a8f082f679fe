import { isSpace } from '../text/chars';
import {
  ASSERTION_CATEGORIES,
  DEFAULT_TRIGGERS,
  TRIGGER_ROLES,
  type AssertionCategory,
  type Trigger,
  type TriggerRole,
} from './triggers';

export interface AssertionStatus {
  negated: boolean;
  historical: boolean;
  hypothetical: boolean;
  experiencer: 'patient' | 'other';
}

export interface AssertionEngine {
  /**
   * Context of the concept at `sentence[conceptStart, conceptEnd)` (UTF-16 offsets). `slot`, an
   * object that stands for this sentence (its record), keeps the engine's reading of the sentence in
   * `slot.context`, so that every concept of the sentence shares it however the calls interleave;
   * without it only back-to-back calls on one sentence do.
   */
  assess(sentence: string, conceptStart: number, conceptEnd: number, slot?: SentenceSlot): AssertionStatus;
}

/** Where the engine may keep what it read of a sentence; opaque to the caller. */
export interface SentenceSlot {
  context?: unknown;
}

/** What one phrase does in one category; a phrase may reach both ways ("last month"). */
interface Rule {
  /** Words a forward scope reaches (Infinity: to the end of the sentence); undefined: none. */
  forward: number | undefined;
  backward: number | undefined;
  /** Ends forward scopes only, so backward scopes look past it (":" in "Complications: none"). */
  forwardOnly: boolean;
}

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** Rule per category (ASSERTION_CATEGORIES order) of the phrase ending here. */
  rules: (Rule | undefined)[] | undefined;
}

const CATEGORY_COUNT = ASSERTION_CATEGORIES.length;
/** A sentence of more words than this is a run-on; its triggers reach RUN_ON_SCOPE words. */
const RUN_ON_WORDS = 80;
const RUN_ON_SCOPE = 10;
/** Words that open a clause after a comma in a run-on: a subject, a count, a time. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'there', 'one', 'two', 'then', 'so', 'the', 'this', 'after']);
/** Words that open a clause in a run-on, comma or not: a conjunction ("no twitch so the array was deployed") or a subject ("no motor at that setting we deployed the lead"). */
const CLAUSE_CONJUNCTIONS: ReadonlySet<string> = new Set(['so', 'then', 'we', 'he', 'she', 'they']);
const categoryIndex = (category: AssertionCategory): number => ASSERTION_CATEGORIES.indexOf(category);
const NEGATION = categoryIndex('negation');
const HISTORICAL = categoryIndex('historical');
const HYPOTHETICAL = categoryIndex('hypothetical');
const EXPERIENCER = categoryIndex('experiencer');

/** Placeholder in a trigger phrase for any year 1900-2099; no sentence token can equal it. */
const YEAR = '<year>';

/** Tokens of one sentence; the arrays are reused across calls so that assess() allocates little. */
class Tokens {
  readonly texts: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** wordsBefore[i]: word tokens (not punctuation) among tokens [0, i). */
  readonly wordsBefore: number[] = [0];
  /** Per token, the trie node of the phrases that start with it (most have none). */
  readonly firstNodes: (TrieNode | undefined)[] = [];
  length = 0;
  /** How many concepts of this sentence were assessed; from the second on, `phrases` holds its phrases. */
  assessed = 0;
  phrases: PhraseIndex | undefined;

  /** Words are letters/digits with inner apostrophes; any other visible character is a token of its own. */
  read(text: string): void {
    this.length = 0;
    this.assessed = 0;
    this.phrases = undefined;
    let words = 0;
    let index = 0;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (isWordChar(code)) {
        const start = index;
        index++;
        while (index < text.length) {
          const next = text.charCodeAt(index);
          if (isWordChar(next)) index++;
          else if (isApostrophe(next) && isWordChar(text.charCodeAt(index + 1))) index += 2;
          else break;
        }
        this.push(normalizeWord(text.slice(start, index)), start, index, ++words);
      } else {
        if (!isSpace(code)) this.push(text.charAt(index), index, index + 1, words);
        index++;
      }
    }
  }

  private push(text: string, start: number, end: number, wordsThrough: number): void {
    const at = this.length++;
    this.texts[at] = text;
    this.starts[at] = start;
    this.ends[at] = end;
    this.wordsBefore[at + 1] = wordsThrough;
  }
}

/**
 * The phrases of one sentence, found once: both scans of every concept ask at each token which
 * phrases start there, and a long sentence has many concepts (a window of 2,000 characters of
 * dense dictation has a hundred). Limited to the sentence end; a scan with a nearer limit walks the
 * trie again where a phrase would cross it.
 */
interface PhraseIndex {
  /** [token * CATEGORY_COUNT + category]: the longest phrase of the category starting at the token. */
  readonly rules: (Rule | undefined)[];
  readonly ends: Int32Array;
  /** Per token (and the sentence end), the first token at or after it where any phrase starts. */
  readonly nextStart: Int32Array;
}

/** The first index in [from, length) whose value is above `value` (values ascending), else `length`. */
function firstAbove(values: readonly number[], from: number, length: number, value: number): number {
  let low = from;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] as number) > value) high = mid;
    else low = mid + 1;
  }
  return low;
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return NON_ASCII_WORD_CHAR.test(String.fromCharCode(code));
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

function isYear(token: string): boolean {
  if (token.length !== 4 || !(token.startsWith('19') || token.startsWith('20'))) return false;
  return isDigit(token.charCodeAt(2)) && isDigit(token.charCodeAt(3));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function phraseTokens(phrase: string): string[] {
  const tokens = new Tokens();
  return phrase
    .trim()
    .split(/\s+/)
    .flatMap((part) => {
      if (part.toLowerCase() === YEAR) return [YEAR];
      tokens.read(part);
      return tokens.texts.slice(0, tokens.length);
    });
}

function parseKind(trigger: Trigger): { role: TriggerRole; category: number } {
  const separator = trigger.kind.lastIndexOf('-');
  const role = trigger.kind.slice(0, separator) as TriggerRole;
  const category = ASSERTION_CATEGORIES.indexOf(trigger.kind.slice(separator + 1) as AssertionCategory);
  if (category < 0 || !TRIGGER_ROLES.includes(role)) {
    throw new Error(`Unknown trigger kind "${trigger.kind}" for "${trigger.phrase}"`);
  }
  return { role, category };
}

/** A token trie of all phrases, so that matching costs one map lookup per token. */
function compile(lexicon: readonly Trigger[]): TrieNode {
  const root: TrieNode = { children: new Map(), rules: undefined };
  for (const trigger of lexicon) {
    const { role, category } = parseKind(trigger);
    let node = root;
    for (const token of phraseTokens(trigger.phrase)) {
      let child = node.children.get(token);
      if (!child) {
        child = { children: new Map(), rules: undefined };
        node.children.set(token, child);
      }
      node = child;
    }
    if (node === root) continue;
    node.rules ??= new Array<Rule | undefined>(CATEGORY_COUNT).fill(undefined);
    const rule = (node.rules[category] ??= { forward: undefined, backward: undefined, forwardOnly: false });
    const reach = trigger.maxWords ?? Infinity;
    if (role === 'pre') rule.forward = reach;
    else if (role === 'post') rule.backward = reach;
    else if (role === 'forward-termination') rule.forwardOnly = true;
  }
  return root;
}

/**
 * A ConText engine (Harkema et al., J Biomed Inform 2009) over `lexicon`, compiled once into a
 * token trie. assess() tokenizes the sentence once and matches triggers on both sides of the
 * concept, so its cost grows linearly with the sentence. Not re-entrant: it reuses scratch arrays.
 */
export function createAssertionEngine(lexicon: readonly Trigger[] = DEFAULT_TRIGGERS): AssertionEngine {
  const root = compile(lexicon);
  const scratch = new Tokens();
  /** The tokens of the sentence being assessed: the scratch ones, or those kept for a keyed sentence. */
  let tokens = scratch;
  // Scratch state, one slot per category, reused by every call.
  const longestRule: (Rule | undefined)[] = new Array(CATEGORY_COUNT);
  const longestEnd = new Array<number>(CATEGORY_COUNT);
  const nextFree = new Array<number>(CATEGORY_COUNT);
  const lastBefore: (Rule | undefined)[] = new Array(CATEGORY_COUNT);
  const lastBeforeEnd = new Array<number>(CATEGORY_COUNT);
  const firstAfter: (Rule | undefined)[] = new Array(CATEGORY_COUNT);
  const firstAfterStart = new Array<number>(CATEGORY_COUNT);

  function step(node: TrieNode, text: string): TrieNode | undefined {
    return node.children.get(text) ?? (isYear(text) ? node.children.get(YEAR) : undefined);
  }

  /** Longest phrase per category that starts at token `start` and ends by token `limit`. */
  function matchAt(start: number, limit: number): boolean {
    const phrases = tokens.phrases;
    if (phrases !== undefined && start < limit) {
      let found = false;
      let fits = true;
      for (let category = 0; category < CATEGORY_COUNT; category++) {
        const rule = phrases.rules[start * CATEGORY_COUNT + category];
        longestRule[category] = rule;
        if (!rule) continue;
        found = true;
        longestEnd[category] = phrases.ends[start * CATEGORY_COUNT + category] as number;
        if ((longestEnd[category] as number) > limit) fits = false;
      }
      if (fits) return found;
    }
    // Both scans of every concept in a sentence ask at every token: the first step is looked up once.
    let node = start < limit ? tokens.firstNodes[start] : undefined;
    if (node === undefined) return false;
    longestRule.fill(undefined);
    let found = false;
    for (let index = start; ; ) {
      const rules = node.rules;
      if (rules) {
        for (let category = 0; category < CATEGORY_COUNT; category++) {
          const rule = rules[category];
          if (!rule) continue;
          longestRule[category] = rule;
          longestEnd[category] = index + 1;
          found = true;
        }
      }
      if (++index >= limit) break;
      node = step(node, tokens.texts[index] as string);
      if (node === undefined) break;
    }
    return found;
  }

  /**
   * Leftmost-longest, non-overlapping matches per category over tokens [from, to). Before the
   * concept the last match counts; after it the first one that is not a forward-only termination.
   */
  function scan(from: number, to: number, before: boolean): void {
    nextFree.fill(from);
    let open = CATEGORY_COUNT;
    const next = tokens.phrases?.nextStart;
    for (let start = next ? (next[from] as number) : from; start < to && open > 0; start = next ? (next[start + 1] as number) : start + 1) {
      if (!matchAt(start, to)) continue;
      for (let category = 0; category < CATEGORY_COUNT; category++) {
        const rule = longestRule[category];
        if (!rule || start < (nextFree[category] as number)) continue;
        nextFree[category] = longestEnd[category] as number;
        if (before) {
          lastBefore[category] = rule;
          lastBeforeEnd[category] = longestEnd[category] as number;
        } else if (!firstAfter[category] && !rule.forwardOnly) {
          firstAfter[category] = rule;
          firstAfterStart[category] = start;
          open--;
        }
      }
    }
  }

  /**
   * Whether tokens [from, to) leave a parenthesis, read away from the trigger (forward, or back from
   * `to` when `backward`): a trigger inside one reaches no further than it ("(re-tear; not a
   * candidate) x 26 mo", "Fluoroscopy (ultrasound not used)").
   */
  function leavesParenthesis(from: number, to: number, backward: boolean): boolean {
    const [enter, leave] = backward ? [')', '('] : ['(', ')'];
    let depth = 0;
    for (let step = 0; step < to - from; step++) {
      const text = tokens.texts[backward ? to - 1 - step : from + step];
      if (text === enter) depth++;
      else if (text === leave && --depth < 0) return true;
    }
    return false;
  }

  function wordsBetween(from: number, to: number): number {
    return (tokens.wordsBefore[to] as number) - (tokens.wordsBefore[from] as number);
  }

  /**
   * The nearest phrase on each side decides: a trigger in reach applies, anything else blocks. In a
   * run-on (dictation without full stops: "...failed gabapentin and blocks MRI shows no lesion her
   * trial gave 80% relief so she elected the implant ... the array was deployed ...") a trigger
   * reaches RUN_ON_SCOPE words at most, as NegEx's window does, not the rest of the dictation.
   */
  function applies(category: number, conceptFirst: number, conceptEnd: number): boolean {
    const runOn = (tokens.wordsBefore[tokens.length] as number) > RUN_ON_WORDS;
    const cap = runOn ? RUN_ON_SCOPE : Infinity;
    const forward = lastBefore[category]?.forward;
    const from = lastBeforeEnd[category] as number;
    if (forward !== undefined && wordsBetween(from, conceptFirst) <= Math.min(forward, cap) && !leavesParenthesis(from, conceptFirst, false) && !(runOn && opensClause(from, conceptFirst))) return true;
    const backward = firstAfter[category]?.backward;
    const to = firstAfterStart[category] as number;
    return backward !== undefined && wordsBetween(conceptEnd, to) <= Math.min(backward, cap) && !leavesParenthesis(conceptEnd, to, true) && !(runOn && opensClause(conceptEnd, to));
  }

  /**
   * Whether a new clause opens in tokens [from, to): a comma and a word that starts one ("no twitch,
   * one lead ... was deployed", "a block that did nothing, he had a trial"). Only a run-on is read so:
   * in a short sentence the comma lists what the trigger denies ("no fever, chills, or the cough").
   * A conjunction that starts a clause ("so", "then") does so without its comma too.
   */
  function opensClause(from: number, to: number): boolean {
    for (let index = from; index + 1 < to; index++) {
      if (tokens.texts[index] === ',' && CLAUSE_OPENERS.has((tokens.texts[index + 1] as string).toLowerCase())) return true;
      // Dictation without commas: "with no motor response so the single array was deployed".
      if (CLAUSE_CONJUNCTIONS.has((tokens.texts[index] as string).toLowerCase())) return true;
    }
    return false;
  }


  function indexPhrases(): PhraseIndex {
    const length = tokens.length;
    const rules = new Array<Rule | undefined>(length * CATEGORY_COUNT).fill(undefined);
    const ends = new Int32Array(length * CATEGORY_COUNT);
    const nextStart = new Int32Array(length + 1).fill(length);
    for (let start = length - 1; start >= 0; start--) {
      const found = matchAt(start, length);
      nextStart[start] = found ? start : (nextStart[start + 1] as number);
      if (!found) continue;
      for (let category = 0; category < CATEGORY_COUNT; category++) {
        if (!longestRule[category]) continue;
        rules[start * CATEGORY_COUNT + category] = longestRule[category];
        ends[start * CATEGORY_COUNT + category] = longestEnd[category] as number;
      }
    }
    return { rules, ends, nextStart };
  }

  function tokenize(into: Tokens, sentence: string): Tokens {
    into.read(sentence);
    for (let index = 0; index < into.length; index++) into.firstNodes[index] = step(root, into.texts[index] as string);
    return into;
  }

  /** The sentence the scratch tokens are of: several concepts of one sentence are assessed in a row. */
  let tokenized: string | undefined;

  function assess(sentence: string, conceptStart: number, conceptEnd: number, slot?: SentenceSlot): AssertionStatus {
    if (slot !== undefined) {
      let kept = slot.context as { readonly engine: object; readonly sentence: string; readonly tokens: Tokens } | undefined;
      if (kept?.engine !== root || kept.sentence !== sentence) slot.context = kept = { engine: root, sentence, tokens: tokenize(new Tokens(), sentence) };
      tokens = kept.tokens;
    } else {
      if (sentence !== tokenized) {
        tokenize(scratch, sentence);
        tokenized = sentence;
      }
      tokens = scratch;
    }
    if (++tokens.assessed === 2) tokens.phrases = indexPhrases();
    const first = firstAbove(tokens.ends, 0, tokens.length, conceptStart);
    const end = firstAbove(tokens.starts, first, tokens.length, conceptEnd - 1);
    // The concept is opaque: no trigger is matched inside it or across its edges.
    lastBefore.fill(undefined);
    firstAfter.fill(undefined);
    scan(0, first, true);
    scan(end, tokens.length, false);
    return {
      negated: applies(NEGATION, first, end),
      historical: applies(HISTORICAL, first, end),
      hypothetical: applies(HYPOTHETICAL, first, end),
      experiencer: applies(EXPERIENCER, first, end) ? 'other' : 'patient',
    };
  }

  return { assess };
}
