import { firstEvidenceSentence, isNeurostimulationNote } from '../linting/noteAnchors';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'not-integrated',
    description: 'A separate pulse generator / pocket or an external trial stimulator is documented.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['64596', 'note', 'device'],
    appliesTo: ['opnote'],
    docs: {
      what: 'The note documents a pulse generator placed in a pocket and connected to the array, an extension, or an external trial stimulator: the system is not integrated.',
      why: '64596 is for an integrated system, with the generator or receiver built into the array: no pocket and no connection. A separate implanted generator is coded 64555 (array) + 64590 (generator); a temporary trial with an external stimulator is not an integrated implant.',
      fix: 'If the device is integrated, say so ("receiver integrated in the array; no pulse generator pocket"). If a generator was implanted, code 64555 + 64590 instead of 64596.',
      sources: ['case2code.codingahead.com 64590 (generator needs pocket and connection)', '64596 fact sheet §1 and fact 1'],
      bad: 'The lead was tunneled to a subcutaneous pocket and connected to the pulse generator.',
      good: 'The receiver is integrated in the array; no pulse generator pocket was made.',
    },
  },
  check({ model, facts }, report) {
    if (!isNeurostimulationNote(facts) || facts.integrated?.value !== false) return;
    const span = firstEvidenceSentence(model, facts.integrated.evidence);
    if (!span) return;
    report({ span, message: 'This documents a separate generator (pocket, connection or external stimulator), so the system is not integrated. 64596 is for integrated systems; a separate implanted generator is 64555 + 64590.' });
  },
};
