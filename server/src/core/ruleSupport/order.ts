// The order of modifiers on a line: pricing modifiers first, informational ones after.
import type { Knowledge, Modifier } from '../knowledge';

export function modifierInfo(knowledge: Knowledge, code: string): Modifier | undefined {
  // Parsed modifiers are upper case already; the rules ask for every modifier of every line.
  return knowledge.modifiers.get(code) ?? knowledge.modifiers.get(code.toUpperCase());
}

/** Pricing modifiers first, informational after; modifiers OpNote does not know keep their place among the informational ones. */
export function ordered(knowledge: Knowledge, modifiers: readonly string[]): string[] {
  const rank = (modifier: string) => (modifierInfo(knowledge, modifier)?.kind === 'pricing' ? 0 : 1);
  return modifiers
    .map((modifier, index) => ({ modifier, index }))
    .sort((a, b) => rank(a.modifier) - rank(b.modifier) || a.index - b.index)
    .map((entry) => entry.modifier);
}

export function isOrdered(knowledge: Knowledge, modifiers: readonly string[]): boolean {
  return ordered(knowledge, modifiers).every((modifier, index) => modifier === modifiers[index]);
}
