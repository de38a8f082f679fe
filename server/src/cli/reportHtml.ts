import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../core/linting/types';
import { ruleDocsUri } from '../core/service/diagnostics';
import { SEVERITIES, summarizeAudit, type AuditDocument, type GroupRow } from './reportModel';

/**
 * `opnote report --format html`: one self-contained file (inline CSS and SVG, a few lines of inline
 * script for sorting and filtering, nothing loaded from anywhere: its own Content-Security-Policy
 * allows only that style and that script, by hash). Every text from a document is escaped.
 */

export interface ReportContext {
  readonly rules: readonly Rule[];
  readonly docsBaseUri: string;
  readonly version: string;
  /** The editions of the knowledge pack's code sets, for an audit to be reproduced. */
  readonly knowledge: string;
  /** ISO date-time of the run. */
  readonly generated: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

const SEVERITY_COLOURS: Record<string, string> = { error: '#c62828', warning: '#ef6c00', information: '#1565c0', hint: '#607d8b' };

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#1b1b1b;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#555;margin:0 0 12px}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:96px}.card b{display:block;font-size:22px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top}
th{background:#f5f5f5}#worklist th{cursor:pointer;user-select:none}#worklist th[data-dir=asc]::after{content:" ▲"}#worklist th[data-dir=desc]::after{content:" ▼"}
td.n,th.n{text-align:right}code{background:#f6f6f6;padding:0 3px;white-space:pre-wrap;word-break:break-word}
.error{color:#c62828}.warning{color:#ef6c00}.information{color:#1565c0}.hint{color:#607d8b}
.findings{margin:4px 0 0;padding-left:18px}.controls{display:flex;gap:12px;margin:8px 0}
.controls input{flex:1;padding:4px}svg text{font:12px system-ui,sans-serif;fill:#1b1b1b}
`;

const SCRIPT = `
const table=document.getElementById('worklist'),body=table.tBodies[0],rows=[...body.rows];
const filter=document.getElementById('filter'),severity=document.getElementById('severity'),shown=document.getElementById('shown');
function apply(){const q=filter.value.trim().toLowerCase(),s=severity.value;let n=0;
for(const r of rows){r.hidden=!(r.dataset.search.includes(q)&&(s===''||r.dataset.severities.split(' ').includes(s)));if(!r.hidden)n++;}
shown.textContent=String(n);}
filter.addEventListener('input',apply);severity.addEventListener('change',apply);
for(const th of table.tHead.rows[0].cells)th.addEventListener('click',()=>{const i=th.cellIndex,num=th.dataset.sort==='number',dir=th.dataset.dir==='asc'?-1:1;
for(const other of table.tHead.rows[0].cells)delete other.dataset.dir;th.dataset.dir=dir===1?'asc':'desc';
const key=(r)=>r.cells[i].dataset.value??r.cells[i].textContent;
rows.sort((a,b)=>dir*(num?Number(key(a))-Number(key(b)):key(a).localeCompare(key(b))));for(const r of rows)body.append(r);});
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

interface Bar {
  readonly label: string;
  readonly value: number;
  readonly max: number;
  /** Written after the bar. */
  readonly text: string;
  readonly colour?: string;
}

/** A horizontal bar chart as inline SVG, with a title and description for screen readers. */
function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const rowHeight = 24;
  const labelWidth = 230;
  const barWidth = 420;
  const height = Math.max(1, bars.length) * rowHeight + 8;
  const rows = bars.map((bar, index) => {
    const y = 4 + index * rowHeight;
    const width = bar.max > 0 ? Math.round((bar.value / bar.max) * barWidth) : 0;
    return (
      `<g class="bar"><text x="0" y="${y + 16}">${escapeHtml(bar.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="16" fill="#eee"/>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${width}" height="16" fill="${bar.colour ?? '#2e7d32'}"/>` +
      `<text x="${labelWidth + barWidth + 8}" y="${y + 16}">${escapeHtml(bar.text)}</text></g>`
    );
  });
  return `<svg id="${id}" role="img" aria-labelledby="${id}-title" width="${labelWidth + barWidth + 150}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 150} ${height}" xmlns="http://www.w3.org/2000/svg"><title id="${id}-title">${escapeHtml(title)}</title>${rows.join('')}</svg>`;
}

function groupTable(caption: string, rows: readonly GroupRow[], nameHeader: string): string {
  if (rows.length === 0) return `<p>No document names a ${escapeHtml(caption.toLowerCase())} in its header.</p>`;
  return `<table><thead><tr><th>${escapeHtml(nameHeader)}</th><th class="n">Documents</th><th class="n">Findings</th><th class="n">Errors</th></tr></thead><tbody>${rows
    .map((row) => `<tr><td>${escapeHtml(row.name)}</td><td class="n">${row.documents}</td><td class="n">${row.findings}</td><td class="n">${row.errors}</td></tr>`)
    .join('')}</tbody></table>`;
}

function fileLink(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}

function worklistRow(document: AuditDocument, context: ReportContext): string {
  const count = (severity: string) => document.findings.filter((finding) => finding.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const others = document.findings.length - errors - warnings;
  const severities = [...new Set(document.findings.map((finding) => finding.severity))].join(' ');
  const search = [document.path, document.kind, document.payer, document.surgeon, document.facility, ...document.findings.map((finding) => finding.rule)].filter(Boolean).join(' ').toLowerCase();
  const findings = document.findings.length
    ? `<details${document.findings.length <= 3 ? ' open' : ''}><summary>${document.findings.length} finding${document.findings.length === 1 ? '' : 's'}</summary><ul class="findings">${document.findings
        .map(
          (finding) =>
            `<li><span class="${finding.severity}">${finding.severity}</span> line ${finding.line} <a href="${escapeHtml(ruleDocsUri(context.docsBaseUri, finding.rule))}">${escapeHtml(finding.rule)}</a>: ${escapeHtml(finding.message)}${finding.evidence ? `<br><code>${escapeHtml(finding.evidence)}</code>` : ''}</li>`,
        )
        .join('')}</ul></details>`
    : 'none';
  return (
    `<tr data-search="${escapeHtml(search)}" data-severities="${severities}">` +
    `<td><a href="${escapeHtml(fileLink(document.path))}">${escapeHtml(document.path)}</a></td><td>${document.kind}</td>` +
    `<td>${escapeHtml(document.payer ?? '')}</td><td>${escapeHtml(document.surgeon ?? '')}</td>` +
    `<td class="n">${errors}</td><td class="n">${warnings}</td><td class="n">${others}</td><td data-value="${document.findings.length}">${findings}</td></tr>`
  );
}

export function reportHtml(documents: readonly AuditDocument[], context: ReportContext): string {
  const summary = summarizeAudit(documents);
  const descriptions = new Map(context.rules.map((rule) => [rule.meta.id, rule.meta.description]));
  const maxSeverity = Math.max(0, ...summary.severities.map((row) => row.count));
  const maxRule = Math.max(0, ...summary.rules.map((row) => row.findings));
  const severityChart = barChart('chart-severity', 'Findings by severity', summary.severities.map((row) => ({ label: row.severity, value: row.count, max: maxSeverity, text: String(row.count), colour: SEVERITY_COLOURS[row.severity] })));
  const componentChart = barChart(
    'chart-components',
    'Share of operative notes that document each 64596 component',
    summary.components.map((row) => ({
      label: row.label,
      value: row.documented,
      max: row.applicable,
      text: row.applicable ? `${Math.round((100 * row.documented) / row.applicable)}% (${row.documented} of ${row.applicable})` : 'no note it applies to',
    })),
  );
  const ruleChart = barChart('chart-rules', 'Findings by rule', summary.rules.map((row) => ({ label: row.rule, value: row.findings, max: maxRule, text: `${row.findings} in ${row.documents} document${row.documents === 1 ? '' : 's'}`, colour: '#5c6bc0' })));
  const ruleRows = summary.rules
    .map(
      (row) =>
        `<tr><td><a href="${escapeHtml(ruleDocsUri(context.docsBaseUri, row.rule))}">${escapeHtml(row.rule)}</a></td><td>${escapeHtml(descriptions.get(row.rule) ?? '')}</td><td class="n">${row.findings}</td><td class="n">${row.documents}</td><td class="n">${row.errors}</td></tr>`,
    )
    .join('');
  const csp = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src 'none'; form-action 'none'; base-uri 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OpNote audit report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>OpNote audit report</h1>
<p class="meta" id="provenance">Generated ${escapeHtml(context.generated)} by OpNote ${escapeHtml(context.version)}; knowledge pack: ${escapeHtml(context.knowledge)}.</p>
<section id="summary"><h2>Summary</h2>
<div class="cards"><div class="card"><b id="count-documents">${summary.documents}</b>documents</div><div class="card"><b>${summary.notes}</b>operative notes</div><div class="card"><b>${summary.claims}</b>claims</div>${summary.severities
    .map((row) => `<div class="card"><b class="${row.severity}">${row.count}</b>${row.severity}</div>`)
    .join('')}</div>
<h2>Findings by severity</h2>${severityChart}
<h2>64596 components documented</h2><p class="meta">Share of the operative notes a component applies to that document it (✓ in the checklist); a note about another procedure counts for none.</p>${componentChart}
</section>
<section id="rules"><h2>Findings by rule</h2>${summary.rules.length ? `${ruleChart}<table><thead><tr><th>Rule</th><th>What it checks</th><th class="n">Findings</th><th class="n">Documents</th><th class="n">Errors</th></tr></thead><tbody>${ruleRows}</tbody></table>` : '<p>No rule fired.</p>'}</section>
<section id="payers"><h2>By payer</h2>${groupTable('Payer', summary.payers, 'Payer')}</section>
<section id="surgeons"><h2>By surgeon</h2>${groupTable('Surgeon', summary.surgeons, 'Surgeon')}</section>
<section id="facilities"><h2>By facility</h2>${groupTable('Facility', summary.facilities, 'Facility')}</section>
<section><h2>Worklist</h2>
<div class="controls"><input id="filter" type="search" placeholder="Filter by file, payer, surgeon, facility or rule" aria-label="Filter the worklist"><select id="severity" aria-label="Severity"><option value="">any severity</option>${SEVERITIES.map((severity) => `<option>${severity}</option>`).join('')}</select><span><span id="shown">${documents.length}</span> of ${documents.length} shown</span></div>
<table id="worklist"><thead><tr><th>Document</th><th>Kind</th><th>Payer</th><th>Surgeon</th><th class="n" data-sort="number">Errors</th><th class="n" data-sort="number">Warnings</th><th class="n" data-sort="number">Other</th><th data-sort="number">Findings</th></tr></thead>
<tbody>${documents.map((document) => worklistRow(document, context)).join('\n')}</tbody></table>
</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
