import type { Span } from './span';

/**
 * Where a JSON path is in the text of a file that JSON.parse accepted, as "line 3, column 5": problems
 * in users' files are described by position and kind, never by quoting their keys or values.
 * One pass over the text, without recursion (any nesting depth).
 */
export function jsonPathPosition(text: string, path: readonly PropertyKey[], at: 'key' | 'value' = 'value'): string | undefined {
  const source = text.replace(/^\uFEFF/, '');
  const offset = locate(source, path, at);
  return offset === undefined ? undefined : positionText(source, offset);
}

/** "line 3, column 5" of an offset (columns in UTF-16 code units, as editors count them). */
export function positionText(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function locate(text: string, path: readonly PropertyKey[], at: 'key' | 'value'): number | undefined {
  let position = skipSpace(text, 0);
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth];
    const found = text[position] === '{' ? member(text, position, String(segment)) : text[position] === '[' && typeof segment === 'number' ? element(text, position, segment) : undefined;
    if (!found) return undefined;
    if (depth === path.length - 1 && at === 'key') return found.key;
    position = found.value;
  }
  return position;
}

/** The last member named `name` of the object at `start` (JSON.parse keeps the last of duplicate keys). */
function member(text: string, start: number, name: string): { key: number; value: number } | undefined {
  let found: { key: number; value: number } | undefined;
  let position = skipSpace(text, start + 1);
  while (text[position] === '"') {
    const keyEnd = skipString(text, position);
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
    if (JSON.parse(text.slice(position, keyEnd)) === name) found = { key: position, value };
    position = skipSpace(text, skipValue(text, value));
    if (text[position] !== ',') break;
    position = skipSpace(text, position + 1);
  }
  return found;
}

function element(text: string, start: number, index: number): { key: number; value: number } | undefined {
  let position = skipSpace(text, start + 1);
  for (let i = 0; position < text.length && text[position] !== ']'; i++) {
    if (i === index) return { key: position, value: position };
    position = skipSpace(text, skipValue(text, position));
    if (text[position] !== ',') return undefined;
    position = skipSpace(text, position + 1);
  }
  return undefined;
}

function skipSpace(text: string, position: number): number {
  while (position < text.length && /[ \t\r\n]/.test(text[position])) position++;
  return position;
}

/** The offset after the string that starts at `start` (its opening quote). */
function skipString(text: string, start: number): number {
  let position = start + 1;
  while (position < text.length && text[position] !== '"') position += text[position] === '\\' ? 2 : 1;
  return position + 1;
}

/** The offset after the value that starts at `start`; nested objects and arrays are skipped by counting brackets. */
function skipValue(text: string, start: number): number {
  let depth = 0;
  let position = start;
  do {
    const char = text[position];
    if (char === '"') {
      position = skipString(text, position);
      continue;
    }
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    else if (depth === 0) {
      // A number, true, false or null.
      while (position < text.length && !/[\s,}\]]/.test(text[position])) position++;
      return position;
    }
    position++;
  } while (depth > 0 && position < text.length);
  return position;
}

/** The span of the value at a JSON path in the text (a string without its quotes), or undefined when the path is not there. */
export function jsonValueSpan(text: string, path: readonly PropertyKey[]): Span | undefined {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const source = bom ? text.slice(1) : text;
  const start = locate(source, path, 'value');
  if (start === undefined || start >= source.length) return undefined;
  const end = skipValue(source, start);
  const quoted = source[start] === '"';
  return { start: start + bom + (quoted ? 1 : 0), end: Math.max(start + bom + (quoted ? 1 : 0), end + bom - (quoted ? 1 : 0)) };
}
