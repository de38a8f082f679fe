import { firstEvidenceSentence, hasConflict, isNeurostimulationNote } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'wrong-approach',
    description: 'An open (incisional) approach is documented: not 64596.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['64596', 'note', 'approach'],
    appliesTo: ['opnote'],
    docs: {
      what: 'The note documents an open approach for the procedure: an incision measured in centimetres, dissection, exposure of the nerve. A stab incision or skin nick at the needle entry site does not count.',
      why: '64596 is a percutaneous procedure. Open implantation of a peripheral nerve array is reported with 64575; billing 64596 for it misstates the service.',
      fix: 'If the placement was percutaneous, correct the description. If it was open, the code family is 64575 (and 64590 for a separate generator), not 64596.',
      sources: ['openpayer.com 64575 page (open implantation)', '64596 fact sheet fact 1 (approach and device type select the code)'],
      bad: 'A 6 cm incision was made and the ulnar nerve was exposed.',
      good: 'The introducer was advanced percutaneously under ultrasound guidance.',
    },
  },
  check({ model, facts }, report) {
    if (!isNeurostimulationNote(facts) || hasConflict(facts, 'approach') || facts.approach?.value !== 'open') return;
    const span = firstEvidenceSentence(model, facts.approach.evidence);
    if (!span) return;
    report({ span, message: 'This describes an open (incisional) approach. 64596 is percutaneous only; open placement of a peripheral nerve array is 64575.' });
  },
};
