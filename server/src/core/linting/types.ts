import type { NoteFacts } from '../facts/types';
import type { Knowledge, Payer, RequiresPrimaryEdit } from '../knowledge';
import type { DiagnosisEntry, DocumentKind, DocumentModel, HeaderField, ServiceLine, Token } from '../parse/model';
import type { ClaimType } from '../parse/headerKeys';
import type { Range } from '../text/lineIndex';
import type { Span } from '../text/span';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Who is at the keyboard: the physician writing the note (`author`), or a coder, CDI specialist or auditor (`reviewer`), who never edits a note. */
export const ROLES = ['author', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

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

/** What a rule reports: where, what, and how to fix it. */
export interface RuleReport {
  readonly span: Span;
  /** What is wrong and what to do, in about 160 characters at most (it must fit the Problems panel). */
  readonly message: string;
  /** Why it matters and where the statement comes from (its source, verified or not): the hover on the finding shows it. */
  readonly detail?: string;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
  /** Marks redundant text (rendered faded), e.g. a bundled imaging line. */
  readonly unnecessary?: boolean;
  /** Plain data for what is built on the finding (documentation-conflict: its topic and evidence, for a physician query). */
  readonly data?: Readonly<Record<string, unknown>>;
  /**
   * The gap is told only by words OpNote did not find, in a note it may not read in full: the finding
   * is information at most, whatever the rule's severity (issue 12: when the evidence is missing,
   * say so at information severity), or a problem the document does not make itself (a removal note
   * that claims no code is not miscoded). A gap the note shows (a template's options all left
   * unchosen, a value below a threshold) is not unsure.
   */
  readonly unsure?: boolean;
}

/** A rule's report once `runRules` has kept it: with its rule and effective severity. */
export interface RuleFinding extends RuleReport {
  readonly rule: RuleMeta;
  readonly severity: Severity;
}

export interface Rule<Context = RuleContext> {
  readonly meta: RuleMeta;
  check(context: Context, report: (finding: RuleReport) => void): void;
}

/** The operative note a claim names with `note:`. */
export type LinkedNote =
  | { readonly status: 'found'; readonly uri: string; readonly path: string; readonly model: DocumentModel; readonly facts: NoteFacts }
  | { readonly status: 'no-header' }
  /** An X12 or FHIR claim, linked by patient and date: no note of the folder matches (`dated`: the claim has a service date). */
  | { readonly status: 'no-match'; readonly dated: boolean }
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

// What a claim says, read once per check (the service computes it next to the note facts, with
// ruleSupport/claimFacts.ts): the claim rules read these values instead of each re-deriving sessions,
// add-on plans, removed lines or corrected modifiers.
export type FoundNote = Extract<LinkedNote, { status: 'found' }>;

/** The payer named in the claim header, matched against built-in and organisation payers. */
export interface ClaimPayer {
  readonly payer: Payer;
  readonly field: HeaderField;
}

/** The lines of one session that bill a primary code of a requires-primary edit. */
export interface ClaimSession {
  /** The session's date of service (ISO), or '' for the lines whose date is unknown. */
  readonly key: string;
  /** The lines of the edit's primary codes in this session, in claim order. */
  readonly primaries: readonly ServiceLine[];
  /** The add-on lines that belong to this session, in claim order (each add-on line belongs to one session only). */
  readonly addOns: readonly ServiceLine[];
}

/** The service lines of a requires-primary edit (64597 with 64596) by session. */
export interface AddOnSessions {
  readonly edit: RequiresPrimaryEdit;
  /** By session key, in the order of the first primary line of each session. */
  readonly sessions: ReadonlyMap<string, ClaimSession>;
  /**
   * The primary line each add-on line belongs to: one with the same known date first, else any primary
   * of a matching session; the nearest above the add-on (claims list an add-on after its primary), else
   * the first. An add-on line with no primary in its session has none.
   */
  readonly ownerOf: ReadonlyMap<ServiceLine, ServiceLine>;
}

/** The add-on units the note supports for a primary code: known when the note supports it and states how many arrays were placed. */
export interface NoteArrays {
  /** Add-on units the note supports. */
  readonly units: number;
  readonly arrays: number;
  readonly note: FoundNote;
}

/** A correction of the add-on units of one session: its edits and the lines it removes. */
export interface AddOnPlan {
  readonly edit: RequiresPrimaryEdit;
  /** The primary line the add-on belongs to (a new add-on line goes after it). */
  readonly anchor: ServiceLine;
  readonly existing: readonly ServiceLine[];
  readonly billed: number;
  readonly target: number;
  readonly fromNote?: NoteArrays;
  /** Edits of the add-on lines (the primary lines' own units are not included). */
  readonly edits: readonly SpanEdit[];
  readonly removed: readonly number[];
}

/** units-exceed: a session whose primary code has more than one unit in all, and the plan that settles it. */
export interface UnitsExceedPlan {
  /** The primary lines of the session, in claim order. */
  readonly group: readonly ServiceLine[];
  readonly plan: AddOnPlan;
}

/** One change of a line's modifiers, in the order a fix title names it. */
export type ModifierChange =
  | { readonly kind: 'add'; readonly modifier: string }
  | { readonly kind: 'remove'; readonly modifier: string }
  /** `description` is the title of the modifier put in, when the fix offers a choice between several. */
  | { readonly kind: 'replace'; readonly from: string; readonly to: string; readonly description?: string }
  | { readonly kind: 'reorder' };

/** The side the note documents, when it is one side and the line is an array line (it takes LT or RT). */
export interface ExpectedSide {
  readonly side: 'left' | 'right';
  readonly modifier: string;
}

/** What the modifiers of a line should be. */
export interface ModifierPlan {
  /** The corrected list, in writing order. */
  readonly modifiers: readonly string[];
  readonly changes: readonly ModifierChange[];
  readonly expectedSide?: ExpectedSide;
  /**
   * Whether a fix may rewrite the line's modifiers: not when another automatic fix removes the line
   * (fix-all would have to choose), nor when its code token has a part OpNote cannot read (`64596-L`).
   */
  readonly rewritable: boolean;
}

export interface ClaimFacts {
  /** The service lines, in claim order. */
  readonly lines: readonly ServiceLine[];
  /** The note named by `note:`, when it was found and read. */
  readonly note?: FoundNote;
  /** The header's payer, matched once. */
  readonly payer?: ClaimPayer;
  /** The header's place of service, when it is a two-digit code (a line's own `pos:` takes precedence). */
  readonly headerPos?: Token<string>;
  /** The claim form (`claim-type:` / `form:`); professional when the header does not name one. */
  readonly claimType: ClaimType;
  /** The institutional claim's type of bill (`bill-type:`), as written. */
  readonly billType?: Token<string>;
  /** The diagnoses each line points to: its explicit pointers, or A when it has none; pointers to no diagnosis are left out. */
  readonly pointedDiagnoses: ReadonlyMap<ServiceLine, readonly DiagnosisEntry[]>;
  /**
   * The date of service (ISO) each line is judged by; undefined when unknown (the line shares every
   * session). When the note has a date, the dates dos-mismatch corrects are taken as corrected.
   */
  readonly sessionDates: ReadonlyMap<ServiceLine, string | undefined>;
  /** One entry per requires-primary edit of the knowledge. */
  readonly addOns: readonly AddOnSessions[];
  readonly unitsExceed: readonly UnitsExceedPlan[];
  /** addon-count-mismatch: sessions whose add-on units differ from the note. */
  readonly addOnCount: readonly AddOnPlan[];
  /** Lines (0-based) that the automatic fixes of units-exceed or addon-count-mismatch remove. */
  readonly removedLines: ReadonlySet<number>;
  /** The corrected modifiers of a line, as the automatic fixes write them (planned on first use, once per line). */
  readonly modifierPlan: (line: ServiceLine) => ModifierPlan;
}

/** What every rule may read. Rules read the model, facts and knowledge; never raw text searches of their own. */
export interface RuleContext {
  readonly model: DocumentModel;
  readonly knowledge: Knowledge;
  /** Facts of this document when it is an operative note. */
  readonly facts?: NoteFacts;
  /** For claims: the note named by `note:` (read through the injected file reader). */
  readonly linkedNote?: LinkedNote;
  /** Facts of this document when it is a claim. */
  readonly claim?: ClaimFacts;
  /** Built-in payers merged with the organisation's payer files (trusted workspaces only). */
  readonly findPayer: (headerValue: string) => Payer | undefined;
  /** The organisation payer files in effect, with what is wrong in them. */
  readonly payerFiles?: PayerFilesInfo;
  /** Every rule id in the registry (for directive checks). */
  readonly ruleIds: ReadonlySet<string>;
  /** What is wrong with the configuration file in effect, if anything. */
  readonly configProblem?: string;
}
