import * as vscode from 'vscode';

/** The queries last drafted, for "OpNote: Copy the physician query". */
let lastDrafted: string | undefined;

/** Opens drafted queries beside the note as an untitled Markdown document, and offers to copy them. */
export async function showQueries(markdown: string): Promise<vscode.TextDocument> {
  lastDrafted = markdown;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  void vscode.window.showInformationMessage('OpNote: physician query drafted. The provider answers with a signed addendum to the note.', 'Copy').then((choice) => (choice === 'Copy' ? copyQuery() : undefined));
  return document;
}

/** Copies the query last drafted to the clipboard; false when none was drafted in this window. */
export async function copyQuery(): Promise<boolean> {
  if (lastDrafted === undefined) {
    void vscode.window.showInformationMessage('OpNote: no physician query drafted yet.');
    return false;
  }
  await vscode.env.clipboard.writeText(lastDrafted);
  return true;
}
