import type { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/span';
import type { Placeholder } from './placeholders';
import type { TableCell } from './tables';

export type DocumentKind = 'opnote' | 'claim';

/** Ids of the rules whose findings the parser itself produces (the rules report them). */
export type ParseProblemRule =
  | 'line-syntax'
  | 'header-syntax'
  | 'header-unknown-key'
  | 'date-malformed'
  | 'unreadable-text'
  | 'x12-syntax';

export interface ParseProblem {
  readonly rule: ParseProblemRule;
  readonly span: Span;
  readonly message: string;
}

export interface HeaderField {
  /** The key as written. */
  readonly rawKey: string;
  /** Canonical key (`date`, `payer`, ...) or the normalised unknown key. */
  readonly key: string;
  readonly known: boolean;
  readonly keySpan: Span;
  readonly value: string;
  readonly valueSpan: Span;
  readonly span: Span;
  /** ISO date for date-valued keys that parsed. */
  readonly isoDate?: string;
}

export interface Header {
  readonly style: 'front-matter' | 'key-value' | 'none';
  readonly fields: readonly HeaderField[];
  /** The whole header block including fences; empty span at 0 when there is none. */
  readonly span: Span;
}

export type SectionStyle = 'markdown' | 'dictation';

export interface Section {
  /** Canonical id from the synonym table, or `other`. */
  readonly id: string;
  readonly title: string;
  readonly style: SectionStyle;
  /** 1-3 for Markdown headings; 1 for dictation headings. */
  readonly level: number;
  readonly titleSpan: Span;
  /** The heading line (for dictation style: the title and its colon). */
  readonly headingSpan: Span;
  /** Text that belongs to the section, after the heading up to the next heading. */
  readonly bodySpan: Span;
  /** Heading plus body. */
  readonly span: Span;
}

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface DirectiveRuleRef {
  readonly id: string;
  readonly span: Span;
}

export interface Directive {
  readonly kind: DirectiveKind;
  /** Empty means every rule. */
  readonly rules: readonly DirectiveRuleRef[];
  /** The ids past MAX_DIRECTIVE_RULES, which are not read. */
  readonly ignored?: Span;
  readonly span: Span;
  /** Line the directive sits on (0-based). */
  readonly line: number;
}

export interface Comment {
  readonly span: Span;
  readonly line: number;
}

export type CodeSystem = 'cpt' | 'cpt-cat3' | 'hcpcs' | 'icd10cm' | 'modifier';

export interface CodeMention {
  readonly code: string;
  readonly system: CodeSystem;
  readonly span: Span;
  /** An option of a template left unchecked ("Codes: [ ] 64596 [x] 64598"): offered, not claimed. */
  readonly unchosen?: boolean;
}

export interface Token<T> {
  readonly value: T;
  readonly span: Span;
}

export interface DiagnosisEntry {
  /** A, B, C ... in order of appearance (CMS-1500 item 21). */
  readonly letter: string;
  readonly code: Token<string>;
}

export interface ServiceLine {
  readonly span: Span;
  readonly line: number;
  readonly code: Token<string>;
  readonly modifiers: readonly Token<string>[];
  readonly units?: Token<number>;
  readonly pointers?: { readonly letters: readonly Token<string>[]; readonly span: Span };
  readonly charge?: Token<number>;
  readonly pos?: Token<string>;
  readonly dos?: Token<string>;
  /** Revenue code (`rev:0360`) of an institutional claim line, four digits. */
  readonly revenueCode?: Token<string>;
  /** Trailing `// ...` comment, if any. */
  readonly comment?: Span;
}

export interface ClaimBody {
  readonly diagnoses: readonly DiagnosisEntry[];
  /** Spans of the `dx:` lines, for placing insertions and diagnostics. */
  readonly dxLines: readonly Span[];
  readonly lines: readonly ServiceLine[];
}

export interface DocumentModel {
  readonly uri: string;
  readonly version: number;
  readonly kind: DocumentKind;
  /** The document's text, as written: what quotes, edits and queries use. */
  readonly text: string;
  /**
   * The text as OpNote reads it, when that differs: OCR confusions and export separators repaired,
   * one character for one character (text/ocr.ts, text/fieldSeparators.ts), so every span holds in both.
   */
  readonly readText?: string;
  readonly lines: LineIndex;
  readonly header: Header;
  readonly sections: readonly Section[];
  readonly comments: readonly Comment[];
  readonly directives: readonly Directive[];
  readonly codes: readonly CodeMention[];
  /** Template placeholders left to fill (`[left | right]`, `[__]`), in a note's body outside comments. */
  readonly placeholders: readonly Placeholder[];
  /** The data cells of a note's header tables, each with its column's header (parse/tables.ts). */
  readonly tableCells?: readonly TableCell[];
  /** Present for claims. */
  readonly claim?: ClaimBody;
  readonly problems: readonly ParseProblem[];
  /** Set when the document was longer than the size limit: only its first `truncatedAt` characters were read. */
  readonly truncatedAt?: number;
}

export function headerField(model: DocumentModel, key: string): HeaderField | undefined {
  return model.header.fields.find((field) => field.key === key);
}
