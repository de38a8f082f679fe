import type { CodeMention, CodeSystem } from './model';

// A procedure or diagnosis code, optionally followed by attached modifiers (`64596-22-LT`). The
// look-behind keeps amounts, dates and identifiers (`$64596`, `A-64596`, `1.64596`) out.
const CODE = /(?<![\w$.\/-])(?:(\d{4}T)|(\d{5})|([A-V]\d{4})|([A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}))((?:-[0-9A-Z]{2}(?![0-9A-Za-z]))*)(?![\w])/g;
// "Modifiers: 22, LT" / "modifier -59" / "modifier 22 and LT".
const MODIFIER_KEYWORD = /\bmodifiers?\b[ \t]*(?::[ \t]*)?/gi;
const MODIFIER_LIST_ITEM = /^-?([0-9A-Z]{2})(?![0-9A-Za-z])[ \t]*(?:(?:,|\/|\band\b|&)[ \t]*)?/;

const SYSTEMS: readonly CodeSystem[] = ['cpt-cat3', 'cpt', 'hcpcs', 'icd10cm'];

/** Finds codes and modifiers in a stretch of free text; offsets are shifted by `base`. */
export function scanCodes(text: string, base: number, out: CodeMention[]): void {
  CODE.lastIndex = 0;
  for (let match = CODE.exec(text); match; match = CODE.exec(text)) {
    const groupIndex = [1, 2, 3, 4].find((i) => match![i] !== undefined)!;
    const code = match[groupIndex];
    const start = base + match.index;
    out.push({ code, system: SYSTEMS[groupIndex - 1], span: { start, end: start + code.length } });
    let at = start + code.length;
    for (const modifier of match[5].split('-').slice(1)) {
      out.push({ code: modifier, system: 'modifier', span: { start: at + 1, end: at + 3 } });
      at += 3;
    }
  }
  MODIFIER_KEYWORD.lastIndex = 0;
  for (let keyword = MODIFIER_KEYWORD.exec(text); keyword; keyword = MODIFIER_KEYWORD.exec(text)) {
    let at = keyword.index + keyword[0].length;
    for (let item = MODIFIER_LIST_ITEM.exec(text.slice(at, at + 16)); item; item = MODIFIER_LIST_ITEM.exec(text.slice(at, at + 16))) {
      const offset = at + item[0].indexOf(item[1]);
      out.push({ code: item[1], system: 'modifier', span: { start: base + offset, end: base + offset + 2 } });
      at += item[0].length;
    }
  }
}
