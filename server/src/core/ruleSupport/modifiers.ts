// What the modifiers of a service line should be. Every automatic modifier fix (remove 51 from an
// add-on, add or correct LT/RT from the note, pricing before informational) rewrites the same span
// with the same corrected list, so fix-all can apply any one of them and leave nothing to fix: each
// fix's title names everything its edit changes. The plan of every line is part of the claim facts.
import type { Knowledge } from '../knowledge';
import type { ClaimFacts, ExpectedSide, Fix, FoundNote, ModifierChange, ModifierPlan, SpanEdit } from '../linting/types';
import type { DocumentModel, ServiceLine } from '../parse/model';
import { partitionPoint } from '../text/partition';
import type { Span } from '../text/span';
import { isAddOn, isArrayLine } from './claim';
import { MAX_MODIFIERS } from './edits';
import { modifierInfo, ordered } from './order';
import { SIDE_MODIFIERS, sideOfModifier } from './sides';

export { BILATERAL_MODIFIER, SIDE_MODIFIERS, sideOfModifier } from './sides';
export { isOrdered, modifierInfo, ordered } from './order';

/** A modifier that must not be on this line at all: one marked never-on-add-on, on an add-on code. */
export function isForbiddenOnLine(knowledge: Knowledge, line: ServiceLine, modifier: string): boolean {
  return modifierInfo(knowledge, modifier)?.rules.neverOnAddOn === true && isAddOn(knowledge, line.code.value);
}

/** The note's side when it is one side (left or right) and the line is a stimulation procedure line. */
function expectedSide(knowledge: Knowledge, note: FoundNote | undefined, line: ServiceLine): ExpectedSide | undefined {
  const laterality = note?.facts.laterality?.value;
  if ((laterality !== 'left' && laterality !== 'right') || !isArrayLine(knowledge, line)) return undefined;
  return { side: laterality, modifier: SIDE_MODIFIERS[laterality] };
}

/** A choice between several fixes that the plan of a line does not make by itself. */
interface ModifierChoice {
  /** Replace one modifier by another (59 → XS); `description` names the one put in. */
  readonly replace?: { readonly from: string; readonly to: string; readonly description?: string };
  /** Add this side modifier (the user's choice when the note documents both sides). */
  readonly addSide?: string;
  /** Add this modifier (53 for a discontinued procedure, 58 for a staged one). */
  readonly add?: string;
}

/** The corrected modifier list of a line and each change, in the order a fix title names them. */
export function planModifiers(knowledge: Knowledge, note: FoundNote | undefined, line: ServiceLine, choice: ModifierChoice = {}): Omit<ModifierPlan, 'rewritable'> {
  const changes: ModifierChange[] = [];
  let modifiers = line.modifiers.map((modifier) => modifier.value);
  if (choice.replace) {
    const { from, to } = choice.replace;
    modifiers = modifiers.map((modifier) => (modifier === from ? to : modifier));
    changes.push({ kind: 'replace', ...choice.replace });
  }
  for (const modifier of modifiers.filter((candidate) => isForbiddenOnLine(knowledge, line, candidate))) changes.push({ kind: 'remove', modifier });
  modifiers = modifiers.filter((modifier) => !isForbiddenOnLine(knowledge, line, modifier));
  const expected = expectedSide(knowledge, note, line);
  if (expected) {
    const wrong = modifiers.filter((modifier) => {
      const side = sideOfModifier(modifier);
      return side !== undefined && side !== expected.side;
    });
    if (wrong.length > 0 && !modifiers.includes(expected.modifier)) {
      changes.push({ kind: 'replace', from: wrong[0], to: expected.modifier });
      modifiers = modifiers.map((modifier) => (modifier === wrong[0] ? expected.modifier : modifier));
    }
    for (const modifier of modifiers.filter((candidate) => sideOfModifier(candidate) !== undefined && candidate !== expected.modifier)) changes.push({ kind: 'remove', modifier });
    modifiers = modifiers.filter((modifier) => sideOfModifier(modifier) === undefined || modifier === expected.modifier);
    if (!modifiers.includes(expected.modifier) && modifiers.length < MAX_MODIFIERS) {
      modifiers.push(expected.modifier);
      changes.push({ kind: 'add', modifier: expected.modifier });
    }
  } else if (choice.addSide && !modifiers.includes(choice.addSide) && modifiers.length < MAX_MODIFIERS) {
    modifiers.push(choice.addSide);
    changes.push({ kind: 'add', modifier: choice.addSide });
  }
  if (choice.add && !modifiers.includes(choice.add) && modifiers.length < MAX_MODIFIERS) {
    modifiers.push(choice.add);
    changes.push({ kind: 'add', modifier: choice.add });
  }
  const sorted = ordered(knowledge, modifiers);
  if (!sorted.every((modifier, index) => modifier === modifiers[index])) changes.push({ kind: 'reorder' });
  return { modifiers: sorted, changes, ...(expected ? { expectedSide: expected } : {}) };
}

/** A change that puts in or takes out a side modifier (LT, RT, 50). */
export function changesSide(change: ModifierChange): boolean {
  const touched = change.kind === 'replace' ? [change.from, change.to] : change.kind === 'reorder' ? [] : [change.modifier];
  return touched.some((modifier) => sideOfModifier(modifier) !== undefined);
}

/** The edit that writes a line's modifiers: the code token and its modifiers are rewritten as one. */
function modifiersEdit(line: ServiceLine, modifiers: readonly string[]): SpanEdit {
  const last = line.modifiers[line.modifiers.length - 1] ?? line.code;
  return { span: { start: line.code.span.start, end: last.span.end }, newText: [line.code.value, ...modifiers].join('-') };
}

/**
 * Whether a line's code-and-modifiers token has a part OpNote cannot read (`64596-L`, `64596//`):
 * rewriting it would keep the junk. Answered by binary search (a claim may have a problem on every
 * line): problems sorted by start, with the largest end among each prefix of them.
 */
export function unreadableCodeToken(model: DocumentModel): (line: ServiceLine) => boolean {
  const problems = [...model.problems].sort((a, b) => a.span.start - b.span.start);
  const maxEnd: number[] = [];
  for (const problem of problems) maxEnd.push(Math.max(problem.span.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
  const overlaps = (span: Span): boolean => {
    // The problems that start before the span ends; one of them overlaps it if it ends after the span starts.
    const before = partitionPoint(problems.length, (index) => problems[index].span.start < span.end);
    return before > 0 && maxEnd[before - 1] > span.start;
  };
  return (line) => {
    const rest = model.text.slice(line.code.span.start, model.lines.lineEnd(line.line));
    const end = line.code.span.start + (/\s/.exec(rest)?.index ?? rest.length);
    return overlaps({ start: line.code.span.start, end });
  };
}

/**
 * A fix that rewrites the line's modifiers as planned (or as planned with a choice). The change the
 * finding is about (the first one `isLead` accepts) leads the title; the other corrections the same
 * edit makes follow it.
 */
export function modifierFix(knowledge: Knowledge, claim: ClaimFacts, line: ServiceLine, isLead: (change: ModifierChange) => boolean, choice: ModifierChoice = {}, isPreferred = true): Fix | undefined {
  const planned = claim.modifierPlan(line);
  if (!planned.rewritable) return undefined;
  const plan = choice.replace || choice.addSide || choice.add ? planModifiers(knowledge, claim.note, line, choice) : planned;
  const lead = plan.changes.find(isLead);
  if (lead === undefined) return undefined;
  const leadText = changeText(lead);
  // Changes are compared by their words (a modifier written twice is removed twice, named once when it leads).
  const others = plan.changes.map(changeText).filter((text) => text !== leadText);
  const title = `${capitalize(leadText)} on ${line.code.value}${others.length ? ` (also ${others.join(', ')})` : ''}`;
  return { title, edits: [modifiersEdit(line, plan.modifiers)], ...(isPreferred ? { isPreferred: true } : {}) };
}

function changeText(change: ModifierChange): string {
  switch (change.kind) {
    case 'add':
      return `add ${change.modifier}`;
    case 'remove':
      return `remove ${change.modifier}`;
    case 'replace':
      return `replace ${change.from} with ${change.to}${change.description ? ` (${change.description})` : ''}`;
    case 'reorder':
      return 'put pricing modifiers first';
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
