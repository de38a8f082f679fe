import { skipBlanks, trimBlanksEnd } from '../text/blanks';
import type { LineIndex } from '../text/lineIndex';
import { parseServiceDate } from './dates';
import { billTypeOf, claimTypeOf, isAnyHeaderKey, normalizeKey, resolveHeaderKey } from './headerKeys';
import type { DocumentKind, Header, HeaderField, ParseProblem } from './model';
import { canonicalSectionId } from './sectionSynonyms';

/** A header key: a letter, then up to 39 letters, digits, spaces and `_ ( ) / . # & -` ("Charge Sheet #"). */
const KEY = /^[A-Za-z][A-Za-z0-9 _()/.#&-]{0,39}$/;
const MAX_KEY = 40;
const FENCE = /^---[ \t]*$/;

interface RawField {
  rawKey: string;
  keyStart: number;
  valueStart: number;
  value: string;
  lineStart: number;
  lineEnd: number;
}

/** `Key: value`, blanks around key and value trimmed; the first colon ends the key, unless `://` follows it. */
function readKeyValue(text: string, lines: LineIndex, line: number): RawField | undefined {
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  const lineText = text.slice(lineStart, lineEnd);
  const colon = lineText.indexOf(':');
  if (colon < 0 || lineText.startsWith('//', colon + 1)) return undefined;
  const keyStart = skipBlanks(lineText, 0, colon);
  const keyEnd = trimBlanksEnd(lineText, keyStart, colon);
  if (keyEnd - keyStart > MAX_KEY || !KEY.test(lineText.slice(keyStart, keyEnd))) return undefined;
  const valueStart = skipBlanks(lineText, colon + 1);
  return {
    rawKey: lineText.slice(keyStart, keyEnd),
    keyStart: lineStart + keyStart,
    valueStart: lineStart + valueStart,
    value: lineText.slice(valueStart, trimBlanksEnd(lineText, valueStart, lineText.length)),
    lineStart,
    lineEnd,
  };
}

function isBlank(text: string, lines: LineIndex, line: number): boolean {
  return text.slice(lines.lineStart(line), lines.lineEnd(line)).trim() === '';
}

/**
 * Reads the header: a `---` front-matter block at the very top, or `Key: value` lines at the top up
 * to the first blank line. A top block counts as a header only when its first key is a header key, so
 * a dictation that opens with `PREOPERATIVE DIAGNOSIS:` keeps that line as a section.
 */
export function parseHeader(text: string, lines: LineIndex, problems: ParseProblem[]): { raw: RawField[]; style: Header['style']; span: { start: number; end: number }; bodyStartLine: number } {
  const firstLine = text.slice(0, lines.lineEnd(0));
  if (FENCE.test(firstLine)) {
    let close = -1;
    for (let line = 1; line < lines.lineCount; line++) {
      if (FENCE.test(text.slice(lines.lineStart(line), lines.lineEnd(line)))) {
        close = line;
        break;
      }
    }
    if (close < 0) {
      problems.push({ rule: 'header-syntax', span: { start: 0, end: lines.lineEnd(0) }, message: 'The front-matter block opened here is never closed with a `---` line, so it is read as body text.' });
      return { raw: [], style: 'none', span: { start: 0, end: 0 }, bodyStartLine: 0 };
    }
    const raw: RawField[] = [];
    for (let line = 1; line < close; line++) {
      if (isBlank(text, lines, line) || /^\s*(#|\/\/)/.test(text.slice(lines.lineStart(line), lines.lineEnd(line)))) continue;
      const field = readKeyValue(text, lines, line);
      if (field) raw.push(field);
      else problems.push({ rule: 'header-syntax', span: lines.lineSpan(line), message: 'This front-matter line is not a `key: value` pair.' });
    }
    return { raw, style: 'front-matter', span: { start: 0, end: lines.lineEnd(close) }, bodyStartLine: close + 1 };
  }

  const raw: RawField[] = [];
  let line = 0;
  for (; line < lines.lineCount; line++) {
    // Comment lines (directives) may sit above or inside a header without ending it.
    if (/^[ \t]*\/\//.test(text.slice(lines.lineStart(line), lines.lineEnd(line)))) continue;
    const field = readKeyValue(text, lines, line);
    if (!field) break;
    const isHeaderKey = isAnyHeaderKey(field.rawKey);
    // A section title ends the header even without a blank line (dictation pasted under a header).
    if (!isHeaderKey && canonicalSectionId(field.rawKey) !== undefined) break;
    // A header opens with a key OpNote knows, or with one it does not right above one it does ("Payer ID: ...\nDOS: ...").
    if (raw.length === 0 && !isHeaderKey && !nextIsHeaderKey(text, lines, line)) break;
    raw.push(field);
  }
  if (raw.length === 0) return { raw, style: 'none', span: { start: 0, end: 0 }, bodyStartLine: 0 };
  const end = raw[raw.length - 1].lineEnd;
  const start = raw[0].lineStart;
  const bodyStartLine = line < lines.lineCount && isBlank(text, lines, line) ? line + 1 : line;
  return { raw, style: 'key-value', span: { start, end }, bodyStartLine };
}

function nextIsHeaderKey(text: string, lines: LineIndex, line: number): boolean {
  const next = line + 1 < lines.lineCount ? readKeyValue(text, lines, line + 1) : undefined;
  return next !== undefined && isAnyHeaderKey(next.rawKey);
}

/** Another field after a gap on the same line: "   MRN: PNS-2026-0655". */
const NEXT_COLUMN_FIELD = /(?<![ \t])[ \t]{2,}(?=[A-Za-z][\w /#-]{0,30}:)/;

/** Resolves raw fields against the keys of the document's kind and checks typed values. */
export function resolveHeaderFields(raw: readonly RawField[], kind: DocumentKind, problems: ParseProblem[]): HeaderField[] {
  return raw.map((field) => {
    const info = resolveHeaderKey(field.rawKey, kind);
    const keySpan = { start: field.keyStart, end: field.keyStart + field.rawKey.length };
    const valueSpan = { start: field.valueStart, end: field.valueStart + field.value.length };
    let isoDate: string | undefined;
    if (!info) {
      problems.push({ rule: 'header-unknown-key', span: keySpan, message: `Unknown header key \`${field.rawKey}\` for a ${kind === 'claim' ? 'claim' : 'note'}; it is kept but OpNote does not use it.` });
    } else if (info.valueType === 'date' && field.value !== '') {
      // A header line of fields set in columns ("DATE: 2026-03-23   MRN: PNS-2026-0655") dates by its first one.
      isoDate = parseServiceDate(field.value.split(NEXT_COLUMN_FIELD)[0]);
      if (!isoDate) {
        problems.push({ rule: 'date-malformed', span: valueSpan, message: `\`${info.key}\` must be a real calendar date written YYYY-MM-DD (or MM/DD/YYYY).` });
      }
    } else if (info.valueType === 'claim-type' && field.value !== '' && !claimTypeOf(field.value)) {
      problems.push({ rule: 'header-syntax', span: valueSpan, message: '`claim-type` is `professional` (CMS-1500, 837P) or `institutional` (UB-04, 837I); the claim is read as professional.' });
    } else if (info.valueType === 'bill-type' && field.value !== '' && !billTypeOf(field.value)) {
      problems.push({ rule: 'header-syntax', span: valueSpan, message: '`bill-type` is a type of bill of 3 digits (e.g. 131), 4 with a leading zero (0131), or 13:A:1 as in the 837I.' });
    }
    return {
      rawKey: field.rawKey,
      key: info?.key ?? normalizeKey(field.rawKey),
      known: info !== undefined,
      keySpan,
      value: field.value,
      valueSpan,
      span: { start: field.lineStart, end: field.lineEnd },
      ...(isoDate ? { isoDate } : {}),
    };
  });
}

export type { RawField };
