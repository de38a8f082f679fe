import { isNeurostimulationNote } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';

const REVISION_CODE = '64598';
const INSERTION_CODE = '64596';

export const rule: Rule = {
  meta: {
    id: 'revision-or-removal',
    description: 'Only revision or removal was done: 64598, not 64596.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['64596', 'note', 'procedure'],
    appliesTo: ['opnote'],
    docs: {
      what: 'The procedure in the note is a revision (repositioning) or a removal of an existing stimulator array, with no new array inserted. A note that itself codes 64598 (and not 64596) is coded as it reads and draws nothing; a note that claims no code draws it at information severity, to tell which code fits; a claim that bills 64596 for it still draws procedure-code-mismatch.',
      why: '64596 is insertion or replacement. Revision or removal of the integrated system is 64598 (descriptor unverified: check the current CPT book); for a non-integrated system it is 64585 / 64595.',
      fix: 'Code the revision or removal (64598 for an integrated system). If a new array was also placed, say so: removal plus insertion is a replacement, which 64596 covers.',
      sources: ['64596 fact sheet §1 (64598 unverified) and fact 4', 'genhealth.ai 64585'],
      bad: 'PROCEDURE: Removal of integrated peripheral nerve stimulator, left ilioinguinal nerve.',
      good: 'PROCEDURE: Replacement of integrated peripheral nerve stimulator: old array removed, new array inserted.',
    },
  },
  check({ facts, model }, report) {
    if (!isNeurostimulationNote(facts) || (facts.procedure?.value !== 'revision' && facts.procedure?.value !== 'removal')) return;
    const claimed = model.codes.filter((code) => !code.unchosen);
    // A note that codes itself 64598 (and not 64596) is coded as it reads: nothing to redirect.
    if (claimed.some((code) => code.code === REVISION_CODE) && !claimed.some((code) => code.code === INSERTION_CODE)) return;
    const first = facts.procedure.evidence[0];
    if (!first) return;
    report({
      span: first.span,
      message: `This note documents a ${facts.procedure.value} only: revision or removal of an integrated system is 64598, not 64596 (insertion or replacement).`,
      detail: 'The 64598 descriptor is unverified: check the current CPT book.',
      // A note that claims no 64596 is not miscoded: the finding only tells which code fits.
      unsure: !claimed.some((code) => code.code === INSERTION_CODE),
    });
  },
};
