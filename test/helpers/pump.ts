/**
 * Pumping regular expressions for super-linear matching (test/robustness/pump.test.ts).
 *
 * Every pattern of the core is found without a list: the regular-expression literals of every source
 * file under server/src/core (read with the TypeScript parser, so patterns inside functions count
 * too) and the patterns the core builds from strings, which all go through
 * server/src/core/text/patterns.ts. Each pattern is read into a small syntax tree; for every
 * quantifier the attack is the text that leads up to it (one sample per term before it), then a
 * pump repeated many times (samples of the quantified part, generic pumps such as spaces, articles,
 * `#` and digits), then a suffix that makes the match fail at the very end. A backtracking engine that
 * can match the pumped run in many ways shows it in time: linear patterns take microseconds at 16 KB,
 * quadratic ones tens of milliseconds or more, exponential ones never finish (each run is stopped by a
 * vm timeout). Suspects are then timed at two sizes (the least of several runs) and fail when the time
 * grows faster than the text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import ts from 'typescript';
import { builtPatterns } from '../../server/src/core/text/patterns';

export const ROOT = path.resolve(__dirname, '../..');
export const CORE = path.join(ROOT, 'server/src/core');

export interface FoundPattern {
  /** Where it is written (file:line), or `built` for a pattern made from a string. */
  readonly where: string;
  readonly pattern: RegExp;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

interface SourceScan {
  readonly literals: FoundPattern[];
  /** `new RegExp(...)` / `RegExp(...)` calls, where. */
  readonly constructions: string[];
}

/** Regular-expression literals and RegExp constructions in the TypeScript files under `dir`. */
export function scanSources(dir: string): SourceScan {
  const literals: FoundPattern[] = [];
  const constructions: string[] = [];
  for (const file of sourceFiles(dir)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node) => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const close = text.lastIndexOf('/');
        literals.push({ where: where(node), pattern: new RegExp(text.slice(1, close), text.slice(close + 1)) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        constructions.push(where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, constructions };
}

/** Every pattern of the core: its literals, and what the modules build when they load. */
export function corePatterns(): FoundPattern[] {
  const { literals } = scanSources(CORE);
  for (const file of sourceFiles(CORE)) require(file);
  const found = [...literals, ...builtPatterns().map((pattern) => ({ where: 'built', pattern }))];
  const seen = new Set<string>();
  return found.filter(({ pattern }) => {
    const key = `/${pattern.source}/${pattern.flags}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// A small reader of pattern syntax: just enough to know what leads to each quantifier.

type Node =
  | { readonly kind: 'sequence'; readonly items: readonly Node[] }
  | { readonly kind: 'alternation'; readonly branches: readonly Node[] }
  | { readonly kind: 'group'; readonly body: Node; readonly lookaround: boolean }
  | { readonly kind: 'atom'; readonly source: string }
  | { readonly kind: 'assertion' }
  | { readonly kind: 'repeat'; readonly body: Node; readonly min: number; readonly max: number };

class Reader {
  private at = 0;
  constructor(private readonly source: string) {}

  read(): Node {
    const node = this.alternation();
    if (this.at < this.source.length) throw new Error(`cannot read pattern at ${this.at}: ${this.source}`);
    return node;
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0] : { kind: 'alternation', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') items.push(this.quantified(this.term()));
    return { kind: 'sequence', items };
  }

  private term(): Node {
    const start = this.at;
    const ch = this.source[this.at];
    if (ch === '^' || ch === '$') {
      this.at++;
      return { kind: 'assertion' };
    }
    if (ch === '\\') {
      const next = this.source[this.at + 1];
      this.at += 2;
      if (next === 'b' || next === 'B') return { kind: 'assertion' };
      if (next === 'p' || next === 'P') this.at = this.source.indexOf('}', this.at) + 1;
      else if (next === 'u' && this.source[this.at] === '{') this.at = this.source.indexOf('}', this.at) + 1;
      else if (next === 'u') this.at += 4;
      else if (next === 'x') this.at += 2;
      else if (next === 'c') this.at += 1;
      else if (next === 'k') this.at = this.source.indexOf('>', this.at) + 1;
      else if (next >= '1' && next <= '9') {
        while (/\d/.test(this.source[this.at] ?? '')) this.at++;
        return { kind: 'assertion' }; // a back reference: nothing to sample
      }
      return { kind: 'atom', source: this.source.slice(start, this.at) };
    }
    if (ch === '[') {
      this.at++;
      if (this.source[this.at] === '^') this.at++;
      if (this.source[this.at] === ']') this.at++;
      while (this.source[this.at] !== ']') this.at += this.source[this.at] === '\\' ? 2 : 1;
      this.at++;
      return { kind: 'atom', source: this.source.slice(start, this.at) };
    }
    if (ch === '(') {
      this.at++;
      let lookaround = false;
      if (this.source.startsWith('?:', this.at)) this.at += 2;
      else if (/^\?<?[=!]/.test(this.source.slice(this.at, this.at + 3))) {
        lookaround = true;
        this.at += this.source[this.at + 1] === '<' ? 3 : 2;
      } else if (this.source.startsWith('?<', this.at)) this.at = this.source.indexOf('>', this.at) + 1;
      const body = this.alternation();
      this.at++; // )
      return { kind: 'group', body, lookaround };
    }
    this.at++;
    return { kind: 'atom', source: ch === '.' ? '.' : this.source.slice(start, this.at) };
  }

  private quantified(node: Node): Node {
    const rest = this.source.slice(this.at);
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    let min: number;
    let max: number;
    if (rest[0] === '*') [min, max, this.at] = [0, Infinity, this.at + 1];
    else if (rest[0] === '+') [min, max, this.at] = [1, Infinity, this.at + 1];
    else if (rest[0] === '?') [min, max, this.at] = [0, 1, this.at + 1];
    else if (braces) {
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
      this.at += braces[0].length;
    } else return node;
    if (this.source[this.at] === '?') this.at++;
    return { kind: 'repeat', body: node, min, max };
  }
}

/** Characters tried as samples of a character, a class or an escape. */
const CHARACTERS = ['a', 'e', 'x', 'A', 'T', '1', '0', ' ', '\t', '#', '-', '.', ',', ':', '/', '(', ')', "'", '!', '$', '%', '&', '_', '\n', '\u00e9'];

/** A few strings each node can match (the first one short and plain), at most four. */
function samples(node: Node, flags: string): string[] {
  const unique = (items: string[]) => [...new Set(items)].slice(0, 4);
  switch (node.kind) {
    case 'assertion':
      return [''];
    case 'atom': {
      const matcher = new RegExp(`^(?:${node.source})$`, flags.replace(/[gy]/g, ''));
      // The atom's own characters first: a literal samples as itself, `[234]` as "2".
      const found = [...new Set([...node.source, ...CHARACTERS])].filter((ch) => matcher.test(ch));
      return found.length ? found.slice(0, 3) : [''];
    }
    case 'group':
      return node.lookaround ? [''] : samples(node.body, flags);
    case 'alternation':
      return unique(node.branches.flatMap((branch) => samples(branch, flags).slice(0, 2)));
    case 'sequence': {
      const each = node.items.map((item) => samples(item, flags));
      const width = Math.max(1, ...each.map((list) => list.length));
      return unique(Array.from({ length: width }, (_, k) => each.map((list) => list[Math.min(k, list.length - 1)]).join('')));
    }
    case 'repeat':
      return unique(samples(node.body, flags).map((sample) => sample.repeat(Math.max(1, node.min))));
  }
}

/** The shortest sample of a node (for the text that leads up to a quantifier). */
function lead(node: Node, flags: string): string {
  if (node.kind === 'repeat') return node.min === 0 ? '' : lead(node.body, flags).repeat(node.min);
  if (node.kind === 'sequence') return node.items.map((item) => lead(item, flags)).join('');
  if (node.kind === 'group') return node.lookaround ? '' : lead(node.body, flags);
  if (node.kind === 'alternation') return lead(node.branches[0], flags);
  return samples(node, flags)[0];
}

export interface Attack {
  readonly prefix: string;
  readonly pump: string;
  readonly suffix: string;
}

/** Pumps tried at every quantifier, besides what the quantified part itself matches. */
const GENERIC_PUMPS = [' ', '\t', 'a', 'a ', 'the ', 'A', '1', '1 ', '#', '# ', '-', '.', ',', ':'];
/** A match that cannot end makes the engine try every way through the pump: nothing, a mark, or (for `.` and `$`) a line end. */
const suffixesOf = (pattern: RegExp) => (/[.$]|\[\^/.test(pattern.source) ? ['', '!', '\n'] : ['', '!']);

/** Attack strings for `pattern`: for each quantifier, what leads to it, pumps, and suffixes. */
export function attacks(pattern: RegExp): Attack[] {
  const tree = new Reader(pattern.source).read();
  const found = new Map<string, Attack>();
  const suffixes = suffixesOf(pattern);
  const add = (prefix: string, pump: string) => {
    if (pump === '') return;
    for (const suffix of suffixes) found.set(JSON.stringify([prefix, pump, suffix]), { prefix, pump, suffix });
  };
  // Anywhere in the text, and many matches (or near matches) in a row: each may start a long search.
  for (const pump of [...GENERIC_PUMPS, ...samples(tree, pattern.flags), ...(tree.kind === 'alternation' ? tree.branches.map((branch) => lead(branch, pattern.flags)) : [])]) add('', pump);
  const walk = (node: Node, before: string, after: readonly Node[]): void => {
    switch (node.kind) {
      case 'sequence':
        node.items.forEach((item, index) => walk(item, before + node.items.slice(0, index).map((other) => lead(other, pattern.flags)).join(''), [...node.items.slice(index + 1), ...after]));
        return;
      case 'alternation':
        for (const branch of node.branches) walk(branch, before, after);
        return;
      case 'group':
        walk(node.body, before, node.lookaround ? [] : after);
        return;
      case 'repeat': {
        if (node.max >= 2) {
          // A single character class pumps with its first character; a group with all it matches, and more.
          const own = node.body.kind === 'atom' ? samples(node.body, pattern.flags).slice(0, 1) : samples(node.body, pattern.flags);
          const next = after.length ? samples(after[0], pattern.flags).slice(0, 1) : [];
          for (const pump of [...own, ...own.map((sample) => `${sample} `), ...next, ...(node.body.kind === 'atom' ? [] : GENERIC_PUMPS)]) add(before, pump);
        }
        walk(node.body, before, after);
        return;
      }
      default:
        return;
    }
  };
  walk(tree, '', []);
  return [...found.values()];
}

export function attackText(attack: Attack, length: number): string {
  return attack.prefix + attack.pump.repeat(Math.ceil(length / attack.pump.length)) + attack.suffix;
}

const context = vm.createContext({ performance });
const TIMED = new vm.Script('{ const started = performance.now(); for (let run = 0; run < runs; run++) { pattern.lastIndex = 0; pattern.exec(text); } elapsed = (performance.now() - started) / runs; }');

/**
 * Milliseconds one exec of `pattern` takes on `text` (averaged over `runs`); Infinity when the runs
 * take longer than `timeoutMs` (a vm timeout stops even a catastrophic match).
 */
export function timeExec(pattern: RegExp, text: string, runs = 1, timeoutMs = 1000): number {
  Object.assign(context, { pattern, text, runs, elapsed: 0 });
  try {
    TIMED.runInContext(context, { timeout: timeoutMs });
  } catch (error) {
    if (/timed out/i.test(String(error))) return Infinity;
    throw error;
  }
  return context.elapsed as number;
}

/** The least time of `tries` measurements, each repeated until it lasts a few milliseconds. */
function leastTime(pattern: RegExp, text: string, tries: number): number {
  const once = timeExec(pattern, text);
  if (once === Infinity) return Infinity;
  const runs = Math.max(1, Math.min(1000, Math.ceil(3 / Math.max(once, 0.001))));
  let least = once;
  for (let attempt = 0; attempt < tries; attempt++) least = Math.min(least, timeExec(pattern, text, runs));
  return least;
}

export interface SuperLinear {
  readonly attack: Attack;
  /** Milliseconds per exec at the two sizes (Infinity: stopped by the timeout). */
  readonly small: number;
  readonly large: number;
  readonly sizes: readonly [number, number];
}

export const SCREEN_SIZE = 8 * 1024;
/** A linear pattern takes well under this at SCREEN_SIZE; anything slower is timed properly. */
export const SUSPECT_MS = 4;
const GROWTH = 4;
/** Time may grow by GROWTH for text GROWTH times longer; this much more is super-linear. */
const MAX_RATIO = 2.5 * GROWTH;

/**
 * The first attack under which `pattern` takes super-linear time, or undefined. Every attack runs once
 * at SCREEN_SIZE; one slower than SUSPECT_MS is timed at SCREEN_SIZE / GROWTH and SCREEN_SIZE (the
 * least of several runs each) and is super-linear when the time grows more than MAX_RATIO times.
 */
export function superLinear(pattern: RegExp): SuperLinear | undefined {
  const copy = new RegExp(pattern.source, pattern.flags);
  timeExec(copy, 'warm up the compiled pattern', 2);
  for (const attack of attacks(pattern)) {
    if (timeExec(copy, attackText(attack, SCREEN_SIZE)) < SUSPECT_MS) continue;
    const sizes = [SCREEN_SIZE / GROWTH, SCREEN_SIZE] as const;
    const small = leastTime(copy, attackText(attack, sizes[0]), 5);
    const large = small === Infinity ? Infinity : leastTime(copy, attackText(attack, sizes[1]), 5);
    if (large === Infinity || large > small * MAX_RATIO) return { attack, small, large, sizes };
  }
  return undefined;
}

export function describeAttack(found: SuperLinear): string {
  const { attack } = found;
  const shown = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  const time = (value: number) => (value === Infinity ? 'timed out' : `${value.toFixed(2)} ms`);
  return `${shown(attack.prefix)} + ${shown(attack.pump)} x n + ${shown(attack.suffix)}: ${time(found.small)} at ${found.sizes[0]} chars, ${time(found.large)} at ${found.sizes[1]}`;
}
