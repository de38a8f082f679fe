// Hover text for what an institutional claim adds: the claim form, the type of bill and revenue codes.
import type { Knowledge } from '../knowledge';
import { billTypeOf, claimTypeOf } from '../parse/headerKeys';
import { bullets, sections, sourcesLine, UNVERIFIED } from './hoverText';

export function claimTypeHover(value: string): string {
  const claimType = claimTypeOf(value);
  if (!claimType) return `\`${value}\` names no claim form OpNote knows: write \`professional\` (CMS-1500, 837P) or \`institutional\` (UB-04, 837I). The claim is read as professional.`;
  return claimType === 'professional'
    ? 'Read as a **professional** claim (CMS-1500 / 837P): physicians, and ASCs for their facility claim. Lines carry a place of service (`pos:`), no revenue codes; a discontinued procedure takes 53.'
    : 'Read as an **institutional** claim (UB-04 / 837I): hospitals. Every line needs a revenue code (`rev:`); the setting is the type of bill (`bill-type:`), not a POS; a hospital outpatient 64596 line needs a device C-code line; a discontinued procedure takes 73 or 74.';
}

/** Decodes a type of bill from the pack's facility types and frequencies; what the pack does not know is left to check. */
export function billTypeHover(value: string, knowledge: Knowledge): string {
  const code = billTypeOf(value);
  if (!code) return `\`${value}\` is not a type of bill: 3 digits (e.g. 131), or 4 with a leading zero (0131).`;
  const { billTypes, billFrequencies } = knowledge.billing;
  const type = billTypes.find((entry) => code.startsWith(entry.prefix));
  const frequency = billFrequencies.find((entry) => entry.digit === code[2]);
  const sources = [...(type?.sources ?? []), ...(frequency?.sources ?? [])];
  return sections(
    `**Type of bill ${code}**`,
    bullets([
      `Facility and classification (${code.slice(0, 2)}): ${type ? type.name : 'not in OpNote\'s pack: check the NUBC type-of-bill list'}`,
      `Frequency (${code[2]}): ${frequency ? frequency.name : 'not in OpNote\'s pack: check'}`,
      type?.setting === 'hospital-outpatient' && 'Hospital outpatient: Medicare\'s outpatient code editor expects a device code line with a device-intensive procedure (reason W7092)',
      ...(type?.notes ?? []),
    ]),
    sources.length > 0 && sourcesLine([...new Set(sources)]),
  );
}

export function revenueCodeHover(code: string, knowledge: Knowledge): string {
  const entry = knowledge.revenueCodes.get(code);
  if (!entry) return `**Revenue code ${code}**: not in OpNote's knowledge pack: check the NUBC revenue code list and the hospital's chargemaster.`;
  return sections(`**Revenue code ${entry.code}** ${entry.name}`, entry.use, !entry.verified && UNVERIFIED, sourcesLine(entry.sources));
}

/** The device-credit rules shown on the codes of the device-intensive procedure (a warranty replacement). */
export function deviceCreditLine(code: string, knowledge: Knowledge): string | undefined {
  const { deviceEdit, deviceCredit } = knowledge.billing;
  if (!deviceEdit.procedureCodes.includes(code)) return undefined;
  return `Device replaced under warranty or with a credit: hospitals report value code ${deviceCredit.valueCode} with condition code ${deviceCredit.conditionCodes.join(', ')}; ASCs modifier ${deviceCredit.ascModifiers.join(' or ')} (sources: ${deviceCredit.sources.slice(0, 3).join('; ')})`;
}
