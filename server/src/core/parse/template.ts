import { scanPlaceholders, type Placeholder } from './placeholders';

/**
 * EHR template lines as a coder reads them: a checked box affirms its option, an unchecked one is
 * no fact ("☐ IPG with pocket" is an option not chosen, not a generator), "No" checked denies its
 * field ("IPG pocket created: ☐ Yes ☒ No"), and a field left "N/A" or blank ("Fluoroscopy time:
 * N/A", "NCS: ____") says nothing about its key. The facts reader gives matches in these spans that
 * status instead of reading them as prose.
 */
export type TemplateMark = 'unchosen' | 'declined' | 'not-applicable';

export interface TemplateSpan {
  readonly start: number;
  readonly end: number;
  readonly mark: TemplateMark;
}

const BOX = /\[[xX ]\]|\([xX ]\)|[☐☒☑]/g;
/** A question answered no on its line: "Q: Fluoroscopy needed? A: No". */
const QUESTION_DENIED = /^[ \t]{0,8}Q[:.][ \t]{0,3}([^?\n]{1,80})\?[ \t]{0,3}A[:.][ \t]{0,3}(no|none|n\/a)\b/i;
/** Underlines as boxes: "_X_" marked, "___" left blank. */
const UNDERLINE_BOX = /_[xX✓✔]_|_{3,}/g;
const MARKED_UNDERLINE = /_[xX✓✔]_/;
const ANSWER_WORDS = new Set(['yes', 'no', 'y', 'n']);
// "N/A (integrated)", "N/A - aborted before lead placement": a reason after the answer.
const EMPTY_VALUE = /^(?:n\/?a|not applicable|_+|-+)\.?(?:[ \t]{0,3}\([^()\n]{0,60}\)|[ \t]{1,3}[-–—][ \t]{1,3}[^\n]{1,80})?$/i;
/** A field answered no, alone or with its reason after a mark: "No", "No - landmark technique", "None (ultrasound only)". */
const DENYING_VALUE = /^(?:none|no|not used|not done|not performed|absent)(?:\.?$|\s*[-–—,;(])/i;
const ALL_NO = /^no(?:[ \t]{0,3}\/[ \t]{0,3}no){1,3}$/i;

/** A field value that says nothing: "N/A", "not applicable", "____". */
export function isEmptyValue(value: string): boolean {
  return EMPTY_VALUE.test(value.trim());
}

/** What a field's value does to its key: "N/A" leaves it unanswered, "No" and "None" deny it; any other value neither. */
function valueMark(value: string): TemplateMark | undefined {
  return EMPTY_VALUE.test(value) ? 'not-applicable' : DENYING_VALUE.test(value) ? 'declined' : undefined;
}

/** The mark of an answer already read as no or nothing ("N/A", "none", "not indicated"): only the empty ones leave the key unanswered. */
const negativeAnswerMark = (answer: string): TemplateMark => (EMPTY_VALUE.test(answer) ? 'not-applicable' : 'declined');
/** The key of a `Key: value` line (an export's `Key:::value`, a question's `Key? value`): up to 60 characters before the first colon or question mark. */
const FIELD = /^([^:?\n]{1,60})(?::{1,3}|\?)/;

/** Options in a field's key: "(L/R/bilat)", "(Y/N)". */
const BRACKETED = /\([^()\n]{0,120}\)/g;
const OPTIONS_LEGEND = /\((?:options?|choices?|choose(?: one)?|select(?: one)?|pick(?: one)?)[ \t]{0,3}:[^()\n]{1,160}\)/gi;
// Options of several words too: "System type (integrated w/ external transmitter / conventional w/ IPG): ...".
const MAX_OPTIONS_KEY = 120;
/** A checked option that answers its key with nothing: "☒ Not applicable", "[x] None". */
const CHECKED_NONE = /^(?:not applicable|n\/a|none|not done|not used|not performed|not indicated)\b/i;
const KEY_OPTIONS = /\((?:[\w.+-]{1,12} ?\/ ?)+[\w.+-]{1,12}\)|\((?:[^()\n:]{1,40}? \/ ){1,4}[^()\n:]{1,40}\)/;

/** A cheap test: only lines with a box, a colon or a blank can be template lines. */
const MAY_BE_TEMPLATE = /[☐☒☑:?|►▶➤✓✔✗✘✕⊖⊘]|\[[xX ]\]|\([xX ]\)|__/;

/** Template lines are short: a longer line is prose (and reading it per sentence would cost its length each time). */
const MAX_TEMPLATE_LINE = 300;

/** The line around `start`..`end` when it is short enough to be a template line and may be one. */
function templateLine(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && start - lineStart < MAX_TEMPLATE_LINE) lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && lineEnd - end < MAX_TEMPLATE_LINE) lineEnd++;
  const line = text.slice(lineStart, lineEnd);
  return line.length < MAX_TEMPLATE_LINE && MAY_BE_TEMPLATE.test(line) ? { start: lineStart, end: lineEnd } : undefined;
}

/** Whether a box is checked: any box but `☐`, `[ ]` and `( )`. */
export const isChecked = (box: string) => box !== '☐' && box !== '[ ]' && box !== '( )';

/** One box left empty, whatever instruction in brackets follows it ("☐ (if checked, justify below)"): its field is answered no. */
export function isLoneEmptyBox(value: string): boolean {
  const rest = value.replace(BRACKETED, '').trim();
  return rest === '☐' || rest === '[ ]' || rest === '( )';
}

function lastWord(text: string): string {
  return text.split(/[^A-Za-z]+/).filter(Boolean).pop()?.toLowerCase() ?? '';
}

function firstWord(text: string): string {
  return text.split(/[^A-Za-z]+/).find(Boolean)?.toLowerCase() ?? '';
}

/** The answer a checklist column stands for: "Yes  No  N/A" above the rows. */
type ColumnAnswer = 'yes' | 'no' | 'n/a';
const COLUMN_WORD: Readonly<Record<string, ColumnAnswer>> = { yes: 'yes', y: 'yes', no: 'no', n: 'no', 'n/a': 'n/a', na: 'n/a' };

/** The column answers a line ends with ("PNS IMPLANT CHECKLIST   Yes  No  N/A"), when it ends with two or more. */
function columnHeader(line: string): ColumnAnswer[] | undefined {
  const words = line.trim().split(/[\s|]+/).filter((word) => word !== '/');
  const answers: ColumnAnswer[] = [];
  for (let index = words.length - 1; index >= 0 && COLUMN_WORD[words[index].toLowerCase()]; index--) answers.unshift(COLUMN_WORD[words[index].toLowerCase()]);
  return answers.length >= 2 && answers.includes('yes') && answers.includes('no') ? answers : undefined;
}

/** How far above a checklist row its column header may be. */
const MAX_ROWS_UNDER_HEADER = 40;

/** The column header of the checklist whose row starts at `lineStart`: the line above its block of rows with boxes. */
function columnsAbove(text: string, lineStart: number): ColumnAnswer[] | undefined {
  let end = lineStart - 1;
  for (let rows = 0; end > 0 && rows < MAX_ROWS_UNDER_HEADER; rows++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    BOX.lastIndex = 0;
    if (!BOX.test(line)) return columnHeader(line);
    end = start - 1;
  }
  return undefined;
}

/** A paper form transcribed: "(circled: Left)   Right   Bilateral" chose the left; the other options are not chosen. */
const CIRCLED = /[([](?:circled|circle|selected|chosen):?\s*[^)\]]{1,60}[)\]]/gi;
/** The next label on the line ends the options: "(circled: Yes)   No     Response: paresthesia". */
const NEXT_LABEL = /(?<!\s)\s{2,}[A-Z][A-Za-z ]{0,30}:/g;

function optionsNotCircled(line: string, valueStart: number): TemplateSpan[] {
  if (!line.includes('ircle') && !line.includes('elected') && !line.includes('hosen')) return [];
  const circled = [...line.slice(valueStart).matchAll(CIRCLED)].map((match) => ({ start: valueStart + match.index, end: valueStart + match.index + match[0].length }));
  if (circled.length === 0) return [];
  NEXT_LABEL.lastIndex = circled[circled.length - 1].end;
  const end = NEXT_LABEL.exec(line)?.index ?? line.length;
  const spans: TemplateSpan[] = [];
  let at = valueStart;
  for (const mark of circled) {
    if (mark.start > at) spans.push({ start: at, end: mark.start, mark: 'unchosen' });
    at = mark.end;
  }
  if (end > at) spans.push({ start: at, end, mark: 'unchosen' });
  return spans;
}

/** A paper form's or an export's pointer at the option chosen: "SIDE (select): ► Left   Right   Bilateral". */
const POINTER = /[►▶➤]/;

/** The options a pointer does not point at, each up to the column gap after it. */
function optionsNotPointed(line: string, valueStart: number): TemplateSpan[] {
  if (!POINTER.test(line)) return [];
  const spans: TemplateSpan[] = [];
  // The value in columns: each option stands between gaps of two blanks or more.
  let at = valueStart;
  while (at < line.length) {
    while (at < line.length && (line[at] === ' ' || line[at] === '\t')) at++;
    if (at >= line.length) break;
    let end = at;
    while (end < line.length && !((line[end] === ' ' || line[end] === '\t') && (line[end + 1] === ' ' || line[end + 1] === '\t' || end + 1 >= line.length))) end++;
    if (!POINTER.test(line.slice(at, end))) spans.push({ start: at, end, mark: 'unchosen' });
    at = end;
  }
  return spans;
}

/** A field answered inside brackets on a line of its own: "Ultrasound  (fluoroscopy: N/A)", "(CT: none)". */
const BRACKETED_ANSWER = /\(([^():\n]{1,40}):[ \t]{0,3}(n\/?a|none|no|not used)[ \t]{0,3}\)/gi;

function bracketedAnswers(line: string): TemplateSpan[] {
  if (!line.includes('(')) return [];
  const spans: TemplateSpan[] = [];
  BRACKETED_ANSWER.lastIndex = 0;
  for (let match = BRACKETED_ANSWER.exec(line); match; match = BRACKETED_ANSWER.exec(line)) {
    spans.push({ start: match.index + 1, end: match.index + 1 + match[1].length, mark: negativeAnswerMark(match[2]) });
  }
  return spans;
}

/** A key that tells the author to pick ("Imaging (delete those not used): ultrasound / fluoroscopy / CT"): a list left as it stands picks none. */
const PICK_INSTRUCTION = /\((?:delete|remove|strike)[^()\n]{0,30}\)|\((?:select|choose|circle|pick)(?: one| all that apply| as applicable)?\)/i;
const OPTION_LIST = /^[ \t]*[^\n/,;:.]{1,30}(?: \/ [^\n/,;:.]{1,30}){1,6}[ \t]*$/;

function optionsLeftStanding(line: string, field: RegExpExecArray): TemplateSpan[] {
  if (!PICK_INSTRUCTION.test(field[1])) return [];
  const value = line.slice(field[0].length);
  return OPTION_LIST.test(value) ? [{ start: field[0].length, end: line.length, mark: 'unchosen' }] : [];
}

/** A template's menu and the option picked after an arrow: "System: Integrated (receiver in array) / Conventional with IPG -> Integrated". */
// Each option a few words, without the marks of a sentence: "pain / numbness for 2 yrs. Trial -> 60%" is prose.
const MENU_THEN_PICK = /^[ \t]*((?:[^\n.,;:/]{1,40} \/ ){1,7}[^\n.,;:/]{1,40}?)[ \t]*(?:->|→|=>)[ \t]*\S/;

/** The menu before the arrow: the options offered, none of them chosen by being listed. */
function menuBeforePick(line: string, valueStart: number): TemplateSpan[] {
  if (!line.includes('->') && !line.includes('→') && !line.includes('=>')) return [];
  const menu = MENU_THEN_PICK.exec(line.slice(valueStart));
  return menu ? [{ start: valueStart + menu[0].indexOf(menu[1]), end: valueStart + menu[0].indexOf(menu[1]) + menu[1].length, mark: 'unchosen' }] : [];
}

/** A table row of a key and its answer: "| Modifier 22 | N/A |" says nothing of modifier 22, "| IPG | None |" denies it. */
function tableRowField(line: string): TemplateSpan | undefined {
  if (!line.trimStart().startsWith('|')) return undefined;
  const cells = line.split('|');
  const filled = cells.map((cell, index) => ({ cell, index })).filter(({ cell }) => cell.trim() !== '');
  if (filled.length !== 2) return undefined;
  const [key, value] = filled;
  // "| IPG / pocket | No / No |": a value of one answer per part of the key.
  const answer = value.cell.trim();
  const mark = valueMark(answer) ?? (ALL_NO.test(answer) ? 'declined' : undefined);
  if (!mark) return undefined;
  const start = cells.slice(0, key.index).join('|').length + 1;
  return { start, end: start + key.cell.length, mark };
}

/** Labels answered on one line, two or more: "Initial implant: No   Revision: Yes   Removal: No", "Ultrasound - Yes   Fluoro - No". */
const ANSWERED_LABEL = /([A-Za-z][A-Za-z0-9 /()#-]{0,40}?)(?::|[ \t]{1,3}[-–][ \t]{1,3})[ \t]*(yes|no|n\/a|none|y|n)\b(?!\/)/gi;

/** A cheap count first: two answers after colons or dashes at least. */
const ANSWER_AFTER_COLON = /(?::|[ \t][-–])[ \t]*(?:yes|no|n\/a|none|y|n)\b(?!\/)/gi;

/** A field's key on a line of fields ("Airway: NC 2 L | Fluoro: N/A | EBL: <5 mL", "Imaging: ultrasound   Fluoroscopy time: ____"). */
const FIELD_KEY = /[A-Z][A-Za-z0-9 /()#-]{0,30}:/g;

/** Whether a key at `at` opens a field of its own: at the line's start, or after " | ", a tab or a column gap. */
function opensField(line: string, at: number): boolean {
  if (line.slice(0, at).trim() === '') return true;
  const before = line.slice(Math.max(0, at - 3), at);
  return before.endsWith('\t') || before === '   ' || / \| ?$|\|$/.test(before);
}

/** The fields of a line of two or more whose value says nothing ("N/A", "____") or denies the key ("No", "None"). */
function lineFields(line: string): TemplateSpan[] {
  // Two fields have two colons: most lines have one at most.
  if (line.indexOf(':') === line.lastIndexOf(':')) return [];
  const fields: { start: number; end: number }[] = [];
  FIELD_KEY.lastIndex = 0;
  for (let key = FIELD_KEY.exec(line); key; key = FIELD_KEY.exec(line)) {
    if (opensField(line, key.index)) fields.push({ start: key.index, end: key.index + key[0].length });
    else FIELD_KEY.lastIndex = key.index + 1;
  }
  if (fields.length < 2) return [];
  return fields.flatMap((field, index): TemplateSpan[] => {
    const valueEnd = index + 1 < fields.length ? fields[index + 1].start : line.length;
    // A value ends at the next field, or at the bar that parts it from text of no field ("Fluoroscopy: No | EBL 2 mL").
    const bar = line.indexOf('|', field.end);
    const value = line.slice(field.end, bar >= 0 && bar < valueEnd ? bar : valueEnd).trim();
    const mark = valueMark(value);
    return mark ? [{ start: field.start, end: field.end - 1, mark }] : [];
  });
}

function answeredLabels(line: string): TemplateSpan[] {
  ANSWER_AFTER_COLON.lastIndex = 0;
  if (!ANSWER_AFTER_COLON.test(line) || !ANSWER_AFTER_COLON.test(line)) return [];
  const answers = [...line.matchAll(ANSWERED_LABEL)];
  if (answers.length < 2) return [];
  return answers.flatMap((answer): TemplateSpan[] => {
    const word = ({ y: 'yes', n: 'no' } as Record<string, string>)[answer[2].toLowerCase()] ?? answer[2].toLowerCase();
    // The answer word itself is read by no one else: "No" answers its label, it does not deny the next one.
    const wordEnd = answer.index + answer[0].length;
    const answerWord: TemplateSpan = { start: wordEnd - answer[2].length, end: wordEnd, mark: 'unchosen' };
    if (word === 'yes') return [answerWord];
    const start = answer.index + answer[0].length - answer[0].trimStart().length;
    return [{ start, end: answer.index + answer[1].length, mark: negativeAnswerMark(word) }, answerWord];
  });
}

/** A tick and a cross after items of one line: "US ✓ / fluoro ✗", "Integrated ✓ | IPG ✗ | pocket ✗". */
const TICK = /[✓✔☑]/;
const CROSS = /[✗✘✕]/g;
const ARROW = /→|->|=>/;
const TREATMENTS_KEY = /^[^✗✘✕]{0,40}\b(?:tx|treatments?|therap\w*|care|tried|failed|meds|medications?|conservative|prior|history|hx)\b/i;
/** What parts the items of such a line. */
const ITEM_SEPARATORS = '/|→;,:';

/**
 * On a line that ticks some items and crosses others, a crossed item is denied. A line of crosses
 * alone is not read so: in a timeline "PT ✗ → gabapentin ✗" tells treatments that failed.
 */
function itemsCrossed(line: string): TemplateSpan[] {
  const leading = LEADING_CROSS.exec(line);
  if (leading) return itemsAfterCrosses(line, leading[0].length - 1, CROSS);
  // "⊖ IPG ⊖ pocket": a minus in a circle stands before what it denies.
  const firstPrefixDenial = line.search(PREFIX_DENIAL);
  if (firstPrefixDenial >= 0) return itemsAfterCrosses(line, firstPrefixDenial, PREFIX_DENIAL);
  // A line of crosses alone in a list ("IPG ✗ / pocket ✗ / extension ✗") denies them; in a timeline
  // ("PT ✗ → gabapentin ✗") or a list of treatments ("| Prior tx | PT ✗; orthotics ✗ |") they failed.
  if ((!TICK.test(line) && (ARROW.test(line) || TREATMENTS_KEY.test(line))) || line.search(CROSS) < 0) return [];
  const spans: TemplateSpan[] = [];
  CROSS.lastIndex = 0;
  for (let cross = CROSS.exec(line); cross; cross = CROSS.exec(line)) {
    let start = cross.index;
    while (start > 0 && !ITEM_SEPARATORS.includes(line[start - 1])) start--;
    while (start < cross.index && (line[start] === ' ' || line[start] === '\t')) start++;
    if (start < cross.index) spans.push({ start, end: cross.index, mark: 'declined' });
  }
  return spans;
}

/** A checklist line that opens with its cross: "✗ fluoro", "✗ IPG   ✗ pocket   ✗ extension". */
const LEADING_CROSS = /^[ \t]{0,8}(?:[-*•][ \t]{1,3})?[✗✘✕]/;

const PREFIX_DENIAL = /[⊖⊘]/g;

/** Each mark (of `marks`, a global pattern) from `first` on denies the item after it, up to the next mark or the line's end. */
function itemsAfterCrosses(line: string, first: number, marks: RegExp): TemplateSpan[] {
  const spans: TemplateSpan[] = [];
  marks.lastIndex = first;
  const crosses: number[] = [];
  for (let cross = marks.exec(line); cross; cross = marks.exec(line)) crosses.push(cross.index);
  crosses.forEach((at, index) => {
    const end = (crosses[index + 1] ?? line.length);
    let start = at + 1;
    while (start < end && (line[start] === ' ' || line[start] === '\t')) start++;
    let stop = end;
    while (stop > start && (line[stop - 1] === ' ' || line[stop - 1] === '\t')) stop--;
    if (start < stop) spans.push({ start, end: stop, mark: 'declined' });
  });
  return spans;
}

/** The template spans of one line, in the line's offsets; `columnsOf` gives the answers of its checklist's columns, if any. */
export function readTemplateLine(line: string, columnsOf?: () => readonly ColumnAnswer[] | undefined): TemplateSpan[] {
  // The options of a placeholder left to fill (`Side: [left | right]`) are options not chosen.
  const placeholders: Placeholder[] = [];
  scanPlaceholders(line, 0, placeholders);
  const spans: TemplateSpan[] = placeholders.map(({ span }) => ({ ...span, mark: 'unchosen' }));
  spans.push(...itemsCrossed(line));
  // A macro's legend of the options it offers ("(options: L / R / B/L ; US / fluoro / both)") chooses none of them.
  OPTIONS_LEGEND.lastIndex = 0;
  for (let legend = OPTIONS_LEGEND.exec(line); legend; legend = OPTIONS_LEGEND.exec(line)) spans.push({ start: legend.index, end: legend.index + legend[0].length, mark: 'unchosen' });
  const boxes: { start: number; end: number; checked: boolean }[] = [];
  BOX.lastIndex = 0;
  for (let match = BOX.exec(line); match; match = BOX.exec(line)) boxes.push({ start: match.index, end: match.index + match[0].length, checked: isChecked(match[0]) });
  // "ultrasound _X_  fluoroscopy ___": underlines are boxes on a line that marks one of them.
  if (boxes.length === 0 && MARKED_UNDERLINE.test(line)) {
    UNDERLINE_BOX.lastIndex = 0;
    for (let match = UNDERLINE_BOX.exec(line); match; match = UNDERLINE_BOX.exec(line)) boxes.push({ start: match.index, end: match.index + match[0].length, checked: !match[0].startsWith('__') });
  }
  const field = FIELD.exec(line);
  // The options a key offers are no answer: "Side (L/R/bilat): L" documents the left side only.
  // A key that lists its options may be longer than a field's key: read up to its colon.
  const colon = line.indexOf(':');
  const offered = field ? KEY_OPTIONS.exec(field[1]) : colon > 0 && colon <= MAX_OPTIONS_KEY ? KEY_OPTIONS.exec(line.slice(0, colon)) : null;
  if (offered) spans.push({ start: offered.index, end: offered.index + offered[0].length, mark: 'unchosen' });
  if (field) spans.push(...optionsNotCircled(line, field[0].length), ...optionsNotPointed(line, field[0].length), ...menuBeforePick(line, field[0].length), ...optionsLeftStanding(line, field));
  spans.push(...bracketedAnswers(line));
  if (boxes.length === 0) {
    const row = tableRowField(line);
    if (row) return [...spans, row];
    const fieldMark = field ? valueMark(line.slice(field[0].length).trim()) : undefined;
    if (field && fieldMark) spans.push({ start: 0, end: field[1].length, mark: fieldMark });
    else if (QUESTION_DENIED.test(line)) {
      // "Q: Fluoroscopy needed? A: No": the answer denies the question's subject.
      const question = QUESTION_DENIED.exec(line)!;
      const start = question[0].indexOf(question[1]);
      spans.push({ start, end: start + question[1].length, mark: negativeAnswerMark(question[2]) });
    } else {
      const answered = answeredLabels(line);
      spans.push(...(answered.length ? answered : lineFields(line)));
    }
    return spans;
  }
  // "5. Fluoroscopy   [ ]  [ ]  [x]" under "Yes  No  N/A": the checked column answers the row.
  const columns = boxes.length >= 2 ? columnsOf?.() : undefined;
  const checkedColumn = columns?.length === boxes.length ? columns[boxes.findIndex((box) => box.checked)] : undefined;
  if (checkedColumn !== undefined && !ANSWER_WORDS.has(lastWord(line.slice(0, boxes[0].start)))) {
    if (checkedColumn !== 'yes') spans.push({ start: 0, end: boxes[0].start, mark: checkedColumn === 'no' ? 'declined' : 'not-applicable' });
    return spans;
  }
  // "IPG / pocket created: [ ]": one box, left empty, after its field's key answers the key "no".
  // An instruction in brackets after it ("Modifier 22: ☐ (if checked, complete justification below)") is no option.
  if (boxes.length === 1 && field && isLoneEmptyBox(line.slice(boxes[0].start))) return [...spans, { start: 0, end: field[1].length, mark: 'declined' }];
  let answersStart = -1;
  let denied = false;
  // "Yes [x]  No [ ]" puts the label first, "☐ Yes ☒ No" the box: the first box tells which.
  const labelFirst = ANSWER_WORDS.has(lastWord(line.slice(0, boxes[0].start)));
  // "Imaging: Ultrasound [X]   Fluoroscopy [ ]   CT [ ]": each box follows its option when the line ends with one.
  const valueStart = field ? field[0].length : 0;
  const boxesFollow = !labelFirst && line.slice(boxes[boxes.length - 1].end).trim() === '' && line.slice(valueStart, boxes[0].start).trim() !== '';
  for (let index = 0; index < boxes.length; index++) {
    const box = boxes[index];
    const previousEnd = index > 0 ? boxes[index - 1].end : 0;
    const nextStart = index + 1 < boxes.length ? boxes[index + 1].start : line.length;
    const before = lastWord(line.slice(previousEnd, box.start));
    const after = firstWord(line.slice(box.end, nextStart));
    const label = labelFirst ? before : after;
    const answer = ANSWER_WORDS.has(label) ? label : undefined;
    if (answer !== undefined) {
      if (answersStart < 0) answersStart = answer === before ? previousEnd + line.slice(previousEnd, box.start).toLowerCase().lastIndexOf(before) : box.start;
      if (box.checked && answer.startsWith('n')) denied = true;
      // The answer word answers its box; read on, "☐ No   Paresthesia at 0.6 mA" would deny what follows it.
      // An answer left unchecked takes its gloss with it: "[ ] No (separate IPG)" offers the IPG, it tells of none.
      const wordStart = labelFirst ? previousEnd + line.slice(previousEnd, box.start).toLowerCase().lastIndexOf(answer) : box.end + (line.slice(box.end).length - line.slice(box.end).trimStart().length);
      spans.push({ start: wordStart, end: !labelFirst && !box.checked ? optionEnd(line, box.end, nextStart) : wordStart + answer.length, mark: 'unchosen' });
      continue;
    }
    if (box.checked) continue;
    if (boxesFollow) {
      const optionStart = Math.max(previousEnd, valueStart);
      const option = line.slice(optionStart, box.start);
      const start = optionStart + option.length - option.trimStart().length;
      if (start < box.start) spans.push({ start, end: optionStart + option.trimEnd().length, mark: 'unchosen' });
    } else spans.push({ start: box.end, end: optionEnd(line, box.end, nextStart), mark: 'unchosen' });
  }
  if (denied && answersStart > 0) spans.push({ start: 0, end: answersStart, mark: 'declined' });
  // "Modifier 22 documentation: ☐ Applicable  ☒ Not applicable": the option checked answers the key.
  const checkedAnswer = field ? boxes.find((box, index) => box.checked && CHECKED_NONE.test(line.slice(box.end, index + 1 < boxes.length ? boxes[index + 1].start : line.length).trim())) : undefined;
  if (checkedAnswer && field) {
    const answer = CHECKED_NONE.exec(line.slice(checkedAnswer.end).trim())![0];
    spans.push({ start: 0, end: field[1].length, mark: negativeAnswerMark(answer) });
  }
  return spans;
}

/**
 * An option ends at the next box, at a sentence mark ("[ ] surgery. Trial: 70% relief" offers only
 * surgery), or at a column gap ("☐ motor   threshold 0.4 mA, paresthesia concordant" offers only motor).
 */
function optionEnd(line: string, from: number, to: number): number {
  const rest = line.slice(from, to);
  const mark = rest.search(/[.;](?:\s|$)/);
  const gap = rest.search(/\S[ \t]{3,}\S/);
  const ends = [mark < 0 ? to : from + mark + 1, gap < 0 ? to : from + gap + 1];
  return Math.min(...ends);
}

/** A gap before another field's key on the same line: "saphenous     Side: [ ] R". */
const NEXT_FIELD_COLUMN = /(?<=\S)[ \t]{3,}(?=[A-Z][A-Za-z0-9 /#()-]{0,30}:)/g;

/** A line of fields set in columns, cut before each further key; a line of one field is one segment. */
function columnSegments(line: string): { start: number; text: string }[] {
  if (!FIELD.test(line)) return [{ start: 0, text: line }];
  const cuts: number[] = [];
  NEXT_FIELD_COLUMN.lastIndex = 0;
  for (let gap = NEXT_FIELD_COLUMN.exec(line); gap; gap = NEXT_FIELD_COLUMN.exec(line)) cuts.push(gap.index + gap[0].length);
  if (cuts.length === 0) return [{ start: 0, text: line }];
  const starts = [0, ...cuts];
  return starts.map((start, index) => ({ start, text: line.slice(start, starts[index + 1] ?? line.length) }));
}

/** The template spans of the (short) lines that overlap `start`..`end` of `text`, in document offsets. */
export function templateSpans(text: string, start: number, end: number, readAbove?: () => void): TemplateSpan[] {
  const spans: TemplateSpan[] = [];
  if (end - start > MAX_TEMPLATE_LINE * 4) return spans;
  let at = start;
  while (at <= end) {
    const line = templateLine(text, at, at);
    const newline = text.indexOf('\n', at);
    // `readAbove` is told when the lines above were read (a checklist's column header): the spans then depend on more than these lines.
    const columns = () => {
      readAbove?.();
      return columnsAbove(text, line!.start);
    };
    if (line) {
      // Fields set in columns ("Nerve: saphenous     Side: [ ] R  [x] L") are read one by one.
      for (const segment of columnSegments(text.slice(line.start, line.end))) {
        for (const span of readTemplateLine(segment.text, segment.start === 0 ? columns : undefined)) spans.push({ start: line.start + segment.start + span.start, end: line.start + segment.start + span.end, mark: span.mark });
      }
    }
    if (newline < 0 || newline >= end) break;
    at = newline + 1;
  }
  return spans;
}
