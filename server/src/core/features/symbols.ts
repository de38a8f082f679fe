import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { DocumentModel, Section } from '../parse/model';
import type { Span } from '../text/span';

function symbol(model: DocumentModel, name: string, kind: SymbolKind, range: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  return {
    name: name.trim() || '(untitled)',
    kind,
    range: model.lines.rangeOf(range),
    selectionRange: model.lines.rangeOf(selection),
    ...(detail ? { detail } : {}),
    ...(children?.length ? { children } : {}),
  };
}

/** Outline: the header with its fields, sections nested by Markdown level, and claim lines. */
export function documentSymbols(model: DocumentModel): DocumentSymbol[] {
  const result: DocumentSymbol[] = [];
  if (model.header.fields.length) {
    const fields = model.header.fields.map((field) => symbol(model, field.rawKey, SymbolKind.Property, field.span, field.keySpan, field.known ? undefined : 'unknown key'));
    result.push(symbol(model, 'Header', SymbolKind.Module, model.header.span, model.header.fields[0].keySpan, undefined, fields));
  }
  for (const section of nestSections(model, model.sections)) result.push(section);
  if (model.claim) {
    for (const entry of model.claim.diagnoses) {
      result.push(symbol(model, `${entry.letter}: ${entry.code.value}`, SymbolKind.EnumMember, entry.code.span, entry.code.span, 'diagnosis'));
    }
    for (const line of model.claim.lines) {
      const name = [line.code.value, ...line.modifiers.map((modifier) => modifier.value)].join('-');
      result.push(symbol(model, name, SymbolKind.Function, line.span, line.code.span, `x${line.units?.value ?? 1}`));
    }
  }
  return result;
}

function nestSections(model: DocumentModel, sections: readonly Section[]): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ level: number; symbol: DocumentSymbol; section: Section }> = [];
  for (const section of sections) {
    const item = symbol(model, section.title, SymbolKind.Namespace, section.span, section.titleSpan, section.id === 'other' ? undefined : section.id);
    while (stack.length && stack[stack.length - 1].level >= section.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      (parent.symbol.children ??= []).push(item);
      parent.symbol.range = model.lines.rangeOf({ start: parent.section.span.start, end: Math.max(parent.section.span.end, section.span.end) });
    } else {
      roots.push(item);
    }
    stack.push({ level: section.level, symbol: item, section });
  }
  return roots;
}
