import type { Checklist, ChecklistItem, ChecklistStatus } from '../../server/src/core/features/checklist';

/** What the checklist request answers: the view model `opnote checklist --format json` prints, with its title. */
export interface ChecklistView extends Checklist {
  readonly title: string;
}

/** Every status in words too, so the view never relies on colour alone. */
const STATUS_LABEL: Readonly<Record<ChecklistStatus, string>> = {
  documented: 'Documented',
  missing: 'Missing',
  contradicts: 'Check: contradicts 64596',
  'not-applicable': 'Not applicable',
};

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Note text, rule text and file names all pass through here: nothing reaches the page as markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

function evidenceCell(entry: ChecklistItem, index: number): string {
  const evidence = entry.evidence;
  if (!evidence) return '<td class="evidence none">no supporting words</td>';
  const { text, highlight } = evidence;
  const line = escapeHtml(String(evidence.line));
  const excerpt = `${escapeHtml(text.slice(0, highlight.start))}<mark>${escapeHtml(text.slice(highlight.start, highlight.end))}</mark>${escapeHtml(text.slice(highlight.end))}`;
  return `<td class="evidence"><button type="button" class="reveal" data-item="${index}" title="Show line ${line} in the note"><span class="line">line ${line}</span> ${excerpt}</button></td>`;
}

const STYLE = `
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 12px 12px; }
  h1 { font-size: 1.2em; margin: 12px 0 8px; }
  .codes { margin: 0 0 10px; padding: 6px 10px; border-left: 3px solid var(--vscode-textLink-foreground); background: var(--vscode-textBlockQuote-background); }
  .code { font-family: var(--vscode-editor-font-family); font-weight: 600; margin-right: 10px; }
  table { border-collapse: collapse; width: 100%; }
  td { padding: 4px 6px; border-bottom: 1px solid var(--vscode-widget-border, rgba(128,128,128,0.25)); vertical-align: top; }
  .status { white-space: nowrap; font-weight: 600; }
  .status .mark { display: inline-block; width: 1.3em; text-align: center; border-radius: 3px; margin-right: 4px; }
  tr.documented .status { color: var(--vscode-testing-iconPassed, #388a34); }
  tr.missing .status { color: var(--vscode-editorWarning-foreground, #bf8803); }
  tr.contradicts .status { color: var(--vscode-errorForeground, #e51400); }
  tr.not-applicable .status { color: var(--vscode-descriptionForeground); font-weight: normal; }
  tr { border-left: 4px solid transparent; }
  tr.documented { border-left-color: var(--vscode-testing-iconPassed, #388a34); }
  tr.missing { border-left-color: var(--vscode-editorWarning-foreground, #bf8803); }
  tr.contradicts { border-left-color: var(--vscode-errorForeground, #e51400); }
  .component { font-weight: 600; }
  .finding { color: var(--vscode-descriptionForeground); }
  .evidence.none { color: var(--vscode-descriptionForeground); font-style: italic; }
  button.reveal { all: unset; cursor: pointer; font-family: var(--vscode-editor-font-family); font-size: 0.95em; }
  button.reveal:hover, button.reveal:focus { text-decoration: underline; outline: 1px solid var(--vscode-focusBorder); }
  .line { color: var(--vscode-descriptionForeground); }
  mark { background: var(--vscode-editor-findMatchHighlightBackground, rgba(234,92,0,0.33)); color: inherit; }
  .legend { margin-top: 10px; color: var(--vscode-descriptionForeground); }
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
  const rows = view.items.map(
    (entry, index) =>
      `<tr class="${escapeHtml(entry.status)}" data-id="${escapeHtml(entry.id)}"><td class="status"><span class="mark" aria-hidden="true">${escapeHtml(entry.mark)}</span>${escapeHtml(STATUS_LABEL[entry.status] ?? entry.status)}</td><td class="component">${escapeHtml(entry.component)}</td><td class="finding">${escapeHtml(entry.finding)}</td>${evidenceCell(entry, index)}</tr>`,
  );
  return `${head}<body>
<h1>64596 checklist: ${escapeHtml(view.title)}</h1>
<div class="codes">Codes the documentation supports: ${codes}</div>
<table><tbody>
${rows.join('\n')}
</tbody></table>
<div class="legend">Click the evidence to show it in the note.</div>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
}
