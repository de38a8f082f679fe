import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECKLIST_REQUEST } from '../../server/src/protocol';

export const CHECKLIST_SCHEME = 'opnote-checklist';
const REFRESH_DELAY_MS = 300;

/**
 * The 64596 checklist as a virtual Markdown document shown in VS Code's Markdown preview; it follows
 * the note as it changes. The content comes from the server, so the client holds no logic.
 */
export class ChecklistProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly open = new Map<string, vscode.Uri>();
  private timer: NodeJS.Timeout | undefined;
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  static uriFor(source: vscode.Uri): vscode.Uri {
    const name = source.path.split('/').pop() ?? 'note';
    return vscode.Uri.from({ scheme: CHECKLIST_SCHEME, path: `/64596 checklist - ${name}.md`, query: source.toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    this.open.set(uri.query, uri);
    const markdown = await this.client()?.sendRequest<string | null>(CHECKLIST_REQUEST, { uri: uri.query });
    return markdown ?? '# 64596 checklist\n\nNo operative note to read: open a `.opnote` file, or a `.claim` whose `note:` names one.\n';
  }

  /** Called on every edit; refreshes the checklists that show the edited document. */
  documentChanged(document: vscode.Uri): void {
    const shown = this.open.get(document.toString());
    if (!shown) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(shown), REFRESH_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

export async function showChecklist(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !['opnote', 'claim'].includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage('Open an operative note (.opnote) or a claim (.claim) to see its 64596 checklist.');
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreviewToSide', ChecklistProvider.uriFor(editor.document.uri));
}
