import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { Knowledge } from '../knowledge';
import type { Rule } from '../linting/types';
import { HEADER_KEYS } from '../parse/headerKeys';
import type { DocumentModel } from '../parse/model';
import { SECTION_SYNONYMS, sectionDisplayTitle } from '../parse/sectionSynonyms';
import { billTypeItems, claimTypeItems, icd10Items, modifierItems, payerItems, posItems, procedureCodeItems, revenueCodeItems, type TokenAtCursor } from './completionCodes';
import { SECTION_GUIDANCE } from './sectionGuidance';

function linePrefix(model: DocumentModel, position: Position): string {
  const start = model.lines.lineStart(position.line);
  return model.text.slice(start, model.lines.offsetAt(position));
}

function inHeaderArea(model: DocumentModel, position: Position): boolean {
  const { style, span } = model.header;
  if (style === 'none') return model.text.slice(0, model.lines.lineStart(position.line)).trim() === '';
  const first = model.lines.lineAt(span.start);
  const last = model.lines.lineAt(span.end);
  return style === 'front-matter' ? position.line > first && position.line < last : position.line >= first && position.line <= last + 1;
}

function directiveItems(prefix: string, rules: readonly Rule[]): CompletionItem[] | undefined {
  const directive = /^\s*\/\/\s*(opnote-[a-z-]*)?$/.exec(prefix);
  if (directive) {
    return ['opnote-disable-next-line', 'opnote-disable', 'opnote-enable'].map((label) => ({ label, kind: CompletionItemKind.Keyword, detail: 'OpNote directive' }));
  }
  if (/^\s*\/\/\s*opnote-(disable-next-line|disable-line|disable|enable)\b[\sA-Za-z0-9,-]*$/.test(prefix)) {
    return rules.map((rule) => ({ label: rule.meta.id, kind: CompletionItemKind.EnumMember, detail: rule.meta.defaultSeverity, documentation: rule.meta.description }));
  }
  return undefined;
}

function headerKeyItems(model: DocumentModel): CompletionItem[] {
  const present = new Set(model.header.fields.map((field) => field.key));
  return HEADER_KEYS.filter((info) => info.kinds.includes(model.kind) && info.key !== 'kind' && !present.has(info.key)).map((info) => ({
    label: info.key,
    kind: CompletionItemKind.Property,
    detail: 'header key',
    documentation: info.description,
    insertText: `${info.key}: `,
  }));
}

function usesMarkdownHeadings(model: DocumentModel): boolean {
  const markdown = model.sections.filter((section) => section.style === 'markdown').length;
  return markdown > 0 && markdown >= model.sections.length / 2;
}

function sectionItems(model: DocumentModel, markdownPrefix: boolean): CompletionItem[] {
  const present = new Set(model.sections.map((section) => section.id));
  const markdown = markdownPrefix || usesMarkdownHeadings(model);
  return Object.keys(SECTION_SYNONYMS)
    .filter((id) => !present.has(id))
    .map((id) => {
      const title = sectionDisplayTitle(id);
      return {
        label: markdown ? title : title.toUpperCase(),
        kind: CompletionItemKind.Module,
        detail: `section (${id})`,
        ...(SECTION_GUIDANCE[id] ? { documentation: SECTION_GUIDANCE[id] } : {}),
        insertText: markdown ? (markdownPrefix ? title : `## ${title}`) : `${title.toUpperCase()}: `,
      };
    });
}

function tokenBefore(position: Position, prefix: string, pattern: RegExp): TokenAtCursor | undefined {
  const match = pattern.exec(prefix);
  if (!match) return undefined;
  const text = match[match.length - 1] ?? '';
  return { text, range: { start: { line: position.line, character: position.character - text.length }, end: position } };
}

const DX_SECTIONS = new Set(['preop-dx', 'postop-dx', 'diagnosis']);

function inSection(model: DocumentModel, position: Position, ids: ReadonlySet<string>): boolean {
  const offset = model.lines.offsetAt(position);
  return model.sections.some((section) => ids.has(section.id) && section.bodySpan.start <= offset && offset <= section.bodySpan.end);
}

/** Codes, modifiers, payers, place of service and ICD-10-CM by what the cursor follows. */
function codeCompletion(model: DocumentModel, position: Position, prefix: string, knowledge: Knowledge, codesOnly = false): CompletionList | undefined {
  const header = model.header.style !== 'none' && inHeaderArea(model, position);
  const payer = header && !codesOnly ? tokenBefore(position, prefix, /^\s*(?:payer|payor|insurance|insurer|plan|carrier)\s*:\s*(.*)$/i) : undefined;
  if (payer) return { isIncomplete: false, items: payerItems(knowledge, payer) };
  const pos = tokenBefore(position, prefix, header ? /^\s*(?:pos|place[ _-]of[ _-]service)\s*:\s*(\d{0,2})$/i : /\bpos:(\d{0,2})$/i);
  if (pos) return { isIncomplete: false, items: posItems(knowledge, pos) };
  if (header && model.kind === 'claim') {
    const claimType = tokenBefore(position, prefix, /^\s*(?:claim[ _-]type|claim[ _-]form|form)\s*:\s*([A-Za-z0-9-]*)$/i);
    if (claimType) return { isIncomplete: false, items: claimTypeItems(claimType) };
    const billType = tokenBefore(position, prefix, /^\s*(?:bill[ _-]type|type[ _-]of[ _-]bill|tob)\s*:\s*(\d{0,4})$/i);
    if (billType) return { isIncomplete: false, items: billTypeItems(knowledge, billType) };
  }
  if (header) return undefined;
  const revenue = model.kind === 'claim' ? tokenBefore(position, prefix, /\brev:(\d{0,4})$/i) : undefined;
  if (revenue) return { isIncomplete: false, items: revenueCodeItems(knowledge, revenue) };
  const dx = model.kind === 'claim' ? tokenBefore(position, prefix, /^\s*dx\s*:(?:[^,]*,)*\s*([A-Za-z0-9.]*)$/i) : undefined;
  if (dx) return icd10Items(knowledge, dx);
  const modifier =
    tokenBefore(position, prefix, model.kind === 'claim' ? /^\s*[0-9A-Z]{5}(?:-[0-9A-Z]{2})*-([0-9A-Z]?)$/i : /\b\d{4}[0-9T](?:-[0-9A-Z]{2})*-([0-9A-Z]?)$/) ??
    tokenBefore(position, prefix, /\bmodifiers?\s*(?::\s*)?(?:-?[0-9A-Z]{2}\s*,\s*)*-?([0-9A-Z]?)$/i);
  if (modifier) return { isIncomplete: false, items: modifierItems(knowledge, modifier) };
  const code = tokenBefore(position, prefix, model.kind === 'claim' ? /^\s*([0-9A-Z]{1,5})$/i : /(?:^|[\s(,;])(\d{2,5}|[A-V]\d{0,4})$/);
  if (code && /^\d/.test(code.text)) return { isIncomplete: false, items: procedureCodeItems(knowledge, code) };
  const icd = tokenBefore(position, prefix, /(?:^|[\s(,;])([A-TV-Z]\d[0-9A-Z]?\.?[0-9A-Z]{0,4})$/);
  if (icd && (model.kind === 'opnote' ? inSection(model, position, DX_SECTIONS) : false)) return icd10Items(knowledge, icd);
  if (code && code.text.length >= 1) {
    const items = procedureCodeItems(knowledge, code);
    if (items.length) return { isIncomplete: false, items };
  }
  return undefined;
}

/**
 * Editors do not suggest on their own inside a number, so a digit opens completion while a code is typed
 * (a service line, a `dx:` list, a modifier, a code in a note: an ICD-10-CM letter is always followed by
 * one). Typed in prose a digit must answer nothing, hence `complete`'s `triggerCharacter`.
 */
export const CODE_TRIGGER_CHARACTERS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Only codes answer a digit; in a note a number of one or two digits is a count or a dose, not a code. */
function typedCodeCompletion(model: DocumentModel, position: Position, prefix: string, knowledge: Knowledge): CompletionList {
  if (/^\s*\/\//.test(prefix) || (model.kind === 'opnote' && /(?:^|[^0-9A-Za-z.])\d{1,2}$/.test(prefix))) return EMPTY;
  const codes = codeCompletion(model, position, prefix, knowledge, true);
  return codes ?? EMPTY;
}

/**
 * Completion by context: directives and rule ids in comments, codes and values where they are typed, header keys at the top, section titles at a line start.
 * `triggerCharacter` is the character the user typed when the editor asked because of it (LSP `CompletionTriggerKind.TriggerCharacter`).
 */
export function complete(model: DocumentModel, requested: Position, rules: readonly Rule[], knowledge: Knowledge, triggerCharacter?: string): CompletionList {
  // A client may ask past a line's end; answer for the position the text really has.
  const position = model.lines.positionAt(model.lines.offsetAt(requested));
  const prefix = linePrefix(model, position);
  if (triggerCharacter !== undefined && CODE_TRIGGER_CHARACTERS.includes(triggerCharacter)) return typedCodeCompletion(model, position, prefix, knowledge);
  if (!/^\s*\/\//.test(prefix)) {
    const codes = codeCompletion(model, position, prefix, knowledge);
    if (codes) return codes;
  }
  const items =
    directiveItems(prefix, rules) ??
    (inHeaderArea(model, position) && /^\s*[A-Za-z-]*$/.test(prefix) ? headerKeyItems(model) : undefined) ??
    (/^\s{0,3}#{1,3}\s+(?:\w[\w ]*)?$/.test(prefix) ? sectionItems(model, true) : undefined) ??
    (model.kind === 'opnote' && /^\s*(?:[A-Za-z][A-Za-z ]*)?$/.test(prefix) ? sectionItems(model, false) : undefined) ??
    [];
  return { isIncomplete: false, items };
}
