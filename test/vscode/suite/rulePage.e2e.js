// A rule id links to its rendered page inside VS Code: the Problems panel and the hover open the link
// through the extension, which shows the page in a locked Markdown preview (never the raw file, never
// in place of the user's own preview).
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers');

const previewTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType));

/** Resolves once a Markdown preview tab whose label names `name` is open. */
function waitForPreview(name) {
  return h.within(`a preview of ${name}`, new Promise((resolve) => {
    const check = () => {
      const tab = previewTabs().find((candidate) => candidate.label.includes(name));
      if (!tab) return;
      subscription.dispose();
      resolve(tab);
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    check();
  }));
}

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
    const document = await h.openFixture(note.file);
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
  });
});
