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

/** Every checked option of the text's option fields, labelled with its field's key, in document order. */
export function checkedOptionCells(text: string): TableCell[] {
  const cells: TableCell[] = [];
  // Only a text with a checked box has such fields: most notes have none.
  if (!/\[[xX]\]|[☒☑]/.test(text)) return cells;
  OPTIONS_LINE.lastIndex = 0;
  for (let line = OPTIONS_LINE.exec(text); line; line = OPTIONS_LINE.exec(text)) {
    const lineEnd = text.indexOf('\n', line.index);
    const end = lineEnd < 0 ? text.length : lineEnd;
    if (end - line.index > MAX_LINE) continue;
    const label = line[1].trim();
    const header = { start: line.index + line[0].indexOf(line[1]), end: line.index + line[0].indexOf(line[1]) + line[1].length };
    const boxes = [...text.slice(line.index, end).matchAll(BOX)].map((box) => ({ start: line!.index + box.index, end: line!.index + box.index + box[0].length, checked: isChecked(box[0]) }));
    boxes.forEach((box, index) => {
      if (!box.checked) return;
      const until = index + 1 < boxes.length ? boxes[index + 1].start : end;
      const option = text.slice(box.end, until);
      const start = box.end + (option.length - option.trimStart().length);
      const optionEnd = box.end + option.trimEnd().length;
      if (optionEnd > start) cells.push({ span: { start, end: optionEnd }, label, row: { start, end: optionEnd }, header });
    });
  }
  return cells;
}
