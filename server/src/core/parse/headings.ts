import type { SectionStyle } from './model';
import { canonicalSectionId } from './sectionSynonyms';

export interface HeadingMatch {
  readonly style: SectionStyle;
  readonly level: number;
  readonly title: string;
  /** Offsets relative to the line start. */
  readonly titleStart: number;
  readonly titleEnd: number;
  /** Start of the heading: the first `#`, or the first character of a dictation heading. */
  readonly headingStart: number;
  /** End of the heading itself: the line end (Markdown) or just past the colon (dictation). */
  readonly headingEnd: number;
}

const MARKDOWN = /^[ \t]{0,3}(#{1,3})[ \t]+(.*?)[ \t]*(?:#+[ \t]*)?$/d;
// ALL-CAPS title ending in a colon; `(?!\/\/)` keeps URLs such as HTTP:// out.
const DICTATION_CAPS = /^[ \t]*(?:\d{1,2}[.)][ \t]+)?([A-Z][A-Z0-9 /&,()'.-]{0,58}?)[ \t]*:(?!\/\/)/d;
// Title-case titles count only when the synonym table knows them ("Indications: ...").
const DICTATION_KNOWN = /^[ \t]*([A-Z][A-Za-z0-9 /&,()'-]{0,58}?)[ \t]*:(?!\/\/)/d;

function wordCount(title: string): number {
  return title.split(/\s+/).filter(Boolean).length;
}

export function matchHeading(line: string): HeadingMatch | undefined {
  // Every heading has a `#` (Markdown) or a `:` (dictation); most lines have neither.
  if (line.indexOf(':') < 0 && line.indexOf('#') < 0) return undefined;
  const markdown = MARKDOWN.exec(line);
  if (markdown && markdown[2] !== '') {
    const [titleStart, titleEnd] = markdown.indices![2];
    return { style: 'markdown', level: markdown[1].length, title: markdown[2], titleStart, titleEnd, headingStart: markdown.indices![1][0], headingEnd: line.length };
  }
  const caps = DICTATION_CAPS.exec(line);
  if (caps && /[A-Z]{2}/.test(caps[1]) && wordCount(caps[1]) <= 8) {
    const [titleStart, titleEnd] = caps.indices![1];
    return { style: 'dictation', level: 1, title: caps[1], titleStart, titleEnd, headingStart: line.search(/\S/), headingEnd: caps[0].length };
  }
  const known = DICTATION_KNOWN.exec(line);
  if (known && wordCount(known[1]) <= 8 && canonicalSectionId(known[1]) !== undefined) {
    const [titleStart, titleEnd] = known.indices![1];
    return { style: 'dictation', level: 1, title: known[1], titleStart, titleEnd, headingStart: titleStart, headingEnd: known[0].length };
  }
  return undefined;
}
