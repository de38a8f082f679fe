import type { Checklist, ChecklistItem, ChecklistStatus } from '../../server/src/core/features/checklist';

/** What the checklist request answers: the view model `opnote checklist --format json` prints, with its title. */
export interface ChecklistView extends Checklist {
  readonly title: string;
}

/** Every status in words too, so the view never relies on colour alone. */
const STATUS_LABEL: Readonly<Record<ChecklistStatus, string>> = {
  documented: 'Documented',
  missing: 'Missing',
  contradicts: 'Check',
  'not-applicable': 'Not applicable',
};

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Note text, rule text and file names all pass through here: nothing reaches the page as markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

function evidenceLine(entry: ChecklistItem, index: number): string {
  const evidence = entry.evidence;
  if (!evidence) return '';
  const { text, highlight } = evidence;
  const line = escapeHtml(String(evidence.line));
  const excerpt = `${escapeHtml(text.slice(0, highlight.start))}<mark>${escapeHtml(text.slice(highlight.start, highlight.end))}</mark>${escapeHtml(text.slice(highlight.end))}`;
  return `<button type="button" class="evidence reveal" data-item="${index}" title="Show line ${line} in the note"><span class="line">line ${line}</span> ${excerpt}</button>`;
}

const STYLE = `
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 12px 12px; }
  h1 { font-size: 1.15em; margin: 10px 0 6px; }
  .codes { margin: 0 0 8px; padding: 4px 8px; border-left: 3px solid var(--vscode-textLink-foreground); background: var(--vscode-textBlockQuote-background); }
  .code { font-family: var(--vscode-editor-font-family); font-weight: 600; margin-right: 10px; }
  ol { list-style: none; margin: 0; padding: 0; }
  li { padding: 3px 6px 4px 8px; border-left: 4px solid var(--vscode-descriptionForeground); border-bottom: 1px solid var(--vscode-widget-border, rgba(128,128,128,0.25)); }
  .head { display: flex; gap: 8px; align-items: baseline; }
  .status { white-space: nowrap; font-weight: 600; min-width: 8.5em; flex-shrink: 0; }
  .component { font-weight: 600; }
  .finding { color: var(--vscode-descriptionForeground); }
  li.documented { border-left-color: var(--vscode-testing-iconPassed, #388a34); }
  li.documented .status { color: var(--vscode-testing-iconPassed, #388a34); }
  li.missing { border-left-color: var(--vscode-editorWarning-foreground, #bf8803); }
  li.missing .status { color: var(--vscode-editorWarning-foreground, #bf8803); }
  li.contradicts { border-left-color: var(--vscode-errorForeground, #e51400); }
  li.contradicts .status { color: var(--vscode-errorForeground, #e51400); }
  li.not-applicable .status { color: var(--vscode-descriptionForeground); font-weight: normal; }
  button { all: unset; cursor: pointer; }
  .evidence { display: block; margin: 1px 0 0 calc(8.5em + 8px); font-family: var(--vscode-editor-font-family); font-size: 0.9em; }
  .reveal:hover, .reveal:focus { text-decoration: underline; outline: 1px solid var(--vscode-focusBorder); }
  .line { color: var(--vscode-descriptionForeground); }
  mark { background: var(--vscode-editor-findMatchHighlightBackground, rgba(234,92,0,0.33)); color: inherit; font-weight: 600; }
  .legend { margin-top: 8px; color: var(--vscode-descriptionForeground); }
`;

/** The script only posts which evidence was clicked; the extension looks the place up in its own data. */
const SCRIPT = `
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button.reveal') : null;
    if (button) vscode.postMessage({ type: 'reveal', item: Number(button.dataset.item) });
  });
`;

/**
 * The checklist as a page for a webview with a strict content security policy: nothing but the inline
 * style and script that carry this page's nonce may run or load, and no request leaves the page.
 */
export function checklistHtml(view: ChecklistView | null, nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><style nonce="${nonce}">${STYLE}</style></head>`;
  if (!view) {
    return `${head}<body><h1>64596 checklist</h1><p>No operative note to read: open a <code>.opnote</code> file, or a <code>.claim</code> whose <code>note:</code> names one.</p></body></html>`;
  }
  const codes = view.codes.length
    ? view.codes.map((code) => `<span class="code">${escapeHtml(`${code.code} x${code.units}`)}</span>`).join('')
    : 'none: the documentation does not support 64596 or a related code';
  const items = view.items.map(
    (entry, index) =>
      `<li class="${escapeHtml(entry.status)}" data-id="${escapeHtml(entry.id)}"><div class="head"><span class="status"${entry.status === 'contradicts' ? ' title="contradicts 64596"' : ''}><span aria-hidden="true">${escapeHtml(entry.mark)}</span> ${escapeHtml(STATUS_LABEL[entry.status] ?? entry.status)}</span><span class="component">${escapeHtml(entry.component)}</span><span class="finding">${escapeHtml(entry.finding)}</span></div>${evidenceLine(entry, index)}</li>`,
  );
  return `${head}<body>
<h1>64596 checklist: ${escapeHtml(view.title)}</h1>
<div class="codes">Codes the documentation supports: ${codes}</div>
<ol>
${items.join('\n')}
</ol>
<div class="legend">Check: the note contradicts 64596 here. Click the evidence to show it in the note.</div>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
}
