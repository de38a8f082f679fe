import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { QUERY_MARKDOWN_COMMAND, WORKSPACE_TRUST_NOTIFICATION } from '../../server/src/protocol';
import { registerAuditReport } from './auditReport';
import { ChecklistPanels } from './checklistView';
import { copyQuery, showQueries } from './queryView';
import { registerRulePages, rulePageMiddleware } from './rulePage';

let client: LanguageClient | undefined;

/** A thin launcher: starts the bundled server over IPC for opnote and claim documents. No network. */
export async function activate(context: vscode.ExtensionContext): Promise<OpNoteApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'opnote' },
      { scheme: 'file', language: 'claim' },
      { scheme: 'untitled', language: 'opnote' },
      { scheme: 'untitled', language: 'claim' },
      { scheme: 'file', language: 'x12' },
      { scheme: 'untitled', language: 'x12' },
    ],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.opnoterc.json'),
        vscode.workspace.createFileSystemWatcher('**/.opnote/payers/*.json'),
        vscode.workspace.createFileSystemWatcher('**/*.opnote'),
      ],
    },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    middleware: {
      ...rulePageMiddleware,
      // The server drafts the queries; whoever runs the command (a reviewer's code action, the palette) sees them beside the note.
      executeCommand: async (command, args, next) => {
        const result: unknown = await next(command, args);
        if (command === QUERY_MARKDOWN_COMMAND && typeof result === 'string') await showQueries(result);
        return result;
      },
    },
  };
  client = new LanguageClient('opnote', 'OpNote', serverOptions, clientOptions);
  const checklists = new ChecklistPanels(() => client);
  context.subscriptions.push(
    checklists,
    vscode.workspace.onDidChangeTextDocument((event) => checklists.documentChanged(event.document.uri)),
    vscode.commands.registerCommand('opnote.showChecklist', () => checklists.show()),
    ...registerRulePages(() => client),
    vscode.commands.registerCommand('opnote.draftQueries', draftQueries),
    vscode.commands.registerCommand('opnote.copyQuery', copyQuery),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true })),
    ...registerCheckWorkspace(context),
    registerAuditReport(context),
  );
  await client.start();
  return { checklistHtml: (uri) => checklists.htmlOf(uri), onDidRenderChecklist: checklists.onDidRender };
}

/** What the extension exports (`extension.exports`): the extension-host tests read the checklist view through it. */
interface OpNoteApi {
  /** The HTML the checklist view of a document (by URI string) shows now, or undefined when none is open. */
  checklistHtml(uri: string): string | undefined;
  /** Fires with a document's URI string when its checklist view is drawn anew (it follows the note). */
  readonly onDidRenderChecklist: vscode.Event<string>;
}

/** "OpNote: Draft physician queries for this note": every query of the active note, opened beside it. */
async function draftQueries(): Promise<unknown> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'opnote') {
    void vscode.window.showInformationMessage('OpNote: open an operative note to draft its physician queries.');
    return undefined;
  }
  return vscode.commands.executeCommand(QUERY_MARKDOWN_COMMAND, editor.document.uri.toString());
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

const TASK_TYPE = 'opnote';

interface OpNoteTaskDefinition extends vscode.TaskDefinition {
  /** Folder to check, relative to the workspace folder; the whole folder by default. */
  readonly folder?: string;
}

/**
 * "OpNote: check workspace": a task of type `opnote` that runs the bundled CLI over every note and
 * claim of a workspace folder (open or not), with the `$opnote` problem matcher reading its text output
 * (`path:line:col severity rule message`). The CLI runs on the editor's own Node (ELECTRON_RUN_AS_NODE),
 * so no Node installation is needed.
 */
function registerCheckWorkspace(context: vscode.ExtensionContext): vscode.Disposable[] {
  const cli = context.asAbsolutePath(path.join('dist', 'cli.js'));
  const checkTask = (folder: vscode.WorkspaceFolder, definition: OpNoteTaskDefinition): vscode.Task => {
    const target = definition.folder && definition.folder.trim() !== '' ? definition.folder : '.';
    const execution = new vscode.ProcessExecution(process.execPath, [cli, 'check', target], { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
    const task = new vscode.Task(definition, folder, 'check workspace', 'opnote', execution, ['$opnote']);
    task.group = vscode.TaskGroup.Test;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
    return task;
  };
  const provider = vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () => (vscode.workspace.isTrusted ? (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => checkTask(folder, { type: TASK_TYPE })) : []),
    resolveTask: (task) => {
      const folder = task.scope !== undefined && typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
      return folder ? checkTask(folder, task.definition as OpNoteTaskDefinition) : undefined;
    },
  });
  const command = vscode.commands.registerCommand('opnote.checkWorkspace', async () => {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('OpNote: open a folder to check its notes and claims.');
      return;
    }
    const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to check with OpNote' });
    if (folder) await vscode.tasks.executeTask(checkTask(folder, { type: TASK_TYPE }));
  });
  return [provider, command];
}
