import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** A thin launcher: starts the bundled server over IPC for opnote and claim documents. No network. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
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
    ],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.opnoterc.json'),
        vscode.workspace.createFileSystemWatcher('**/.opnote/payers/*.json'),
        vscode.workspace.createFileSystemWatcher('**/*.opnote'),
      ],
    },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('opnote', 'OpNote', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('opnote/workspaceTrust', { trusted: true })),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
