// "OpNote: Show 64596 checklist" (opnote.showChecklist) opens the checklist of the active note, and the
// checklist follows the note as it is edited.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('../helpers');

const SCHEME = 'opnote-checklist';
const IMAGING_ROW = /^\|\s*(\S+)\s*\|\s*Imaging guidance/m; // first cell: ✓ supported, ! missing

/** Resolves with the checklist document of `source` once `accept` holds for its text. */
function waitForChecklist(source, accept, what) {
  const find = () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === SCHEME && d.uri.query === source.toString());
  return h.within(what, new Promise((resolve) => {
    const check = () => {
      const doc = find();
      if (!doc || !accept(doc.getText())) return;
      subscriptions.forEach((s) => s.dispose());
      resolve(doc);
    };
    const subscriptions = [vscode.workspace.onDidOpenTextDocument(check), vscode.workspace.onDidChangeTextDocument(check)];
    check();
  }));
}

describe('64596 checklist command in VS Code', function () {
  const file = 'checklist-probe.opnote';
  let note;

  before(async () => {
    // Its own copy of the flawed note, so the shared scenarios' edits cannot change what this suite sees.
    fs.copyFileSync(path.join(__dirname, '../../editors/fixtures/flawed.opnote'), h.workspaceUri(file).fsPath);
    note = await h.openFixture(file);
  });

  it('shows the checklist, which follows the note', async () => {
    const row = (text) => (IMAGING_ROW.exec(text) || [])[1];
    await h.within('opnote.showChecklist', vscode.commands.executeCommand('opnote.showChecklist'));
    const checklist = await waitForChecklist(note.uri, (text) => row(text) !== undefined, 'the checklist document');
    assert.match(checklist.getText(), /^# 64596 checklist/m);
    assert.equal(row(checklist.getText()), '!', 'imaging is missing from the note');

    // Document the imaging: the open checklist must turn the row to ✓ without being asked again.
    const description = note.getText().indexOf('DESCRIPTION OF PROCEDURE:');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(note.uri, note.positionAt(description), 'IMAGING: Ultrasound guidance was used to place the array.\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForChecklist(note.uri, (text) => row(text) === '✓', 'the imaging row turning to ✓');
  });
});
