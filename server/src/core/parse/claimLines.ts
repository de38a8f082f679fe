import { parseServiceDate } from './dates';
import type { DiagnosisEntry, ParseProblem, ServiceLine, Token } from './model';

const MAX_DIAGNOSES = 12; // CMS-1500 item 21 holds A-L.
const MAX_MODIFIERS = 4;
const MAX_POINTERS = 4;
const LETTERS = 'ABCDEFGHIJKL';

export const DX_LINE = /^[ \t]*dx[ \t]*:/i;
export const PROCEDURE_CODE = /^(\d{4}[0-9A-Z]|[A-Z]\d{4})/i;
const ICD10 = /^([A-TV-Z][0-9][0-9A-Z])\.?([0-9A-Z]{0,4})$/i;

interface RawToken {
  text: string;
  start: number;
}

/** Whitespace-separated tokens up to a `//` trailing comment; offsets are absolute. */
function tokenize(line: string, lineStart: number): { tokens: RawToken[]; commentAt?: number } {
  const tokens: RawToken[] = [];
  const pattern = /\S+/g;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (match[0].startsWith('//')) return { tokens, commentAt: lineStart + match.index };
    tokens.push({ text: match[0], start: lineStart + match.index });
  }
  return { tokens };
}

function spanOf(token: RawToken): { start: number; end: number } {
  return { start: token.start, end: token.start + token.text.length };
}

export function normalizeIcd10(raw: string): string | undefined {
  const match = ICD10.exec(raw);
  if (!match) return undefined;
  return (match[2] ? `${match[1]}.${match[2]}` : match[1]).toUpperCase();
}

/** `dx: G57.82, G89.29`; letters continue across several dx lines. */
export function parseDxLine(line: string, lineStart: number, firstIndex: number, problems: ParseProblem[]): DiagnosisEntry[] {
  const colon = line.indexOf(':');
  const entries: DiagnosisEntry[] = [];
  const items = /[^\s,;]+/g;
  const body = line.slice(colon + 1);
  const commentAt = body.indexOf('//');
  const listText = commentAt < 0 ? body : body.slice(0, commentAt);
  for (let match = items.exec(listText); match; match = items.exec(listText)) {
    const start = lineStart + colon + 1 + match.index;
    const span = { start, end: start + match[0].length };
    const code = normalizeIcd10(match[0]);
    if (!code) {
      problems.push({ rule: 'line-syntax', span, message: `\`${match[0]}\` is not an ICD-10-CM code (letter, digit, then up to five characters, e.g. G57.82).` });
      continue;
    }
    const index = firstIndex + entries.length;
    if (index >= MAX_DIAGNOSES) {
      problems.push({ rule: 'line-syntax', span, message: 'A claim holds at most 12 diagnoses (A-L, CMS-1500 item 21).' });
      continue;
    }
    entries.push({ letter: LETTERS[index], code: { value: code, span } });
  }
  return entries;
}

/**
 * A service line starts with its procedure code, or with items and then the code, as some exports
 * write it ("$9,880.00  ptr:A,B  64596-RT  rev:0490"). The index of the code's token, or -1.
 */
function codeTokenIndex(tokens: readonly RawToken[]): number {
  for (let index = 0; index < tokens.length; index++) {
    if (PROCEDURE_CODE.test(tokens[index].text)) return index;
    if (!LEADING_ITEM.test(tokens[index].text)) return -1;
  }
  return -1;
}

/** An item a line may open with before its code; a code's token never reads as one. */
const LEADING_ITEM = /^(?:x\d{1,3}|ptr:[A-L,]+|\$[\d,]+(?:\.\d{1,2})?|pos:\d{2}|rev:\d{3,4}|dos:\S+)$/i;

export function startsWithProcedureCode(line: string): boolean {
  return PROCEDURE_CODE.test(line.trimStart()) || codeTokenIndex(tokenize(line, 0).tokens) > 0;
}

/** `64596-22-LT  x1  ptr:A,B  $1450.00  pos:24  rev:0360  dos:2026-03-14  // comment` */
export function parseServiceLine(line: string, lineStart: number, lineNumber: number, problems: ParseProblem[]): ServiceLine {
  const { tokens: all, commentAt } = tokenize(line, lineStart);
  const at = Math.max(0, codeTokenIndex(all));
  const leading = all.slice(0, at);
  const tokens = all.slice(at);
  const first = tokens[0];
  const codeText = PROCEDURE_CODE.exec(first.text)![1];
  const code: Token<string> = { value: codeText.toUpperCase(), span: { start: first.start, end: first.start + codeText.length } };
  const modifiers = readModifiers(first, codeText.length, problems);
  const result: MutableLine = {
    span: { start: (leading[0] ?? first).start, end: lineStart + line.trimEnd().length },
    line: lineNumber,
    code,
    modifiers,
    ...(commentAt !== undefined ? { comment: { start: commentAt, end: lineStart + line.trimEnd().length } } : {}),
  };
  // Modifiers written apart from the code, as coders type them: "64596 RT", "64596 -22 -LT".
  let next = 1;
  for (; next < tokens.length && SEPARATE_MODIFIER.test(tokens[next].text) && !UNITS.test(tokens[next].text); next++) {
    const token = tokens[next];
    const lead = token.text.startsWith('-') ? 1 : 0;
    readModifiers({ ...token, text: `-${token.text.slice(lead)}`, start: token.start + lead - 1 }, 0, problems, modifiers);
  }
  for (const token of [...leading, ...tokens.slice(next)]) readItem(token, result, problems);
  return result;
}

/** Modifiers as a token of their own after the code: `RT`, `-LT`, `22-LT`. */
const SEPARATE_MODIFIER = /^-?[0-9A-Z]{2}(?:-[0-9A-Z]{2})*$/i;
const UNITS = /^x\d{1,3}$/i;

/** Reads the `-XX` modifiers after the code in `first` into `modifiers` (which may hold some already). */
function readModifiers(first: RawToken, codeLength: number, problems: ParseProblem[], modifiers: Token<string>[] = []): Token<string>[] {
  let at = first.start + codeLength;
  const rest = first.text.slice(codeLength);
  if (rest === '') return modifiers;
  const pieces = rest.split('-');
  if (pieces[0] !== '') {
    problems.push({ rule: 'line-syntax', span: { start: at, end: first.start + first.text.length }, message: 'Modifiers follow the code joined by `-`, e.g. `64596-22-LT`.' });
    return modifiers;
  }
  at += 1;
  for (const piece of pieces.slice(1)) {
    const span = { start: at, end: at + piece.length };
    if (!/^[0-9A-Z]{2}$/i.test(piece)) {
      problems.push({ rule: 'line-syntax', span: piece === '' ? { start: at - 1, end: at } : span, message: `\`${piece || '-'}\` is not a modifier: a modifier is two letters or digits (22, LT, XS).` });
    } else if (modifiers.length >= MAX_MODIFIERS) {
      problems.push({ rule: 'line-syntax', span, message: 'A service line takes at most four modifiers.' });
    } else {
      modifiers.push({ value: piece.toUpperCase(), span });
    }
    at += piece.length + 1;
  }
  return modifiers;
}

type MutableLine = { -readonly [K in keyof ServiceLine]: ServiceLine[K] };

function readItem(token: RawToken, line: MutableLine, problems: ParseProblem[]): void {
  const span = spanOf(token);
  const text = token.text;
  const duplicate = (what: string): void => {
    problems.push({ rule: 'line-syntax', span, message: `${what} is given twice on this line.` });
  };
  let match: RegExpExecArray | null;
  if ((match = /^x(\d{1,3})$/i.exec(text))) {
    if (line.units) return duplicate('Units');
    const units = Number(match[1]);
    if (units < 1) problems.push({ rule: 'line-syntax', span, message: 'Units must be 1 or more.' });
    else line.units = { value: units, span };
  } else if ((match = /^ptr:(.*)$/i.exec(text))) {
    if (line.pointers) return duplicate('Diagnosis pointers');
    line.pointers = readPointers(token, match[1], problems);
  } else if ((match = /^\$(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?$/.exec(text))) {
    if (line.charge) return duplicate('The charge');
    line.charge = { value: Number(match[1].replace(/,/g, '') + (match[2] ?? '')), span };
  } else if ((match = /^pos:(\d{2})$/i.exec(text))) {
    if (line.pos) return duplicate('Place of service');
    line.pos = { value: match[1], span: { start: token.start + 4, end: span.end } };
  } else if ((match = /^rev:(\d{3,4})$/i.exec(text))) {
    if (line.revenueCode) return duplicate('The revenue code');
    // Revenue codes are four digits; `rev:360` is written without the leading zero of 0360.
    line.revenueCode = { value: match[1].padStart(4, '0'), span: { start: token.start + 4, end: span.end } };
  } else if ((match = /^dos:(.*)$/i.exec(text))) {
    if (line.dos) return duplicate('Date of service');
    const valueSpan = { start: token.start + 4, end: span.end };
    const iso = parseServiceDate(match[1]);
    if (iso) line.dos = { value: iso, span: valueSpan };
    else problems.push({ rule: 'date-malformed', span: valueSpan, message: '`dos:` must be a real calendar date written YYYY-MM-DD (or MM/DD/YYYY).' });
  } else if (SEPARATE_MODIFIER.test(text)) {
    problems.push({ rule: 'line-syntax', span, message: `\`${text}\` looks like a modifier: write modifiers right after the code (\`${line.code.value}-${text.replace(/^-/, '').toUpperCase()}\`).` });
  } else {
    problems.push({ rule: 'line-syntax', span, message: `\`${text.length > 24 ? text.slice(0, 24) + '…' : text}\` is not a service-line item: expected units (x2), pointers (ptr:A,B), a charge ($1450.00), pos:NN, rev:NNNN or dos:YYYY-MM-DD.` });
  }
}

function readPointers(token: RawToken, list: string, problems: ParseProblem[]): ServiceLine['pointers'] {
  const letters: Token<string>[] = [];
  let at = token.start + 4;
  for (const piece of list.split(',')) {
    const span = { start: at, end: at + piece.length };
    // Box 24E of the CMS-1500 writes pointers run together (`AB`), so a run of letters is a list too.
    if (!/^[A-L]+$/i.test(piece)) {
      problems.push({ rule: 'line-syntax', span: piece ? span : { start: at - 1, end: at }, message: `\`${piece}\` is not a diagnosis pointer: use letters A-L separated by commas (ptr:A,B).` });
    } else {
      for (let index = 0; index < piece.length; index++) {
        const letterSpan = { start: at + index, end: at + index + 1 };
        if (letters.length >= MAX_POINTERS) {
          problems.push({ rule: 'line-syntax', span: letterSpan, message: 'A service line points to at most four diagnoses.' });
          break;
        }
        letters.push({ value: piece[index].toUpperCase(), span: letterSpan });
      }
    }
    at += piece.length + 1;
  }
  return { letters, span: spanOf(token) };
}
