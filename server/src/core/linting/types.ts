import type { NoteFacts } from '../facts/types';
import type { Knowledge } from '../knowledge';
import type { Payer } from '../knowledge/schema';
import type { DocumentKind, DocumentModel } from '../parse/model';
import type { Range } from '../text/lineIndex';
import type { Span } from '../text/span';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The text of docs/rules/<id>.md; the page is generated from it. */
export interface RuleDocs {
  readonly what: string;
  readonly why: string;
  readonly fix: string;
  readonly sources: readonly string[];
  /** Small examples that fire / stay quiet, written in the markup. */
  readonly bad?: string;
  readonly good?: string;
}

export interface RuleMeta {
  /** kebab-case; a contract: users write it in config and directives. */
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly fixable: boolean;
  readonly tags: readonly string[];
  readonly appliesTo: readonly DocumentKind[];
  readonly docs: RuleDocs;
}

export interface SpanEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly SpanEdit[];
  readonly isPreferred?: boolean;
}

/** A location in another document (the note a claim line contradicts). */
export interface RelatedLocation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
  /** Marks redundant text (rendered faded), e.g. a bundled imaging line. */
  readonly unnecessary?: boolean;
}

export interface RuleFinding extends Finding {
  readonly rule: RuleMeta;
  readonly severity: Severity;
}

export interface Rule<Context = RuleContext> {
  readonly meta: RuleMeta;
  check(context: Context, report: (finding: Finding) => void): void;
}

/** The operative note a claim names with `note:`. */
export type LinkedNote =
  | { readonly status: 'found'; readonly uri: string; readonly path: string; readonly model: DocumentModel; readonly facts: NoteFacts }
  | { readonly status: 'no-header' }
  | { readonly status: 'not-found'; readonly path: string }
  /** `why` ends a sentence: "it is not a regular file", "it is larger than 1 MB". */
  | { readonly status: 'unreadable'; readonly path: string; readonly why: string }
  | { readonly status: 'outside-workspace'; readonly path: string }
  | { readonly status: 'unresolvable' };

// The organisation payer files in effect for a document, so that a bad file can be reported on each
// claim that uses it.
export interface PayerFileProblem {
  /** The file, as read through the injected file system. */
  readonly path: string;
  /** JSON path of the first problem, e.g. `$.payers[0].aliases`. */
  readonly jsonPath: string;
  /** Where the first problem is in the file, e.g. "line 3, column 5", when it can be located. */
  readonly position?: string;
  /** What is wrong there, in words that never quote the file's content. */
  readonly message: string;
  /** How many problems the file has in all. */
  readonly count: number;
}

export interface PayerFilesInfo {
  /** The `.opnote/payers` folder in effect. */
  readonly folder: string;
  readonly files: readonly string[];
  readonly problems: readonly PayerFileProblem[];
}

/** What every rule may read. Rules read the model, facts and knowledge; never raw text searches of their own. */
export interface RuleContext {
  readonly model: DocumentModel;
  readonly knowledge: Knowledge;
  /** Facts of this document when it is an operative note. */
  readonly facts?: NoteFacts;
  /** For claims: the note named by `note:` (read through the injected file reader). */
  readonly linkedNote?: LinkedNote;
  /** Built-in payers merged with the organisation's payer files (trusted workspaces only). */
  readonly findPayer: (headerValue: string) => Payer | undefined;
  /** The organisation payer files in effect, with what is wrong in them. */
  readonly payerFiles?: PayerFilesInfo;
  /** Every rule id in the registry (for directive checks). */
  readonly ruleIds: ReadonlySet<string>;
  /** What is wrong with the configuration file in effect, if anything. */
  readonly configProblem?: string;
}
