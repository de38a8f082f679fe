import { isNeurostimulationNote } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'trial-not-implant',
    description: 'A temporary trial, not an implant.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['64596', 'note', 'procedure'],
    appliesTo: ['opnote'],
    docs: {
      what: 'The procedure in the note is a temporary stimulation trial (trial or temporary leads, an external trial stimulator), not the permanent implant of an integrated system. A trial mentioned as history ("after a successful trial") does not count. When the same note also tells of an integrated system, the finding is information: the note may tell of an earlier trial and today\'s implant.',
      why: 'Payers require a successful trial before the permanent implant, and the trial is its own service: percutaneous trial arrays on a peripheral nerve are reported with 64555 (whether 64596 may be used for a trial is unverified).',
      fix: 'Code the trial as a trial. When the permanent implant is done later, its note documents the trial result (≥ 50% relief) as history.',
      sources: ['hiacode.com/blog/neurostimulator-procedures (placement codes serve temporary and permanent arrays)', '64596 fact sheet §2 (trial vs permanent, unverified for 64596)', 'BCBS AL/FL MP-623 (successful trial required)'],
      bad: 'Two temporary trial leads were placed and connected to an external trial stimulator.',
      good: 'Following a successful 7-day trial, the permanent integrated array was implanted.',
    },
  },
  check({ facts }, report) {
    if (!isNeurostimulationNote(facts) || facts.procedure?.value !== 'trial') return;
    const first = facts.procedure.evidence[0];
    if (!first) return;
    report({
      span: first.span,
      message: 'This is a temporary stimulation trial, not a permanent integrated implant: a percutaneous peripheral nerve trial is reported with 64555, not 64596.',
      detail: 'Whether 64596 may ever report a trial is unverified: check the current CPT book.',
      // A note that also tells of an integrated system tells two stories: information, for the coder to read.
      unsure: facts.integrated?.value === true,
    });
  },
};
