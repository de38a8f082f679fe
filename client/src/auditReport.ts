import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * "OpNote: audit report for this workspace": the bundled CLI writes `opnote report` of a workspace
 * folder (its `.opnoteignore` applies) into the extension's storage, run as a task like "check
 * workspace" (the extension starts no process of its own), and the file is shown in a webview. The
 * report brings its own Content-Security-Policy (its one style and one script, by hash; nothing
 * else, no request anywhere); the webview may load no resource (`localResourceRoots: []`).
 */
export function registerAuditReport(context: vscode.ExtensionContext): vscode.Disposable {
  const cli = context.asAbsolutePath(path.join('dist', 'cli.js'));
  return vscode.commands.registerCommand('opnote.auditReport', async () => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage('OpNote: the audit report runs in a trusted workspace only.');
      return;
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('OpNote: open a folder to report on its notes and claims.');
      return;
    }
    const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to report on with OpNote' });
    if (!folder) return;
    await vscode.workspace.fs.createDirectory(context.globalStorageUri);
    const out = vscode.Uri.joinPath(context.globalStorageUri, 'audit-report.html');
    const execution = new vscode.ProcessExecution(process.execPath, [cli, 'report', '.', '--out', out.fsPath], { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
    const task = new vscode.Task({ type: 'opnote-report' }, folder, 'audit report', 'opnote', execution, []);
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
    const exitCode = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'OpNote: writing the audit report' }, () => runTask(task));
    if (exitCode !== 0) {
      void vscode.window.showErrorMessage(`OpNote: the audit report failed (exit code ${String(exitCode)}); the task's terminal says why.`);
      return;
    }
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(out));
    const panel = vscode.window.createWebviewPanel('opnote.auditReport', `OpNote audit: ${folder.name}`, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    panel.webview.html = html;
  });
}

/** Runs a task and resolves with its process's exit code. */
async function runTask(task: vscode.Task): Promise<number | undefined> {
  const execution = await vscode.tasks.executeTask(task);
  return new Promise((resolve) => {
    const listener = vscode.tasks.onDidEndTaskProcess((event) => {
      if (event.execution !== execution) return;
      listener.dispose();
      resolve(event.exitCode);
    });
  });
}
