import { anchorFor, firstEvidenceSentence, isPeripheralImplant } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'testing-undocumented',
    description: 'Intraoperative stimulation testing is absent or was not performed.',
    defaultSeverity: 'information',
    fixable: false,
    tags: ['64596', 'note', 'testing'],
    appliesTo: ['opnote'],
    docs: {
      what: 'A peripheral nerve stimulator implant note that does not document intraoperative stimulation testing (the sensory or motor response, paresthesia coverage) or says it was not performed.',
      why: 'Testing shows the array reached the intended nerve; reviewers look for it next to the imaging findings. It is part of what the operative note should contain for these placements.',
      fix: 'Describe the test stimulation and the response obtained ("test stimulation produced concordant paresthesia over the dorsum of the foot at 0.8 mA").',
      sources: ['64596 fact sheet §6 (intra-operative stimulation testing and repositioning)', 'case2code.codingahead.com 64555 procedure narrative'],
      bad: 'The array was deployed under ultrasound guidance.',
      good: 'Test stimulation reproduced paresthesia in the painful area; the array was deployed under ultrasound guidance.',
    },
  },
  check({ model, facts }, report) {
    if (!isPeripheralImplant(facts) || facts.testing.status === 'documented') return;
    if (facts.testing.status === 'negated') {
      const span = firstEvidenceSentence(model, facts.testing.evidence);
      if (span) report({ span, message: 'Intraoperative stimulation testing was not performed, per this sentence. Reviewers look for the tested response that confirms the array reached the nerve.' });
      return;
    }
    report({ span: anchorFor(model, ['technique', 'findings', 'procedure']), message: 'No intraoperative stimulation testing is documented. Describe the test stimulation and the response that confirmed the array position.' });
  },
};
