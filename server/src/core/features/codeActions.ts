import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Fix, RuleFinding, SpanEdit } from '../linting/types';
import type { DocumentModel } from '../parse/model';
import type { Range } from '../text/lineIndex';
import { spansOverlap, type Span } from '../text/span';

export const FIX_ALL_KIND = 'source.fixAll.opnote';

/** Lazily computed actions carry this in `data`; `codeAction/resolve` turns it into an edit. */
export type DeferredEdit =
  | { readonly type: 'disable-line'; readonly rule: string; readonly line: number }
  | { readonly type: 'disable-file'; readonly rule: string }
  | { readonly type: 'fix-all'; readonly rule?: string };

export interface DeferredActionData {
  readonly uri: string;
  readonly version: number;
  readonly deferred: DeferredEdit;
}

function lineBreak(model: DocumentModel): string {
  return model.text.includes('\r\n') ? '\r\n' : '\n';
}

function lineText(model: DocumentModel, line: number): string {
  return model.text.slice(model.lines.lineStart(line), model.lines.lineEnd(line));
}

/** Appends a rule id to an existing directive's list, before any `-- reason`. */
function appendToDirective(model: DocumentModel, line: number, rule: string): SpanEdit | undefined {
  const directive = model.directives.find((candidate) => candidate.line === line);
  if (!directive || directive.rules.length === 0) return undefined;
  if (directive.rules.some((existing) => existing.id === rule)) return { span: { start: directive.span.end, end: directive.span.end }, newText: '' };
  const last = directive.rules[directive.rules.length - 1].span.end;
  return { span: { start: last, end: last }, newText: `, ${rule}` };
}

/** `// opnote-disable-next-line RULE` above the line, keeping its indentation, or merged into one already there. */
export function disableLineEdit(model: DocumentModel, rule: string, line: number): SpanEdit {
  const above = line - 1;
  if (above >= 0 && model.directives.some((directive) => directive.line === above && directive.kind === 'disable-next-line')) {
    const merged = appendToDirective(model, above, rule);
    if (merged) return merged;
  }
  const indent = /^[ \t]*/.exec(lineText(model, line))![0];
  const at = model.lines.lineStart(line);
  return { span: { start: at, end: at }, newText: `${indent}// opnote-disable-next-line ${rule}${lineBreak(model)}` };
}

/** `// opnote-disable RULE` right after the header, or merged into a file-level directive already there. */
export function disableFileEdit(model: DocumentModel, rule: string): SpanEdit {
  const firstLine = model.header.fields.length ? model.lines.lineAt(model.header.span.end) + 1 : 0;
  const existing = model.directives.find((directive) => directive.kind === 'disable' && directive.line <= firstLine + 1 && directive.rules.length > 0);
  if (existing) {
    const merged = appendToDirective(model, existing.line, rule);
    if (merged) return merged;
  }
  if (firstLine >= model.lines.lineCount) {
    return { span: { start: model.text.length, end: model.text.length }, newText: `${lineBreak(model)}// opnote-disable ${rule}` };
  }
  const at = model.lines.lineStart(firstLine);
  return { span: { start: at, end: at }, newText: `// opnote-disable ${rule}${lineBreak(model)}` };
}

/**
 * The fix to apply unattended (fix-all, fix on save): only one a rule marks preferred. Fixes that
 * insert documentation templates never are, so fix-all cannot write clinical text for anyone.
 */
export function automaticFix(finding: RuleFinding): Fix | undefined {
  return finding.fixes?.find((fix) => fix.isPreferred);
}

/** Non-overlapping edits of every automatic fix, in document order (first come, first kept). */
export function fixAllEdits(findings: readonly RuleFinding[], rule?: string): SpanEdit[] {
  const chosen: SpanEdit[] = [];
  const taken: Span[] = [];
  const fixes = findings
    .filter((finding) => !rule || finding.rule.id === rule)
    .map(automaticFix)
    .filter((fix): fix is Fix => fix !== undefined && fix.edits.length > 0)
    .sort((a, b) => a.edits[0].span.start - b.edits[0].span.start);
  for (const fix of fixes) {
    const spans = fix.edits.map((edit) => edit.span);
    const clashes = spans.some((s) => taken.some((t) => spansOverlap(s, t) || (s.start === s.end && s.start === t.start) || (t.start === t.end && t.start === s.start)));
    if (clashes) continue;
    chosen.push(...fix.edits);
    taken.push(...spans);
  }
  return chosen;
}

/** Fix-all for a document, to a fixed point (the service re-checks between rounds). */
export type FixAll = (rule?: string) => SpanEdit[];

export function deferredEdits(model: DocumentModel, deferred: DeferredEdit, fixAll: FixAll): SpanEdit[] {
  switch (deferred.type) {
    case 'disable-line':
      return [disableLineEdit(model, deferred.rule, deferred.line)];
    case 'disable-file':
      return [disableFileEdit(model, deferred.rule)];
    case 'fix-all':
      return fixAll(deferred.rule);
  }
}

/** Applies non-overlapping span edits to a text. */
export function applySpanEdits(text: string, edits: readonly SpanEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

/** One edit that turns `before` into `after`, covering only the part between their common prefix and suffix. */
export function replacementEdit(before: string, after: string): SpanEdit {
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}

export function toWorkspaceEdit(model: DocumentModel, edits: readonly SpanEdit[]): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((edit) => ({ range: model.lines.rangeOf(edit.span), newText: edit.newText }));
  return { changes: { [model.uri]: textEdits } };
}

export interface CodeActionInput {
  readonly model: DocumentModel;
  readonly findings: readonly RuleFinding[];
  readonly diagnostics: readonly Diagnostic[];
  readonly range: Range;
  readonly only?: readonly string[];
  /** The client resolves `edit` lazily (codeAction/resolve). */
  readonly resolveSupport: boolean;
  readonly fixAll: FixAll;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
}

/** Quick fixes for findings in the range, disable-for-line/file on every finding, and fix-all. */
export function codeActions(input: CodeActionInput): CodeAction[] {
  const { model, findings, only } = input;
  const requested = model.lines.spanOf(input.range);
  const actions: CodeAction[] = [];
  const deferredAction = (title: string, kind: string, deferred: DeferredEdit, diagnostics?: Diagnostic[]): CodeAction => {
    const data: DeferredActionData = { uri: model.uri, version: model.version, deferred };
    return {
      title,
      kind,
      ...(diagnostics ? { diagnostics } : {}),
      ...(input.resolveSupport ? { data } : { edit: toWorkspaceEdit(model, deferredEdits(model, deferred, input.fixAll)) }),
    };
  };
  if (wants(only, 'quickfix')) {
    const seenRules = new Set<string>();
    findings.forEach((finding, index) => {
      const touches = spansOverlap(finding.span, requested) || (requested.start === requested.end && finding.span.start <= requested.start && requested.start <= finding.span.end);
      if (!touches) return;
      const diagnostic = input.diagnostics[index];
      for (const fix of finding.fixes ?? []) {
        actions.push({ title: fix.title, kind: 'quickfix', diagnostics: [diagnostic], isPreferred: fix.isPreferred ?? false, edit: toWorkspaceEdit(model, fix.edits) });
      }
      const rule = finding.rule.id;
      const sameRuleFixable = findings.filter((other) => other.rule.id === rule && automaticFix(other)).length;
      if (sameRuleFixable > 1 && !seenRules.has(`all:${rule}`)) {
        seenRules.add(`all:${rule}`);
        actions.push(deferredAction(`Fix all ${rule} problems in this file`, 'quickfix', { type: 'fix-all', rule }, [diagnostic]));
      }
      const line = model.lines.lineAt(finding.span.start);
      actions.push(deferredAction(`Disable ${rule} for this line`, 'quickfix', { type: 'disable-line', rule, line }, [diagnostic]));
      if (!seenRules.has(`file:${rule}`)) {
        seenRules.add(`file:${rule}`);
        actions.push(deferredAction(`Disable ${rule} for this file`, 'quickfix', { type: 'disable-file', rule }, [diagnostic]));
      }
    });
  }
  if (only && wants(only, FIX_ALL_KIND) && only.some((kind) => kind.startsWith('source')) && findings.some(automaticFix)) {
    actions.push(deferredAction('Fix all auto-fixable OpNote problems', FIX_ALL_KIND, { type: 'fix-all' }));
  }
  return actions;
}
