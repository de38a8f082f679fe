import { anchorFor, appendToSection, isPeripheralImplant, leftUnchosen } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';
import { choicePlaceholder } from '../parse/placeholders';

const TECHNIQUE = ['technique', 'procedure', 'findings'];

export const rule: Rule = {
  meta: {
    id: 'imaging-undocumented',
    description: 'No imaging modality is documented for this procedure (64596 includes imaging guidance).',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['64596', 'note', 'imaging'],
    appliesTo: ['opnote'],
    docs: {
      what: 'A peripheral nerve stimulator implant note that names no imaging modality (ultrasound, fluoroscopy or CT) for the procedure it describes. A modality mentioned only for an earlier trial, or only as unavailable, does not count; "image guidance" without a modality does not either. The finding is a warning when the note\'s template leaves its imaging options unchosen; when OpNote only finds no modality in the words, it is information: check the note.',
      why: '64596 includes imaging guidance. A reviewer reads the note to see how the array was guided to the nerve; when the note is silent the claim rests on an element the record does not show.',
      fix: 'Say which modality guided the needle and the array and what it showed, in the technique section (the quick fix inserts `Imaging guidance: [ultrasound | fluoroscopy | CT | none]` for the author to fill in). Do not bill the imaging separately (76942, 77002, 77003, 76000, 77011, 77012).',
      sources: ['openpayer.com/billing-codes/cpt-64596-percutaneous-peripheral-nerve-neurostimulation-implant (imaging guidance included)', '64596 fact sheet §6 (imaging modality and needle/array position findings)'],
      bad: 'DESCRIPTION OF PROCEDURE: The array was deployed percutaneously along the left superficial peroneal nerve.',
      good: 'DESCRIPTION OF PROCEDURE: Under ultrasound guidance the array was deployed percutaneously along the left superficial peroneal nerve.',
    },
  },
  check({ model, facts }, report) {
    // A nerve or a guidance OpNote cannot name is no sure gap: the rule stays quiet.
    if (!isPeripheralImplant(facts) || facts.imaging.status !== 'absent' || facts.imagingUnread) return;
    const sure = leftUnchosen(facts, 'imaging');
    // A placeholder for the author to fill: the tool never chooses the modality.
    const fixes = [{ title: 'Insert an imaging guidance line to fill in', edits: [appendToSection(model, TECHNIQUE, `Imaging guidance: ${choicePlaceholder(['ultrasound', 'fluoroscopy', 'CT', 'none'])}`)] }];
    report({
      span: anchorFor(model, TECHNIQUE),
      message: `${sure ? 'The imaging guidance is left unchosen' : 'OpNote finds no imaging modality'}: 64596 includes imaging guidance, so say which one (ultrasound, fluoroscopy, CT) guided the array.`,
      detail: 'Say what the imaging showed, too (the needle beside the nerve, the final array position).',
      unsure: !sure,
      fixes,
    });
  },
};
