// The shared editor scenarios (test/editors/fixtures/scenarios.json), checked through the vscode API:
// the same table Neovim and Emacs check, so a scenario added there is checked here too.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers');

for (const doc of h.scenarios.documents) {
  describe(`${doc.file} in VS Code`, function () {
    let document;
    before(async () => {
      document = await h.openFixture(doc.file);
    });

    it(`opens as language ${doc.languageId}`, () => {
      assert.equal(document.languageId, doc.languageId);
    });

    it(`shows ${doc.diagnostics.map((e) => e.code).join(', ')}`, async () => {
      const diagnostics = await h.waitForDiagnostics(document.uri, (ds) => doc.diagnostics.every((e) => h.find(ds, e.code, e.line)), 'expected diagnostics');
      for (const e of doc.diagnostics) {
        const d = h.find(diagnostics, e.code, e.line);
        assert.equal(d.severity, h.SEVERITY[e.severity], `${e.code} severity (have ${h.summary(diagnostics)})`);
        assert.equal(d.source, 'opnote');
      }
    });

    for (const hover of doc.hovers || []) {
      it(`hovers ${hover.line}:${hover.character}`, async () => {
        const text = await h.hoverText(document.uri, hover.line, hover.character);
        assert.ok(text.includes(hover.contains), `hover at ${hover.line}:${hover.character} was ${JSON.stringify(text)}`);
      });
    }

    for (const completion of doc.completions || []) {
      it(`completes ${completion.includes.join(', ')} at ${completion.line}:${completion.character}`, async () => {
        const labels = await h.completionLabels(document.uri, completion.line, completion.character);
        for (const label of completion.includes) assert.ok(labels.includes(label), `${label} missing from ${labels.length} items`);
      });
    }

    const fix = doc.quickFix;
    if (fix) {
      it(`quick fix "${fix.title}" edits the document and silences ${fix.code}`, async () => {
        const diagnostic = h.find(vscode.languages.getDiagnostics(document.uri), fix.code);
        assert.ok(diagnostic, `${fix.code} not shown`);
        const actions = await h.quickFixes(document.uri, diagnostic.range);
        const action = actions.find((a) => a.title === fix.title);
        assert.ok(action, `offered: ${actions.map((a) => a.title).join(' | ')}`);
        assert.ok(action.edit, 'the action carries its edit once resolved');
        assert.ok(await vscode.workspace.applyEdit(action.edit), 'applyEdit refused');
        assert.equal(document.lineAt(fix.insertedLine).text, fix.insertedText);
        await h.waitForDiagnostics(document.uri, (ds) => !h.find(ds, fix.code), `${fix.code} gone after the fix`);
      });
    }

    const change = doc.didChange;
    if (change) {
      it(`re-checks a typed line (${change.code})`, async () => {
        const end = document.lineAt(document.lineCount - 1).range.end;
        const prefix = document.lineAt(document.lineCount - 1).isEmptyOrWhitespace ? '' : '\n';
        const line = document.lineCount - (prefix ? 0 : 1);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, end, `${prefix}${change.appendLine}\n`);
        assert.ok(await vscode.workspace.applyEdit(edit));
        await h.waitForDiagnostics(document.uri, (ds) => h.find(ds, change.code, line), `${change.code} on typed line ${line}`);
      });
    }

    const follows = doc.followsNote;
    if (follows) {
      it(`follows its note: an unsaved edit of ${follows.note} brings ${follows.code}`, async () => {
        const note = await vscode.workspace.openTextDocument(h.workspaceUri(follows.note));
        const offset = note.getText().indexOf(follows.replace);
        assert.ok(offset >= 0, `${follows.note} no longer contains the text to replace`);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(note.uri, new vscode.Range(note.positionAt(offset), note.positionAt(offset + follows.replace.length)), follows.with);
        assert.ok(await vscode.workspace.applyEdit(edit));
        await h.waitForDiagnostics(document.uri, (ds) => h.find(ds, follows.code, follows.line), `${follows.code} on the claim after the note changed`);
      });
    }
  });
}
