/**
 * A field whose options are boxes ("Nerve: [ ] GON [ ] SPN [x] Tibial (posterior)", "Guidance: ☒ US
 * ☐ Fluoro"): a coder reads the checked option as the field's value, "Nerve: Tibial (posterior)". Each
 * checked option is given the field's key as its label, as a table cell is given its column's header
 * (tables.ts), so the facts read it as they read a `Key: value` line. The unchecked options stay in
 * the line, where template.ts marks them as options not chosen.
 */
import type { TableCell } from './tables';
import { isChecked } from './template';

/** A line with a field key and at least two boxes: the key, up to 40 characters before the colon. */
const OPTIONS_LINE = /^[ \t]{0,8}([A-Za-z][A-Za-z0-9 /()#&'-]{0,39}):[ \t]{0,20}(?=[^\n]{0,300}?(?:\[[xX ]\]|[☐☒☑])[^\n]{0,300}?(?:\[[xX ]\]|[☐☒☑]))/gm;
const BOX = /\[[xX ]\]|[☐☒☑]/g;
/** A longer line is prose, not a field of options. */
const MAX_LINE = 300;

/**
 * A line of boxes with no key ("☒ R  ☐ L  ☐ Bilat", "☒ US  ☒ Fluoro  ☐ CT"): the options tell the
 * field when every one of them is a word of one field's vocabulary.
 */
const KEYLESS_OPTIONS_LINE = /^[ \t]{0,8}(?:\[[xX ]\]|[☐☒☑])[^\n]{0,300}?(?:\[[xX ]\]|[☐☒☑])/gm;
const FIELD_OF_OPTIONS: readonly { readonly label: string; readonly words: RegExp }[] = [
  { label: 'Side', words: /^(?:r|l|rt|lt|right|left|bilat|bilateral|b\/l|both)$/i },
  { label: 'Imaging', words: /^(?:us|ultrasound|fluoro|fluoroscopy|ct|none|landmarks?)$/i },
  { label: 'Approach', words: /^(?:perc|percutaneous|open)$/i },
];

/** Every checked option of the text's option fields, labelled with its field's key, in document order. */
export function checkedOptionCells(text: string): TableCell[] {
  const cells: TableCell[] = [];
  // Only a text with a checked box has such fields: most notes have none.
  if (!/\[[xX]\]|[☒☑]/.test(text)) return cells;
  OPTIONS_LINE.lastIndex = 0;
  for (let line = OPTIONS_LINE.exec(text); line; line = OPTIONS_LINE.exec(text)) {
    const header = { start: line.index + line[0].indexOf(line[1]), end: line.index + line[0].indexOf(line[1]) + line[1].length };
    cells.push(...checkedOf(text, line.index, line[1].trim(), header));
  }
  KEYLESS_OPTIONS_LINE.lastIndex = 0;
  for (let line = KEYLESS_OPTIONS_LINE.exec(text); line; line = KEYLESS_OPTIONS_LINE.exec(text)) {
    const lineEnd = text.indexOf('\n', line.index);
    const options = text.slice(line.index, lineEnd < 0 ? text.length : lineEnd).split(BOX).map((option) => option.trim()).filter(Boolean);
    const field = FIELD_OF_OPTIONS.find(({ words }) => options.length >= 2 && options.every((option) => words.test(option)));
    // No key stands on the line: the header is empty.
    if (field) cells.push(...checkedOf(text, line.index, field.label, { start: line.index, end: line.index }));
  }
  return cells.sort((a, b) => a.span.start - b.span.start);
}

/** The checked options of the line at `lineStart`, each a cell labelled `label`. */
function checkedOf(text: string, lineStart: number, label: string, header: TableCell['header']): TableCell[] {
  const lineEnd = text.indexOf('\n', lineStart);
  const end = lineEnd < 0 ? text.length : lineEnd;
  if (end - lineStart > MAX_LINE) return [];
  const boxes = [...text.slice(lineStart, end).matchAll(BOX)].map((box) => ({ start: lineStart + box.index, end: lineStart + box.index + box[0].length, checked: isChecked(box[0]) }));
  return boxes.flatMap((box, index) => {
    if (!box.checked) return [];
    const until = index + 1 < boxes.length ? boxes[index + 1].start : end;
    const option = text.slice(box.end, until);
    const start = box.end + (option.length - option.trimStart().length);
    const optionEnd = box.end + option.trimEnd().length;
    return optionEnd > start ? [{ span: { start, end: optionEnd }, label, row: { start, end: optionEnd }, header }] : [];
  });
}
