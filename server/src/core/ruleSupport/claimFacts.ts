// The claim facts step (its types are in linting/types.ts): what a claim says, computed once per check
// by the service next to the note facts, so that the claim rules read one answer to "which session",
// "which add-on belongs to which primary", "what does the fix remove" and "what should the modifiers be".
import type { Knowledge, Payer } from '../knowledge';
import type { ClaimFacts, ClaimPayer, FoundNote, LinkedNote, ModifierPlan } from '../linting/types';
import { claimTypeOf } from '../parse/headerKeys';
import { headerField, type DiagnosisEntry, type DocumentModel, type ServiceLine, type Token } from '../parse/model';
import { addOnCountPlans, addOnSessions, requiresPrimaryEdits, unitsExceedPlans } from './addon';
import { isOwnSessionLine, isProcedureLine, noteDate } from './claim';
import { planModifiers, unreadableCodeToken } from './modifiers';
import type { SessionDates } from './sessions';

interface ClaimInput {
  readonly model: DocumentModel;
  readonly knowledge: Knowledge;
  readonly linkedNote?: LinkedNote;
  readonly findPayer: (headerValue: string) => Payer | undefined;
}

export function claimFacts({ model, knowledge, linkedNote, findPayer }: ClaimInput): ClaimFacts {
  const lines = model.claim?.lines ?? [];
  const note = linkedNote?.status === 'found' ? linkedNote : undefined;
  const sessionDates = sessionDatesOf(model, knowledge, note, lines);
  const addOns = requiresPrimaryEdits(knowledge).map((edit) => addOnSessions(edit, lines, sessionDates));
  const planInput = { model, knowledge, ...(note ? { note } : {}) };
  const unitsExceed = unitsExceedPlans(planInput, addOns);
  const addOnCount = addOnCountPlans(planInput, addOns);
  const removedLines = new Set([...unitsExceed.flatMap(({ plan }) => plan.removed), ...addOnCount.flatMap((plan) => plan.removed)]);
  // Planned when a rule asks: a check that reaches the problem cap early asks for few lines.
  let unreadable: ((line: ServiceLine) => boolean) | undefined;
  const plans = new Map<ServiceLine, ModifierPlan>();
  const modifierPlan = (line: ServiceLine): ModifierPlan => {
    let planned = plans.get(line);
    if (!planned) {
      unreadable ??= unreadableCodeToken(model);
      plans.set(line, (planned = { ...planModifiers(knowledge, note, line), rewritable: !removedLines.has(line.line) && !unreadable(line) }));
    }
    return planned;
  };
  const payer = claimPayer(model, findPayer);
  const headerPos = headerPlaceOfService(model);
  const billType = headerField(model, 'bill-type');
  return {
    lines,
    ...(note ? { note } : {}),
    ...(payer ? { payer } : {}),
    ...(headerPos ? { headerPos } : {}),
    claimType: claimTypeOf(headerField(model, 'claim-type')?.value ?? '') ?? 'professional',
    ...(billType && billType.value !== '' ? { billType: { value: billType.value, span: billType.valueSpan } } : {}),
    pointedDiagnoses: pointedDiagnoses(model, lines), sessionDates, addOns, unitsExceed, addOnCount, removedLines, modifierPlan };
}

/**
 * The date of service each line is judged by (ISO). When the linked note has a date, the dates
 * dos-mismatch corrects are taken as corrected: the header's date, and a stimulator line's own `dos:`,
 * become the note's. So a fix of the date never brings a line into a session a rule did not judge it in.
 */
function sessionDatesOf(model: DocumentModel, knowledge: Knowledge, note: FoundNote | undefined, lines: readonly ServiceLine[]): SessionDates {
  const noteIso = note ? noteDate(note)?.iso : undefined;
  const header = headerField(model, 'dos');
  const headerUnreadable = header !== undefined && !header.isoDate;
  const dates = new Map<ServiceLine, string | undefined>();
  for (const line of lines) {
    if (line.dos) dates.set(line, noteIso && isProcedureLine(knowledge, line) && !isOwnSessionLine(knowledge, line, noteIso) ? noteIso : line.dos.value);
    else dates.set(line, headerUnreadable ? undefined : (noteIso ?? header?.isoDate));
  }
  return dates;
}

/** The payer named in the claim header, matched against built-in and organisation payers. */
function claimPayer(model: DocumentModel, findPayer: ClaimInput['findPayer']): ClaimPayer | undefined {
  const field = headerField(model, 'payer');
  if (!field || field.value.trim() === '') return undefined;
  const payer = findPayer(field.value);
  return payer ? { payer, field } : undefined;
}

function headerPlaceOfService(model: DocumentModel): Token<string> | undefined {
  const field = headerField(model, 'pos');
  const value = field?.value.trim();
  return field && value && /^\d{2}$/.test(value) ? { value, span: field.valueSpan } : undefined;
}

function pointedDiagnoses(model: DocumentModel, lines: readonly ServiceLine[]): Map<ServiceLine, readonly DiagnosisEntry[]> {
  // A pointer names the first entry with its letter.
  const byLetter = new Map<string, DiagnosisEntry>();
  for (const entry of model.claim?.diagnoses ?? []) if (!byLetter.has(entry.letter)) byLetter.set(entry.letter, entry);
  const pointed = new Map<ServiceLine, readonly DiagnosisEntry[]>();
  for (const line of lines) {
    const letters = line.pointers ? line.pointers.letters.map((letter) => letter.value) : ['A'];
    pointed.set(line, letters.map((letter) => byLetter.get(letter)).filter((entry): entry is DiagnosisEntry => entry !== undefined));
  }
  return pointed;
}
