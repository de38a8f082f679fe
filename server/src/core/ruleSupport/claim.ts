// Shared helpers for the claim rules: the linked note, the knowledge entries a line refers to and the
// words of messages. Rules stay small; anything two rules need lives here.
import type { Evidence, Fact } from '../facts/types';
import type { CodeEntry, CodeFamily, Knowledge } from '../knowledge';
import type { FoundNote, RelatedLocation } from '../linting/types';
import { headerField, type DiagnosisEntry, type DocumentModel, type HeaderField, type ServiceLine } from '../parse/model';
import type { Span } from '../text/span';

/**
 * Code families of the peripheral-nerve stimulation procedures (enum values of the knowledge schema,
 * not code lists): the lines whose side, place of service and diagnoses OpNote checks.
 */
const PROCEDURE_FAMILIES: ReadonlySet<CodeFamily> = new Set<CodeFamily>(['pns-integrated', 'pns-array', 'pns-generator', 'tibial-integrated']);

/** The code of the integrated system whose diagnoses dx-unsupported checks (the rule is about this code). */
export const PRIMARY_CODE = '64596';

export function diagnoses(model: DocumentModel): readonly DiagnosisEntry[] {
  return model.claim?.diagnoses ?? [];
}

export function unitsOf(line: ServiceLine): number {
  return line.units?.value ?? 1;
}

export function codeEntry(knowledge: Knowledge, code: string): CodeEntry | undefined {
  // Parsed codes are upper case already; the rules ask for every line.
  return knowledge.codes.get(code) ?? knowledge.codes.get(code.toUpperCase());
}

export function isAddOn(knowledge: Knowledge, code: string): boolean {
  return codeEntry(knowledge, code)?.addOn.value === true;
}

/** A peripheral-nerve stimulation procedure line (64596, 64597, 64555, 64590 ...). */
export function isProcedureLine(knowledge: Knowledge, line: ServiceLine): boolean {
  const entry = codeEntry(knowledge, line.code.value);
  return entry !== undefined && PROCEDURE_FAMILIES.has(entry.family);
}

/**
 * A stimulator line the operative note does not describe: a trial code on its own earlier date
 * (the staged trial billed on the implant's claim, "64555-RT x1 dos:2026-11-02").
 */
export function isOwnSessionLine(knowledge: Knowledge, line: ServiceLine, noteIso: string | undefined): boolean {
  return line.dos !== undefined && noteIso !== undefined && line.dos.value < noteIso && knowledge.billing.staged.trialCodes.includes(line.code.value);
}

/** A line that places or revises an electrode array on a nerve (it has a side); generator lines do not. */
export function isArrayLine(knowledge: Knowledge, line: ServiceLine): boolean {
  const entry = codeEntry(knowledge, line.code.value);
  return entry !== undefined && PROCEDURE_FAMILIES.has(entry.family) && entry.family !== 'pns-generator';
}

/** The first text that affirms a fact (the evidence a related location points at). */
export function affirmedEvidence(evidence: readonly Evidence[] | undefined): Evidence | undefined {
  return evidence?.find((item) => item.status === 'affirmed') ?? evidence?.[0];
}

/** A location in the note, for `relatedInformation`. */
export function noteLocation(note: FoundNote, span: Span, message: string): RelatedLocation {
  return { uri: note.uri, range: note.model.lines.rangeOf(span), message };
}

/** The related location of a fact's evidence, or of the note's first line when the fact has none. */
export function factLocation(note: FoundNote, fact: Fact<unknown> | { readonly evidence: readonly Evidence[] } | null | undefined, message: string): RelatedLocation {
  const evidence = affirmedEvidence(fact?.evidence);
  return noteLocation(note, evidence?.span ?? noteAnchor(note.model), message);
}

/** Where a note says what was done: its technique or procedure heading, else its first line of text after the header. */
function noteAnchor(model: DocumentModel): Span {
  const section = model.sections.find((candidate) => candidate.id === 'technique') ?? model.sections.find((candidate) => candidate.id === 'procedure');
  if (section) return section.titleSpan;
  const first = model.header.span.end > 0 ? model.lines.lineAt(model.header.span.end) + 1 : 0;
  for (let line = first; line < model.lines.lineCount; line++) {
    const span = model.lines.lineSpan(line);
    if (model.text.slice(span.start, span.end).trim() !== '') return span;
  }
  return model.lines.lineSpan(0);
}

/** The note's date of service and the header field that holds it. */
export function noteDate(note: FoundNote): { iso: string; field: HeaderField } | undefined {
  const field = headerField(note.model, 'date');
  return field?.isoDate ? { iso: field.isoDate, field } : undefined;
}

export function noteName(note: FoundNote): string {
  const slash = note.path.lastIndexOf('/');
  return slash < 0 ? note.path : note.path.slice(slash + 1);
}

/** How a fact is cited in a message: its first source, and a warning when it is unverified. */
export function cite(fact: { readonly verified: boolean; readonly sources: readonly string[] }, check: string): string {
  const source = fact.sources[0] ?? 'OpNote knowledge pack';
  return fact.verified ? `Source: ${source}.` : `Unverified: check ${check} (source: ${source}).`;
}

/** `G57.82 (left ...)`-style label of a code for messages: the code and OpNote's own short summary. */
export function codeLabel(knowledge: Knowledge, code: string): string {
  const entry = codeEntry(knowledge, code);
  if (!entry) return code;
  const cut = entry.summary.search(/[(.;]/);
  const summary = cut < 0 ? entry.summary : entry.summary.slice(0, cut).trimEnd();
  return `${code} (${lowerFirst(summary)})`;
}

/** Lower-cases the first letter of a title for use inside a sentence, unless the first word is an abbreviation. */
export function lowerFirst(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? `${title.charAt(0).toLowerCase()}${title.slice(1)}` : title;
}
