import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, Position, Range } from 'vscode-languageserver-types';
import { applySpanEdits, codeActions, deferredEdits, fixAllEdits, replacementEdit, toWorkspaceEdit, type DeferredActionData } from '../features/codeActions';
import { complete } from '../features/completion';
import { buildChecklist, checklistMarkdown, type Checklist } from '../features/checklist';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { documentSymbols } from '../features/symbols';
import { RULES } from '../rules/index.generated';
import { runRules } from '../linting/runRules';
import type { RuleSeverityMap } from '../linting/severity';
import type { Rule, RuleContext, RuleFinding, SpanEdit } from '../linting/types';
import type { DocumentModel } from '../parse/model';
import { parseDocument, parseOutline, type SourceDocument } from '../parse/parseDocument';
import { extractFacts, type NoteFacts } from '../facts';
import { loadKnowledge, type Knowledge } from '../knowledge';
import { claimFacts } from '../ruleSupport/claimFacts';
import { ConfigResolver, type LoadedConfig } from './config';
import { toDiagnostic } from './diagnostics';
import type { FileSystem } from './fileSystem';
import { VersionedCache } from './modelCache';
import { resolveLinkedNote } from './linkedNote';
import { PayerFileResolver, type LoadedPayerFiles } from './payerFiles';
import { dirname, uriToPath } from './paths';

export interface LanguageServiceOptions {
  readonly fileSystem: FileSystem;
  /** Base of the rule documentation links (`codeDescription.href`); a folder URI ending in `/`. */
  readonly docsBaseUri: string;
  /** Told the rule id or feature name when something fails inside; never document text. */
  readonly onInternalError?: (where: string, error: unknown) => void;
  /** How many parsed documents to keep; the editor keeps open documents and their notes. */
  readonly cacheSize?: number;
  /** The coding knowledge; the built-in pack by default. */
  readonly knowledge?: Knowledge;
}

/** Per-document settings from the editor or the CLI. */
export interface DocumentSettings {
  /** Editor-level severity overrides (`opnote.rules`); they win over `.opnoterc.json`. */
  readonly rules?: RuleSeverityMap;
  readonly maxNumberOfProblems?: number;
  /** False in an untrusted workspace: workspace configuration files are not read. */
  readonly trusted?: boolean;
  /** An explicit configuration file (CLI `--config`), used instead of the nearest `.opnoterc.json`. */
  readonly configFile?: string;
  /** Documents longer than this (UTF-16 code units) are not checked beyond one information diagnostic. */
  readonly maxDocumentSize?: number;
}

export interface Analysis {
  readonly model: DocumentModel;
  /** Facts of an operative note. */
  readonly facts?: NoteFacts;
  /** For a claim: the path of the note it names, so editors can re-check the claim when the note changes. */
  readonly dependencies: readonly string[];
  readonly findings: readonly RuleFinding[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface CodeActionContextInput {
  readonly only?: readonly string[];
}

export interface LanguageService {
  analyze(document: SourceDocument, settings?: DocumentSettings): Analysis;
  hover(document: SourceDocument, position: Position, settings?: DocumentSettings): Hover | null;
  complete(document: SourceDocument, position: Position, settings?: DocumentSettings): CompletionList;
  codeActions(document: SourceDocument, range: Range, context: CodeActionContextInput, settings?: DocumentSettings, resolveSupport?: boolean): CodeAction[];
  resolveCodeAction(document: SourceDocument, action: CodeAction, settings?: DocumentSettings): CodeAction;
  documentSymbols(document: SourceDocument): DocumentSymbol[];
  /** The 64596 checklist of a note, or of the note a claim names; null when there is no note to read. */
  checklist(document: SourceDocument, settings?: DocumentSettings): (Checklist & { readonly markdown: string }) | null;
  foldingRanges(document: SourceDocument): FoldingRange[];
  /** Forget cached configuration (a config file changed on disk). */
  configurationChanged(): void;
  /** Forget everything cached for a document that was closed. */
  forget(uri: string): void;
  readonly rules: readonly Rule[];
}

const DEFAULT_MAX_PROBLEMS = 1000;
const MAX_FIX_ROUNDS = 10;
export const DEFAULT_MAX_DOCUMENT_SIZE = 8 * 1024 * 1024;

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const rules = RULES;
  const knowledge = options.knowledge ?? loadKnowledge();
  const ruleIds = new Set(rules.map((rule) => rule.meta.id));
  const models = new VersionedCache<DocumentModel>(options.cacheSize ?? 200);
  const analyses = new VersionedCache<{ key: string; analysis: Analysis }>(options.cacheSize ?? 200);
  /** The settled fix-all edits of an analysis, by rule ('' for all rules); gone with the analysis. */
  const settledFixAlls = new WeakMap<Analysis, Map<string, SpanEdit[]>>();
  const configs = new ConfigResolver(options.fileSystem, ruleIds);
  const payerFiles = new PayerFileResolver(options.fileSystem, knowledge);

  /**
   * Parses once per version. Past the size limit, decided before any parsing, only the outline of
   * the head is read (header, comments, headings: one cheap pass) and nothing is checked.
   */
  function parse(document: SourceDocument, limit = DEFAULT_MAX_DOCUMENT_SIZE): DocumentModel {
    const cached = models.get(document.uri, document.version, document.text);
    if (cached && (cached.truncatedAt ?? Infinity) === (document.text.length > limit ? limit : Infinity)) return cached;
    const model =
      document.text.length > limit
        ? { ...parseOutline({ ...document, text: document.text.slice(0, limit) }), truncatedAt: limit }
        : parseDocument(document);
    models.set(document.uri, document.version, document.text, model);
    return model;
  }

  const factsByModel = new WeakMap<DocumentModel, NoteFacts>();
  const modelIds = new WeakMap<DocumentModel, number>();
  let nextModelId = 1;

  function factsOf(model: DocumentModel): NoteFacts {
    let facts = factsByModel.get(model);
    if (!facts) {
      facts = extractFacts(model);
      factsByModel.set(model, facts);
    }
    return facts;
  }

  function modelId(model: DocumentModel): number {
    let id = modelIds.get(model);
    if (id === undefined) modelIds.set(model, (id = nextModelId++));
    return id;
  }

  /** Notes read from disk have no editor version; their text alone identifies them. */
  function loadNote(uri: string, text: string) {
    const model = parse({ uri, version: -1, text, kindHint: 'opnote' });
    return { model, facts: factsOf(model) };
  }

  function configFor(uri: string, settings: DocumentSettings): LoadedConfig | undefined {
    if (settings.trusted === false) return undefined;
    if (settings.configFile) return configs.fromFile(settings.configFile);
    const path = uriToPath(uri);
    return path === undefined ? undefined : configs.forDirectory(dirname(path));
  }

  /** Organisation payer files in effect for a document (trusted workspaces only). */
  function payerFilesFor(uri: string, settings: DocumentSettings): LoadedPayerFiles | undefined {
    if (settings.trusted === false) return undefined;
    const path = uriToPath(uri);
    return path === undefined ? undefined : payerFiles.forDirectory(dirname(path));
  }

  function analyze(document: SourceDocument, settings: DocumentSettings = {}): Analysis {
    return check(document, settings, parse(document, settings.maxDocumentSize), true);
  }

  /** Runs the rules over a model; `cache` is false for the intermediate texts of fix-all. */
  /** A failure computing the claim facts silences the claim rules only; the parse-level rules still run. */
  function claimFactsSafely(input: Parameters<typeof claimFacts>[0]): ReturnType<typeof claimFacts> | undefined {
    try {
      return claimFacts(input);
    } catch (error) {
      options.onInternalError?.('claim facts', error);
      return undefined;
    }
  }

  function check(document: SourceDocument, settings: DocumentSettings, model: DocumentModel, cache: boolean): Analysis {
    const config = configFor(document.uri, settings);
    const checked = model.truncatedAt === undefined;
    const facts = checked && model.kind === 'opnote' ? factsOf(model) : undefined;
    const linkedNote = checked && model.kind === 'claim' ? resolveLinkedNote(model, options.fileSystem, loadNote) : undefined;
    const noteKey = linkedNote?.status === 'found' ? modelId(linkedNote.model) : linkedNote?.status;
    const payers = checked ? payerFilesFor(document.uri, settings) : undefined;
    const key = JSON.stringify([settings.rules, settings.maxNumberOfProblems, settings.maxDocumentSize, config?.path, config?.rules, config?.problem, noteKey, payers?.folder ?? null]);
    const cached = cache ? analyses.get(document.uri, document.version, document.text) : undefined;
    if (cached && cached.key === key) return cached.analysis;
    const findPayer = payers?.findPayer ?? knowledge.findPayer;
    const claim = checked && model.kind === 'claim' ? claimFactsSafely({ model, knowledge, findPayer, ...(linkedNote ? { linkedNote } : {}) }) : undefined;
    const context: RuleContext = {
      model,
      ruleIds,
      knowledge,
      findPayer,
      ...(payers ? { payerFiles: payers } : {}),
      ...(facts ? { facts } : {}),
      ...(linkedNote ? { linkedNote } : {}),
      ...(claim ? { claim } : {}),
      ...(config?.problem ? { configProblem: config.problem } : {}),
    };
    const findings = runRules(checked ? rules : rules.filter((rule) => rule.meta.id === 'document-too-large'), context, {
      severityLayers: [config?.rules, settings.rules],
      maxProblems: settings.maxNumberOfProblems ?? DEFAULT_MAX_PROBLEMS,
      onRuleError: (ruleId, error) => options.onInternalError?.(`rule ${ruleId}`, error),
    });
    const dependencies = linkedNote && 'path' in linkedNote ? [linkedNote.path] : [];
    const analysis: Analysis = {
      model,
      ...(facts ? { facts } : {}),
      dependencies,
      findings,
      diagnostics: findings.map((finding) => toDiagnostic(finding, model, options.docsBaseUri)),
    };
    if (cache) analyses.set(document.uri, document.version, document.text, { key, analysis });
    return analysis;
  }

  /**
   * Fix-all to a fixed point: apply the automatic fixes, check the result, repeat while a fix leaves
   * work for another (at most MAX_FIX_ROUNDS rounds); one edit for the whole change.
   */
  function settledFixAll(document: SourceDocument, settings: DocumentSettings, rule?: string): SpanEdit[] {
    const first = analyze(document, settings);
    // Editors ask for code actions on every cursor move; without resolve support each answer carries
    // fix-all, which re-checks the document up to MAX_FIX_ROUNDS times: once per analysis is enough.
    let settled = settledFixAlls.get(first);
    if (!settled) settledFixAlls.set(first, (settled = new Map()));
    const known = settled.get(rule ?? '');
    if (known) return known;
    let text = document.text;
    let analysis = first;
    for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
      const edits = fixAllEdits(analysis.findings, rule);
      if (edits.length === 0) break;
      text = applySpanEdits(text, edits);
      const next = { ...document, text };
      analysis = check(next, settings, parseDocument(next), false);
    }
    const edits = text === document.text ? [] : [replacementEdit(document.text, text)];
    settled.set(rule ?? '', edits);
    return edits;
  }

  return {
    rules,
    analyze,
    hover(document, position, settings = {}) {
      const { model, facts } = analyze(document, settings);
      return hover(model, facts, position, { knowledge, findPayer: payerFilesFor(document.uri, settings)?.findPayer ?? knowledge.findPayer });
    },
    complete: (document, position) => complete(parse(document), position, rules, knowledge),
    codeActions(document, range, context, settings, resolveSupport = false) {
      const analysis = analyze(document, settings);
      const fixAll = (rule?: string) => settledFixAll(document, settings ?? {}, rule);
      return codeActions({ model: analysis.model, findings: analysis.findings, diagnostics: analysis.diagnostics, range, resolveSupport, fixAll, ...(context.only ? { only: context.only } : {}) });
    },
    resolveCodeAction(document, action, settings) {
      const data = action.data as DeferredActionData | undefined;
      if (!data?.deferred || data.uri !== document.uri || data.version !== document.version) return action;
      const { model, findings } = analyze(document, settings);
      return { ...action, edit: toWorkspaceEdit(model, deferredEdits(model, findings, data.deferred, (rule) => settledFixAll(document, settings ?? {}, rule))) };
    },
    documentSymbols: (document) => documentSymbols(parse(document)),
    checklist(document, settings) {
      const model = parse(document, settings?.maxDocumentSize);
      if (model.truncatedAt !== undefined) return null;
      const note = model.kind === 'opnote' ? { model, facts: factsOf(model) } : resolveLinkedNote(model, options.fileSystem, loadNote);
      if (!('facts' in note)) return null;
      // The marks come from the note's own findings, as the diagnostics show them.
      const findings = note.model === model ? analyze(document, settings).findings : check({ uri: note.model.uri, version: -1, text: note.model.text }, settings ?? {}, note.model, false).findings;
      const checklist = buildChecklist(note.model, note.facts, findings, knowledge);
      const title = uriToPath(note.model.uri)?.split('/').pop() ?? note.model.uri;
      return { ...checklist, markdown: checklistMarkdown(checklist, title) };
    },
    foldingRanges: (document) => foldingRanges(parse(document)),
    configurationChanged() {
      configs.clear();
      payerFiles.clear();
      analyses.clear();
    },
    forget(uri) {
      models.delete(uri);
      analyses.delete(uri);
    },
  };
}
