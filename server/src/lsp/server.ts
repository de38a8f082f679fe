import {
  CodeActionKind,
  CompletionTriggerKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, QUERY_COMMAND } from '../core/features/codeActions';
import { CODE_TRIGGER_CHARACTERS } from '../core/features/completion';
import { rulePageMarkdown } from '../core/features/rulePage';
import { createLanguageService, type DocumentSettings, type LanguageService } from '../core/service/languageService';
import { kindFromUri, type SourceDocument } from '../core/parse/parseDocument';
import { pathToUri, uriToPath } from '../core/service/paths';
import { bundledDocsBaseUri } from '../node/docsLocation';
import { describeInternalError } from '../node/errors';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { insideRoots } from '../node/safeRead';
import { CHECKLIST_DATA_REQUEST, CHECKLIST_REQUEST, RULE_PAGE_REQUEST, WORKSPACE_TRUST_NOTIFICATION } from '../protocol';
import { resolveSettings, type EditorSettings, type ResolvedSettings } from './settings';
import { runInSlices } from './slices';

const LANGUAGES = new Set(['opnote', 'claim', 'x12']);
/** Returns the 64596 checklist of a document as Markdown (any LSP client can run it). */
export const CHECKLIST_COMMAND = 'opnote.checklist.markdown';

/** Starts OpNote on a connection: a thin adapter from LSP to the pure language service. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<ResolvedSettings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** The validation in flight per document; a newer one abandons it. */
  const runs = new Map<string, symbol>();
  /** Open claims and the note paths they read, to re-check a claim when its note changes. */
  const dependencies = new Map<string, readonly string[]>();
  let supportsConfiguration = false;
  let supportsResolve = false;
  let supportsWorkspaceFolders = false;
  let trusted = true;
  let globalSettings: EditorSettings = {};
  /** Workspace folder paths; a claim's `note:` is read only inside them (or its own folder when there are none). */
  let workspaceRoots: string[] = [];

  const log = (where: string, error: unknown) => connection.console.error(describeInternalError(where, error));
  const openText = (path: string) => documents.get(pathToUri(path))?.getText();
  const service: LanguageService = createLanguageService({
    fileSystem: nodeFileSystem({ overlay: openText, workspaceRoots: () => workspaceRoots }),
    docsBaseUri: bundledDocsBaseUri(),
    onInternalError: log,
  });

  /** The file extension decides for .opnote/.claim files (some clients send one languageId for all); otherwise the language the user chose. */
  function source(document: TextDocument): SourceDocument {
    const byExtension = /\.(opnote|claim)$/i.test(uriToPath(document.uri) ?? '') ? kindFromUri(document.uri) : undefined;
    const kindHint = byExtension ?? (document.languageId === 'claim' ? 'claim' : 'opnote');
    return { uri: document.uri, version: document.version, text: document.getText(), kindHint };
  }

  /** An X12 claim's note is looked for in the workspace folder that holds the claim (its own folder when none does). */
  function withNotesFolder(uri: string, settings: ResolvedSettings): ResolvedSettings {
    let path: string | undefined;
    try {
      path = uriToPath(uri);
    } catch {
      return settings; // a URI that does not decode: the analysis reports it, settings must not fail
    }
    const folder = path === undefined ? undefined : workspaceRoots.filter((root) => insideRoots(path, [root])).sort((a, b) => b.length - a.length)[0];
    return folder === undefined ? settings : { ...settings, document: { ...settings.document, notesFolder: folder } };
  }

  function settingsFor(uri: string): Promise<ResolvedSettings> {
    return resolvedSettingsFor(uri).then((settings) => withNotesFolder(uri, settings));
  }

  function resolvedSettingsFor(uri: string): Promise<ResolvedSettings> {
    if (!supportsConfiguration) return Promise.resolve(resolveSettings(globalSettings, trusted));
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'opnote' })
        .then((raw: EditorSettings) => resolveSettings(raw, trusted), () => resolveSettings(undefined, trusted));
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  /** Every handler goes through here: it honours cancellation and never lets an error escape. */
  async function runSafe<T>(where: string, fallback: T, token: CancellationToken | undefined, work: () => T | Promise<T>): Promise<T> {
    if (token?.isCancellationRequested) return fallback;
    try {
      const result = await work();
      return token?.isCancellationRequested ? fallback : result;
    } catch (error) {
      log(where, error);
      return fallback;
    }
  }

  /**
   * Checks a document in slices (lsp/slices.ts), so that requests on other documents are answered
   * while a long note is checked; a request on this one finishes the check at once (the service's
   * caches hold every step). A newer version, a close or a newer validation of the document abandons
   * the run, so only the newest version's diagnostics are published.
   */
  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const run = Symbol(uri);
    runs.set(uri, run);
    // The document object is updated in place by an edit: keep the version this run checks.
    const version = document.version;
    const stale = () => runs.get(uri) !== run || documents.get(uri)?.version !== version;
    await runSafe('diagnostics', undefined, undefined, async () => {
      const settings = await settingsFor(uri);
      if (stale()) return;
      const analysis = await runInSlices(service.analyzeInSteps(source(document), settings.document), stale);
      if (!analysis || stale()) return;
      runs.delete(uri);
      dependencies.set(uri, analysis.dependencies);
      await connection.sendDiagnostics({ uri, version, diagnostics: [...analysis.diagnostics] });
    });
  }

  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    void settingsFor(uri).then((settings) => {
      clearTimeout(timers.get(uri));
      if (settings.delayMs === 0) {
        timers.delete(uri);
        void validate(uri);
      } else {
        timers.set(uri, setTimeout(() => {
          timers.delete(uri);
          void validate(uri);
        }, settings.delayMs));
      }
    });
  }

  function revalidateAll(): void {
    for (const document of documents.all()) schedule(document.uri);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    supportsConfiguration = capabilities.workspace?.configuration === true;
    const resolveProperties: unknown = capabilities.textDocument?.codeAction?.resolveSupport?.properties;
    supportsResolve = Array.isArray(resolveProperties) && resolveProperties.includes('edit');
    supportsWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
    const options = params.initializationOptions as { trusted?: unknown } | null | undefined;
    trusted = options?.trusted !== false;
    workspaceRoots = params.workspaceFolders ? foldersToPaths(params.workspaceFolders) : params.rootUri ? foldersToPaths([{ uri: params.rootUri }]) : params.rootPath ? [params.rootPath] : [];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['-', ':', ' ', '#', '/', ...CODE_TRIGGER_CHARACTERS], completionItem: { labelDetailsSupport: true } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        executeCommandProvider: { commands: [CHECKLIST_COMMAND, QUERY_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'opnote-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    if (supportsWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(foldersToPaths(event.removed));
        workspaceRoots = [...workspaceRoots.filter((root) => !removed.has(root)), ...foldersToPaths(event.added)];
        revalidateAll();
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    const settings = (change.settings as { opnote?: EditorSettings } | null)?.opnote;
    if (settings) globalSettings = settings;
    revalidateAll();
  });

  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (params: { trusted?: unknown }) => {
    trusted = params?.trusted !== false;
    settingsCache.clear();
    service.configurationChanged();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    service.configurationChanged();
    revalidateAll();
  });

  documents.onDidChangeContent((change) => {
    if (!isOpNoteDocument(change.document)) return;
    schedule(change.document.uri);
    const path = uriToPath(change.document.uri);
    for (const [uri, paths] of dependencies) {
      if (uri !== change.document.uri && path !== undefined && paths.includes(path)) schedule(uri);
    }
  });

  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    timers.delete(event.document.uri);
    runs.delete(event.document.uri);
    dependencies.delete(event.document.uri);
    settingsCache.delete(event.document.uri);
    service.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const withDocument = <T>(uri: string, fallback: T, where: string, token: CancellationToken, work: (document: TextDocument, settings: ResolvedSettings) => T) =>
    runSafe(where, fallback, token, async () => {
      const document = documents.get(uri);
      if (!document || !isOpNoteDocument(document)) return fallback;
      const settings = await settingsFor(uri);
      return work(document, settings);
    });

  /** A reviewer's `.opnoterc.json` goes to the workspace folder that holds the document (the longest match). */
  const withWorkspaceRoot = (uri: string, settings: DocumentSettings): DocumentSettings => {
    const path = uriToPath(uri);
    const root = path === undefined ? undefined : workspaceRoots.filter((folder) => path.startsWith(`${folder.replace(/\/$/, '')}/`)).sort((a, b) => b.length - a.length)[0];
    return root ? { ...settings, workspaceRoot: root } : settings;
  };

  connection.onHover((params, token) => withDocument(params.textDocument.uri, null, 'hover', token, (document, settings) => service.hover(source(document), params.position, settings.document)));
  connection.onCompletion((params, token) => {
    const typed = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
    return withDocument(params.textDocument.uri, { isIncomplete: false, items: [] }, 'completion', token, (document, settings) => service.complete(source(document), params.position, settings.document, typed));
  });
  connection.onCodeAction((params, token) =>
    withDocument(params.textDocument.uri, [], 'codeAction', token, (document, settings) =>
      service.codeActions(source(document), params.range, { ...(params.context.only ? { only: params.context.only } : {}) }, withWorkspaceRoot(document.uri, settings.document), supportsResolve),
    ),
  );
  connection.onCodeActionResolve((action, token) => {
    const uri = (action.data as { uri?: string } | undefined)?.uri;
    if (typeof uri !== 'string') return action;
    return withDocument(uri, action, 'codeActionResolve', token, (document, settings) => service.resolveCodeAction(source(document), action, withWorkspaceRoot(document.uri, settings.document)));
  });
  const checklistFor = (uri: unknown, token: CancellationToken) =>
    typeof uri !== 'string'
      ? Promise.resolve(null)
      : withDocument(uri, null as string | null, 'checklist', token, (document, settings) => service.checklist(source(document), settings.document)?.markdown ?? null);
  connection.onRequest(CHECKLIST_REQUEST, (params: { uri?: unknown } | undefined, token: CancellationToken) => checklistFor(params?.uri, token));
  /** `opnote.query.markdown` (URI, optional rule id): the printable physician queries of a note. */
  const queriesFor = (uri: unknown, rule: unknown, token: CancellationToken) =>
    typeof uri !== 'string'
      ? Promise.resolve(null)
      : withDocument(uri, null as string | null, 'query', token, (document, settings) => service.queries(source(document), settings.document, typeof rule === 'string' ? rule : undefined)?.markdown ?? null);
  connection.onRequest(CHECKLIST_DATA_REQUEST, (params: { uri?: unknown } | undefined, token: CancellationToken) => {
    const uri = params?.uri;
    if (typeof uri !== 'string') return null;
    return withDocument(uri, null, 'checklistData', token, (document, settings) => {
      const checklist = service.checklist(source(document), settings.document);
      return checklist && { title: checklist.title, noteUri: checklist.noteUri, items: checklist.items, codes: checklist.codes };
    });
  });
  connection.onRequest(RULE_PAGE_REQUEST, (params: { id?: unknown } | undefined, token: CancellationToken) =>
    runSafe('rulePage', null, token, () => {
      const rule = service.rules.find((candidate) => candidate.meta.id === params?.id);
      return rule ? rulePageMarkdown(rule.meta) : null;
    }),
  );
  connection.onExecuteCommand((params, token) => {
    if (params.command === CHECKLIST_COMMAND) return checklistFor(params.arguments?.[0], token);
    if (params.command === QUERY_COMMAND) return queriesFor(params.arguments?.[0], params.arguments?.[1], token);
    return null;
  });
  connection.onDocumentSymbol((params, token) => withDocument(params.textDocument.uri, [], 'documentSymbol', token, (document) => service.documentSymbols(source(document))));
  connection.onFoldingRanges((params, token) => withDocument(params.textDocument.uri, [], 'foldingRange', token, (document) => service.foldingRanges(source(document))));

  documents.listen(connection);
  connection.listen();
}

/** The folders on disk; a folder whose URI is not a file URI, or does not decode, names no folder. */
function foldersToPaths(folders: ReadonlyArray<{ readonly uri: string }>): string[] {
  return folders.flatMap((folder) => {
    if (!folder.uri.startsWith('file://')) return [];
    try {
      const path = uriToPath(folder.uri);
      return path === undefined ? [] : [path];
    } catch {
      return [];
    }
  });
}

function isOpNoteDocument(document: TextDocument): boolean {
  return LANGUAGES.has(document.languageId) || /\.(opnote|claim|837|x12|edi)$/i.test(uriToPath(document.uri) ?? document.uri);
}
