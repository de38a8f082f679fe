// `opnote.rules` changes severities live: the server re-reads settings on didChangeConfiguration.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const h = require('../helpers');

describe('opnote.rules in VS Code settings', function () {
  const file = 'settings-probe.opnote';
  let document;
  let original;
  const config = () => vscode.workspace.getConfiguration('opnote', document.uri);
  const setRule = (rule, severity) => config().update('rules', { ...original, [rule]: severity }, vscode.ConfigurationTarget.WorkspaceFolder);

  before(async () => {
    // Its own document, so the shared scenarios' edits cannot change what this suite sees.
    fs.writeFileSync(h.workspaceUri(file).fsPath, 'patient: TEST-0202\ndate: 2026-13-45\n\nPROCEDURE: Test.\n');
    document = await h.openFixture(file);
    original = { ...(config().get('rules') || {}) };
  });
  after(async () => {
    await config().update('rules', original, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  it('starts at the default severity (error)', async () => {
    await h.waitForDiagnostics(document.uri, (ds) => h.find(ds, 'date-malformed', 1)?.severity === vscode.DiagnosticSeverity.Error, 'date-malformed as error');
  });

  it('"warning" turns it into a warning', async () => {
    await setRule('date-malformed', 'warning');
    await h.waitForDiagnostics(document.uri, (ds) => h.find(ds, 'date-malformed', 1)?.severity === vscode.DiagnosticSeverity.Warning, 'date-malformed as warning');
  });

  it('"off" removes it, and restoring the setting brings it back', async () => {
    await setRule('date-malformed', 'off');
    const quiet = await h.waitForDiagnostics(document.uri, (ds) => !h.find(ds, 'date-malformed'), 'date-malformed off');
    assert.equal(h.find(quiet, 'date-malformed'), undefined);
    await config().update('rules', original, vscode.ConfigurationTarget.WorkspaceFolder);
    await h.waitForDiagnostics(document.uri, (ds) => h.find(ds, 'date-malformed', 1)?.severity === vscode.DiagnosticSeverity.Error, 'date-malformed back to error');
  });
});
