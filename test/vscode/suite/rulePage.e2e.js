// A rule id links to its rendered page inside VS Code: the Problems panel and the hover open the link
// through the extension, which shows the page in a locked Markdown preview (never the raw file, never
// in place of the user's own preview).
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const h = require('../helpers');

const isPreview = (tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType);
const previewTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter(isPreview);
const waitForPreview = (name) => h.waitForTab((tab) => isPreview(tab) && tab.label.includes(name), `a preview of ${name}`);

describe('rule pages in VS Code', function () {
  const note = h.scenarios.documents.find((d) => d.languageId === 'opnote');

  it('links each diagnostic to the rule page the extension renders', async () => {
    const document = await h.openFixture(note.file);
    const diagnostics = await h.waitForDiagnostics(document.uri, (list) => list.length > 0, 'diagnostics of the note');
    const linked = diagnostics.filter((d) => typeof d.code === 'object');
    assert.ok(linked.length > 0, 'rule ids carry links');
    for (const diagnostic of linked) {
      assert.equal(diagnostic.code.target.scheme, vscode.env.uriScheme);
      assert.equal(diagnostic.code.target.authority, 'opnote.opnote');
      assert.equal(diagnostic.code.target.path, `/rule/${diagnostic.code.value}`);
    }
  });

  it('opens the rendered page beside the editor and keeps the user\'s preview', async () => {
    // The user's own preview, unlocked: the kind a dynamic preview would take over.
    fs.writeFileSync(h.workspaceUri('user-notes.md').fsPath, '# My notes\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(h.workspaceUri('user-notes.md')));
    await h.within('markdown.showPreviewToSide', vscode.commands.executeCommand('markdown.showPreviewToSide'));
    const userPreview = await waitForPreview('user-notes.md');
    // The note beside that preview, as a coder works: the rule page opens in the preview's column.
    const document = await vscode.workspace.openTextDocument(h.workspaceUri(note.file));
    await vscode.window.showTextDocument(document, userPreview.group.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const rule = h.ruleOf((await h.waitForDiagnostics(document.uri, (list) => list.length > 0, 'diagnostics of the note'))[0]);
    await h.within('opnote.showRulePage', vscode.commands.executeCommand('opnote.showRulePage', rule));
    await waitForPreview(rule);
    // The preview reads the page from the extension's virtual document (the Markdown extension may run in another extension host).
    const page = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'opnote-rule', path: `/${rule}.md` }));
    assert.match(page.getText(), new RegExp(`^# ${rule}\\n`), 'the page, not the generator comment, comes first');
    assert.doesNotMatch(page.getText(), /<!--/);

    // A second rule opens a second preview: the first stays open.
    await h.within('opnote.showRulePage', vscode.commands.executeCommand('opnote.showRulePage', 'wrong-approach'));
    await waitForPreview('wrong-approach');
    assert.ok(previewTabs().some((tab) => tab.label.includes(rule)), `the preview of ${rule} is still open`);
    assert.ok(previewTabs().some((tab) => tab.label.includes('user-notes.md')), 'the user\'s preview is still open');
  });
});
