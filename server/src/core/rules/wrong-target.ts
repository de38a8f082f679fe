import { isNeurostimulationNote } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';
import type { Target } from '../facts/types';

const OTHER_SYSTEMS: Partial<Record<Target, string>> = {
  'spinal-cord': 'a spinal cord stimulator (63650 for percutaneous epidural arrays, 63685 for the generator)',
  'dorsal-root-ganglion': 'a dorsal root ganglion stimulator (not a peripheral nerve system)',
  'sacral-nerve': 'a sacral nerve stimulator (64561 percutaneous, 64581 open, 64590 for the generator)',
  'cranial-nerve': 'a cranial nerve stimulator (e.g. 64568; hypoglossal 64582)',
  brain: 'a deep brain stimulator (not a peripheral nerve system)',
};

export const rule: Rule = {
  meta: {
    id: 'wrong-target',
    description: 'The stimulation target is not a peripheral nerve (spinal cord, DRG, sacral, cranial, brain).',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['64596', 'note', 'target'],
    appliesTo: ['opnote'],
    docs: {
      what: 'The note documents a neurostimulator whose target is the spinal cord, a dorsal root ganglion, a sacral nerve root, a cranial nerve or the brain.',
      why: '64596 is only for a peripheral nerve. Each of these systems has its own code family; 64596 on such a claim is wrong.',
      fix: 'Code the system that was placed (see the message for the family). If the target really is a peripheral nerve, name it in the note.',
      sources: ['64596 fact sheet §1 (codes 64596 is distinguished from: 63650/63685, 64561/64581, 64568, 64582)', 'openpayer.com 64596 descriptor (peripheral nerve)'],
      bad: 'Two percutaneous leads were advanced in the epidural space to T8.',
      good: 'The array was placed along the left superficial peroneal nerve.',
    },
  },
  check({ facts }, report) {
    if (!isNeurostimulationNote(facts) || !facts.target) return;
    const system = OTHER_SYSTEMS[facts.target.value];
    const first = facts.target.evidence[0];
    if (!system || !first) return;
    report({ span: first.span, message: `This is ${system}. 64596 is only for a peripheral nerve.` });
  },
};
