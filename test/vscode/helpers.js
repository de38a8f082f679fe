// Small helpers for the extension-host suite. Every wait is on a VS Code event with a deadline, never
// a sleep, and a time-out says what was awaited and what was there instead (rule codes, no note text).
'use strict';
const path = require('node:path');
const vscode = require('vscode');

const STEP_MS = Number(process.env.OPNOTE_STEP_TIMEOUT_MS || 20000);
const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};
const scenarios = require(path.join(__dirname, '../editors/fixtures/scenarios.json'));

function workspaceUri(file) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('no workspace folder: the launcher must open the scratch workspace');
  return vscode.Uri.joinPath(folder.uri, file);
}

async function openFixture(file) {
  const document = await vscode.workspace.openTextDocument(workspaceUri(file));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The rule id of a diagnostic: `code` is `{ value, target }` when the server sends a rule page link. */
function ruleOf(diagnostic) {
  const code = diagnostic.code;
  return code && typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

function summary(diagnostics) {
  return diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.severity}`).join(', ') || 'none';
}

/** Resolves with the diagnostics of `uri` once `accept` holds for them (checked now and on every change). */
function waitForDiagnostics(uri, accept, what) {
  return new Promise((resolve, reject) => {
    let subscription;
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`${what}: not seen within ${STEP_MS} ms (diagnostics now: ${summary(vscode.languages.getDiagnostics(uri))})`));
    }, STEP_MS);
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
      return true;
    };
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    check();
  });
}

const find = (diagnostics, code, line) => diagnostics.find((d) => ruleOf(d) === code && (line === undefined || d.range.start.line === line));

/** A bounded wait on anything that returns a promise (commands go to the server and back). */
function within(what, promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${STEP_MS} ms`)), STEP_MS))),
  ]).finally(() => clearTimeout(timer));
}

/** Resolves with the first open tab for which `accept` holds (checked now and on every change of the tabs). */
function waitForTab(accept, what) {
  return within(what, new Promise((resolve) => {
    const check = () => {
      const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find(accept);
      if (!tab) return;
      subscription.dispose();
      resolve(tab);
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    check();
  }));
}

async function hoverText(uri, line, character) {
  const hovers = await within('hover', vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, character)));
  return (hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

async function completionLabels(uri, line, character) {
  const list = await within('completion', vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character)));
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** Code actions at `range`, resolved like the light bulb does before it applies one. */
async function quickFixes(uri, range) {
  return within('code actions', vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, 20));
}

module.exports = { scenarios, SEVERITY, STEP_MS, workspaceUri, openFixture, ruleOf, summary, waitForDiagnostics, find, within, waitForTab, hoverText, completionLabels, quickFixes };
