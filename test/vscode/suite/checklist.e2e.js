// "OpNote: Show 64596 checklist" (opnote.showChecklist) opens the checklist of the active note in a
// webview beside it, with a strict content security policy, and the view follows the note as it is edited.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('../helpers');

const IMAGING_ROW = /<li class="([a-z-]+)" data-id="imaging">/; // documented, missing, contradicts or not-applicable

/** Resolves with the checklist view's HTML for `source` once `accept` holds for it (checked now and each time the view is drawn). */
function waitForChecklist(api, source, accept, what) {
  return h.within(what, new Promise((resolve) => {
    const check = () => {
      const html = api.checklistHtml(source.toString());
      if (html === undefined || !accept(html)) return;
      subscription.dispose();
      resolve(html);
    };
    const subscription = api.onDidRenderChecklist(check);
    check();
  }));
}

describe('64596 checklist view in VS Code', function () {
  const file = 'checklist-probe.opnote';
  let note;
  let api;

  before(async () => {
    // Its own copy of the flawed note, so the shared scenarios' edits cannot change what this suite sees.
    fs.copyFileSync(path.join(__dirname, '../../editors/fixtures/flawed.opnote'), h.workspaceUri(file).fsPath);
    note = await h.openFixture(file);
    api = await h.within('activation', vscode.extensions.getExtension('opnote.opnote').activate());
  });

  it('shows the checklist in a webview beside the note, which follows the note', async () => {
    const row = (html) => (IMAGING_ROW.exec(html) || [])[1];
    await h.within('opnote.showChecklist', vscode.commands.executeCommand('opnote.showChecklist'));
    const html = await waitForChecklist(api, note.uri, (text) => row(text) !== undefined, 'the checklist view');
    assert.equal(row(html), 'missing', 'imaging is missing from the note');
    assert.match(html, /<h1>64596 checklist: checklist-probe\.opnote<\/h1>/);
    assert.match(html, /Codes the documentation supports:/);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
    assert.match(csp, /^default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+';$/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)[1];
    assert.ok([...html.matchAll(/<script([^>]*)>/g)].every((tag) => tag[1] === ` nonce="${nonce}"`), 'every script carries the nonce');
    const label = '64596 checklist: checklist-probe.opnote';
    const tab = await h.waitForTab((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.label === label, `the tab ${label}`);
    assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor.viewColumn, 'the checklist sits beside the note');

    // Document the imaging: the open checklist must turn the row to documented without being asked again.
    const description = note.getText().indexOf('DESCRIPTION OF PROCEDURE:');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(note.uri, note.positionAt(description), 'IMAGING: Ultrasound guidance was used to place the array.\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const updated = await waitForChecklist(api, note.uri, (text) => row(text) === 'documented', 'the imaging row turning to documented');
    assert.match(updated, /<mark>Ultrasound<\/mark>/i, 'the supporting words are marked');
  });

  it('shows a claim\'s checklist from the note it names, and follows that note', async () => {
    const testingRow = (html) => (/<li class="([a-z-]+)" data-id="testing">/.exec(html) || [])[1];
    fs.writeFileSync(h.workspaceUri('checklist-probe.claim').fsPath, `payer: Medicare\ndos: 2026-04-30\nnote: ${file}\n\n64596-LT x1\n`);
    const claim = await h.openFixture('checklist-probe.claim');
    await h.within('opnote.showChecklist', vscode.commands.executeCommand('opnote.showChecklist'));
    const html = await waitForChecklist(api, claim.uri, (text) => testingRow(text) !== undefined, 'the claim\'s checklist view');
    assert.match(html, new RegExp(`<h1>64596 checklist: ${file.replace('.', '\\.')}</h1>`), 'the checklist reads the claim\'s note');
    assert.equal(testingRow(html), 'missing');

    // An unsaved edit of the note turns the claim's row too.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(note.uri, note.positionAt(note.getText().indexOf('COMPLICATIONS:')), 'Test stimulation produced concordant paresthesia in the foot.\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForChecklist(api, claim.uri, (text) => testingRow(text) === 'documented', 'the claim\'s testing row turning to documented');
  });
});
