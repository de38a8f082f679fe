// Add-on lines (64597 for each additional array): what the note supports, how units-exceed and
// addon-count-mismatch correct them, and which lines those corrections remove (other fixes leave such
// lines alone, so fix-all never has to choose between a removal and an edit of the removed line).
import type { Knowledge, RequiresPrimaryEdit } from '../knowledge';
import type { RuleContext, SpanEdit } from '../linting/types';
import type { ServiceLine } from '../parse/model';
import { foundNote, serviceLines, sessionDate, unitsOf, type FoundNote } from './claim';
import { insertLineAfterEdit, removeLinesEdits, serviceLineText, setUnitsEdit } from './edits';
import { ordered } from './order';
import { perContext } from './perContext';
import { bySessionKey, nearestAbove } from './sessions';
import { SIDE_MODIFIERS, sideOfModifier } from './sides';

export function requiresPrimaryEdits(knowledge: Knowledge): RequiresPrimaryEdit[] {
  return knowledge.edits.filter((edit): edit is RequiresPrimaryEdit => edit.kind === 'requires-primary');
}

/**
 * The add-on lines of each session, by the session key of the primary line each belongs to, so that
 * every add-on line belongs to one session only (a line whose date is unknown matches every session,
 * and two sessions would both correct it): a primary with the same known date first, else any primary
 * of a matching session; the nearest one above the add-on (claims list an add-on after its primary),
 * else the first. One pass over the lines, once per check.
 */
const addOnsBySession = perContext((context) => {
  const byCodes = new Map<string, ReadonlyMap<string, readonly ServiceLine[]>>();
  return (primaryCode: string, addOnCode: string): ReadonlyMap<string, readonly ServiceLine[]> => {
    const key = `${primaryCode} ${addOnCode}`;
    let sessions = byCodes.get(key);
    if (!sessions) byCodes.set(key, (sessions = groupAddOns(context, primaryCode, addOnCode)));
    return sessions;
  };
});

function groupAddOns(context: RuleContext, primaryCode: string, addOnCode: string): Map<string, ServiceLine[]> {
  const lines = serviceLines(context.model);
  const primaries = lines.filter((line) => line.code.value === primaryCode);
  const byDate = bySessionKey(context, primaries);
  const undated = byDate.get('') ?? [];
  const owned = new Map<string, ServiceLine[]>();
  for (const line of lines) {
    if (line.code.value !== addOnCode) continue;
    const date = sessionDate(context, line);
    const candidates = date === undefined ? primaries : (byDate.get(date) ?? undated);
    const owner = nearestAbove(candidates, line.line) ?? candidates[0];
    if (!owner) continue;
    const session = sessionDate(context, owner) ?? '';
    const group = owned.get(session);
    if (group) group.push(line);
    else owned.set(session, [line]);
  }
  return owned;
}

/** Add-on lines of the session of a primary line (the sessions of units-exceed: one per known date, one for the rest). */
export function addOnLines(context: RuleContext, primary: ServiceLine, addOnCode: string): readonly ServiceLine[] {
  return addOnsBySession(context)(primary.code.value, addOnCode).get(sessionDate(context, primary) ?? '') ?? [];
}

export interface NoteArrays {
  /** Add-on units the note supports. */
  readonly units: number;
  readonly arrays: number;
  readonly note: FoundNote;
}

/**
 * The add-on units the note supports for a primary code: known only when the note supports the
 * primary code (an integrated percutaneous insertion) and states how many arrays were placed.
 */
export function noteAddOnUnits(context: RuleContext, primaryCode: string, addOnCode: string): NoteArrays | undefined {
  const note = foundNote(context);
  if (!note) return undefined;
  const { facts } = note;
  if (!facts.arrays || !facts.codes.some((code) => code.code === primaryCode)) return undefined;
  return { units: facts.codes.find((code) => code.code === addOnCode)?.units ?? 0, arrays: facts.arrays.value, note };
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

/** `alsoRemoved`: lines of the session the plan removes besides add-on lines (repeated primary lines). */
function plan(context: RuleContext, edit: RequiresPrimaryEdit, anchor: ServiceLine, target: number, fromNote: NoteArrays | undefined, alsoRemoved: readonly number[] = []): AddOnPlan {
  const { model } = context;
  const existing = addOnLines(context, anchor, edit.addOnCode);
  const billed = existing.reduce((sum, line) => sum + unitsOf(line), 0);
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
    edits = [insertLineAfterEdit(model, anchor.line, addOnLineText(context, anchor, edit.addOnCode, target))];
  }
  removed = removed.concat(alsoRemoved);
  return { edit, anchor, existing, billed, target, ...(fromNote ? { fromNote } : {}), edits: edits.concat(removeLinesEdits(model, removed)), removed };
}

/**
 * units-exceed: the primary code billed for more than one unit in a session, on one line (x3) or on
 * several lines; each session gets one plan: the first line keeps one unit, the other primary lines
 * go, and the extra units move to the add-on.
 */
export const unitsExceedPlans = perContext((context): ReadonlyArray<{ group: readonly ServiceLine[]; plan: AddOnPlan }> => {
  const plans: Array<{ group: readonly ServiceLine[]; plan: AddOnPlan }> = [];
  for (const edit of requiresPrimaryEdits(context.knowledge)) {
    const primaries = serviceLines(context.model).filter((line) => edit.primaryCodes.includes(line.code.value));
    for (const group of bySessionKey(context, primaries).values()) {
      const extra = group.reduce((sum, line) => sum + unitsOf(line), 0) - 1;
      if (extra < 1) continue;
      const anchor = group[0];
      const fromNote = noteAddOnUnits(context, anchor.code.value, edit.addOnCode);
      const billed = addOnLines(context, anchor, edit.addOnCode).reduce((sum, line) => sum + unitsOf(line), 0);
      const duplicates = group.slice(1).map((line) => line.line);
      plans.push({ group, plan: plan(context, edit, anchor, fromNote ? fromNote.units : billed + extra, fromNote, duplicates) });
    }
  }
  return plans;
});

/** addon-count-mismatch: the add-on units differ from the note (quiet while the primary code has extra units). */
export const addOnCountPlans = perContext((context): readonly AddOnPlan[] => {
  const plans: AddOnPlan[] = [];
  for (const edit of requiresPrimaryEdits(context.knowledge)) {
    const primaries = serviceLines(context.model).filter((line) => edit.primaryCodes.includes(line.code.value));
    // units-exceed owns the session while the primary code has more than one unit in all.
    if (primaries.length === 0 || primaries.reduce((sum, line) => sum + unitsOf(line), 0) > 1) continue;
    const fromNote = noteAddOnUnits(context, primaries[0].code.value, edit.addOnCode);
    if (!fromNote) continue;
    const planned = plan(context, edit, primaries[0], fromNote.units, fromNote);
    if (planned.billed !== fromNote.units) plans.push(planned);
  }
  return plans;
});

/** Lines (0-based) that the automatic fixes of units-exceed or addon-count-mismatch remove. */
export const linesRemovedByAddOnFixes = perContext(
  (context): ReadonlySet<number> => new Set([...unitsExceedPlans(context).flatMap(({ plan: planned }) => planned.removed), ...addOnCountPlans(context).flatMap((planned) => planned.removed)]),
);

/**
 * The text of a new add-on line after `primary`, with the primary's pointers and a side: the note's
 * side; for a bilateral note with one additional array, the side opposite the primary's (one array
 * each side); otherwise the primary's side modifiers.
 */
export function addOnLineText(context: RuleContext, primary: ServiceLine, addOnCode: string, units: number): string {
  const laterality = foundNote(context)?.facts.laterality?.value;
  const primarySides = primary.modifiers.map((m) => m.value).filter((m) => sideOfModifier(m) !== undefined);
  const primarySide = primarySides.length === 1 ? sideOfModifier(primarySides[0]) : undefined;
  const sides =
    laterality === 'left' || laterality === 'right'
      ? [SIDE_MODIFIERS[laterality]]
      : laterality === 'bilateral' && units === 1 && (primarySide === 'left' || primarySide === 'right')
        ? [SIDE_MODIFIERS[primarySide === 'left' ? 'right' : 'left']]
        : primarySides;
  const pointers = primary.pointers?.letters.map((letter) => letter.value) ?? [];
  return serviceLineText(addOnCode, ordered(context.knowledge, sides), units, pointers);
}
