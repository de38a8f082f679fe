// Add-on lines (64597 for each additional array): which session each belongs to, what the note
// supports, how units-exceed and addon-count-mismatch correct them, and which lines those corrections
// remove (other fixes leave such lines alone, so fix-all never has to choose between a removal and an
// edit of the removed line). Part of the claim facts (claimFacts.ts).
import type { Knowledge, RequiresPrimaryEdit } from '../knowledge';
import type { AddOnPlan, AddOnSessions, ClaimSession, FoundNote, NoteArrays, SpanEdit, UnitsExceedPlan } from '../linting/types';
import type { DocumentModel, ServiceLine } from '../parse/model';
import { noteDate, unitsOf } from './claim';
import { insertLineAfterEdit, removeLinesEdits, serviceLineText, setUnitsEdit } from './edits';
import { ordered } from './order';
import { bySessionKey, nearestAbove, type SessionDates } from './sessions';
import { SIDE_MODIFIERS, sideOfModifier } from './sides';

export function requiresPrimaryEdits(knowledge: Knowledge): RequiresPrimaryEdit[] {
  return knowledge.edits.filter((edit): edit is RequiresPrimaryEdit => edit.kind === 'requires-primary');
}

/**
 * The lines of an edit by session, and the one primary line each add-on line belongs to, so that two
 * sessions never both correct one add-on line (a line whose date is unknown matches every session).
 * One pass over the lines.
 */
export function addOnSessions(edit: RequiresPrimaryEdit, lines: readonly ServiceLine[], dates: SessionDates): AddOnSessions {
  const primaries = lines.filter((line) => edit.primaryCodes.includes(line.code.value));
  const byDate = bySessionKey(dates, primaries);
  const undated = byDate.get('') ?? [];
  const sessions = new Map<string, { key: string; primaries: readonly ServiceLine[]; addOns: ServiceLine[] }>();
  for (const [key, group] of byDate) sessions.set(key, { key, primaries: group, addOns: [] });
  const ownerOf = new Map<ServiceLine, ServiceLine>();
  for (const line of lines) {
    if (line.code.value !== edit.addOnCode) continue;
    const date = dates.get(line);
    const candidates = date === undefined ? primaries : (byDate.get(date) ?? undated);
    const owner = nearestAbove(candidates, line.line) ?? candidates[0];
    if (!owner) continue;
    ownerOf.set(line, owner);
    sessions.get(dates.get(owner) ?? '')!.addOns.push(line);
  }
  return { edit, sessions, ownerOf };
}

/** What the add-on plans read besides the sessions. */
interface PlanInput {
  readonly model: DocumentModel;
  readonly knowledge: Knowledge;
  readonly note?: FoundNote;
}

/**
 * The add-on units the note supports for a primary code: known only when the note supports the
 * primary code (an integrated percutaneous insertion) and states how many arrays were placed.
 */
function noteAddOnUnits(note: FoundNote | undefined, primaryCode: string, addOnCode: string): NoteArrays | undefined {
  if (!note) return undefined;
  const { facts } = note;
  if (!facts.arrays || !facts.codes.some((code) => code.code === primaryCode)) return undefined;
  return { units: facts.codes.find((code) => code.code === addOnCode)?.units ?? 0, arrays: facts.arrays.value, note };
}

function totalUnits(lines: readonly ServiceLine[]): number {
  return lines.reduce((sum, line) => sum + unitsOf(line), 0);
}

/** `alsoRemoved`: lines of the session the plan removes besides add-on lines (repeated primary lines). */
function plan(input: PlanInput, edit: RequiresPrimaryEdit, session: ClaimSession, anchor: ServiceLine, target: number, fromNote: NoteArrays | undefined, alsoRemoved: readonly number[] = []): AddOnPlan {
  const { model } = input;
  const existing = session.addOns;
  const billed = totalUnits(existing);
  let edits: SpanEdit[] = [];
  let removed: number[] = [];
  if (existing.length > 0 && target === 0) {
    removed = existing.map((line) => line.line);
  } else if (existing.length > 0) {
    // The first add-on line takes the count; further add-on lines are folded into it.
    if (existing.length > 1 || unitsOf(existing[0]) !== target) {
      edits = [setUnitsEdit(existing[0], target)];
      removed = existing.slice(1).map((line) => line.line);
    }
  } else if (target > 0) {
    edits = [insertLineAfterEdit(model, anchor.line, addOnLineText(input, anchor, edit.addOnCode, target))];
  }
  removed = removed.concat(alsoRemoved);
  return { edit, anchor, existing, billed, target, ...(fromNote ? { fromNote } : {}), edits: edits.concat(removeLinesEdits(model, removed)), removed };
}

/**
 * units-exceed: the primary code billed for more than one unit in a session, on one line (x3) or on
 * several lines; each session gets one plan: the first line keeps one unit, the other primary lines
 * go, and the extra units move to the add-on.
 */
export function unitsExceedPlans(input: PlanInput, addOns: readonly AddOnSessions[]): UnitsExceedPlan[] {
  const plans: UnitsExceedPlan[] = [];
  for (const { edit, sessions } of addOns) {
    for (const session of sessions.values()) {
      const group = session.primaries;
      const extra = totalUnits(group) - 1;
      if (extra < 1) continue;
      const anchor = group[0];
      const fromNote = noteAddOnUnits(input.note, anchor.code.value, edit.addOnCode);
      const duplicates = group.slice(1).map((line) => line.line);
      plans.push({ group, plan: plan(input, edit, session, anchor, fromNote ? fromNote.units : totalUnits(session.addOns) + extra, fromNote, duplicates) });
    }
  }
  return plans;
}

/** addon-count-mismatch: the add-on units differ from the note (quiet while the primary code has extra units). */
export function addOnCountPlans(input: PlanInput, addOns: readonly AddOnSessions[]): AddOnPlan[] {
  const plans: AddOnPlan[] = [];
  for (const { edit, sessions } of addOns) {
    const all = [...sessions.values()];
    // units-exceed owns the session while the primary code has more than one unit in all.
    if (all.length === 0 || all.reduce((sum, session) => sum + totalUnits(session.primaries), 0) > 1) continue;
    const [first] = all;
    const anchor = first.primaries[0];
    const fromNote = noteAddOnUnits(input.note, anchor.code.value, edit.addOnCode);
    if (!fromNote) continue;
    const planned = plan(input, edit, first, anchor, fromNote.units, fromNote);
    if (planned.billed !== fromNote.units) plans.push(planned);
  }
  return plans;
}

/**
 * The text of a new add-on line after `primary`, with the primary's pointers and date and a side: the note's
 * side; for a bilateral note with one additional array, the side opposite the primary's (one array
 * each side); otherwise the primary's side modifiers.
 */
function addOnLineText(input: PlanInput, primary: ServiceLine, addOnCode: string, units: number): string {
  const laterality = input.note?.facts.laterality?.value;
  const primarySides = primary.modifiers.map((m) => m.value).filter((m) => sideOfModifier(m) !== undefined);
  const primarySide = primarySides.length === 1 ? sideOfModifier(primarySides[0]) : undefined;
  const sides =
    laterality === 'left' || laterality === 'right'
      ? [SIDE_MODIFIERS[laterality]]
      : laterality === 'bilateral' && units === 1 && (primarySide === 'left' || primarySide === 'right')
        ? [SIDE_MODIFIERS[primarySide === 'left' ? 'right' : 'left']]
        : primarySides;
  const pointers = primary.pointers?.letters.map((letter) => letter.value) ?? [];
  // The add-on belongs to the primary's session: a primary with its own date gives the new line that
  // date, as dos-mismatch corrects it (the note's date when the note has one).
  const dos = primary.dos ? ((input.note && noteDate(input.note)?.iso) ?? primary.dos.value) : undefined;
  return serviceLineText(addOnCode, ordered(input.knowledge, sides), units, pointers, dos);
}
