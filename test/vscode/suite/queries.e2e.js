// The reviewer role (`opnote.role: reviewer`): no code action edits a note, a finding the provider can
// resolve offers "Draft physician query", and the query opens beside the note and can be copied.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('../helpers');

/** Resolves with the first visible Markdown editor beside `note` whose text `accept`s. */
function waitForQueryEditor(note, accept, what) {
  const find = () => vscode.window.visibleTextEditors.find((editor) => editor.document.languageId === 'markdown' && editor.document.uri.scheme === 'untitled' && editor.viewColumn !== note.viewColumn && accept(editor.document.getText()));
  return h.within(what, new Promise((resolve) => {
    const check = () => {
      const editor = find();
      if (!editor) return;
      subscription.dispose();
      resolve(editor);
    };
    const subscription = vscode.window.onDidChangeVisibleTextEditors(check);
    check();
  }));
}

describe('reviewer role and physician queries in VS Code', function () {
  const file = 'reviewer-probe.opnote';
  let document;
  const config = () => vscode.workspace.getConfiguration('opnote', h.workspaceUri(file));

  before(async () => {
    // Its own copy of the flawed note, so the other suites' edits cannot change what this one sees.
    fs.copyFileSync(path.join(__dirname, '../../editors/fixtures/flawed.opnote'), h.workspaceUri(file).fsPath);
    // The role is set before the note opens: the server reads the settings of a document when it first checks it.
    await config().update('role', 'reviewer', vscode.ConfigurationTarget.WorkspaceFolder);
    document = await h.openFixture(file);
  });
  after(async () => {
    await config().update('role', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  it('offers no edit of the note and a query for imaging-undocumented, which opens beside the note and copies', async () => {
    const diagnostics = await h.waitForDiagnostics(document.uri, (ds) => h.find(ds, 'imaging-undocumented') !== undefined, 'imaging-undocumented');
    const imaging = h.find(diagnostics, 'imaging-undocumented');
    const actions = await h.quickFixes(document.uri, imaging.range);
    const query = actions.find((action) => action.title === 'Draft physician query');
    assert.ok(query, `actions: ${actions.map((action) => action.title).join(', ')}`);
    for (const action of actions) assert.ok(!action.edit || !action.edit.has(document.uri), `"${action.title}" edits the note`);

    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
    const markdown = await h.within('opnote.query.markdown', vscode.commands.executeCommand(query.command.command, ...query.command.arguments));
    assert.match(markdown, /^# Physician query: Imaging guidance/m);
    const beside = await waitForQueryEditor(editor, (text) => text === markdown, 'the query beside the note');
    assert.match(beside.document.getText(), /- \[ \] Clinically undetermined/);
    assert.ok(await vscode.commands.executeCommand('opnote.copyQuery'));
    assert.equal(await vscode.env.clipboard.readText(), markdown);
  });
});
