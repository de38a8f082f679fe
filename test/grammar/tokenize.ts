// Loads the project's TextMate grammars with the same engine VS Code uses (vscode-textmate +
// the oniguruma wasm) and offers character-level scope queries for the tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';

export const repoRoot = path.resolve(__dirname, '..', '..');

export const grammarFiles = {
  'text.opnote': 'syntaxes/opnote.tmLanguage.json',
  'text.claim': 'syntaxes/claim.tmLanguage.json',
  'text.x12': 'syntaxes/x12.tmLanguage.json',
} as const;

export type GrammarScope = keyof typeof grammarFiles;

let onigLoaded: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  onigLoaded ??= oniguruma.loadWASM(
    readFileSync(path.join(repoRoot, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer,
  );
  return onigLoaded;
}

const registry = new Registry({
  onigLib: loadOniguruma().then(() => ({
    createOnigScanner: (sources: string[]) => oniguruma.createOnigScanner(sources),
    createOnigString: (text: string) => oniguruma.createOnigString(text),
  })),
  loadGrammar: async (scopeName: string) => {
    const file = grammarFiles[scopeName as GrammarScope];
    if (file === undefined) return null;
    const fullPath = path.join(repoRoot, file);
    return parseRawGrammar(readFileSync(fullPath, 'utf8'), fullPath);
  },
});

export async function loadGrammar(scopeName: GrammarScope): Promise<IGrammar> {
  const grammar = await registry.loadGrammar(scopeName);
  if (grammar === null) throw new Error(`grammar ${scopeName} did not load`);
  return grammar;
}

/** Compiles every regex once, so a pattern that only a rare input reaches still fails loudly. */
export async function compileAllPatterns(sources: string[]): Promise<void> {
  await loadOniguruma();
  for (const source of sources) oniguruma.createOnigScanner([source]).dispose();
}

export interface Token {
  readonly text: string;
  /** Innermost scope, which is what decides the colour. */
  readonly scope: string;
}

export interface TokenizedLine {
  readonly text: string;
  /** scopes[i] is the scope stack of character i. */
  readonly scopes: readonly (readonly string[])[];
  readonly tokens: readonly Token[];
}

/** Tokenizes a whole document line by line, carrying the rule stack like the editor does. */
export function tokenizeDocument(grammar: IGrammar, text: string): TokenizedLine[] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const scopes: string[][] = [];
    const tokens: Token[] = [];
    for (const token of result.tokens) {
      // The last token may run one past the line (vscode-textmate appends a newline).
      const end = Math.min(token.endIndex, line.length);
      if (end <= token.startIndex) continue;
      for (let i = token.startIndex; i < end; i++) scopes[i] = token.scopes;
      tokens.push({ text: line.slice(token.startIndex, end), scope: token.scopes[token.scopes.length - 1] ?? '' });
    }
    return { text: line, scopes, tokens };
  });
}

/** True when `scope` is `selector` or a more specific scope under it (TextMate prefix rule). */
export function scopeMatches(scope: string, selector: string): boolean {
  return scope === selector || scope.startsWith(`${selector}.`);
}

export function hasScope(line: TokenizedLine, index: number, selector: string): boolean {
  return (line.scopes[index] ?? []).some((scope) => scopeMatches(scope, selector));
}

/** Start offset of the n-th (0-based) occurrence of `fragment`, or an error naming the line. */
export function locate(line: TokenizedLine, fragment: string, occurrence = 0): number {
  let from = 0;
  for (let n = 0; ; n++) {
    const at = line.text.indexOf(fragment, from);
    if (at < 0) throw new Error(`"${fragment}" (#${occurrence}) not found in line: ${line.text}`);
    if (n === occurrence) return at;
    from = at + 1;
  }
}

/** Human-readable scope dump used in assertion messages. */
export function dumpScopes(line: TokenizedLine, start: number, end: number): string {
  const parts: string[] = [];
  for (let i = start; i < end; i++) parts.push(`${JSON.stringify(line.text[i])}: ${(line.scopes[i] ?? []).join(' ')}`);
  return parts.join('\n');
}

/**
 * Asserts that every character of `fragment` carries `selector`, and that the scoped run stops
 * exactly at the fragment's edges (so "64596" is coloured, not "64596x" or " 64596").
 */
export function assertSpan(line: TokenizedLine, fragment: string, selector: string, occurrence = 0): void {
  const start = locate(line, fragment, occurrence);
  const end = start + fragment.length;
  for (let i = start; i < end; i++) {
    if (!hasScope(line, i, selector)) {
      assert.fail(`expected ${selector} on "${fragment}" in: ${line.text}\n${dumpScopes(line, start, end)}`);
    }
  }
  const before = start - 1;
  if (before >= 0 && hasScope(line, before, selector)) {
    assert.fail(`${selector} leaks before "${fragment}" in: ${line.text}\n${dumpScopes(line, before, end)}`);
  }
  if (end < line.text.length && hasScope(line, end, selector)) {
    assert.fail(`${selector} leaks after "${fragment}" in: ${line.text}\n${dumpScopes(line, start, end + 1)}`);
  }
}

/** Asserts that no character of `fragment` carries `selector`. */
export function assertNoScope(line: TokenizedLine, fragment: string, selector: string, occurrence = 0): void {
  const start = locate(line, fragment, occurrence);
  const end = start + fragment.length;
  for (let i = start; i < end; i++) {
    if (hasScope(line, i, selector)) {
      assert.fail(`unexpected ${selector} on "${fragment}" in: ${line.text}\n${dumpScopes(line, start, end)}`);
    }
  }
}

/**
 * Expands a VS Code snippet body the way accepting every default would: placeholders give their
 * default, choices their first option, mirrors repeat the value, variables come from `variables`.
 * Throws on malformed syntax, which is the point: a broken snippet fails the test.
 */
export function expandSnippet(body: string, variables: Readonly<Record<string, string>>): string {
  const values = new Map<string, string>();
  let pos = 0;

  const resolve = (name: string, fallback: string): string => {
    if (/^[0-9]+$/.test(name)) {
      if (!values.has(name)) values.set(name, fallback);
      return values.get(name) ?? '';
    }
    return variables[name] ?? fallback;
  };

  const parseText = (closing: boolean): string => {
    let out = '';
    while (pos < body.length) {
      const ch = body[pos] ?? '';
      const next = body[pos + 1] ?? '';
      if (ch === '\\' && next !== '' && '$}\\'.includes(next)) {
        out += next;
        pos += 2;
      } else if (closing && ch === '}') {
        return out;
      } else if (ch === '$') {
        out += parseDollar();
      } else {
        out += ch;
        pos++;
      }
    }
    if (closing) throw new Error(`unterminated placeholder in snippet: ${body}`);
    return out;
  };

  const parseDollar = (): string => {
    const rest = body.slice(pos);
    const bare = /^\$([0-9]+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (bare?.[1] !== undefined) {
      pos += bare[0].length;
      return resolve(bare[1], '');
    }
    const braced = /^\$\{([0-9]+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (braced?.[1] === undefined) throw new Error(`stray $ at ${pos} in snippet: ${body}`);
    const name = braced[1];
    pos += braced[0].length;
    const marker = body[pos];
    if (marker === '}') {
      pos++;
      return resolve(name, '');
    }
    if (marker === '|') {
      const end = body.indexOf('|}', pos);
      if (end < 0) throw new Error(`unterminated choice in snippet: ${body}`);
      const first = body.slice(pos + 1, end).split(',')[0] ?? '';
      pos = end + 2;
      return resolve(name, first);
    }
    if (marker === ':') {
      pos++;
      const fallback = parseText(true);
      pos++; // the closing brace
      return resolve(name, fallback);
    }
    throw new Error(`unexpected "${marker ?? 'end'}" after \${${name} in snippet: ${body}`);
  };

  return parseText(false);
}
