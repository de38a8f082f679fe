// Add-on lines (64597 for each additional array): what the note supports and how a new line is written.
import type { Knowledge, RequiresPrimaryEdit } from '../knowledge';
import type { RuleContext } from '../linting/types';
import type { DocumentModel, ServiceLine } from '../parse/model';
import { foundNote, sameSession, serviceLines, type FoundNote } from './claim';
import { serviceLineText } from './edits';
import { SIDE_MODIFIERS, sideOfModifier } from './sides';

export function requiresPrimaryEdits(knowledge: Knowledge): RequiresPrimaryEdit[] {
  return knowledge.edits.filter((edit): edit is RequiresPrimaryEdit => edit.kind === 'requires-primary');
}

/** Add-on lines of the same session as a primary line. */
export function addOnLines(model: DocumentModel, primary: ServiceLine, addOnCode: string): ServiceLine[] {
  return serviceLines(model).filter((line) => line.code.value === addOnCode && sameSession(model, primary, line));
}

/**
 * The add-on units the note supports for a primary code: known only when the note supports the
 * primary code (an integrated percutaneous insertion) and states how many arrays were placed.
 */
export function noteAddOnUnits(context: RuleContext, primaryCode: string, addOnCode: string): { units: number; arrays: number; note: FoundNote } | undefined {
  const note = foundNote(context);
  if (!note) return undefined;
  const { facts } = note;
  if (!facts.arrays || !facts.codes.some((code) => code.code === primaryCode)) return undefined;
  return { units: facts.codes.find((code) => code.code === addOnCode)?.units ?? 0, arrays: facts.arrays.value, note };
}

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
  return serviceLineText(addOnCode, sides, units, pointers);
}

/**
 * An add-on line that the automatic fixes of units-exceed or addon-count-mismatch remove: the note
 * documents a single array, so no add-on units are expected for the session.
 */
export function removedAddOnLine(context: RuleContext, line: ServiceLine): boolean {
  const { model, knowledge } = context;
  return requiresPrimaryEdits(knowledge).some((edit) => {
    if (line.code.value !== edit.addOnCode) return false;
    const primary = serviceLines(model).find((candidate) => edit.primaryCodes.includes(candidate.code.value));
    return primary !== undefined && sameSession(model, primary, line) && noteAddOnUnits(context, primary.code.value, edit.addOnCode)?.units === 0;
  });
}
