import { factLocation, isArrayLine } from '../ruleSupport/claim';
import { sideOfModifier } from '../ruleSupport/modifiers';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'dx-laterality-mismatch',
    description: 'A diagnosis whose side (ICD-10-CM laterality) contradicts the side of the stimulator line or of the note.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['claim', 'diagnosis', 'laterality', 'icd-10-cm', 'cross-document'],
    appliesTo: ['claim'],
    docs: {
      what: 'A peripheral-nerve stimulation line points to a diagnosis whose ICD-10-CM code carries a side (G57.81 right, G57.82 left, G57.83 bilateral, G57.80 unspecified) that differs from the side of the procedure: the side the linked note documents, or, without a note, the line\'s LT/RT. The laterality of each code comes from `icd10-descriptions.json`.',
      why: 'The diagnosis must describe the nerve that was treated: a right-side diagnosis on a left-side implant is a contradiction a reviewer denies, and an unspecified-side code when the side is documented is less specific than the guidelines ask for.',
      fix: 'Use the code for the documented side (for example G57.82 instead of G57.81 for the left lower-limb nerve), or correct the side modifier if the diagnosis is right.',
      sources: ['64596 fact sheet fact 9 (make the ICD-10-CM laterality match)', 'ICD-10-CM Official Guidelines for Coding and Reporting (laterality)'],
      bad: 'payer: Medicare\n\ndx: G57.81\n64596-LT x1 ptr:A',
      good: 'payer: Medicare\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { knowledge, claim } = context;
    if (!claim) return;
    const { note } = claim;
    const noteSide = note?.facts.laterality;
    const reported = new Set<string>();
    for (const line of claim.lines) {
      if (!isArrayLine(knowledge, line)) continue;
      const lineSide = line.modifiers.map((modifier) => sideOfModifier(modifier.value)).find((side) => side !== undefined);
      const side = noteSide?.value ?? lineSide;
      if (!side) continue;
      for (const entry of claim.pointedDiagnoses.get(line) ?? []) {
        const laterality = knowledge.icd10.lookup(entry.code.value).laterality;
        if (!laterality || laterality === side || (side === 'bilateral' && laterality !== 'unspecified') || reported.has(entry.letter)) continue;
        reported.add(entry.letter);
        const where = noteSide ? 'the note documents' : `${line.code.value} is billed for`;
        const sideWords = side === 'bilateral' ? 'both sides' : `the ${side} side`;
        report({
          span: entry.code.span,
          message:
            laterality === 'unspecified'
              ? `${entry.code.value} is the unspecified-side code, but ${where} ${sideWords}: use the code for the documented side, which the guidelines and payers expect when the side is known.`
              : `${entry.code.value} is a ${laterality === 'bilateral' ? 'bilateral' : `${laterality}-side`} diagnosis, but ${where} ${sideWords}: the diagnosis must describe the nerve that was treated, or the line fails review.`,
          ...(note && noteSide ? { related: [factLocation(note, noteSide, `The note documents ${sideWords}.`)] } : {}),
        });
      }
    }
  },
};
