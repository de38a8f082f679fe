import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECKLIST_DATA_REQUEST } from '../../server/src/protocol';
import { checklistHtml, type ChecklistView } from './checklistHtml';

const VIEW_TYPE = 'opnote.checklist';
const REFRESH_DELAY_MS = 300;

/** The server names the note by URI, or by path for a client that sent paths. */
function noteUriOf(view: ChecklistView): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:/i.test(view.noteUri) ? vscode.Uri.parse(view.noteUri) : vscode.Uri.file(view.noteUri);
}

interface Shown {
  readonly panel: vscode.WebviewPanel;
  view: ChecklistView | null;
  html: string;
  /** Counts the refreshes asked for, so an older answer arriving late never replaces a newer one. */
  requested: number;
}

/**
 * The 64596 checklist of a note (or of the note a claim names) in a webview beside it. The server sends
 * the checklist as data; this renders it and follows the note (and a claim's note) as they change.
 * The page has a strict content security policy and no network: its only script posts which evidence was
 * clicked, and the evidence is revealed in the note.
 */
export class ChecklistPanels implements vscode.Disposable {
  /** By the URI of the document the checklist was asked for. */
  private readonly shown = new Map<string, Shown>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly rendered = new vscode.EventEmitter<string>();
  /** Fires with the source URI each time a checklist view is drawn anew. */
  readonly onDidRender = this.rendered.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** `opnote.showChecklist`: opens (or brings forward) the checklist of the active note or claim. */
  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !['opnote', 'claim'].includes(editor.document.languageId)) {
      void vscode.window.showInformationMessage('Open an operative note (.opnote) or a claim (.claim) to see its 64596 checklist.');
      return;
    }
    const source = editor.document.uri.toString();
    const existing = this.shown.get(source);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      await this.refresh(source);
      return;
    }
    const name = editor.document.uri.path.split('/').pop() ?? 'note';
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, `64596 checklist: ${name}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [],
    });
    const entry: Shown = { panel, view: null, html: '', requested: 0 };
    this.shown.set(source, entry);
    panel.onDidDispose(() => {
      clearTimeout(this.timers.get(source));
      this.timers.delete(source);
      this.shown.delete(source);
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.reveal(entry, message));
    await this.refresh(source);
  }

  /** What the checklist of `source` shows now (the page's HTML), or undefined when none is open. */
  htmlOf(source: string): string | undefined {
    return this.shown.get(source)?.html;
  }

  /** Called on every edit: refreshes the checklists that read the edited document (a note, or the claim naming it). */
  documentChanged(document: vscode.Uri): void {
    const changed = document.toString();
    for (const [source, entry] of this.shown) {
      const note = entry.view && noteUriOf(entry.view);
      if (source !== changed && note?.toString() !== changed) continue;
      clearTimeout(this.timers.get(source));
      this.timers.set(source, setTimeout(() => void this.refresh(source), REFRESH_DELAY_MS));
    }
  }

  private async refresh(source: string): Promise<void> {
    const entry = this.shown.get(source);
    const client = this.client();
    if (!entry) return;
    const request = ++entry.requested;
    const view = client ? await client.sendRequest<ChecklistView | null>(CHECKLIST_DATA_REQUEST, { uri: source }).catch(() => null) : null;
    if (this.shown.get(source) !== entry || request !== entry.requested) return; // closed, or a newer refresh is under way
    entry.view = view;
    entry.html = checklistHtml(view, randomBytes(16).toString('base64'));
    entry.panel.webview.html = entry.html;
    this.rendered.fire(source);
  }

  /** A click on the evidence: select the supporting words in the note, beside the checklist. */
  private async reveal(entry: Shown, message: unknown): Promise<void> {
    const index = (message as { type?: unknown; item?: unknown } | null)?.item;
    if ((message as { type?: unknown } | null)?.type !== 'reveal' || typeof index !== 'number' || !entry.view) return;
    const evidence = entry.view.items[index]?.evidence;
    if (!evidence) return;
    const noteUri = noteUriOf(entry.view);
    const { start, end } = evidence.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const column = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === noteUri.toString())?.viewColumn;
    const editor = await vscode.window.showTextDocument(noteUri, { viewColumn: column ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const entry of [...this.shown.values()]) entry.panel.dispose();
    this.rendered.dispose();
  }
}
