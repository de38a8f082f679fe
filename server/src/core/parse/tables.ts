/**
 * Tables with a header row: an EHR export pastes a procedure as columns ("| Target nerve | Side |
 * Guidance |" over "| Intercostal (T7) | R | Ultrasound |", or the same with tabs). A coder reads each
 * cell under its column's name, so each cell of a data row is given the header above it as its label;
 * the facts read "Side: R" there as they read it on a field line. A table of two columns is a list of
 * fields already ("| Nerve | Ulnar |") and is read as it stands.
 */
import { lineAt, nextOfCharacters, type Span } from '../text/span';

export interface TableCell {
  /** The cell's text, trimmed, in document offsets. */
  readonly span: Span;
  /** The header of the cell's column. */
  readonly label: string;
  /** The row the cell is in, from its first cell to its last: "| 2 | greater occipital | planned, not placed |" tells of all its cells. */
  readonly row: Span;
  /** The table's header row, from its first cell to its last: labels, no facts. */
  readonly header: Span;
  /** The row answers a yes/no column "No" ("| Pulse generator / pocket | none | No |" under "Implanted?"): what it names was not done. */
  readonly declined?: boolean;
}

/** A header or data row has at least this many cells. */
const MIN_COLUMNS = 3;
/** A column header is a short label, not a value. */
const LABEL = /^(?:#|No\.?|[A-Za-z][A-Za-z0-9 /()#.,&'?-]{0,40})$/;
/** A column header that tells another time than today's procedure. */
const OTHER_TIME_COLUMN = /\b(?:prior|previous|trial|history|planned|plan|earlier|before|baseline)\b/i;
/** A first column that holds each row's own key: "| Item | Array 1 | Array 2 |" / "| Side | L | L |". */
const KEY_COLUMN = /^(?:item|field|parameter|component|element|category|detail|step|attribute)s?$/i;
/** The Markdown row under the header: "| --- | :---: |". */
const SEPARATOR_CELL = /^:?-{2,}:?$/;
/** A header whose second column is "Value" heads a list of fields with remarks, not columns of values. */
const FIELD_LIST_HEADER = /^(?:values?|details?|results?|response|answer|documentation|finding|entry)$/i;
/** A longer table is not a note's procedure record; reading it stops here (a linear bound). */
const MAX_ROWS = 200;

/** A column that answers yes or no: "Implanted?", "Placed", "Used?". */
const ANSWER_COLUMN = /\?$|^(?:implanted|placed|inserted|used|done|performed)$/i;
const NO_ANSWER = /^(?:no|n|none)\.?$/i;

interface Row {
  readonly cells: readonly Span[];
}

/** The cells of a row split at `separator`, trimmed; for "|" rows the outer empty cells are dropped. */
function rowOf(text: string, start: number, end: number, separator: '|' | '\t'): Row {
  const cells: Span[] = [];
  let at = start;
  for (let index = start; index <= end; index++) {
    if (index < end && text[index] !== separator) continue;
    let cellStart = at;
    let cellEnd = index;
    while (cellStart < cellEnd && (text[cellStart] === ' ' || text[cellStart] === '\t')) cellStart++;
    while (cellEnd > cellStart && (text[cellEnd - 1] === ' ' || text[cellEnd - 1] === '\t' || text[cellEnd - 1] === '\r')) cellEnd--;
    cells.push({ start: cellStart, end: cellEnd });
    at = index + 1;
  }
  if (separator === '|') {
    // "| a | b |": the text before the first bar and after the last is no cell.
    if (cells.length && cells[0].start === cells[0].end) cells.shift();
    if (cells.length && cells[cells.length - 1].start === cells[cells.length - 1].end) cells.pop();
  }
  return { cells };
}

const cellText = (text: string, cell: Span) => text.slice(cell.start, cell.end);

/** The separator a line's table would use: a "|" row starts with a bar, a tab row has two tabs at least. */
function separatorOf(line: string): '|' | '\t' | undefined {
  if (line.trimStart().startsWith('|')) return '|';
  const first = line.indexOf('\t');
  return first >= 0 && line.indexOf('\t', first + 1) > first ? '\t' : undefined;
}

/** Every data cell of the text's header tables, with its column's header, in document order. */
export function headerTableCells(text: string): TableCell[] {
  const found: TableCell[] = [];
  // Only lines with a bar or a tab can be table rows: jump from one such line to the next.
  const next = tableLines(text);
  for (let at = next(0); at >= 0; ) {
    const line = lineAt(text, at);
    const separator = separatorOf(text.slice(line.start, line.end));
    const previous = line.start > 0 ? lineAt(text, line.start - 1) : undefined;
    // Only the first row of a block of rows may be its header ("Field | Value | Comment" heads a list of fields).
    const header = separator && !(previous && separatorOf(text.slice(previous.start, previous.end)) === separator) ? tableAt(text, line, separator, found) : undefined;
    at = next((header ?? line).end + 1);
  }
  return found;
}

/** The start of the next line at or after an offset that holds a bar or a tab, or -1; offsets asked in increasing order. */
function tableLines(text: string): (from: number) => number {
  const nextSeparator = nextOfCharacters(text, ['|', '\t']);
  return (from) => {
    if (from >= text.length) return -1;
    const first = nextSeparator(from);
    return first < 0 ? -1 : lineAt(text, first).start;
  };
}

/** The table whose header row is `line`: its data cells go to `found`; the span read, or undefined when it is no header. */
function tableAt(text: string, line: Span, separator: '|' | '\t', found: TableCell[]): Span | undefined {
  const header = rowOf(text, line.start, line.end, separator);
  const labels = header.cells.map((cell) => cellText(text, cell));
  if (labels.length < MIN_COLUMNS || !labels.every((label) => LABEL.test(label)) || FIELD_LIST_HEADER.test(labels[1])) return undefined;
  const headerSpan = { start: header.cells[0].start, end: header.cells[header.cells.length - 1].end };
  let row = line.end < text.length ? lineAt(text, line.end + 1) : undefined;
  if (separator === '|') {
    if (!row || !rowOf(text, row.start, row.end, separator).cells.every((cell) => SEPARATOR_CELL.test(cellText(text, cell)))) return undefined;
    row = row.end < text.length ? lineAt(text, row.end + 1) : undefined;
  }
  let last = line;
  for (let rows = 0; row && rows < MAX_ROWS; rows++) {
    if (separatorOf(text.slice(row.start, row.end)) !== separator) break;
    const { cells } = rowOf(text, row.start, row.end, separator);
    if (cells.length !== labels.length) break;
    const span = { start: cells[0].start, end: cells[cells.length - 1].end };
    const declined = cells.some((cell, column) => ANSWER_COLUMN.test(labels[column]) && NO_ANSWER.test(cellText(text, cell)));
    // Under a key column each row's first cell labels the row's values ("Side: L"), not the column header ("Array 1: L").
    const rowKey = KEY_COLUMN.test(labels[0]) ? cellText(text, cells[0]).trim() : '';
    cells.forEach((cell, column) => {
      // A column of another time ("Prior (trial 04/2026)") keeps its header: the row's facts are that time's.
      const label = rowKey && column > 0 && !OTHER_TIME_COLUMN.test(labels[column]) ? rowKey : labels[column];
      if (cell.start < cell.end) found.push({ span: cell, label, row: span, header: headerSpan, ...(declined ? { declined } : {}) });
    });
    last = row;
    row = row.end < text.length ? lineAt(text, row.end + 1) : undefined;
  }
  return { start: line.start, end: last.end };
}
