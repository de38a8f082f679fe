// What the rules ask of an institutional claim and of billing dates: the setting its type of bill
// names, the revenue code a line would take, whole days between two ISO dates.
import type { BillType, Knowledge } from '../knowledge';
import type { ClaimFacts } from '../linting/types';
import { billTypeOf } from '../parse/headerKeys';
import type { ServiceLine } from '../parse/model';
import { codeEntry, isProcedureLine } from './claim';

/** The pack's entry for the claim's type of bill (by its facility type and classification), if the pack has one. */
export function billTypeEntry(knowledge: Knowledge, claim: ClaimFacts): BillType | undefined {
  const code = claim.billType ? billTypeOf(claim.billType.value) : undefined;
  return code ? knowledge.billing.billTypes.find((entry) => code.startsWith(entry.prefix)) : undefined;
}

/** The revenue code a message suggests for a line: other implants for a device code, the operating room for a stimulation procedure, none otherwise. */
export function suggestedRevenueCode(knowledge: Knowledge, line: ServiceLine): string | undefined {
  if (codeEntry(knowledge, line.code.value)?.family === 'device') return '0278';
  return isProcedureLine(knowledge, line) ? '0360' : undefined;
}

const DAY = 24 * 60 * 60 * 1000;

/** Whole days from one ISO date (YYYY-MM-DD) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The days of a global period after the day of the procedure ('010' → 10, '090' → 90); undefined for ZZZ, XXX and the like. */
export function globalDaysAfter(period: string): number | undefined {
  return /^\d{3}$/.test(period) ? Number(period) : undefined;
}

/** Whether the line carries any of the modifiers. */
export function hasAnyModifier(line: ServiceLine, modifiers: readonly string[]): boolean {
  return line.modifiers.some((modifier) => modifiers.includes(modifier.value));
}
