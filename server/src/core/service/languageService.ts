import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { applySpanEdits, codeActions, deferredEdits, fixAllEdits, replacementEdit, toWorkspaceEdit, type DeferredActionData } from '../features/codeActions';
import { complete } from '../features/completion';
import { buildChecklist, checklistMarkdown, type Checklist } from '../features/checklist';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { draftQueries, draftQuery, type PhysicianQuery } from '../features/query';
import { queriesMarkdown } from '../features/queryMarkdown';
import { documentSymbols } from '../features/symbols';
import { RULES } from '../rules/index.generated';
import { runRules } from '../linting/runRules';
import type { RuleSeverityMap } from '../linting/severity';
import type { Role, Rule, RuleContext, RuleFinding, SpanEdit } from '../linting/types';
import { parseDocument, parseOutline, type SourceDocument } from '../parse/parseDocument';
import { extractFacts, extractFactsInSteps, NO_MEMO, RegionMemos, type NoteFacts } from '../facts';
import { loadKnowledge, type Knowledge } from '../knowledge';
import { claimFacts } from '../ruleSupport/claimFacts';
import { CONFIG_FILE_NAME, ConfigResolver, configProblemMessage, configWithIgnore, ignoredRulesFor, type LoadedConfig } from './config';
import { readText } from './fileSystem';
import { LineIndex } from '../text/lineIndex';
import { toDiagnostic } from './diagnostics';
import type { FileSystem } from './fileSystem';
import { VersionedCache } from './modelCache';
import { resolveLinkedNote } from './linkedNote';
import { PayerFileResolver, type LoadedPayerFiles } from './payerFiles';
import { dirname, pathToUri, relativePath, uriToPath } from './paths';
import type { Steps } from '../text/steps';
import { fhirClaimDocument, isFhirClaimDocument } from '../parse/fhir/claimModel';
import { headerField, type DocumentModel } from '../parse/model';
import { noteIndex } from './noteIndex';
import { isX12Document, linkedNoteOf, notesFolderOf, withNoteField, withoutFixes, type ClaimFormat } from './x12Analysis';
import { createX12Service } from './x12Service';

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
  /** Today, for the date a physician query is drafted (tests fix it). */
  readonly today?: () => Date;
  /**
   * True for a batch that reads every document once (the CLI): the sentences and matches of the
   * regions read are not remembered for a later edit, which saves their memory and collection time.
   */
  readonly readsOnce?: boolean;
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
  /** `opnote.role` / `--role`; a workspace's `.opnoterc.json` may make it `reviewer` too (the stricter role wins). */
  readonly role?: Role;
  /** The workspace folder of the document: a reviewer's `.opnoterc.json` is created there when none is in effect. */
  readonly workspaceRoot?: string;
  /** The folder tree an X12 claim's note is looked for in (CLI `--notes`); the file's own folder by default. */
  readonly notesFolder?: string;
}

export interface Analysis {
  readonly model: DocumentModel;
  /** Facts of an operative note. */
  readonly facts?: NoteFacts;
  /** For a claim: the path of the note it names, so editors can re-check the claim when the note changes. */
  readonly dependencies: readonly string[];
  readonly findings: readonly RuleFinding[];
  readonly diagnostics: readonly Diagnostic[];
  /** The role in effect: the setting, or `reviewer` when the workspace configuration says so. */
  readonly role: Role;
  /** How a claim is written (X12 837P / 837I); a claim without it is the draft markup. */
  readonly format?: ClaimFormat;
}

/** The physician queries of a note, as data and as printable Markdown. */
interface NoteQueries {
  readonly queries: readonly PhysicianQuery[];
  readonly markdown: string;
}

export interface CodeActionContextInput {
  readonly only?: readonly string[];
}

export interface LanguageService {
  analyze(document: SourceDocument, settings?: DocumentSettings): Analysis;
  /**
   * `analyze` in steps, for a caller that answers other requests between slices of the work (the
   * language server): the same analysis, and every step lands in the caches, so `analyze` (or a
   * feature) called before the last step finishes the rest at once.
   */
  analyzeInSteps(document: SourceDocument, settings?: DocumentSettings): Steps<Analysis>;
  hover(document: SourceDocument, position: Position, settings?: DocumentSettings): Hover | null;
  /** `triggerCharacter`: the character whose typing made the editor ask (a digit answers only where a code is typed). */
  complete(document: SourceDocument, position: Position, settings?: DocumentSettings, triggerCharacter?: string): CompletionList;
  codeActions(document: SourceDocument, range: Range, context: CodeActionContextInput, settings?: DocumentSettings, resolveSupport?: boolean): CodeAction[];
  resolveCodeAction(document: SourceDocument, action: CodeAction, settings?: DocumentSettings): CodeAction;
  documentSymbols(document: SourceDocument): DocumentSymbol[];
  /** The 64596 checklist of a note, or of the note a claim names; null when there is no note to read. */
  checklist(document: SourceDocument, settings?: DocumentSettings): (Checklist & { readonly title: string; readonly markdown: string }) | null;
  foldingRanges(document: SourceDocument): FoldingRange[];
  /** The physician queries of an operative note (of one rule's findings when `rule` is given); null for a claim or a document too large to check. */
  queries(document: SourceDocument, settings?: DocumentSettings, rule?: string): NoteQueries | null;
  /** Forget cached configuration (a config file changed on disk). */
  configurationChanged(): void;
  /** Forget everything cached for a document that was closed. */
  forget(uri: string): void;
  readonly rules: readonly Rule[];
  /** The coding knowledge the checks read (the built-in pack unless one was given). */
  readonly knowledge: Knowledge;
}

const DEFAULT_MAX_PROBLEMS = 1000;
const MAX_FIX_ROUNDS = 10;
export const DEFAULT_MAX_DOCUMENT_SIZE = 8 * 1024 * 1024;
/** An X12 file is checked one claim at a time, so it may be this many times larger than a note or a draft. */
const X12_SIZE_FACTOR = 4;

/** The stricter of the editor's role and the workspace configuration's. */
function roleOf(settings: DocumentSettings, config: LoadedConfig | undefined): Role {
  return settings.role === 'reviewer' || config?.role === 'reviewer' ? 'reviewer' : 'author';
}

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
  const x12 = createX12Service({ rules, ruleIds, knowledge, fileSystem: options.fileSystem, loadNote, ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}) }, options.cacheSize ?? 200);

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
        : isFhirClaimDocument(document)
          ? fhirClaimDocument(document).model
          : parseDocument(document);
    models.set(document.uri, document.version, document.text, model);
    return model;
  }

  const factsByModel = new WeakMap<DocumentModel, NoteFacts>();
  /** The sentences and matches of the regions read, found again by their text after an edit. */
  const regionMemos = new RegionMemos(options.readsOnce ? NO_MEMO : undefined);
  const modelIds = new WeakMap<DocumentModel, number>();
  let nextModelId = 1;

  function factsOf(model: DocumentModel): NoteFacts {
    let facts = factsByModel.get(model);
    if (!facts) {
      facts = extractFacts(model, regionMemos);
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
    if (isX12Document(document)) return analyzeX12File(document, settings);
    return check(document, settings, parse(document, settings.maxDocumentSize), true);
  }

  /** Parse, the facts in steps (sentences, matches), then the rules and diagnostics: the last step. */
  function* analyzeInSteps(document: SourceDocument, settings: DocumentSettings = {}): Steps<Analysis> {
    // An X12 file is checked claim by claim in one step (its claims are small).
    const model = isX12Document(document) ? undefined : parse(document, settings.maxDocumentSize);
    if (model && model.truncatedAt === undefined && model.kind === 'opnote' && !factsByModel.has(model)) {
      yield;
      const steps = extractFactsInSteps(model, regionMemos);
      for (;;) {
        const step = steps.next();
        if (step.done) {
          factsByModel.set(model, step.value);
          break;
        }
        yield;
        // A request on this version (a hover) may have finished the facts in the meantime.
        if (factsByModel.has(model)) break;
      }
    }
    yield;
    return analyze(document, settings);
  }

  function analyzeX12File(document: SourceDocument, settings: DocumentSettings): Analysis {
    const config = configFor(document.uri, settings);
    const payers = payerFilesFor(document.uri, settings);
    const key = JSON.stringify([settings.rules, settings.maxNumberOfProblems, settings.maxDocumentSize, settings.notesFolder, config?.path, config?.rules, config?.problem, payers?.folder ?? null]);
    const result = x12.analyze(
      document,
      {
        severityLayers: [config?.rules, settings.rules],
        maxProblems: settings.maxNumberOfProblems ?? DEFAULT_MAX_PROBLEMS,
        limit: X12_SIZE_FACTOR * (settings.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE),
        ...(settings.notesFolder !== undefined ? { notesFolder: settings.notesFolder } : {}),
        ...(config ? { config } : {}),
        ...(payers ? { payers } : {}),
      },
      key,
    );
    const { model, findings, dependencies, format } = result;
    return { model, dependencies, findings, format, role: roleOf(settings, config), diagnostics: findings.map((finding) => toDiagnostic(finding, model, options.docsBaseUri)) };
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
    // A FHIR Claim names no note file: its note is found by patient and date, as an X12 claim's is.
    const fhir = model.kind === 'claim' && isFhirClaimDocument(document);
    const linkedNote = checked && model.kind === 'claim' ? (fhir ? fhirLinkedNote(model, settings) : resolveLinkedNote(model, options.fileSystem, loadNote)) : undefined;
    const noteKey = linkedNote?.status === 'found' ? modelId(linkedNote.model) : linkedNote?.status;
    const payers = checked ? payerFilesFor(document.uri, settings) : undefined;
    const role = roleOf(settings, config);
    const path = uriToPath(document.uri);
    const ignoredRules = config && path !== undefined ? ignoredRulesFor(config, path) : undefined;
    const key = JSON.stringify([settings.rules, settings.maxNumberOfProblems, settings.maxDocumentSize, config?.path, config?.rules, config?.problem, noteKey, payers?.folder ?? null, role, ignoredRules ? [...ignoredRules] : []]);
    const cached = cache ? analyses.get(document.uri, document.version, document.text) : undefined;
    if (cached && cached.key === key) return cached.analysis;
    const findPayer = payers?.findPayer ?? knowledge.findPayer;
    const claimModel = fhir && linkedNote?.status === 'found' ? withNoteField(model, linkedNote.path) : model;
    const claim = checked && model.kind === 'claim' ? claimFactsSafely({ model: claimModel, knowledge, findPayer, ...(linkedNote ? { linkedNote } : {}) }) : undefined;
    const context: RuleContext = {
      model: claimModel,
      ruleIds,
      knowledge,
      findPayer,
      ...(payers ? { payerFiles: payers } : {}),
      ...(facts ? { facts } : {}),
      ...(linkedNote ? { linkedNote } : {}),
      ...(claim ? { claim } : {}),
      ...(config?.problem ? { configProblem: configProblemMessage(config.problem) } : {}),
    };
    const ruleFindings = runRules(checked ? rules : rules.filter((rule) => rule.meta.id === 'document-too-large'), context, {
      severityLayers: [config?.rules, settings.rules],
      maxProblems: settings.maxNumberOfProblems ?? DEFAULT_MAX_PROBLEMS,
      ...(ignoredRules?.size ? { ignoredRules } : {}),
      onRuleError: (ruleId, error) => options.onInternalError?.(`rule ${ruleId}`, error),
    });
    // The claim rules' fixes edit draft markup, not JSON.
    const findings = fhir ? ruleFindings.map(withoutFixes) : ruleFindings;
    const dependencies = linkedNote && 'path' in linkedNote ? [linkedNote.path] : [];
    const analysis: Analysis = {
      model,
      ...(facts ? { facts } : {}),
      dependencies,
      findings,
      diagnostics: findings.map((finding) => toDiagnostic(finding, model, options.docsBaseUri)),
      role,
      ...(fhir ? { format: 'fhir' as const } : {}),
    };
    if (cache) analyses.set(document.uri, document.version, document.text, { key, analysis });
    return analysis;
  }

  function fhirLinkedNote(model: DocumentModel, settings: DocumentSettings) {
    const folder = notesFolderOf(model.uri, settings.notesFolder);
    const index = folder === undefined ? undefined : noteIndex(folder, options.fileSystem, loadNote);
    const serviceDate = headerField(model, 'dos')?.isoDate;
    return linkedNoteOf(index, model.uri, { model, ...(serviceDate ? { serviceDate } : {}) });
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

  const today = options.today ?? (() => new Date());

  /**
   * The edit that adds `{ file, rule, reason }` to the `.opnoterc.json` in effect, or creates one in the
   * workspace folder; undefined in an untrusted workspace, for a document not on disk, or when the file
   * in effect is not one OpNote can add to.
   */
  function ignoreInConfigEdit(document: SourceDocument, settings: DocumentSettings, rule: string): WorkspaceEdit | undefined {
    const path = uriToPath(document.uri);
    if (settings.trusted === false || path === undefined || !document.uri.startsWith('file:')) return undefined;
    const config = configFor(document.uri, settings);
    const configPath = config?.path ?? `${(settings.workspaceRoot ?? dirname(path)).replace(/\/$/, '')}/${CONFIG_FILE_NAME}`;
    const read = config?.path ? readText(options.fileSystem, configPath) : undefined;
    if (read && !('text' in read)) return undefined;
    const existing = read?.text;
    const text = configWithIgnore(existing, { file: relativePath(dirname(configPath), path), rule, reason: 'Set aside in review: say why' });
    if (text === undefined) return undefined;
    const uri = pathToUri(configPath);
    if (existing === undefined) {
      return { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] }] };
    }
    const end = new LineIndex(existing).rangeOf({ start: existing.length, end: existing.length }).end;
    return { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: text }] } };
  }

  return {
    rules,
    knowledge,
    analyze,
    analyzeInSteps,
    hover(document, position, settings = {}) {
      if (isX12Document(document)) return x12.hover(document, position, settings.notesFolder);
      const { model, facts, findings } = analyze(document, settings);
      return hover(model, facts, findings, position, { knowledge, findPayer: payerFilesFor(document.uri, settings)?.findPayer ?? knowledge.findPayer });
    },
    complete: (document, position, _settings, triggerCharacter) => (isX12Document(document) ? { isIncomplete: false, items: [] } : complete(parse(document), position, rules, knowledge, triggerCharacter)),
    codeActions(document, range, context, settings, resolveSupport = false) {
      // The claim rules' fixes and the disable comments are draft markup: an X12 file gets none.
      if (isX12Document(document) || isFhirClaimDocument(document)) return [];
      const analysis = analyze(document, settings);
      const fixAll = (rule?: string) => settledFixAll(document, settings ?? {}, rule);
      const queryInput = { model: analysis.model, facts: analysis.facts, findings: analysis.findings, today: today() };
      return codeActions({
        model: analysis.model,
        findings: analysis.findings,
        diagnostics: analysis.diagnostics,
        range,
        resolveSupport,
        fixAll,
        role: analysis.role,
        // An untrusted workspace's configuration is neither read nor written; nor is there one for a buffer not on disk.
        ...(settings?.trusted !== false && document.uri.startsWith('file:') ? { ignoreInConfig: (rule: string) => ignoreInConfigEdit(document, settings ?? {}, rule) } : {}),
        queryable: (finding) => draftQuery(queryInput, finding) !== undefined,
        ...(context.only ? { only: context.only } : {}),
      });
    },
    resolveCodeAction(document, action, settings) {
      const data = action.data as DeferredActionData | undefined;
      if (!data?.deferred || data.uri !== document.uri || data.version !== document.version) return action;
      if (data.deferred.type === 'ignore-in-config') {
        const edit = ignoreInConfigEdit(document, settings ?? {}, data.deferred.rule);
        return edit ? { ...action, edit } : action;
      }
      const { model, findings } = analyze(document, settings);
      return { ...action, edit: toWorkspaceEdit(model, deferredEdits(model, findings, data.deferred, (rule) => settledFixAll(document, settings ?? {}, rule))) };
    },
    documentSymbols: (document) => (isX12Document(document) ? x12.documentSymbols(document) : documentSymbols(parse(document))),
    checklist(document, settings) {
      if (isX12Document(document)) return null;
      const model = parse(document, settings?.maxDocumentSize);
      if (model.truncatedAt !== undefined) return null;
      const note = model.kind === 'opnote' ? { model, facts: factsOf(model) } : resolveLinkedNote(model, options.fileSystem, loadNote);
      if (!('facts' in note)) return null;
      // The marks come from the note's own findings, as the diagnostics show them.
      const findings = note.model === model ? analyze(document, settings).findings : check({ uri: note.model.uri, version: -1, text: note.model.text }, settings ?? {}, note.model, false).findings;
      const checklist = buildChecklist(note.model, note.facts, findings, knowledge);
      const title = uriToPath(note.model.uri)?.split('/').pop() ?? note.model.uri;
      return { ...checklist, title, markdown: checklistMarkdown(checklist, title) };
    },
    foldingRanges: (document) => (isX12Document(document) ? x12.foldingRanges(document) : foldingRanges(parse(document))),
    queries(document, settings, rule) {
      const analysis = analyze(document, settings);
      if (analysis.model.kind !== 'opnote' || analysis.model.truncatedAt !== undefined) return null;
      const queries = draftQueries({ model: analysis.model, facts: analysis.facts, findings: analysis.findings, today: today() }, rule);
      const title = uriToPath(analysis.model.uri)?.split('/').pop() ?? analysis.model.uri;
      return { queries, markdown: queriesMarkdown(queries, title) };
    },
    configurationChanged() {
      configs.clear();
      payerFiles.clear();
      analyses.clear();
      x12.clear();
    },
    forget(uri) {
      models.delete(uri);
      analyses.delete(uri);
      x12.forget(uri);
    },
  };
}
