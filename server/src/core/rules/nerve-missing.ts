import { anchorFor, isPeripheralImplant, leftUnchosen } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'nerve-missing',
    description: 'No target peripheral nerve is named.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['64596', 'note', 'nerve'],
    appliesTo: ['opnote'],
    docs: {
      what: 'A peripheral nerve stimulator implant note that does not name the nerve the array was placed on. The finding is a warning when the note\'s template leaves its nerve options unchosen; when OpNote only finds no nerve in the words, it is information: check the note.',
      why: '64596 is for a peripheral nerve; the nerve shows that the target is peripheral (not the spinal cord, a sacral root or a cranial nerve) and ties the procedure to the diagnosis that justifies it.',
      fix: 'Name the nerve in the procedure line and the technique ("left superficial peroneal nerve", "right greater occipital nerve").',
      sources: ['64596 fact sheet fact 9 and §6 (named target nerve and laterality)'],
      bad: 'PROCEDURE: Percutaneous insertion of integrated peripheral nerve stimulator, left leg.',
      good: 'PROCEDURE: Percutaneous insertion of integrated peripheral nerve stimulator, left superficial peroneal nerve.',
    },
  },
  check({ model, facts }, report) {
    // A nerve or a guidance OpNote cannot name is no sure gap: the rule stays quiet.
    if (!isPeripheralImplant(facts) || facts.nerve !== null || facts.nerveUnread) return;
    const sure = leftUnchosen(facts, 'nerve');
    report({
      span: anchorFor(model, ['procedure', 'technique']),
      message: `${sure ? 'The target nerve is left unchosen.' : 'OpNote finds no target nerve named.'} 64596 is for a peripheral nerve: name the nerve the array was placed on so the diagnosis is supported.`,
      unsure: !sure,
    });
  },
};
