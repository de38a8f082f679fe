/**
 * The robustness invariants of the language service, shared by the property tests, the short fuzz
 * test and `npm run fuzz`: for any text, analysis never throws and reports no internal error, every
 * range lies inside the document, hover, completion, code actions and their resolution never throw
 * anywhere, and applying fix-all twice gives the same text as applying it once.
 */
import type { CodeAction, DocumentSymbol, TextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND } from '../../server/src/core/features/codeActions';
import type { DocumentKind } from '../../server/src/core/parse/model';
import type { SourceDocument } from '../../server/src/core/parse/parseDocument';
import { inMemoryFileSystem } from '../../server/src/core/service/fileSystem';
import { createLanguageService, type DocumentSettings, type LanguageService } from '../../server/src/core/service/languageService';
import { applyEdits, lineTable, offsetAt, positionInside, rangeInside, type Position, type Range } from './textEdits';

export interface Subject {
  readonly uri: string;
  readonly text: string;
  readonly kind?: DocumentKind;
}

export class InvariantViolation extends Error {
  constructor(
    readonly invariant: string,
    detail: string,
  ) {
    super(`${invariant}: ${detail}`);
    this.name = 'InvariantViolation';
  }
}

export interface RobustService {
  readonly service: LanguageService;
  /** Internal errors the service reported (a rule or feature that threw); each one breaks an invariant. */
  readonly internalErrors: string[];
  /** The files the service reads, by path: an input may bring some and take them away again. */
  readonly files: Record<string, string>;
}

/**
 * A service over an in-memory file system (the files it can read: notes named by claims, payer
 * files, by path) that records internal errors instead of logging them.
 */
export function robustService(seed: Readonly<Record<string, string>> = {}): RobustService {
  const files: Record<string, string> = { ...seed };
  const internalErrors: string[] = [];
  const service = createLanguageService({
    fileSystem: inMemoryFileSystem(files),
    docsBaseUri: 'https://opnote.invalid/docs/rules/',
    onInternalError: (where, error) => internalErrors.push(`${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    cacheSize: 8,
  });
  return { service, internalErrors, files };
}

/** How many fix-all runs may pass before the text is called unsettled (ESLint stops at 10 passes). */
const MAX_FIX_RUNS = 10;

export interface InvariantOptions {
  /** Random numbers in [0, 1) for the probe positions. */
  readonly random: () => number;
  /** Extra hover/completion positions to try beyond the fixed ones. */
  readonly probes?: number;
  readonly settings?: DocumentSettings;
}

export interface InvariantStats {
  diagnostics: number;
  hovers: number;
  codeActions: number;
  fixAllEdits: number;
}

function check(condition: boolean, invariant: string, detail: () => string): void {
  if (!condition) throw new InvariantViolation(invariant, detail());
}

const show = (value: unknown) => JSON.stringify(value);

/** Runs `work`, turning an exception into an invariant violation named after the feature. */
function safely<T>(invariant: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InvariantViolation) throw error;
    throw new InvariantViolation(invariant, error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

function editsFor(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.changes ?? {};
  for (const other of Object.keys(changes)) check(other === uri, 'code action edits only its document', () => `edits ${other}`);
  return [...(changes[uri] ?? [])];
}

/** Checks every invariant on one text; throws InvariantViolation with the first that fails. */
export function checkInvariants(robust: RobustService, subject: Subject, options: InvariantOptions): InvariantStats {
  const { service, internalErrors } = robust;
  const settings = options.settings ?? {};
  const stats: InvariantStats = { diagnostics: 0, hovers: 0, codeActions: 0, fixAllEdits: 0 };
  const errorsBefore = internalErrors.length;
  const document: SourceDocument = { uri: subject.uri, version: 1, text: subject.text, ...(subject.kind ? { kindHint: subject.kind } : {}) };
  const table = lineTable(subject.text);
  const lastLine = table.starts.length - 1;
  const inside = (what: string, range: Range) => check(rangeInside(table, range), `${what} range inside the document`, () => `${show(range)} (lines ${table.starts.length}, length ${subject.text.length})`);

  const analysis = safely('analyze never throws', () => service.analyze(document, settings));
  for (const diagnostic of analysis.diagnostics) inside(`diagnostic ${String(diagnostic.code)}`, diagnostic.range);
  for (const finding of analysis.findings) {
    check(0 <= finding.span.start && finding.span.start <= finding.span.end && finding.span.end <= subject.text.length, 'finding span inside the text', () => `${finding.rule.id} ${show(finding.span)}`);
  }
  stats.diagnostics = analysis.diagnostics.length;

  const symbols = safely('documentSymbols never throws', () => service.documentSymbols(document));
  const visit = (symbol: DocumentSymbol) => {
    inside(`symbol ${symbol.name}`, symbol.range);
    inside(`symbol ${symbol.name} selection`, symbol.selectionRange);
    symbol.children?.forEach(visit);
  };
  symbols.forEach(visit);
  for (const folding of safely('foldingRanges never throws', () => service.foldingRanges(document))) {
    check(folding.startLine >= 0 && folding.startLine <= folding.endLine && folding.endLine <= lastLine, 'folding range inside the document', () => show(folding));
  }

  // Hover and completion at fixed places, at every diagnostic, at random places and past the end.
  const positions: Position[] = [
    { line: 0, character: 0 },
    { line: lastLine, character: table.ends[lastLine] - table.starts[lastLine] },
    { line: lastLine + 3, character: 0 },
    { line: 0, character: 100_000 },
    { line: -1, character: -1 },
    ...analysis.diagnostics.slice(0, 12).flatMap((diagnostic) => [diagnostic.range.start, diagnostic.range.end]),
  ];
  for (let i = 0; i < (options.probes ?? 24); i++) {
    const line = Math.floor(options.random() * (lastLine + 1));
    positions.push({ line, character: Math.floor(options.random() * (table.ends[line] - table.starts[line] + 3)) });
  }
  for (const position of positions) {
    const hover = safely('hover never throws', () => service.hover(document, position, settings));
    if (hover?.range) inside('hover', hover.range);
    stats.hovers++;
    const completion = safely('completion never throws', () => service.complete(document, position, settings));
    // Completion answers at the position it is given; past the end of a line it does not clamp yet
    // (see the pending test in test/robustness/properties.test.ts), so only positions in the text count.
    if (!positionInside(table, position)) continue;
    for (const item of completion.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) inside(`completion ${item.label}`, edit.range);
    }
  }

  // Code actions on the whole text, on each diagnostic and on random ranges, both ways of resolving.
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: lastLine, character: table.ends[lastLine] - table.starts[lastLine] } };
  const ranges: Range[] = [whole, ...analysis.diagnostics.slice(0, 12).map((diagnostic) => diagnostic.range)];
  for (let i = 0; i < 3; i++) {
    const a = positions[Math.floor(options.random() * positions.length)];
    const b = positions[Math.floor(options.random() * positions.length)];
    ranges.push({ start: a, end: b });
  }
  const everyWay = [undefined, ['quickfix'], [FIX_ALL_KIND], ['source']].flatMap((only) => [true, false].map((resolveSupport) => ({ only, resolveSupport })));
  // Wide ranges the way editors ask (lazily resolved, on save); every combination on the narrow ones.
  const editorWays = [{ only: undefined, resolveSupport: true }, { only: [FIX_ALL_KIND], resolveSupport: true }];
  for (const range of ranges) {
    const wide = Math.abs(offsetAt(table, range.end) - offsetAt(table, range.start)) > 2000;
    for (const { only, resolveSupport } of wide ? editorWays : everyWay) {
      {
        const actions = safely('codeActions never throw', () => service.codeActions(document, range, only ? { only } : {}, settings, resolveSupport));
        // A whole-document request on a file with a thousand findings offers thousands of actions;
        // resolving and applying a sample from both ends keeps a check fast without losing any kind.
        const sample = actions.length > 40 ? [...actions.slice(0, 30), ...actions.slice(-10)] : actions;
        for (const action of sample) {
          const resolved = action.data ? safely('resolveCodeAction never throws', () => service.resolveCodeAction(document, action, settings)) : action;
          const edits = editsFor(resolved, subject.uri);
          for (const edit of edits) inside(`edit of "${action.title}"`, edit.range);
          safely('code action edits apply', () => applyEdits(subject.text, edits));
          stats.codeActions++;
        }
      }
    }
  }

  // Fix-all is idempotent: a second run changes nothing.
  const once = fixAll(service, document, settings);
  stats.fixAllEdits = once.edits;
  if (once.edits > 0) {
    const twice = fixAll(service, { ...document, version: 2, text: once.text }, settings);
    if (twice.text !== once.text) {
      // Either the fixes need several runs to settle (one fix makes a finding another fixes), or they never do.
      let text = twice.text;
      let runs = 2;
      for (; runs < MAX_FIX_RUNS; runs++) {
        const next = fixAll(service, { ...document, version: runs + 1, text }, settings);
        if (next.text === text) break;
        text = next.text;
      }
      check(runs < MAX_FIX_RUNS, 'fix-all settles', () => `still editing after ${MAX_FIX_RUNS} runs (${text.length - subject.text.length} characters longer)`);
      throw new InvariantViolation('fix-all twice equals once', `the second run made ${twice.edits} more edits; the text settles after ${runs} runs`);
    }
  }

  check(internalErrors.length === errorsBefore, 'no internal error', () => internalErrors.slice(errorsBefore).join('\n'));
  return stats;
}

/** Requests `source.fixAll.opnote` the way an editor does on save, resolves it and applies its edits. */
export function fixAll(service: LanguageService, document: SourceDocument, settings: DocumentSettings = {}): { text: string; edits: number } {
  const table = lineTable(document.text);
  const last = table.starts.length - 1;
  const range: Range = { start: { line: 0, character: 0 }, end: { line: last, character: table.ends[last] - table.starts[last] } };
  const actions = safely('codeActions never throw', () => service.codeActions(document, range, { only: [FIX_ALL_KIND] }, settings, true));
  const action = actions.find((candidate) => candidate.kind === FIX_ALL_KIND);
  if (!action) return { text: document.text, edits: 0 };
  const resolved = safely('resolveCodeAction never throws', () => service.resolveCodeAction(document, action, settings));
  const edits = editsFor(resolved, document.uri);
  return { text: safely('fix-all edits apply', () => applyEdits(document.text, edits)), edits: edits.length };
}

/** mulberry32: a small seeded generator, so that a failing run can be repeated from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
