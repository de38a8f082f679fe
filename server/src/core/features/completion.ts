import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import type { Rule } from '../linting/types';
import { HEADER_KEYS } from '../parse/headerKeys';
import type { DocumentModel } from '../parse/model';
import { SECTION_SYNONYMS, sectionDisplayTitle } from '../parse/sectionSynonyms';
import { SECTION_GUIDANCE } from './sectionGuidance';

const KIND = { text: 1, keyword: 14, snippet: 15, property: 10, module: 9, value: 12, constant: 21, enumMember: 20 } as const;

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
    return ['opnote-disable-next-line', 'opnote-disable', 'opnote-enable'].map((label) => ({ label, kind: KIND.keyword, detail: 'OpNote directive' }));
  }
  if (/^\s*\/\/\s*opnote-(disable-next-line|disable-line|disable|enable)\b[\sA-Za-z0-9,-]*$/.test(prefix)) {
    return rules.map((rule) => ({ label: rule.meta.id, kind: KIND.enumMember, detail: rule.meta.defaultSeverity, documentation: rule.meta.description }));
  }
  return undefined;
}

function headerKeyItems(model: DocumentModel): CompletionItem[] {
  const present = new Set(model.header.fields.map((field) => field.key));
  return HEADER_KEYS.filter((info) => info.kinds.includes(model.kind) && info.key !== 'kind' && !present.has(info.key)).map((info) => ({
    label: info.key,
    kind: KIND.property,
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
        kind: KIND.module,
        detail: `section (${id})`,
        ...(SECTION_GUIDANCE[id] ? { documentation: SECTION_GUIDANCE[id] } : {}),
        insertText: markdown ? (markdownPrefix ? title : `## ${title}`) : `${title.toUpperCase()}: `,
      };
    });
}

/** Completion by context: directives and rule ids in comments, header keys at the top, section titles at a line start. */
export function complete(model: DocumentModel, position: Position, rules: readonly Rule[]): CompletionList {
  const prefix = linePrefix(model, position);
  const items =
    directiveItems(prefix, rules) ??
    (inHeaderArea(model, position) && /^\s*[A-Za-z-]*$/.test(prefix) ? headerKeyItems(model) : undefined) ??
    (/^\s{0,3}#{1,3}\s+[\w ]*$/.test(prefix) ? sectionItems(model, true) : undefined) ??
    (model.kind === 'opnote' && /^\s*[A-Za-z ]*$/.test(prefix) ? sectionItems(model, false) : undefined) ??
    [];
  return { isIncomplete: false, items };
}
