import type { Span } from '../text/span';

/**
 * A template placeholder the author has to fill: a choice `[left | right]` (two or more options
 * separated by bars) or a blank `[__]` / `[__ minutes]` (two or more underscores, then an optional
 * prompt). The bar or the underscores make it unambiguous: a checkbox (`[x]`, `[ ]`) or a Markdown
 * link text has neither. An EHR phrase's `***` left as a coding field's whole value ("Side: ***") is a blank too.
 * The options of a choice are not facts: `Side: [left | right]` documents no side.
 */
export interface Placeholder {
  readonly span: Span;
  /** The options of a choice, trimmed; empty for a blank. */
  readonly options: readonly string[];
}

// The option class excludes the bar and both brackets, so each option is read once (linear time).
const PLACEHOLDER = /\[(?:_{2,}(?: [^[\]\n|]{1,60})?|[^[\]\n|]{1,60}(?:\|[^[\]\n|]{1,60}){1,12})\]/g;

/**
 * A part that is a record's field, not an option to choose: a key and its value or a date. A
 * dictation system's banner "[VoiceScribe 7.2 | job 55317 | dictated 08/11/2026 15:02 | status: FINAL]"
 * is bars and brackets too.
 */
const RECORD_PART = /:|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

/** A field whose whole value is an EHR phrase's blank, `***` (Epic SmartPhrases): "Side: ***". */
const STARRED_BLANK = /^[ \t]{0,8}(?:[-*•][ \t]{1,3})?([A-Za-z][A-Za-z /()#-]{0,40}):[ \t]{0,20}\*\*\*[ \t]*$/;
/** The fields the code depends on; a blank elsewhere ("Specimens: ***") leaves nothing of the claim open. */
const CODING_FIELD = /\b(?:side|laterality|nerves?|target|arrays?|leads?|imaging|guidance|approach|device|system|modifiers?|procedure|cpt|codes?)\b/i;

/** The placeholders of one line, in document offsets (`lineStart` is the line's offset). */
export function scanPlaceholders(lineText: string, lineStart: number, into: Placeholder[]): void {
  if (lineText.includes('***')) {
    // An EHR phrase's blank left as it came ("Side: ***"), where the field is a fact of the code.
    const blank = STARRED_BLANK.exec(lineText);
    if (blank && CODING_FIELD.test(blank[1])) {
      const at = lineText.indexOf('***', blank.index + blank[1].length);
      into.push({ span: { start: lineStart + at, end: lineStart + at + 3 }, options: [] });
    }
  }
  if (!lineText.includes('[')) return;
  PLACEHOLDER.lastIndex = 0;
  for (let match = PLACEHOLDER.exec(lineText); match; match = PLACEHOLDER.exec(lineText)) {
    const inner = match[0].slice(1, -1);
    const options = inner.startsWith('__') ? [] : inner.split('|').map((option) => option.trim());
    if (options.some((option) => option === '' || RECORD_PART.test(option))) continue;
    into.push({ span: { start: lineStart + match.index, end: lineStart + match.index + match[0].length }, options });
  }
}

/** A choice placeholder for a template line: `[left | right]`. */
export function choicePlaceholder(options: readonly string[]): string {
  return `[${options.join(' | ')}]`;
}
