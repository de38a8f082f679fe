// What the modifiers of a service line should be. Every automatic modifier fix (remove 51 from an
// add-on, add or correct LT/RT from the note, pricing before informational) rewrites the same span
// with the same corrected list, so fix-all can apply any one of them and leave nothing to fix: each
// fix's title names everything its edit changes.
import type { Laterality } from '../facts/types';
import type { Knowledge } from '../knowledge';
import type { Fix, RuleContext, SpanEdit } from '../linting/types';
import type { ServiceLine } from '../parse/model';
import { linesRemovedByAddOnFixes } from './addon';
import { foundNote, isAddOn, isArrayLine } from './claim';
import { MAX_MODIFIERS } from './edits';
import { modifierInfo, ordered } from './order';
import { perContext } from './perContext';
import { SIDE_MODIFIERS, sideOfModifier } from './sides';
import { partitionPoint } from '../text/partition';
import type { Span } from '../text/span';

export { BILATERAL_MODIFIER, SIDE_MODIFIERS, sideOfModifier } from './sides';
export { isOrdered, modifierInfo, ordered } from './order';

/** A modifier that must not be on this line at all: one marked never-on-add-on, on an add-on code. */
export function isForbiddenOnLine(knowledge: Knowledge, line: ServiceLine, modifier: string): boolean {
  return modifierInfo(knowledge, modifier)?.rules.neverOnAddOn === true && isAddOn(knowledge, line.code.value);
}

/** The note's side when it is one side (left or right) and the line is a stimulation procedure line. */
export function expectedSide(context: RuleContext, line: ServiceLine): { side: 'left' | 'right'; modifier: string } | undefined {
  const laterality: Laterality | undefined = foundNote(context)?.facts.laterality?.value;
  if ((laterality !== 'left' && laterality !== 'right') || !isArrayLine(context.knowledge, line)) return undefined;
  return { side: laterality, modifier: SIDE_MODIFIERS[laterality] };
}

export interface ModifierChoice {
  /** Replace one modifier by another (59 → XS). */
  readonly replace?: { readonly from: string; readonly to: string };
  /** Add this side modifier (the user's choice when the note documents both sides). */
  readonly addSide?: string;
}

interface Plan {
  readonly modifiers: string[];
  readonly changes: string[];
}

/** The corrected modifier list of a line and a description of each change. */
export function plannedModifiers(context: RuleContext, line: ServiceLine, choice: ModifierChoice = {}): Plan {
  const { knowledge } = context;
  const changes: string[] = [];
  let modifiers = line.modifiers.map((modifier) => modifier.value);
  if (choice.replace) {
    const { from, to } = choice.replace;
    modifiers = modifiers.map((modifier) => (modifier === from ? to : modifier));
    changes.push(`replace ${from} with ${to}`);
  }
  for (const modifier of modifiers.filter((candidate) => isForbiddenOnLine(knowledge, line, candidate))) changes.push(`remove ${modifier}`);
  modifiers = modifiers.filter((modifier) => !isForbiddenOnLine(knowledge, line, modifier));
  const expected = expectedSide(context, line);
  if (expected) {
    const wrong = modifiers.filter((modifier) => {
      const side = sideOfModifier(modifier);
      return side !== undefined && side !== expected.side;
    });
    if (wrong.length > 0 && !modifiers.includes(expected.modifier)) {
      changes.push(`replace ${wrong[0]} with ${expected.modifier}`);
      modifiers = modifiers.map((modifier) => (modifier === wrong[0] ? expected.modifier : modifier));
    }
    for (const modifier of modifiers.filter((candidate) => sideOfModifier(candidate) !== undefined && candidate !== expected.modifier)) changes.push(`remove ${modifier}`);
    modifiers = modifiers.filter((modifier) => sideOfModifier(modifier) === undefined || modifier === expected.modifier);
    if (!modifiers.includes(expected.modifier) && modifiers.length < MAX_MODIFIERS) {
      modifiers.push(expected.modifier);
      changes.push(`add ${expected.modifier}`);
    }
  } else if (choice.addSide && !modifiers.includes(choice.addSide) && modifiers.length < MAX_MODIFIERS) {
    modifiers.push(choice.addSide);
    changes.push(`add ${choice.addSide}`);
  }
  const sorted = ordered(knowledge, modifiers);
  if (!sorted.every((modifier, index) => modifier === modifiers[index])) changes.push('put pricing modifiers first');
  return { modifiers: sorted, changes };
}

/** The edit that writes a line's modifiers: the code token and its modifiers are rewritten as one. */
export function modifiersEdit(line: ServiceLine, modifiers: readonly string[]): SpanEdit {
  const last = line.modifiers[line.modifiers.length - 1] ?? line.code;
  return { span: { start: line.code.span.start, end: last.span.end }, newText: [line.code.value, ...modifiers].join('-') };
}

/** The code-and-modifiers token has a part OpNote cannot read (`64596-L`, `64596//`): rewriting it would keep the junk. */
function hasUnreadableCodeToken(context: RuleContext, line: ServiceLine): boolean {
  const { model } = context;
  const rest = model.text.slice(line.code.span.start, model.lines.lineEnd(line.line));
  const end = line.code.span.start + (/\s/.exec(rest)?.index ?? rest.length);
  return problemOverlaps(context)({ start: line.code.span.start, end });
}

/**
 * Whether a parse problem overlaps a span, answered by binary search (modifier fixes ask once per
 * line, and a claim may have a problem on every line): problems sorted by start, with the largest end
 * among each prefix of them.
 */
const problemOverlaps = perContext((context) => {
  const problems = [...context.model.problems].sort((a, b) => a.span.start - b.span.start);
  const maxEnd: number[] = [];
  for (const problem of problems) maxEnd.push(Math.max(problem.span.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
  return (span: Span): boolean => {
    // The problems that start before the span ends; one of them overlaps it if it ends after the span starts.
    const before = partitionPoint(problems.length, (index) => problems[index].span.start < span.end);
    return before > 0 && maxEnd[before - 1] > span.start;
  };
});

/**
 * A fix that rewrites the line's modifiers as planned. The change the finding is about (the first one
 * `isLead` accepts) leads the title; the other corrections the same edit makes follow it.
 */
export function modifierFix(context: RuleContext, line: ServiceLine, isLead: (change: string) => boolean, choice: ModifierChoice = {}, isPreferred = true): Fix | undefined {
  // A line that another automatic fix removes gets no modifier fix: fix-all would have to choose.
  if (linesRemovedByAddOnFixes(context).has(line.line) || hasUnreadableCodeToken(context, line)) return undefined;
  const plan = plannedModifiers(context, line, choice);
  const lead = plan.changes.find(isLead);
  if (lead === undefined) return undefined;
  const others = plan.changes.filter((change) => change !== lead);
  const title = `${capitalize(lead)} on ${line.code.value}${others.length ? ` (also ${others.join(', ')})` : ''}`;
  return { title, edits: [modifiersEdit(line, plan.modifiers)], ...(isPreferred ? { isPreferred: true } : {}) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
