import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { X12Outline, X12OutlineClaim } from '../parse/x12/outline';
import type { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/span';

function symbol(lines: LineIndex, name: string, kind: SymbolKind, range: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  return { name: name.trim() || '(untitled)', kind, range: lines.rangeOf(range), selectionRange: lines.rangeOf(selection), ...(detail ? { detail } : {}), ...(children?.length ? { children } : {}) };
}

function claimSymbol(lines: LineIndex, claim: X12OutlineClaim): DocumentSymbol {
  const serviceLines = claim.lines.map((line) => {
    const name = [line.code.value, ...line.modifiers.map((modifier) => modifier.value)].join('-');
    return symbol(lines, name, SymbolKind.Function, line.span, line.code.span, [line.revenueCode && `rev ${line.revenueCode.value}`, `x${line.units?.value ?? 1}`].filter(Boolean).join(' '));
  });
  return symbol(lines, `Claim ${claim.patientControlNumber}`, SymbolKind.Class, claim.span, claim.clm, claim.format, serviceLines);
}

/** Outline of an 837: interchange → claims → service lines. */
export function x12Symbols(lines: LineIndex, outline: X12Outline): DocumentSymbol[] {
  return [
    ...outline.interchanges.map((interchange) =>
      symbol(lines, `Interchange ${interchange.controlNumber}`, SymbolKind.Module, interchange.span, interchange.isa, `${interchange.claims.length} claims`, interchange.claims.map((claim) => claimSymbol(lines, claim))),
    ),
    ...outline.looseClaims.map((claim) => claimSymbol(lines, claim)),
  ];
}

/** Folds each interchange and each claim that spans more than one line. */
export function x12FoldingRanges(lines: LineIndex, outline: X12Outline): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (span: Span) => {
    const startLine = lines.lineAt(span.start);
    const endLine = lines.lineAt(span.end);
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: 'region' });
  };
  for (const interchange of outline.interchanges) {
    add(interchange.span);
    for (const claim of interchange.claims) add(claim.span);
  }
  for (const claim of outline.looseClaims) add(claim.span);
  return ranges;
}
