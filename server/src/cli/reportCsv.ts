import type { AuditDocument } from './reportModel';

/** A spreadsheet reads a cell that starts with one of these as a formula; such a cell gets a leading `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a quote, a comma or a line break, quotes doubled. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const COLUMNS = ['file', 'line', 'rule', 'severity', 'message', 'payer', 'surgeon'];

const row = (fields: ReadonlyArray<string | number>) => `${fields.map(csvField).join(',')}\r\n`;

export const CSV_HEADER = row(COLUMNS);

/** `opnote report --format csv`: one row per finding, lines ending CRLF as RFC 4180 has them. */
export function csvRows(document: AuditDocument): string {
  return document.findings.map((finding) => row([document.path, finding.line, finding.rule, finding.severity, finding.message, document.payer ?? '', document.surgeon ?? ''])).join('');
}
