import { markupAsBlanks } from '../text/markup';
import { capitalisedShorthand } from '../text/lowerCase';
import { repairOcr } from '../text/ocr';
import { separatorsAsColons } from '../text/fieldSeparators';
import { LineIndex } from '../text/lineIndex';
import { DX_LINE, parseDxLine, parseServiceLine, startsWithProcedureCode } from './claimLines';
import { scanCodes } from './codes';
import { isCommentLine, parseDirective } from './directives';
import { parseHeader, resolveHeaderFields } from './header';
import { matchHeading, wrappedLabelHeading, type HeadingMatch } from './headings';
import type { ClaimBody, CodeMention, Comment, DiagnosisEntry, Directive, DocumentKind, DocumentModel, ParseProblem, Section, ServiceLine } from './model';
import { canonicalSectionId } from './sectionSynonyms';
import { scanUnreadable } from './unreadable';
import { scanPlaceholders, type Placeholder } from './placeholders';
import { checkedOptionCells } from './checkedOptions';
import { headerTableCells } from './tables';
import { readTemplateLine } from './template';

export interface SourceDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** Language id or file extension hint; the `kind:` header wins over it. */
  readonly kindHint?: DocumentKind;
}

export function kindFromUri(uri: string): DocumentKind {
  return /\.claim$/i.test(uri) ? 'claim' : 'opnote';
}

interface PendingHeading extends HeadingMatch {
  lineStart: number;
  lineEnd: number;
}

type Top = Pick<DocumentModel, 'uri' | 'version' | 'kind' | 'text' | 'lines' | 'header'> & { readonly bodyStartLine: number; readonly source: string };
type Body = Omit<DocumentModel, keyof Top | 'readText'>;

/** The header and the document kind it settles (`kind:` wins over the hint). */
function readTop(source: SourceDocument, problems: ParseProblem[], repair: (text: string) => string = (text) => text): Top {
  const text = repair(source.text);
  const lines = new LineIndex(text);
  const rawHeader = parseHeader(text, lines, problems);
  const kindField = rawHeader.raw.find((field) => /^(kind|type|document[ _-]?kind)$/i.test(field.rawKey.trim()));
  const kindValue = kindField?.value.trim().toLowerCase();
  const kind: DocumentKind = kindValue === 'claim' || kindValue === 'opnote' ? kindValue : source.kindHint ?? kindFromUri(source.uri);
  const header = { style: rawHeader.style, fields: resolveHeaderFields(rawHeader.raw, kind, problems), span: rawHeader.span };
  return { uri: source.uri, version: source.version, kind, text, lines, header, bodyStartLine: rawHeader.bodyStartLine, source: source.text };
}

/**
 * The model keeps the document's own text and its lines (positions are the editor's); the repaired
 * text it was read from goes in `readText` (a word joined across a line end moves that line break).
 */
function modelOf(top: Top, body: Body): DocumentModel {
  // Spelled out rather than spread: object spread took a slow path and showed in profiles.
  const repaired = top.source !== top.text;
  const model: { -readonly [K in keyof DocumentModel]: DocumentModel[K] } = {
    uri: top.uri,
    version: top.version,
    kind: top.kind,
    text: top.source,
    lines: repaired ? new LineIndex(top.source) : top.lines,
    header: top.header,
    sections: body.sections,
    comments: body.comments,
    directives: body.directives,
    codes: body.codes,
    placeholders: body.placeholders,
    problems: body.problems,
  };
  if (repaired) model.readText = top.text;
  if (body.claim) model.claim = body.claim;
  if (body.tableCells) model.tableCells = body.tableCells;
  if (body.truncatedAt !== undefined) model.truncatedAt = body.truncatedAt;
  return model;
}

/** The longest text read through the OCR and export repairs (a note of a few pages is far shorter). */
const MAX_REPAIRED_LENGTH = 256 * 1024;

/** Parses any text into a model; never throws. Problems carry exact spans. */
export function parseDocument(source: SourceDocument): DocumentModel {
  const problems: ParseProblem[] = [];
  // A scanned note is read with its OCR confusions repaired, an export's tabs and dot leaders as
  // colons, a note typed in lower case with its "us" as "US", Markdown's bold and quote marks as
  // blanks, offset for offset (text/ocr.ts, text/fieldSeparators.ts, text/lowerCase.ts, text/markup.ts).
  // A scan or an export is a note of a few pages: a longer text is read as written.
  const top = readTop(source, problems, (text) => (text.length > MAX_REPAIRED_LENGTH ? text : separatorsAsColons(repairOcr(capitalisedShorthand(markupAsBlanks(text))))));
  const { text, lines, kind } = top;

  const comments: Comment[] = [];
  const directives: Directive[] = [];
  const codes: CodeMention[] = [];
  const headings: PendingHeading[] = [];
  const diagnoses: DiagnosisEntry[] = [];
  const dxLines: { start: number; end: number }[] = [];
  const serviceLines: ServiceLine[] = [];
  const placeholders: Placeholder[] = [];

  // Whether the line before was blank: a label that opens a paragraph heads it (headings.ts).
  let previousBlank = false;
  for (let line = 0; line < lines.lineCount; line++) {
    const lineStart = lines.lineStart(line);
    const lineEnd = lines.lineEnd(line);
    const lineText = text.slice(lineStart, lineEnd);
    if (isCommentLine(lineText)) {
      comments.push({ span: { start: lineStart, end: lineEnd }, line });
      const directive = parseDirective(lineText, lineStart, line);
      if (directive) directives.push(directive);
      continue;
    }
    if (line < top.bodyStartLine) continue;
    const heading = matchHeading(lineText, line === top.bodyStartLine || previousBlank);
    previousBlank = isBlankLine(lineText);
    if (kind === 'claim') {
      if (lineText.trim() === '') continue;
      if (DX_LINE.test(lineText)) {
        const entries = parseDxLine(lineText, lineStart, diagnoses.length, problems);
        diagnoses.push(...entries);
        dxLines.push({ start: lineStart + lineText.search(/\S/), end: lineStart + lineText.trimEnd().length });
        for (const entry of entries) codes.push({ code: entry.code.value, system: 'icd10cm', span: entry.code.span });
      } else if (startsWithProcedureCode(lineText)) {
        const service = parseServiceLine(lineText, lineStart, line, problems);
        serviceLines.push(service);
        const trailing = service.comment && parseDirective(text.slice(service.comment.start, service.comment.end), service.comment.start, line);
        if (trailing) directives.push(trailing);
        codes.push({ code: service.code.value, system: /^\d{4}T$/.test(service.code.value) ? 'cpt-cat3' : /^\d/.test(service.code.value) ? 'cpt' : 'hcpcs', span: service.code.span });
        for (const modifier of service.modifiers) codes.push({ code: modifier.value, system: 'modifier', span: modifier.span });
      } else if (heading && heading.style === 'markdown') {
        headings.push(pendingHeading(heading, lineStart, lineEnd));
      } else {
        problems.push(unreadableClaimLine(lineText, lineStart));
      }
      continue;
    }
    const lineCodesFrom = codes.length;
    if (heading) {
      const wrapped = line > top.bodyStartLine ? wrappedLabelHeading(text.slice(lines.lineStart(line - 1), lines.lineEnd(line - 1)), lineText, heading) : undefined;
      headings.push(pendingHeading(wrapped ?? heading, lineStart, lineEnd));
      scanCodes(lineText.slice(heading.headingEnd), lineStart + heading.headingEnd, codes);
    } else {
      scanCodes(lineText, lineStart, codes);
    }
    if (codes.length > lineCodesFrom && UNCHECKED_BOX.test(lineText)) markUnchosenCodes(lineText, lineStart, codes, lineCodesFrom);
    scanPlaceholders(lineText, lineStart, placeholders);
  }
  scanUnreadable(text, lines, problems);

  const claim: ClaimBody | undefined = kind === 'claim' ? { diagnoses, dxLines, lines: serviceLines } : undefined;
  // The table's shape is read from the text as written: the export repair turns a row's first tab into a colon.
  const tableCells = kind === 'opnote' ? [...headerTableCells(top.source), ...checkedOptionCells(top.source)].sort((a, b) => a.span.start - b.span.start) : [];
  return modelOf(top, { sections: buildSections(headings, text.length), comments, directives, codes, placeholders, ...(claim ? { claim } : {}), ...(tableCells.length ? { tableCells } : {}), problems });
}

/**
 * Only what an outline shows: the header, comments and section headings (in a claim, `#` headings).
 * For a document too large to check: one cheap pass, no codes, claim lines, directives or problems.
 */
export function parseOutline(source: SourceDocument): DocumentModel {
  const top = readTop(source, []);
  const { text, lines, kind } = top;
  const comments: Comment[] = [];
  const headings: PendingHeading[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const lineStart = lines.lineStart(line);
    const lineEnd = lines.lineEnd(line);
    const lineText = text.slice(lineStart, lineEnd);
    if (isCommentLine(lineText)) comments.push({ span: { start: lineStart, end: lineEnd }, line });
    else if (line >= top.bodyStartLine) {
      const heading = matchHeading(lineText);
      if (heading && (kind !== 'claim' || heading.style === 'markdown')) headings.push(pendingHeading(heading, lineStart, lineEnd));
    }
  }
  const claim: ClaimBody | undefined = kind === 'claim' ? { diagnoses: [], dxLines: [], lines: [] } : undefined;
  return modelOf(top, { sections: buildSections(headings, text.length), comments, directives: [], codes: [], placeholders: [], ...(claim ? { claim } : {}), problems: [] });
}

function isBlankLine(line: string): boolean {
  for (let index = 0; index < line.length; index++) if (line.charCodeAt(index) > 32) return false;
  return true;
}

/** Spelled out rather than spread: object spread of the match took a slow path and showed in profiles. */
function pendingHeading(heading: HeadingMatch, lineStart: number, lineEnd: number): PendingHeading {
  const { style, level, title, titleStart, titleEnd, headingStart, headingEnd } = heading;
  return { style, level, title, titleStart, titleEnd, headingStart, headingEnd, lineStart, lineEnd };
}

function unreadableClaimLine(lineText: string, lineStart: number): ParseProblem {
  const first = lineText.search(/\S/);
  const span = { start: lineStart + first, end: lineStart + lineText.trimEnd().length };
  const looksLikeHeader = /^[ \t]*[A-Za-z][A-Za-z _-]{0,39}:/.test(lineText);
  const message = looksLikeHeader
    ? 'Header fields belong at the top of the claim, before the first blank line; here this line cannot be read.'
    : 'Cannot read this claim line: expected `dx:` diagnoses, a service line such as `64596-LT x1 ptr:A $1450.00`, a `#` heading or a `//` comment.';
  return { rule: 'line-syntax', span, message };
}

function buildSections(headings: readonly PendingHeading[], textLength: number): Section[] {
  return headings.map((heading, index) => {
    const next = headings[index + 1];
    const end = next ? next.lineStart : textLength;
    const bodyStart = Math.min(heading.lineStart + heading.headingEnd, end);
    return {
      id: canonicalSectionId(heading.title) ?? 'other',
      title: heading.title,
      style: heading.style,
      level: heading.level,
      titleSpan: { start: heading.lineStart + heading.titleStart, end: heading.lineStart + heading.titleEnd },
      headingSpan: { start: heading.lineStart + heading.headingStart, end: heading.lineStart + heading.headingEnd },
      bodySpan: { start: bodyStart, end },
      span: { start: heading.lineStart, end },
    };
  });
}

const UNCHECKED_BOX = /\[ \]|\( \)|☐/;

/** Flags the codes of one line (from index `from` on) that stand in options left unchecked. */
function markUnchosenCodes(lineText: string, lineStart: number, codes: CodeMention[], from: number): void {
  const unchosen = readTemplateLine(lineText).filter((span) => span.mark === 'unchosen');
  for (let index = from; index < codes.length; index++) {
    const code = codes[index];
    const start = code.span.start - lineStart;
    if (unchosen.some((span) => span.start <= start && code.span.end - lineStart <= span.end)) codes[index] = { ...code, unchosen: true };
  }
}
