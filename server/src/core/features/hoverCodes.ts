import type { Knowledge } from '../knowledge';
import type { CodeMention } from '../parse/model';
import { deviceCreditLine } from './hoverClaim';
import { bullets, flagged, NO_DATA, sections, sourcesLine, UNVERIFIED } from './hoverText';

function procedureHover(code: string, knowledge: Knowledge, system: CodeMention['system']): string {
  const entry = knowledge.codes.get(code);
  if (!entry) {
    if (system === 'hcpcs') {
      return knowledge.hcpcs.isCode(code)
        ? `**${code}** HCPCS Level II code (in the ${knowledge.hcpcs.provenance().edition} code list); OpNote has no further data on it.`
        : `**${code}** is not in the HCPCS Level II code list OpNote ships (${knowledge.hcpcs.provenance().edition}).`;
    }
    return `**${code}** ${system === 'cpt-cat3' ? 'CPT Category III' : 'CPT'} code: not in OpNote's 64596 knowledge pack (${NO_DATA}).`;
  }
  const unverifiedFields = !entry.verified || [entry.addOn, entry.typicalPos, entry.globalDays, entry.effectiveFrom].some((fact) => fact && !fact.verified);
  return sections(
    `**${entry.code}** ${entry.summary}`,
    bullets([
      entry.includes.length ? `Includes: ${entry.includes.join('; ')}` : undefined,
      `Add-on code: ${entry.addOn.value === null ? NO_DATA : flagged(entry.addOn.value ? 'yes (never alone, never modifier 51)' : 'no', entry.addOn.verified)}`,
      `Typical place of service: ${entry.typicalPos ? flagged(entry.typicalPos.value.join(', '), entry.typicalPos.verified) : NO_DATA}`,
      `Global period: ${entry.globalDays ? flagged(entry.globalDays.value, entry.globalDays.verified) : NO_DATA}`,
      `Payment: ${NO_DATA}`,
      ...entry.useInsteadWhen.slice(0, 4).map((alternative) => `Instead, when ${alternative.when}: ${alternative.codes.join(' + ')}`),
      deviceCreditLine(entry.code, knowledge),
    ]),
    unverifiedFields && UNVERIFIED,
    sourcesLine(entry.sources),
  );
}

function modifierHover(code: string, knowledge: Knowledge): string {
  const modifier = knowledge.modifiers.get(code);
  if (!modifier) return `**-${code}**: not a modifier OpNote knows.`;
  return sections(
    `**Modifier ${modifier.code}** ${modifier.title}`,
    modifier.meaning,
    bullets([
      `When: ${modifier.whenToUse}`,
      `Used by: ${modifier.usedBy === 'both' ? 'professional and facility claims' : `${modifier.usedBy} claims`}; ${modifier.kind}`,
      modifier.rules.requiresDocumentation && `Needs: ${modifier.rules.requiresDocumentation}`,
      modifier.rules.neverOnAddOn && 'Never on an add-on code',
      modifier.rules.preferredOver?.length && `Preferred over ${modifier.rules.preferredOver.join(', ')}`,
      ...modifier.notes,
    ]),
    !modifier.verified && UNVERIFIED,
    sourcesLine(modifier.sources),
  );
}

function icd10Hover(code: string, knowledge: Knowledge): string {
  const found = knowledge.icd10.lookup(code);
  if (!found.exists) return `**${found.normalized}** is not an ICD-10-CM FY2026 code.`;
  const described = knowledge.icd10.descriptions().get(found.normalized);
  return sections(
    `**${found.normalized}** ICD-10-CM${described ? `: ${described.description}` : ''}`,
    bullets([
      found.billable ? 'Billable (a complete code)' : 'Not billable: a category header; choose a more specific code below it',
      described?.laterality && `Laterality: ${described.laterality}`,
      described && `Typical for peripheral nerve stimulation: ${described.typicalForPns ? 'yes' : 'no'}`,
    ]),
    described && !described.verified && UNVERIFIED,
    described ? sourcesLine(described.sources) : `Source: CMS ICD-10-CM FY2026 code list`,
  );
}

/** Hover Markdown for a code or modifier recognised in the text. */
export function codeHover(mention: CodeMention, knowledge: Knowledge): string {
  switch (mention.system) {
    case 'modifier':
      return modifierHover(mention.code, knowledge);
    case 'icd10cm':
      return icd10Hover(mention.code, knowledge);
    default:
      return procedureHover(mention.code, knowledge, mention.system);
  }
}
