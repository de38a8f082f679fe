// The check of an X12 837 file: each CLM is mapped onto the claim model and checked by the claim rules
// exactly as a claim draft is, one claim at a time (nothing of a checked claim is kept but its
// findings), and the file itself gets the syntax, envelope, configuration and size findings.
import type { Knowledge, Payer } from '../knowledge';
import type { LoadedPayerFiles } from './payerFiles';
import { configProblemMessage, type LoadedConfig } from './config';
import { runRules } from '../linting/runRules';
import type { RuleSeverityMap } from '../linting/severity';
import type { LinkedNote, Rule, RuleContext, RuleFinding } from '../linting/types';
import type { DocumentModel, HeaderField, ParseProblem } from '../parse/model';
import type { SourceDocument } from '../parse/parseDocument';
import { scanUnreadable } from '../parse/unreadable';
import { claimDocument, type ClaimSource, type MappedClaim } from '../parse/x12/claimModel';
import { readInterchange, type X12Format } from '../parse/x12/interchange';
import { segmentLines } from '../parse/x12/outline';
import { readDelimiters, startsWithIsa, type X12Delimiters } from '../parse/x12/segments';
import { claimFacts } from '../ruleSupport/claimFacts';
import { LineIndex } from '../text/lineIndex';
import type { FileSystem } from './fileSystem';
import type { NoteLoader } from './linkedNote';
import { noteIndex, type NoteIndex } from './noteIndex';
import { dirname, uriToPath } from './paths';

/** How a claim file is written: the draft markup, X12 837P or 837I, or a FHIR R4 Claim. */
export type ClaimFormat = 'draft' | X12Format | 'fhir';

const X12_EXTENSION = /\.(837|x12|edi)$/i;

/** An X12 file by its extension or, unless it is named as a note, draft or JSON file, by an ISA at its start. */
export function isX12Document(document: Pick<SourceDocument, 'uri' | 'text'>): boolean {
  return X12_EXTENSION.test(document.uri) || (!/\.(opnote|claim|json)$/i.test(document.uri) && startsWithIsa(document.text));
}

/** Rules about the file, run once on it; every other claim rule runs once per CLM. */
const FILE_RULES = new Set(['config-invalid', 'payer-file-invalid', 'document-too-large', 'unreadable-text', 'x12-syntax']);
/** Parse-level rules of the draft markup: an X12 claim model has none of their problems, so they are not run per claim. */
const MARKUP_RULES = new Set(['line-syntax', 'header-syntax', 'header-unknown-key', 'date-malformed', 'directive-unknown-rule']);

export interface X12CheckSettings {
  readonly severityLayers: ReadonlyArray<RuleSeverityMap | undefined>;
  readonly maxProblems: number;
  /** Characters past which the file is not checked. */
  readonly limit: number;
  /** Where the notes are looked for; the file's own folder when not given. */
  readonly notesFolder?: string;
  readonly config?: LoadedConfig;
  readonly payers?: LoadedPayerFiles;
}

export interface X12Dependencies {
  readonly rules: readonly Rule[];
  readonly ruleIds: ReadonlySet<string>;
  readonly knowledge: Knowledge;
  readonly fileSystem: FileSystem;
  readonly loadNote: NoteLoader;
  readonly onInternalError?: (where: string, error: unknown) => void;
}

export interface X12Analysis {
  readonly model: DocumentModel;
  readonly format: X12Format;
  readonly findings: readonly RuleFinding[];
  /** The notes the claims were linked to (paths), for editors to re-check the file when one changes. */
  readonly dependencies: readonly string[];
  /** Their texts as read, by path, to tell whether a cached analysis still holds. */
  readonly notes: ReadonlyMap<string, string>;
}

/** The file as a whole: its own text and lines, its syntax problems, no header and no service lines of its own. */
function fileModel(document: SourceDocument, problems: readonly ParseProblem[], lines: LineIndex, truncatedAt?: number): DocumentModel {
  return {
    uri: document.uri,
    version: document.version,
    kind: 'claim',
    text: document.text,
    lines,
    header: { style: 'none', fields: [], span: { start: 0, end: 0 } },
    sections: [],
    comments: [],
    directives: [],
    codes: [],
    claim: { diagnoses: [], dxLines: [], lines: [] },
    problems,
    placeholders: [],
    ...(truncatedAt !== undefined ? { truncatedAt } : {}),
  };
}

/** The folder tree searched for a claim's note, and the ids its CLM offers for the match. */
export function notesFolderOf(uri: string, notesFolder: string | undefined): string | undefined {
  if (notesFolder !== undefined) return notesFolder;
  const path = uriToPath(uri);
  return path === undefined ? undefined : dirname(path);
}

export function linkedNoteOf(index: NoteIndex | undefined, uri: string, claim: MappedClaim): LinkedNote {
  if (!index) return { status: 'unresolvable' };
  const patient = claim.model.header.fields.find((field) => field.key === 'patient')?.value ?? '';
  return index.find(uri, claim.memberId ? [patient, claim.memberId] : [patient], claim.serviceDate);
}

export function analyzeX12(document: SourceDocument, settings: X12CheckSettings, deps: X12Dependencies): X12Analysis {
  const lines = new LineIndex(document.text);
  const { config, payers } = settings;
  const findPayer: (value: string) => Payer | undefined = payers?.findPayer ?? deps.knowledge.findPayer;
  const base: Omit<RuleContext, 'model'> = {
    ruleIds: deps.ruleIds,
    knowledge: deps.knowledge,
    findPayer,
    ...(payers ? { payerFiles: payers } : {}),
    ...(config?.problem ? { configProblem: configProblemMessage(config.problem) } : {}),
  };
  const run = (rules: readonly Rule[], model: DocumentModel, extra: Partial<RuleContext>, maxProblems: number) =>
    runRules(rules, { ...base, ...extra, model }, { severityLayers: settings.severityLayers, maxProblems, onRuleError: (ruleId, error) => deps.onInternalError?.(`rule ${ruleId}`, error) });
  const fileRules = deps.rules.filter((rule) => FILE_RULES.has(rule.meta.id));

  // At the limit, not only past it: the CLI cuts a longer file there (its read cap is the same size).
  if (document.text.length >= settings.limit) {
    const model = fileModel(document, [], lines, settings.limit);
    return { model, format: '837P', findings: run(fileRules.filter((rule) => rule.meta.id === 'document-too-large'), model, {}, settings.maxProblems), dependencies: [], notes: new Map() };
  }

  const problems: ParseProblem[] = [];
  const claimRules = deps.rules.filter((rule) => !FILE_RULES.has(rule.meta.id) && !MARKUP_RULES.has(rule.meta.id));
  const claimFindings: RuleFinding[] = [];
  const notes = new Map<string, string>();
  const folder = notesFolderOf(document.uri, settings.notesFolder);
  const index = folder === undefined ? undefined : noteIndex(folder, deps.fileSystem, deps.loadNote);
  const delimiters = readDelimiters(document.text, problems);
  const segmented = segmentLines(document.text, delimiters);
  const source: ClaimSource = { uri: document.uri, version: document.version, text: segmented, lines: segmented === document.text ? lines : new LineIndex(segmented), delimiters };
  const reading = readInterchange(document.text, delimiters, problems, {
    claim(claim) {
      const mapped = claimDocument(source, claim, problems);
      const linkedNote = linkedNoteOf(index, document.uri, mapped);
      if (linkedNote.status === 'found') notes.set(linkedNote.path, linkedNote.model.text);
      const model = linkedNote.status === 'found' ? withNoteField(mapped.model, linkedNote.path) : mapped.model;
      const facts = claimFactsSafely(deps, { model, knowledge: deps.knowledge, findPayer, linkedNote });
      const found = run(claimRules, model, { linkedNote, ...(facts ? { claim: facts } : {}) }, settings.maxProblems - claimFindings.length);
      // The quick fixes of the claim rules edit draft markup; in an X12 file they would break the segment.
      for (const finding of found) claimFindings.push(withoutFixes(finding));
      return claimFindings.length < settings.maxProblems;
    },
  });
  scanUnreadable(withoutControlDelimiters(document.text, delimiters), lines, problems);
  const model = fileModel(document, problems, lines);
  const fileFindings = run(fileRules, model, {}, settings.maxProblems);
  const findings = [...fileFindings, ...claimFindings].sort((a, b) => a.span.start - b.span.start || a.rule.id.localeCompare(b.rule.id)).slice(0, settings.maxProblems);
  return { model, format: reading.format, findings, dependencies: [...notes.keys()], notes };
}

/**
 * The note a claim was linked to, as the `note:` header of a draft names it; it sits on CLM01, the
 * patient control number the note was found by, so the note ↔ claim findings without a line land there.
 */
export function withNoteField(model: DocumentModel, path: string): DocumentModel {
  const patient = model.header.fields.find((field) => field.key === 'patient');
  if (!patient) return model;
  const field: HeaderField = { ...patient, rawKey: 'note', key: 'note', value: path };
  return { ...model, header: { ...model.header, fields: [...model.header.fields, field] } };
}

/** A failure computing one claim's facts silences the claim rules of that claim only. */
function claimFactsSafely(deps: X12Dependencies, input: Parameters<typeof claimFacts>[0]): ReturnType<typeof claimFacts> | undefined {
  try {
    return claimFacts(input);
  } catch (error) {
    deps.onInternalError?.('claim facts', error);
    return undefined;
  }
}

export function withoutFixes(finding: RuleFinding): RuleFinding {
  if (!finding.fixes) return finding;
  const { fixes: _, ...rest } = finding;
  return rest;
}

/** Control characters are legal X12 delimiters (0x1D, 0x1C ...): blanked (same offsets), they are not unreadable text. */
function withoutControlDelimiters(text: string, delimiters: X12Delimiters): string {
  let result = text;
  for (const delimiter of [delimiters.element, delimiters.component, delimiters.segment, delimiters.repetition]) {
    if (delimiter && delimiter.charCodeAt(0) < 32 && delimiter !== '\n' && delimiter !== '\r' && delimiter !== '\t') result = result.split(delimiter).join(' ');
  }
  return result;
}
