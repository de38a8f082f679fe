import { PRIMARY_CODE } from '../ruleSupport/claim';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'dx-unsupported',
    description: 'No diagnosis on the 64596 line is among those typical for peripheral nerve stimulation.',
    defaultSeverity: 'information',
    fixable: false,
    tags: ['claim', '64596', 'diagnosis', 'medical-necessity'],
    appliesTo: ['claim'],
    docs: {
      what: 'None of the diagnoses the 64596 line points to is in OpNote\'s list of diagnoses typical for peripheral nerve stimulation (`icd10-descriptions.json`, `typicalForPns`): mononeuropathies (G56.x, G57.x), G58.x, CRPS (G90.5x), chronic pain (G89.2x, G89.4), neuralgia (M79.2), radiculopathy (M54.1x). Invalid codes are left to `dx-invalid`.',
      why: 'Payers cover implantable PNS for chronic neuropathic pain of a named nerve; a line whose only diagnoses are, for example, a joint disorder or an unrelated condition invites a medical-necessity denial. The list is OpNote\'s own and unverified: no payer ICD-10-CM list for PNS was found, so check the payer policy.',
      fix: 'Point the 64596 line at the diagnosis that justifies it (the nerve condition the note documents), coded to the side of the procedure. If the payer covers the diagnosis, disable the rule for the line.',
      sources: ['64596 fact sheet §6 (commonly used codes, unverified) and fact 9 (CRPS coding, G89 rule)', 'med.report G90.59 (CRPS II Excludes1)', 'agescodingtech.com ch.6 (G89 rule)'],
      bad: 'payer: Medicare\n\ndx: M25.561\n64596-RT x1 ptr:A',
      good: 'payer: Medicare\n\ndx: G57.81, M25.561\n64596-RT x1 ptr:A,B',
    },
  },
  check({ knowledge, claim }, report) {
    if (!claim) return;
    const typical = [...knowledge.icd10.descriptions().values()].filter((entry) => entry.typicalForPns);
    const categories = [...new Set(typical.map((entry) => entry.code.slice(0, 3)))];
    for (const line of claim.lines) {
      if (line.code.value !== PRIMARY_CODE) continue;
      const pointed = (claim.pointedDiagnoses.get(line) ?? [])
        .map((entry) => knowledge.icd10.lookup(entry.code.value))
        .filter((lookup) => lookup.billable);
      if (pointed.length === 0 || pointed.some((lookup) => lookup.typicalForPns === true)) continue;
      report({
        span: line.pointers?.span ?? line.code.span,
        message: `No diagnosis on ${line.code.value} is typical for peripheral nerve stimulation (${categories.join(', ')}): the line may be denied as not medically necessary.`,
        detail: `The line points to ${pointed.map((lookup) => lookup.normalized).join(', ')}. The list of typical categories is OpNote's own, not a payer's. Unverified: check the payer policy (source: 64596 fact sheet §6).`,
      });
    }
  },
};
