import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Fix, Role, RuleFinding, SpanEdit } from '../linting/types';
import type { Directive, DocumentModel } from '../parse/model';
import type { Range } from '../text/lineIndex';
import { spansOverlap, type Span } from '../text/span';
import { partitionPoint } from '../text/partition';

export const FIX_ALL_KIND = 'source.fixAll.opnote';

/** Lazily computed actions carry this in `data`; `codeAction/resolve` turns it into an edit. */
export type DeferredEdit =
  | { readonly type: 'disable-line'; readonly rule: string; readonly line: number }
  | { readonly type: 'disable-file'; readonly rule: string }
  | { readonly type: 'fix-all'; readonly rule?: string }
  /** A fix several findings share (one units-exceed fix settles a whole session): fix `fix` of finding `finding` (of rule `rule`) of the analysis. */
  | { readonly type: 'fix'; readonly rule: string; readonly finding: number; readonly fix: number }
  /** A reviewer sets a rule aside for the file in the workspace's `.opnoterc.json`: an edit of that file, not of the note. */
  | { readonly type: 'ignore-in-config'; readonly rule: string };

/** The server command that returns the physician queries of a note as Markdown (arguments: URI, optional rule id). */
export const QUERY_COMMAND = 'opnote.query.markdown';
const QUERY_ACTION_TITLE = 'Draft physician query';

export interface DeferredActionData {
  readonly uri: string;
  readonly version: number;
  readonly deferred: DeferredEdit;
}

function lineText(model: DocumentModel, line: number): string {
  return model.text.slice(model.lines.lineStart(line), model.lines.lineEnd(line));
}

/** The directive of a line: model.directives are in line order (parseDocument reads line by line), so a binary search finds it. */
function directiveOn(model: DocumentModel, line: number): Directive | undefined {
  const at = partitionPoint(model.directives.length, (index) => model.directives[index].line < line);
  return model.directives[at]?.line === line ? model.directives[at] : undefined;
}

/** Appends a rule id to an existing directive's list, before any `-- reason`. */
function appendToDirective(model: DocumentModel, line: number, rule: string): SpanEdit | undefined {
  const directive = directiveOn(model, line);
  if (!directive || directive.rules.length === 0) return undefined;
  if (directive.rules.some((existing) => existing.id === rule)) return { span: { start: directive.span.end, end: directive.span.end }, newText: '' };
  const last = directive.rules[directive.rules.length - 1].span.end;
  return { span: { start: last, end: last }, newText: `, ${rule}` };
}

/** `// opnote-disable-next-line RULE` above the line, keeping its indentation, or merged into one already there. */
export function disableLineEdit(model: DocumentModel, rule: string, line: number): SpanEdit {
  const above = line - 1;
  if (above >= 0 && directiveOn(model, above)?.kind === 'disable-next-line') {
    const merged = appendToDirective(model, above, rule);
    if (merged) return merged;
  }
  const indent = /^[ \t]*/.exec(lineText(model, line))![0];
  const at = model.lines.lineStart(line);
  return { span: { start: at, end: at }, newText: `${indent}// opnote-disable-next-line ${rule}${model.lines.lineBreak}` };
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
    return { span: { start: model.text.length, end: model.text.length }, newText: `${model.lines.lineBreak}// opnote-disable ${rule}` };
  }
  const at = model.lines.lineStart(firstLine);
  return { span: { start: at, end: at }, newText: `// opnote-disable ${rule}${model.lines.lineBreak}` };
}

/**
 * The fix to apply unattended (fix-all, fix on save): only one a rule marks preferred. Fixes that
 * insert documentation templates never are, so fix-all cannot write clinical text for anyone.
 */
export function automaticFix(finding: RuleFinding): Fix | undefined {
  return finding.fixes?.find((fix) => fix.isPreferred);
}

/**
 * Non-overlapping edits of every automatic fix, in document order (first come, first kept). A fix that
 * several findings share counts once. Linear in the size of the edits: what the chosen edits cover
 * is marked per offset, so a fix is tested against all of them at the cost of its own spans.
 */
export function fixAllEdits(findings: readonly RuleFinding[], rule?: string): SpanEdit[] {
  const fixes = [
    ...new Set(
      findings
        .filter((finding) => !rule || finding.rule.id === rule)
        .map(automaticFix)
        .filter((fix): fix is Fix => fix !== undefined && fix.edits.length > 0),
    ),
  ].sort((a, b) => a.edits[0].span.start - b.edits[0].span.start);
  const size = fixes.reduce((end, fix) => fix.edits.reduce((max, edit) => Math.max(max, edit.span.end), end), 0);
  const taken = new TakenOffsets(size);
  const chosen: SpanEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.clashes(edit.span))) continue;
    for (const edit of fix.edits) {
      taken.take(edit.span);
      chosen.push(edit);
    }
  }
  return chosen;
}

const COVERED = 1; // inside a chosen non-empty span
const STARTS = 2; // a chosen span starts here
const INSERTS = 4; // a chosen empty span (an insertion) is here

/**
 * The offsets chosen edits touch. Two edits clash when they overlap, when two start at the same
 * offset and one is an insertion (their order would be ambiguous), or when an insertion falls inside
 * a replaced span.
 */
class TakenOffsets {
  private readonly flags: Uint8Array;

  constructor(size: number) {
    this.flags = new Uint8Array(size + 1);
  }

  clashes(span: Span): boolean {
    const { flags } = this;
    if (span.start === span.end) return (flags[span.start] & STARTS) !== 0 || (span.start > 0 && (flags[span.start - 1] & flags[span.start] & COVERED) !== 0);
    for (let offset = span.start; offset < span.end; offset++) if ((flags[offset] & (COVERED | INSERTS)) !== 0) return true;
    return false;
  }

  take(span: Span): void {
    const { flags } = this;
    flags[span.start] |= span.start === span.end ? STARTS | INSERTS : STARTS;
    for (let offset = span.start; offset < span.end; offset++) flags[offset] |= COVERED;
  }
}

/** Fix-all for a document, to a fixed point (the service re-checks between rounds). */
export type FixAll = (rule?: string) => SpanEdit[];

export function deferredEdits(model: DocumentModel, findings: readonly RuleFinding[], deferred: DeferredEdit, fixAll: FixAll): readonly SpanEdit[] {
  switch (deferred.type) {
    case 'disable-line':
      return [disableLineEdit(model, deferred.rule, deferred.line)];
    case 'disable-file':
      return [disableFileEdit(model, deferred.rule)];
    case 'fix-all':
      return fixAll(deferred.rule);
    case 'fix': {
      const finding = findings[deferred.finding];
      return finding?.rule.id === deferred.rule ? (finding.fixes?.[deferred.fix]?.edits ?? []) : [];
    }
    case 'ignore-in-config':
      return [];
  }
}

/** Applies non-overlapping span edits to a text in one pass (insertions at one offset keep their order). */
export function applySpanEdits(text: string, edits: readonly SpanEdit[]): string {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.span.start - b.edit.span.start || a.edit.span.end - b.edit.span.end || a.order - b.order);
  const parts: string[] = [];
  let at = 0;
  for (const { edit } of sorted) {
    parts.push(text.slice(at, edit.span.start), edit.newText);
    at = Math.max(at, edit.span.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
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
  /** `reviewer`: no action edits a note; findings are set aside in `.opnoterc.json` and queried instead. */
  readonly role?: Role;
  /** The edit of the workspace's `.opnoterc.json` that sets a rule aside for this file; undefined when it cannot be written. */
  readonly ignoreInConfig?: (rule: string) => WorkspaceEdit | undefined;
  /** Whether a physician query can be drafted for a finding (reviewer role). */
  readonly queryable?: (finding: RuleFinding) => boolean;
}

/**
 * A reviewer's actions on a note: "Draft physician query" for each finding the provider can resolve,
 * and setting a rule aside in `.opnoterc.json`. None carries an edit of the note.
 */
function reviewerActions(input: CodeActionInput, touching: readonly number[]): CodeAction[] {
  const { model, findings } = input;
  const actions: CodeAction[] = [];
  const ignored = new Set<string>();
  // The command drafts every query of a rule, so two findings of one rule here share one action.
  const queries = new Map<string, Diagnostic[]>();
  for (const index of touching) {
    const finding = findings[index];
    const diagnostics = [input.diagnostics[index]];
    const rule = finding.rule.id;
    const queried = queries.get(rule);
    if (queried) queried.push(input.diagnostics[index]);
    else if (input.queryable?.(finding)) {
      const shared = [input.diagnostics[index]];
      queries.set(rule, shared);
      actions.push({ title: QUERY_ACTION_TITLE, kind: 'quickfix', diagnostics: shared, command: { title: QUERY_ACTION_TITLE, command: QUERY_COMMAND, arguments: [model.uri, rule] } });
    }
    if (ignored.has(rule) || !input.ignoreInConfig) continue;
    ignored.add(rule);
    const title = `Ignore ${rule} for this file in .opnoterc.json`;
    if (input.resolveSupport) {
      const data: DeferredActionData = { uri: model.uri, version: model.version, deferred: { type: 'ignore-in-config', rule } };
      actions.push({ title, kind: 'quickfix', diagnostics, data });
    } else {
      const edit = input.ignoreInConfig(rule);
      if (edit) actions.push({ title, kind: 'quickfix', diagnostics, edit });
    }
  }
  return actions;
}

function touchesRange(finding: RuleFinding, requested: Span): boolean {
  return spansOverlap(finding.span, requested) || (requested.start === requested.end && finding.span.start <= requested.start && requested.start <= finding.span.end);
}

/** How many findings share each fix, and how many distinct automatic fixes each rule has. */
function fixCounts(findings: readonly RuleFinding[]): { sharing: Map<Fix, number>; fixableByRule: Map<string, number> } {
  const sharing = new Map<Fix, number>();
  const fixableByRule = new Map<string, number>();
  for (const finding of findings) {
    for (const fix of finding.fixes ?? []) sharing.set(fix, (sharing.get(fix) ?? 0) + 1);
    const automatic = automaticFix(finding);
    if (automatic && sharing.get(automatic) === 1) fixableByRule.set(finding.rule.id, (fixableByRule.get(finding.rule.id) ?? 0) + 1);
  }
  return { sharing, fixableByRule };
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
}

/** Quick fixes for findings in the range, disable-for-line/file on every finding, and fix-all; a reviewer's actions on a note instead. */
export function codeActions(input: CodeActionInput): CodeAction[] {
  const { model, findings, only } = input;
  const requested = model.lines.spanOf(input.range);
  if (input.role === 'reviewer' && model.kind === 'opnote') {
    if (!wants(only, 'quickfix')) return [];
    return reviewerActions(input, findings.flatMap((finding, index) => (touchesRange(finding, requested) ? [index] : [])));
  }
  const actions: CodeAction[] = [];
  const deferredAction = (title: string, kind: string, deferred: DeferredEdit, diagnostics?: Diagnostic[]): CodeAction => {
    const data: DeferredActionData = { uri: model.uri, version: model.version, deferred };
    return {
      title,
      kind,
      ...(diagnostics ? { diagnostics } : {}),
      ...(input.resolveSupport ? { data } : { edit: toWorkspaceEdit(model, deferredEdits(model, findings, deferred, input.fixAll)) }),
    };
  };
  if (wants(only, 'quickfix')) {
    const seenRules = new Set<string>();
    const { sharing, fixableByRule } = fixCounts(findings);
    // One action per fix: the findings a fix settles together (a units-exceed session) list their diagnostics on it.
    const fixDiagnostics = new Map<Fix, Diagnostic[]>();
    findings.forEach((finding, index) => {
      if (!touchesRange(finding, requested)) return;
      const diagnostic = input.diagnostics[index];
      (finding.fixes ?? []).forEach((fix, fixIndex) => {
        const listed = fixDiagnostics.get(fix);
        if (listed) {
          listed.push(diagnostic);
          return;
        }
        const diagnostics = [diagnostic];
        fixDiagnostics.set(fix, diagnostics);
        // A shared fix can be large (an edit per line of the session): a client that resolves fetches it when it is picked.
        const action = (sharing.get(fix) ?? 0) > 1 ? deferredAction(fix.title, 'quickfix', { type: 'fix', rule: finding.rule.id, finding: index, fix: fixIndex }, diagnostics) : { title: fix.title, kind: 'quickfix', diagnostics, edit: toWorkspaceEdit(model, fix.edits) };
        actions.push({ ...action, isPreferred: fix.isPreferred ?? false });
      });
      const rule = finding.rule.id;
      if ((fixableByRule.get(rule) ?? 0) > 1 && !seenRules.has(`all:${rule}`)) {
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
