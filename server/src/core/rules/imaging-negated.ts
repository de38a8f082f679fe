import { firstEvidenceSentence, isPeripheralImplant } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'imaging-negated',
    description: 'The note says no imaging guidance was used for this procedure.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['64596', 'note', 'imaging'],
    appliesTo: ['opnote'],
    docs: {
      what: 'A peripheral nerve stimulator implant note that says imaging guidance was not used ("No fluoroscopy was used", "without imaging guidance") and documents no other modality for this procedure.',
      why: '64596 describes a placement that includes imaging guidance. A note that rules imaging out invites the question whether 64596 describes what was done; a payer reviewer will ask.',
      fix: 'If imaging was used, correct the sentence and name the modality. If it truly was not, have the coder review the code choice before the claim goes out (the code family for percutaneous peripheral arrays placed without the integrated system is 64555).',
      sources: ['openpayer.com/billing-codes/cpt-64596-percutaneous-peripheral-nerve-neurostimulation-implant (imaging guidance included)'],
      bad: 'No fluoroscopy or ultrasound was used; the array was placed by landmarks.',
      good: 'Under ultrasound guidance the array was placed along the nerve.',
    },
  },
  check({ model, facts }, report) {
    // A case stopped before imaging began ("cancelled in pre-op, no needle placed, no imaging performed") chose no code by it.
    if (!isPeripheralImplant(facts) || facts.imaging.status !== 'negated' || facts.discontinued) return;
    const span = firstEvidenceSentence(model, facts.imaging.evidence);
    if (!span) return;
    report({ span, message: 'This sentence says no imaging guidance was used. 64596 includes imaging guidance, so check the code choice or correct the documentation.' });
  },
};
