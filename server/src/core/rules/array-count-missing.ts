import { anchorFor, isPeripheralImplant } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'array-count-missing',
    description: 'The number of electrode arrays placed cannot be determined.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['64596', 'note', 'arrays'],
    appliesTo: ['opnote'],
    docs: {
      what: 'A peripheral nerve stimulator implant note from which OpNote cannot tell how many electrode arrays were placed in this procedure ("the leads were placed" with no number). A procedure documented as stopped (discontinued) is left alone. The finding is a warning when the note tells of arrays placed without their number ("the leads were deployed"), and information when OpNote reads no placement at all: check the note.',
      why: 'The count decides the claim: 64596 covers the first or only array and 64597 is reported once for each additional array. Without a number the units cannot be supported.',
      fix: 'State the number of arrays placed in this procedure, in words or digits ("one electrode array", "two arrays, one on each side").',
      sources: ['64596 fact sheet §1 and fact 3 (64597 per additional array; add-on status unverified)'],
      bad: 'The leads were deployed along the nerve.',
      good: 'Two electrode arrays were deployed along the nerve.',
    },
  },
  check({ model, facts }, report) {
    // A procedure stopped before an array went in has no count to give.
    if (!isPeripheralImplant(facts) || facts.procedure === null || facts.arrays !== null || facts.discontinued !== null) return;
    report({
      span: anchorFor(model, ['procedure', 'technique', 'implants']),
      message: 'The number of electrode arrays placed is not stated. 64596 covers the first array and 64597 each additional one, so the count must be in the note.',
      // "The leads were deployed" is a sure gap; a note with no placement OpNote can read may word it in a way it does not read.
      unsure: !facts.arraysUncounted,
    });
  },
};
