import { anchorFor, appendToSection, hasConflict, isPeripheralImplant, leftUnchosen } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';
import { choicePlaceholder } from '../parse/placeholders';

const WHERE = ['procedure', 'technique'];

export const rule: Rule = {
  meta: {
    id: 'laterality-missing',
    description: 'No side (left, right, bilateral) is documented for the procedure.',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['64596', 'note', 'laterality'],
    appliesTo: ['opnote'],
    docs: {
      what: 'A peripheral nerve stimulator implant note that never says on which side the array was placed. The finding is a warning when the note\'s own template leaves its side options unchosen; when OpNote only finds no side in the words, it is information: check the note.',
      why: 'The claim line needs LT or RT (or the payer\'s bilateral convention), and the ICD-10-CM diagnosis laterality must match it. A side that is only in the claim is not supported by the record.',
      fix: 'Name the side with the nerve ("left superficial peroneal nerve"). The quick fix inserts `Side: [left | right]` for the author to fill in (`placeholder-unfilled` flags it until then).',
      sources: ['64596 fact sheet fact 9 (laterality and nerve must be explicit)', 'IBX modifier policy (LT/RT anatomic modifiers)'],
      bad: 'PROCEDURE: Percutaneous insertion of integrated stimulator, superficial peroneal nerve.',
      good: 'PROCEDURE: Percutaneous insertion of integrated stimulator, left superficial peroneal nerve.',
    },
  },
  check({ model, facts }, report) {
    // A side written in words OpNote cannot place is no sure gap: evidence-unread asks to check it.
    // Both sides written, neither sure: documentation-conflict says so.
    if (!isPeripheralImplant(facts) || facts.laterality !== null || facts.lateralityUnread || hasConflict(facts, 'side')) return;
    // Sure only where the note's own template leaves its side options unchosen.
    const sure = leftUnchosen(facts, 'laterality');
    report({
      span: anchorFor(model, WHERE),
      message: `${sure ? 'The side is left unchosen.' : 'OpNote finds no side for the procedure.'} The claim needs LT or RT and the diagnosis laterality must match, so name the side with the nerve.`,
      unsure: !sure,
      // A placeholder for the author to fill: the tool never chooses the side.
      fixes: [{ title: 'Insert a side line to fill in', edits: [appendToSection(model, WHERE, `Side: ${choicePlaceholder(['left', 'right'])}`)] }],
    });
  },
};
